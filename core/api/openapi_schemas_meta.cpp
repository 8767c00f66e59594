// Component schemas of apimachinery's meta/v1 types, shared by every kind,
// and the builders for top-level kinds.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

QJsonObject apiVersionField()
{
    return str(QStringLiteral(
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert "
        "recognized schemas to the latest internal value, and may reject unrecognized values. More info: "
        "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"));
}

QJsonObject kindField()
{
    return str(QStringLiteral(
        "Kind is a string value representing the REST resource this object represents. Servers may infer this "
        "from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: "
        "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"));
}

QJsonObject metadataField()
{
    return ref(meta(QStringLiteral("ObjectMeta")),
               QStringLiteral("Standard object's metadata. More info: "
                              "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"));
}

QJsonObject kindObj(const QString &d, std::initializer_list<Prop> props, const QStringList &required)
{
    QJsonObject s = obj(d, props, required);
    QJsonObject properties = s.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("apiVersion"), apiVersionField());
    properties.insert(QStringLiteral("kind"), kindField());
    if (!properties.contains(QStringLiteral("metadata")))
        properties.insert(QStringLiteral("metadata"), metadataField());
    s.insert(QStringLiteral("properties"), properties);
    return s;
}

QJsonObject listKind(const QString &itemName, const QString &d)
{
    return obj(d,
               {{QStringLiteral("apiVersion"), apiVersionField()},
                {QStringLiteral("kind"), kindField()},
                {QStringLiteral("items"), listOf(itemName, QStringLiteral("List of objects."), false)},
                {QStringLiteral("metadata"),
                 ref(meta(QStringLiteral("ListMeta")),
                     QStringLiteral("Standard list metadata. More info: "
                                    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"))}},
               {QStringLiteral("items")});
}

QJsonObject permissive(const QString &d)
{
    QJsonObject s = kindObj(d, {});
    s.insert(QStringLiteral("x-kubernetes-preserve-unknown-fields"), true);
    return s;
}

namespace {

// Scalars with two JSON forms carry no single "type", so `kubectl explain`
// names them by their component (<Quantity>, <IntOrString>).
QJsonArray oneOf(std::initializer_list<const char *> types)
{
    QJsonArray a;
    for (const char *t : types)
        a.append(QJsonObject{{QStringLiteral("type"), QLatin1String(t)}});
    return a;
}

}  // namespace

void addMetaSchemas(QJsonObject &s)
{
    s.insert(quantityName(),
             QJsonObject{{QStringLiteral("oneOf"), oneOf({"string", "number"})},
                         {QStringLiteral("format"), QStringLiteral("quantity")},
                         {QStringLiteral("description"),
                          QStringLiteral("Quantity is a fixed-point representation of a number, written with an optional SI "
                                         "suffix (m, k, M, G, ...) or binary suffix (Ki, Mi, Gi, ...), e.g. 100m or 128Mi.")}});

    s.insert(intOrStringName(),
             QJsonObject{{QStringLiteral("oneOf"), oneOf({"integer", "string"})},
                         {QStringLiteral("format"), QStringLiteral("int-or-string")},
                         {QStringLiteral("x-kubernetes-int-or-string"), true},
                         {QStringLiteral("description"),
                          QStringLiteral("IntOrString is a type that can hold an int32 or a string. When used in JSON or "
                                         "YAML marshalling and unmarshalling, it produces or consumes the inner type.")}});

    s.insert(meta(QStringLiteral("ObjectMeta")), obj(QStringLiteral(
        "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create."), {
        {QStringLiteral("name"), str(QStringLiteral(
            "Name must be unique within a namespace. Is required when creating resources, although some resources may "
            "allow a client to request the generation of an appropriate name automatically. Name is primarily intended "
            "for creation idempotence and configuration definition. Cannot be updated."))},
        {QStringLiteral("generateName"), str(QStringLiteral(
            "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field "
            "has not been provided. The server appends a random suffix to it."))},
        {QStringLiteral("namespace"), str(QStringLiteral(
            "Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "
            "\"default\" namespace. Not all objects are required to be scoped to a namespace. Cannot be updated."))},
        {QStringLiteral("uid"), str(QStringLiteral(
            "UID is the unique in time and space value for this object. It is generated by the server on successful "
            "creation of a resource and is not allowed to change on PUT operations. Read-only."))},
        {QStringLiteral("resourceVersion"), str(QStringLiteral(
            "An opaque value that represents the internal version of this object that can be used by clients to "
            "determine when objects have changed. Used for optimistic concurrency, change detection, and the watch "
            "operation. Read-only."))},
        {QStringLiteral("generation"), int64(QStringLiteral(
            "A sequence number representing a specific generation of the desired state. Populated by the system. Read-only."))},
        {QStringLiteral("creationTimestamp"), time(QStringLiteral(
            "CreationTimestamp is a timestamp representing the server time when this object was created. Populated by "
            "the system. Read-only. Null for lists."))},
        {QStringLiteral("deletionTimestamp"), time(QStringLiteral(
            "DeletionTimestamp is the time after which this resource will be deleted. It is set by the server when a "
            "graceful deletion is requested by the user, and is not directly settable by a client. Read-only."))},
        {QStringLiteral("deletionGracePeriodSeconds"), int64(QStringLiteral(
            "Number of seconds allowed for this object to gracefully terminate before it will be removed from the "
            "system. Only set when deletionTimestamp is also set. May only be shortened. Read-only."))},
        {QStringLiteral("labels"), strMap(QStringLiteral(
            "Map of string keys and values that can be used to organize and categorize (scope and select) objects. May "
            "match selectors of replication controllers and services. More info: "
            "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels"))},
        {QStringLiteral("annotations"), strMap(QStringLiteral(
            "Annotations is an unstructured key value map stored with a resource that may be set by external tools to "
            "store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying "
            "objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations"))},
        {QStringLiteral("ownerReferences"), mergeList(meta(QStringLiteral("OwnerReference")), QStringLiteral("uid"), QStringLiteral(
            "List of objects depended by this object. If ALL objects in the list have been deleted, this object will be "
            "garbage collected. If this object is managed by a controller, then an entry in this list will point to this "
            "controller, with the controller field set to true. There cannot be more than one managing controller."))},
        {QStringLiteral("finalizers"), [] {
            QJsonObject f = arrayOf(str(), QStringLiteral(
                "Must be empty before the object is deleted from the registry. Each entry is an identifier for the "
                "responsible component that will remove the entry from the list. If the deletionTimestamp of the object "
                "is non-nil, entries in this list can only be removed."));
            f.insert(QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("merge"));
            f.insert(QStringLiteral("x-kubernetes-list-type"), QStringLiteral("set"));
            return f;
        }()},
        {QStringLiteral("managedFields"), listOf(meta(QStringLiteral("ManagedFieldsEntry")), QStringLiteral(
            "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is "
            "mostly for internal housekeeping, and users typically shouldn't need to set or understand this field."))},
    }));

    s.insert(meta(QStringLiteral("ListMeta")), obj(QStringLiteral(
        "ListMeta describes metadata that synthetic resources must have, including lists and various status objects."), {
        {QStringLiteral("resourceVersion"), str(QStringLiteral(
            "String that identifies the server's internal version of this object that can be used by clients to "
            "determine when objects have changed. Read-only."))},
        {QStringLiteral("continue"), str(QStringLiteral(
            "continue may be set if the user set a limit on the number of items returned, and indicates that the server "
            "has more data available."))},
        {QStringLiteral("remainingItemCount"), int64(QStringLiteral(
            "remainingItemCount is the number of subsequent items in the list which are not included in this list response."))},
        {QStringLiteral("selfLink"), str(QStringLiteral("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."))},
    }));

    s.insert(meta(QStringLiteral("OwnerReference")), obj(QStringLiteral(
        "OwnerReference contains enough information to let you identify an owning object. An owning object must be in "
        "the same namespace as the dependent, or be cluster-scoped, so there is no namespace field."), {
        {QStringLiteral("apiVersion"), str(QStringLiteral("API version of the referent."))},
        {QStringLiteral("kind"), str(QStringLiteral("Kind of the referent."))},
        {QStringLiteral("name"), str(QStringLiteral("Name of the referent."))},
        {QStringLiteral("uid"), str(QStringLiteral("UID of the referent."))},
        {QStringLiteral("controller"), boolean(QStringLiteral("If true, this reference points to the managing controller."))},
        {QStringLiteral("blockOwnerDeletion"), boolean(QStringLiteral(
            "If true, AND if the owner has the \"foregroundDeletion\" finalizer, then the owner cannot be deleted from "
            "the key-value store until this reference is removed."))},
    }, {QStringLiteral("apiVersion"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("uid")}));

    s.insert(meta(QStringLiteral("ManagedFieldsEntry")), obj(QStringLiteral(
        "ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to."), {
        {QStringLiteral("manager"), str(QStringLiteral("Manager is an identifier of the workflow managing these fields."))},
        {QStringLiteral("operation"), str(QStringLiteral("Operation is the type of operation which lead to this entry: Apply or Update."))},
        {QStringLiteral("apiVersion"), str(QStringLiteral("APIVersion defines the version of this resource that this field set applies to."))},
        {QStringLiteral("time"), time(QStringLiteral("Time is the timestamp of when the ManagedFields entry was added."))},
        {QStringLiteral("fieldsType"), str(QStringLiteral("FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: \"FieldsV1\""))},
        {QStringLiteral("fieldsV1"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                 {QStringLiteral("description"), QStringLiteral("FieldsV1 holds the first JSON version format as described in the \"FieldsV1\" type.")}}},
        {QStringLiteral("subresource"), str(QStringLiteral("Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource."))},
    }));

    s.insert(meta(QStringLiteral("LabelSelector")), [] {
        QJsonObject sel = obj(QStringLiteral(
            "A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions "
            "are ANDed. An empty label selector matches all objects. A null label selector matches no objects."), {
            {QStringLiteral("matchLabels"), strMap(QStringLiteral(
                "matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to "
                "an element of matchExpressions, whose key field is \"key\", the operator is \"In\", and the values array "
                "contains only \"value\". The requirements are ANDed."))},
            {QStringLiteral("matchExpressions"), listOf(meta(QStringLiteral("LabelSelectorRequirement")), QStringLiteral(
                "matchExpressions is a list of label selector requirements. The requirements are ANDed."))},
        });
        sel.insert(QStringLiteral("x-kubernetes-map-type"), QStringLiteral("atomic"));
        return sel;
    }());

    s.insert(meta(QStringLiteral("LabelSelectorRequirement")), obj(QStringLiteral(
        "A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values."), {
        {QStringLiteral("key"), str(QStringLiteral("key is the label key that the selector applies to."))},
        {QStringLiteral("operator"), str(QStringLiteral(
            "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist."))},
        {QStringLiteral("values"), strList(QStringLiteral(
            "values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If "
            "the operator is Exists or DoesNotExist, the values array must be empty."))},
    }, {QStringLiteral("key"), QStringLiteral("operator")}));

    s.insert(meta(QStringLiteral("Status")), kindObj(QStringLiteral("Status is a return value for calls that don't return other objects."), {
        {QStringLiteral("metadata"), ref(meta(QStringLiteral("ListMeta")), QStringLiteral("Standard list metadata."))},
        {QStringLiteral("status"), str(QStringLiteral("Status of the operation. One of: \"Success\" or \"Failure\"."))},
        {QStringLiteral("message"), str(QStringLiteral("A human-readable description of the status of this operation."))},
        {QStringLiteral("reason"), str(QStringLiteral(
            "A machine-readable description of why this operation is in the \"Failure\" status. If this value is empty "
            "there is no information available."))},
        {QStringLiteral("details"), ref(meta(QStringLiteral("StatusDetails")), QStringLiteral(
            "Extended data associated with the reason. Each reason may define its own extended details."))},
        {QStringLiteral("code"), int32(QStringLiteral("Suggested HTTP return code for this status, 0 if not set."))},
    }));

    s.insert(meta(QStringLiteral("StatusDetails")), obj(QStringLiteral(
        "StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response."), {
        {QStringLiteral("name"), str(QStringLiteral("The name attribute of the resource associated with the status StatusReason."))},
        {QStringLiteral("group"), str(QStringLiteral("The group attribute of the resource associated with the status StatusReason."))},
        {QStringLiteral("kind"), str(QStringLiteral("The kind attribute of the resource associated with the status StatusReason."))},
        {QStringLiteral("uid"), str(QStringLiteral("UID of the resource."))},
        {QStringLiteral("causes"), listOf(meta(QStringLiteral("StatusCause")), QStringLiteral(
            "The Causes array includes more details associated with the StatusReason failure."))},
        {QStringLiteral("retryAfterSeconds"), int32(QStringLiteral("If specified, the time in seconds before the operation should be retried."))},
    }));

    s.insert(meta(QStringLiteral("StatusCause")), obj(QStringLiteral(
        "StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered."), {
        {QStringLiteral("reason"), str(QStringLiteral("A machine-readable description of the cause of the error."))},
        {QStringLiteral("message"), str(QStringLiteral("A human-readable description of the cause of the error."))},
        {QStringLiteral("field"), str(QStringLiteral(
            "The field of the resource that has caused this error, as named by its JSON serialization, e.g. \"spec.containers[0].name\"."))},
    }));

    s.insert(meta(QStringLiteral("DeleteOptions")), kindObj(QStringLiteral("DeleteOptions may be provided when deleting an API object."), {
        {QStringLiteral("metadata"), QJsonObject{}},
        {QStringLiteral("dryRun"), strList(QStringLiteral("When present, indicates that modifications should not be persisted."))},
        {QStringLiteral("gracePeriodSeconds"), int64(QStringLiteral(
            "The duration in seconds before the object should be deleted. Zero means delete immediately."))},
        {QStringLiteral("propagationPolicy"), str(QStringLiteral(
            "Whether and how garbage collection will be performed: Orphan, Background or Foreground."))},
        {QStringLiteral("orphanDependents"), boolean(QStringLiteral("Deprecated: please use the PropagationPolicy."))},
        {QStringLiteral("preconditions"), ref(meta(QStringLiteral("Preconditions")), QStringLiteral(
            "Must be fulfilled before a deletion is carried out."))},
    }));
    {
        // DeleteOptions has no metadata; the placeholder above only kept kindObj from adding one.
        QJsonObject d = s.value(meta(QStringLiteral("DeleteOptions"))).toObject();
        QJsonObject props = d.value(QStringLiteral("properties")).toObject();
        props.remove(QStringLiteral("metadata"));
        d.insert(QStringLiteral("properties"), props);
        s.insert(meta(QStringLiteral("DeleteOptions")), d);
    }

    s.insert(meta(QStringLiteral("Preconditions")), obj(QStringLiteral(
        "Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out."), {
        {QStringLiteral("resourceVersion"), str(QStringLiteral("Specifies the target ResourceVersion"))},
        {QStringLiteral("uid"), str(QStringLiteral("Specifies the target UID."))},
    }));

    s.insert(meta(QStringLiteral("Condition")), obj(QStringLiteral(
        "Condition contains details for one aspect of the current state of this API Resource."), {
        {QStringLiteral("type"), str(QStringLiteral("type of condition in CamelCase or in foo.example.com/CamelCase."))},
        {QStringLiteral("status"), str(QStringLiteral("status of the condition, one of True, False, Unknown."))},
        {QStringLiteral("observedGeneration"), int64(QStringLiteral(
            "observedGeneration represents the .metadata.generation that the condition was set based upon."))},
        {QStringLiteral("lastTransitionTime"), time(QStringLiteral(
            "lastTransitionTime is the last time the condition transitioned from one status to another."))},
        {QStringLiteral("reason"), str(QStringLiteral(
            "reason contains a programmatic identifier indicating the reason for the condition's last transition."))},
        {QStringLiteral("message"), str(QStringLiteral(
            "message is a human readable message indicating details about the transition. This may be an empty string."))},
    }, {QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("lastTransitionTime"), QStringLiteral("reason"),
        QStringLiteral("message")}));
}

}  // namespace timoneiro::api::oas
