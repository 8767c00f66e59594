// The paths of an OpenAPI v3 group-version document: list, create,
// read, replace, patch and delete operations per resource, shaped like the
// ones kube-apiserver publishes.
#include "api/openapi_schemas.h"
#include "api/resource.h"

#include <QJsonArray>
#include <QSet>

namespace timoneiro::api::oas {

// Component names follow the Go package each kind lives in, because kubectl
// and client tooling recognise the familiar names.
QString schemaName(const QString &group, const QString &version, const QString &kind)
{
    if (group.isEmpty())
        return QStringLiteral("io.k8s.api.core.%1.%2").arg(version, kind);
    if (group == QLatin1String("apiextensions.k8s.io"))
        return QStringLiteral("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.%1.%2").arg(version, kind);
    if (group == QLatin1String("apiregistration.k8s.io"))
        return QStringLiteral("io.k8s.kube-aggregator.pkg.apis.apiregistration.%1.%2").arg(version, kind);
    return pkg(group.section(QLatin1Char('.'), 0, 0), version, kind);
}

QString groupVersionPath(const ResourceInfo &r)
{
    return r.group.isEmpty() ? QStringLiteral("api/") + r.version
                             : QStringLiteral("apis/%1/%2").arg(r.group, r.version);
}

QJsonObject gvkObject(const QString &group, const QString &version, const QString &kind)
{
    return {{QStringLiteral("group"), group}, {QStringLiteral("version"), version}, {QStringLiteral("kind"), kind}};
}

namespace {

// "rbac.authorization.k8s.io" + "v1" -> "RbacAuthorizationV1", as in operation ids.
QString operationGroup(const ResourceInfo &r)
{
    QString group = r.group.isEmpty() ? QStringLiteral("core") : r.group;
    if (group.endsWith(QLatin1String(".k8s.io")))
        group.chop(7);
    QString out;
    for (const QString &part : group.split(QLatin1Char('.'), Qt::SkipEmptyParts))
        out += part.left(1).toUpper() + part.mid(1);
    return out + r.version.left(1).toUpper() + r.version.mid(1);
}

QString tagOf(const ResourceInfo &r)
{
    QString group = r.group.isEmpty() ? QStringLiteral("core") : r.group;
    if (group.endsWith(QLatin1String(".k8s.io")))
        group.chop(7);
    return group.replace(QLatin1Char('.'), QLatin1Char('_')) + QLatin1Char('_') + r.version;
}

QJsonObject param(const QString &name, const QString &in, const QString &description, const char *type = "string")
{
    QJsonObject p{{QStringLiteral("name"), name},
                  {QStringLiteral("in"), in},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                                                         {QStringLiteral("uniqueItems"), true}}}};
    if (in == QLatin1String("path"))
        p.insert(QStringLiteral("required"), true);
    return p;
}

QJsonObject dryRunParam()
{
    return param(QStringLiteral("dryRun"), QStringLiteral("query"),
                 QStringLiteral("When present, indicates that modifications should not be persisted. Valid values are: "
                                "All (process every stage of the request without persisting it)."));
}
QJsonObject fieldManagerParam()
{
    return param(QStringLiteral("fieldManager"), QStringLiteral("query"),
                 QStringLiteral("A name for the actor making these changes, recorded in managedFields."));
}
QJsonObject fieldValidationParam()
{
    return param(QStringLiteral("fieldValidation"), QStringLiteral("query"),
                 QStringLiteral("How the server treats unknown or duplicate fields in the request body: Ignore, Warn "
                                "or Strict (fail the request)."));
}

QJsonArray listParams()
{
    QJsonArray a;
    const auto q = QStringLiteral("query");
    a.append(param(QStringLiteral("allowWatchBookmarks"), q, QStringLiteral("Ask for BOOKMARK watch events."), "boolean"));
    a.append(param(QStringLiteral("continue"), q, QStringLiteral("The continue token of a previous paginated list.")));
    a.append(param(QStringLiteral("fieldSelector"), q, QStringLiteral("Restrict the objects returned by their fields.")));
    a.append(param(QStringLiteral("labelSelector"), q, QStringLiteral("Restrict the objects returned by their labels.")));
    a.append(param(QStringLiteral("limit"), q, QStringLiteral("The maximum number of objects to return."), "integer"));
    a.append(param(QStringLiteral("resourceVersion"), q, QStringLiteral("The resource version the list must be at least as new as.")));
    a.append(param(QStringLiteral("resourceVersionMatch"), q, QStringLiteral("How resourceVersion applies to the list.")));
    a.append(param(QStringLiteral("sendInitialEvents"), q, QStringLiteral("Start a watch with synthetic ADDED events."), "boolean"));
    a.append(param(QStringLiteral("timeoutSeconds"), q, QStringLiteral("Timeout for the list/watch call."), "integer"));
    a.append(param(QStringLiteral("watch"), q, QStringLiteral("Watch for changes instead of listing."), "boolean"));
    return a;
}

QJsonObject content(const QStringList &types, const QString &schema)
{
    QJsonObject c;
    for (const QString &t : types)
        c.insert(t, QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), refPath(schema)}}}});
    return c;
}

QJsonObject responses(std::initializer_list<const char *> codes, const QString &schema)
{
    static const QStringList types{QStringLiteral("application/json"), QStringLiteral("application/yaml"),
                                   QStringLiteral("application/vnd.kubernetes.protobuf")};
    QJsonObject r;
    for (const char *code : codes) {
        const QString c = QLatin1String(code);
        const QString text = c == QLatin1String("200") ? QStringLiteral("OK")
                           : c == QLatin1String("201") ? QStringLiteral("Created")
                                                       : QStringLiteral("Accepted");
        r.insert(c, QJsonObject{{QStringLiteral("description"), text}, {QStringLiteral("content"), content(types, schema)}});
    }
    r.insert(QStringLiteral("401"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Unauthorized")}});
    return r;
}

QJsonObject requestBody(const QStringList &types, const QString &schema)
{
    return {{QStringLiteral("content"), content(types, schema)}, {QStringLiteral("required"), true}};
}

struct OpContext {
    const ResourceInfo &r;
    QString kindSchema;
    QJsonObject gvk;
    QString idSuffix;   // "CoreV1NamespacedPod"
};

QJsonObject operation(const OpContext &c, const QString &verb, const QString &idVerb, const QString &description,
                      QJsonArray parameters, QJsonObject responseMap, const QJsonObject &gvk)
{
    return {{QStringLiteral("tags"), QJsonArray{tagOf(c.r)}},
            {QStringLiteral("description"), description},
            {QStringLiteral("operationId"), idVerb + c.idSuffix},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("responses"), responseMap},
            {QStringLiteral("x-kubernetes-action"), verb},
            {QStringLiteral("x-kubernetes-group-version-kind"), gvk}};
}

// The PATCH operation is what kubectl probes to decide the server validates
// fields, so it exists for every patchable path, subresources included.
QJsonObject patchOperation(const OpContext &c, const QString &bodySchema, const QJsonObject &gvk, const QString &what)
{
    QJsonObject op = operation(c, QStringLiteral("patch"), QStringLiteral("patch"),
                               QStringLiteral("partially update %1").arg(what),
                               {dryRunParam(), fieldManagerParam(), fieldValidationParam(),
                                param(QStringLiteral("force"), QStringLiteral("query"),
                                      QStringLiteral("Force an apply request to take over conflicting fields."), "boolean")},
                               responses({"200", "201"}, bodySchema), gvk);
    op.insert(QStringLiteral("requestBody"),
              requestBody({QStringLiteral("application/apply-patch+yaml"), QStringLiteral("application/json-patch+json"),
                           QStringLiteral("application/merge-patch+json"),
                           QStringLiteral("application/strategic-merge-patch+json")},
                          bodySchema));
    return op;
}

QJsonObject putOperation(const OpContext &c, const QString &bodySchema, const QJsonObject &gvk, const QString &what)
{
    QJsonObject op = operation(c, QStringLiteral("put"), QStringLiteral("replace"), QStringLiteral("replace %1").arg(what),
                               {dryRunParam(), fieldManagerParam(), fieldValidationParam()},
                               responses({"200", "201"}, bodySchema), gvk);
    op.insert(QStringLiteral("requestBody"), requestBody({QStringLiteral("*/*")}, bodySchema));
    return op;
}

bool hasVerb(const ResourceInfo &r, const char *verb)
{
    return r.verbs.isEmpty() || r.verbs.contains(QLatin1String(verb));
}

}  // namespace

void addResourcePaths(QJsonObject &paths, const ResourceInfo &r, QSet<QString> &extraSchemas)
{
    const QString base = QLatin1Char('/') + groupVersionPath(r);
    const QString scoped = r.namespaced ? QStringLiteral("Namespaced") : QString();
    OpContext c{r, schemaName(r.group, r.version, r.kind), gvkObject(r.group, r.version, r.kind),
                operationGroup(r) + scoped + r.kind};
    const QString listSchema = schemaName(r.group, r.version, r.listKind());
    const QString status = meta(QStringLiteral("Status"));
    const QString collection = r.namespaced ? base + QStringLiteral("/namespaces/{namespace}/") + r.plural
                                            : base + QLatin1Char('/') + r.plural;
    const QString item = collection + QStringLiteral("/{name}");
    const QJsonObject nsParam = param(QStringLiteral("namespace"), QStringLiteral("path"),
                                      QStringLiteral("object name and auth scope, such as for teams and projects"));
    const QJsonObject nameParam = param(QStringLiteral("name"), QStringLiteral("path"),
                                        QStringLiteral("name of the %1").arg(r.kind));
    QJsonArray scopeParams;
    if (r.namespaced)
        scopeParams.append(nsParam);

    QJsonObject coll{{QStringLiteral("parameters"), scopeParams}};
    if (hasVerb(r, "list"))
        coll.insert(QStringLiteral("get"), operation(c, QStringLiteral("list"), QStringLiteral("list"),
                                                     QStringLiteral("list or watch objects of kind %1").arg(r.kind),
                                                     listParams(), responses({"200"}, listSchema), c.gvk));
    if (hasVerb(r, "create")) {
        QJsonObject op = operation(c, QStringLiteral("post"), QStringLiteral("create"),
                                   QStringLiteral("create a %1").arg(r.kind),
                                   {dryRunParam(), fieldManagerParam(), fieldValidationParam()},
                                   responses({"200", "201", "202"}, c.kindSchema), c.gvk);
        op.insert(QStringLiteral("requestBody"), requestBody({QStringLiteral("*/*")}, c.kindSchema));
        coll.insert(QStringLiteral("post"), op);
    }
    if (hasVerb(r, "deletecollection"))
        coll.insert(QStringLiteral("delete"), operation(c, QStringLiteral("deletecollection"),
                                                        QStringLiteral("deleteCollection"),
                                                        QStringLiteral("delete collection of %1").arg(r.kind),
                                                        listParams(), responses({"200"}, status), c.gvk));
    if (coll.size() > 1)
        paths.insert(collection, coll);

    if (r.namespaced && hasVerb(r, "list")) {
        OpContext all = c;
        all.idSuffix = operationGroup(r) + r.kind + QStringLiteral("ForAllNamespaces");
        paths.insert(base + QLatin1Char('/') + r.plural,
                     QJsonObject{{QStringLiteral("get"), operation(all, QStringLiteral("list"), QStringLiteral("list"),
                                                                   QStringLiteral("list or watch objects of kind %1").arg(r.kind),
                                                                   listParams(), responses({"200"}, listSchema), c.gvk)}});
    }

    QJsonArray itemParams = scopeParams;
    itemParams.prepend(nameParam);
    QJsonObject one{{QStringLiteral("parameters"), itemParams}};
    const QString what = QStringLiteral("the specified %1").arg(r.kind);
    if (hasVerb(r, "get"))
        one.insert(QStringLiteral("get"), operation(c, QStringLiteral("get"), QStringLiteral("read"),
                                                    QStringLiteral("read ") + what, {},
                                                    responses({"200"}, c.kindSchema), c.gvk));
    if (hasVerb(r, "update"))
        one.insert(QStringLiteral("put"), putOperation(c, c.kindSchema, c.gvk, what));
    if (hasVerb(r, "patch"))
        one.insert(QStringLiteral("patch"), patchOperation(c, c.kindSchema, c.gvk, what));
    if (hasVerb(r, "delete")) {
        QJsonObject op = operation(c, QStringLiteral("delete"), QStringLiteral("delete"), QStringLiteral("delete a %1").arg(r.kind),
                                   {dryRunParam(),
                                    param(QStringLiteral("gracePeriodSeconds"), QStringLiteral("query"),
                                          QStringLiteral("Seconds before the object is deleted."), "integer"),
                                    param(QStringLiteral("propagationPolicy"), QStringLiteral("query"),
                                          QStringLiteral("Orphan, Background or Foreground garbage collection."))},
                                   responses({"200", "202"}, c.kindSchema), c.gvk);
        op.insert(QStringLiteral("requestBody"), requestBody({QStringLiteral("*/*")}, meta(QStringLiteral("DeleteOptions"))));
        one.insert(QStringLiteral("delete"), op);
    }
    if (one.size() > 1)
        paths.insert(item, one);

    for (const SubresourceInfo &sub : r.subresources) {
        if (sub.name != QLatin1String("status") && sub.name != QLatin1String("scale"))
            continue;   // connect-style subresources carry no schema kubectl reads
        const bool own = sub.kind.isEmpty() || sub.kind == r.kind;
        const QString body = own ? c.kindSchema : schemaName(sub.group, sub.version, sub.kind);
        const QJsonObject gvk = own ? c.gvk : gvkObject(sub.group, sub.version, sub.kind);
        if (!own)
            extraSchemas.insert(body);
        OpContext sc = c;
        sc.idSuffix = c.idSuffix + sub.name.left(1).toUpper() + sub.name.mid(1);
        const QString subWhat = QStringLiteral("%1 of the specified %2").arg(sub.name, r.kind);
        QJsonObject p{{QStringLiteral("parameters"), itemParams}};
        const auto can = [&](const char *v) { return sub.verbs.isEmpty() || sub.verbs.contains(QLatin1String(v)); };
        if (can("get"))
            p.insert(QStringLiteral("get"), operation(sc, QStringLiteral("get"), QStringLiteral("read"),
                                                      QStringLiteral("read ") + subWhat, {}, responses({"200"}, body), gvk));
        if (can("update"))
            p.insert(QStringLiteral("put"), putOperation(sc, body, gvk, subWhat));
        if (can("patch"))
            p.insert(QStringLiteral("patch"), patchOperation(sc, body, gvk, subWhat));
        paths.insert(item + QLatin1Char('/') + sub.name, p);
    }
}

}  // namespace timoneiro::api::oas
