// Component schemas of the remaining core/v1 kinds: services, namespaces,
// nodes, endpoints, configuration, events and quotas.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

using namespace Qt::StringLiterals;

namespace {

void addService(QJsonObject &s)
{
    s.insert(core(u"Service"_s), kindObj(u"Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy."_s, {
        {u"spec"_s, ref(core(u"ServiceSpec"_s), u"Spec defines the behavior of a service. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"_s)},
        {u"status"_s, ref(core(u"ServiceStatus"_s), u"Most recently observed status of the service. Populated by the system. Read-only."_s)},
    }));
    s.insert(core(u"ServiceSpec"_s), obj(u"ServiceSpec describes the attributes that a user creates on a service."_s, {
        {u"ports"_s, mergeList(core(u"ServicePort"_s), u"port"_s, u"The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"_s, {u"port"_s, u"protocol"_s})},
        {u"selector"_s, strMap(u"Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify."_s)},
        {u"clusterIP"_s, str(u"clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range, and is not in use, it will be allocated to the service; otherwise creation of the service will fail. \"None\" makes a headless service."_s)},
        {u"clusterIPs"_s, strList(u"ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly."_s)},
        {u"type"_s, str(u"type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer."_s)},
        {u"externalIPs"_s, strList(u"externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."_s)},
        {u"sessionAffinity"_s, str(u"Supports \"ClientIP\" and \"None\". Used to maintain session affinity. Defaults to None."_s)},
        {u"loadBalancerIP"_s, str(u"Only applies to Service Type: LoadBalancer. Deprecated."_s)},
        {u"externalName"_s, str(u"externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). Requires `type` to be \"ExternalName\"."_s)},
        {u"externalTrafficPolicy"_s, str(u"externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service's \"externally-facing\" addresses: Cluster or Local."_s)},
        {u"internalTrafficPolicy"_s, str(u"InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP: Cluster or Local."_s)},
        {u"ipFamilies"_s, strList(u"IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service."_s)},
        {u"ipFamilyPolicy"_s, str(u"IPFamilyPolicy represents the dual-stack-ness requested or required by this Service: SingleStack, PreferDualStack or RequireDualStack."_s)},
        {u"publishNotReadyAddresses"_s, boolean(u"publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready."_s)},
    }));
    s.insert(core(u"ServicePort"_s), obj(u"ServicePort contains information on service's port."_s, {
        {u"name"_s, str(u"The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names."_s)},
        {u"protocol"_s, str(u"The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is TCP."_s)},
        {u"port"_s, int32(u"The port that will be exposed by this service."_s)},
        {u"targetPort"_s, intOrString(u"Number or name of the port to access on the pods targeted by the service. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used."_s)},
        {u"nodePort"_s, int32(u"The port on each node on which this service is exposed when type is NodePort or LoadBalancer. Usually assigned by the system."_s)},
        {u"appProtocol"_s, str(u"The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand."_s)},
    }, {u"port"_s}));
    s.insert(core(u"ServiceStatus"_s), obj(u"ServiceStatus represents the current status of a service."_s, {
        {u"loadBalancer"_s, obj(u"LoadBalancer contains the current status of the load-balancer, if one is present."_s, {
            {u"ingress"_s, arrayOf(obj({}, {{u"ip"_s, str(u"IP is set for load-balancer ingress points that are IP based"_s)},
                                              {u"hostname"_s, str(u"Hostname is set for load-balancer ingress points that are DNS based"_s)}}),
                                   u"Ingress is a list containing ingress points for the load-balancer."_s, true)},
        })},
        {u"conditions"_s, mergeList(meta(u"Condition"_s), u"type"_s, u"Current service state"_s)},
    }));
}

void addNode(QJsonObject &s)
{
    s.insert(core(u"Node"_s), kindObj(u"Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd)."_s, {
        {u"spec"_s, ref(core(u"NodeSpec"_s), u"Spec defines the behavior of a node."_s)},
        {u"status"_s, ref(core(u"NodeStatus"_s), u"Most recently observed status of the node. Populated by the system. Read-only."_s)},
    }));
    s.insert(core(u"NodeSpec"_s), obj(u"NodeSpec describes the attributes that a node is created with."_s, {
        {u"podCIDR"_s, str(u"PodCIDR represents the pod IP range assigned to the node."_s)},
        {u"podCIDRs"_s, strList(u"podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node."_s)},
        {u"providerID"_s, str(u"ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>"_s)},
        {u"unschedulable"_s, boolean(u"Unschedulable controls node schedulability of new pods. By default, node is schedulable."_s)},
        {u"taints"_s, listOf(core(u"Taint"_s), u"If specified, the node's taints."_s, true)},
    }));
    s.insert(core(u"Taint"_s), obj(u"The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint."_s, {
        {u"key"_s, str(u"Required. The taint key to be applied to a node."_s)},
        {u"value"_s, str(u"The taint value corresponding to the taint key."_s)},
        {u"effect"_s, str(u"Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute."_s)},
        {u"timeAdded"_s, time(u"TimeAdded represents the time at which the taint was added."_s)},
    }, {u"key"_s, u"effect"_s}));
    s.insert(core(u"NodeStatus"_s), obj(u"NodeStatus is information about the current status of a node."_s, {
        {u"capacity"_s, quantityMap(u"Capacity represents the total resources of a node."_s)},
        {u"allocatable"_s, quantityMap(u"Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity."_s)},
        {u"phase"_s, str(u"NodePhase is the recently observed lifecycle phase of the node. Deprecated."_s)},
        {u"conditions"_s, mergeList(core(u"NodeCondition"_s), u"type"_s, u"Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition"_s)},
        {u"addresses"_s, mergeList(core(u"NodeAddress"_s), u"type"_s, u"List of addresses reachable to the node. Queried from cloud provider, if available."_s)},
        {u"nodeInfo"_s, ref(core(u"NodeSystemInfo"_s), u"Set of ids/uuids to uniquely identify the node."_s)},
        {u"images"_s, arrayOf(obj(u"Describe a container image"_s, {{u"names"_s, strList(u"Names by which this image is known."_s)},
                                                                     {u"sizeBytes"_s, int64(u"The size of the image in bytes."_s)}}),
                              u"List of container images on this node"_s, true)},
    }));
    s.insert(core(u"NodeCondition"_s), obj(u"NodeCondition contains condition information for a node."_s, {
        {u"type"_s, str(u"Type of node condition: Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable."_s)},
        {u"status"_s, str(u"Status of the condition, one of True, False, Unknown."_s)},
        {u"lastHeartbeatTime"_s, time(u"Last time we got an update on a given condition."_s)},
        {u"lastTransitionTime"_s, time(u"Last time the condition transit from one status to another."_s)},
        {u"reason"_s, str(u"(brief) reason for the condition's last transition."_s)},
        {u"message"_s, str(u"Human readable message indicating details about last transition."_s)},
    }, {u"type"_s, u"status"_s}));
    s.insert(core(u"NodeAddress"_s), obj(u"NodeAddress contains information for the node's address."_s, {
        {u"type"_s, str(u"Node address type, one of Hostname, ExternalIP or InternalIP."_s)},
        {u"address"_s, str(u"The node address."_s)},
    }, {u"type"_s, u"address"_s}));
    QJsonObject info = obj(u"NodeSystemInfo is a set of ids/uuids to uniquely identify the node."_s, {});
    QJsonObject props;
    for (const QString &f : {u"machineID"_s, u"systemUUID"_s, u"bootID"_s, u"kernelVersion"_s, u"osImage"_s,
                             u"containerRuntimeVersion"_s, u"kubeletVersion"_s, u"kubeProxyVersion"_s,
                             u"operatingSystem"_s, u"architecture"_s})
        props.insert(f, str(u"%1 reported by the node."_s.arg(f)));
    info.insert(u"properties"_s, props);
    s.insert(core(u"NodeSystemInfo"_s), info);
}

void addEndpoints(QJsonObject &s)
{
    s.insert(core(u"Endpoints"_s), kindObj(u"Endpoints is a collection of endpoints that implement the actual service."_s, {
        {u"subsets"_s, listOf(core(u"EndpointSubset"_s), u"The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share."_s)},
    }));
    s.insert(core(u"EndpointSubset"_s), obj(u"EndpointSubset is a group of addresses with a common set of ports."_s, {
        {u"addresses"_s, listOf(core(u"EndpointAddress"_s), u"IP addresses which offer the related ports that are marked as ready."_s)},
        {u"notReadyAddresses"_s, listOf(core(u"EndpointAddress"_s), u"IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check."_s)},
        {u"ports"_s, listOf(core(u"EndpointPort"_s), u"Port numbers available on the related IP addresses."_s)},
    }));
    s.insert(core(u"EndpointAddress"_s), obj(u"EndpointAddress is a tuple that describes single IP address."_s, {
        {u"ip"_s, str(u"The IP of this endpoint."_s)},
        {u"hostname"_s, str(u"The Hostname of this endpoint"_s)},
        {u"nodeName"_s, str(u"Optional: Node hosting this endpoint."_s)},
        {u"targetRef"_s, ref(core(u"ObjectReference"_s), u"Reference to object providing the endpoint."_s)},
    }, {u"ip"_s}));
    s.insert(core(u"EndpointPort"_s), obj(u"EndpointPort is a tuple that describes a single port."_s, {
        {u"name"_s, str(u"The name of this port. This must match the 'name' field in the corresponding ServicePort."_s)},
        {u"port"_s, int32(u"The port number of the endpoint."_s)},
        {u"protocol"_s, str(u"The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP."_s)},
        {u"appProtocol"_s, str(u"The application protocol for this port."_s)},
    }, {u"port"_s}));
    s.insert(core(u"ObjectReference"_s), obj(u"ObjectReference contains enough information to let you inspect or modify the referred object."_s, {
        {u"apiVersion"_s, str(u"API version of the referent."_s)},
        {u"kind"_s, str(u"Kind of the referent."_s)},
        {u"name"_s, str(u"Name of the referent."_s)},
        {u"namespace"_s, str(u"Namespace of the referent."_s)},
        {u"uid"_s, str(u"UID of the referent."_s)},
        {u"resourceVersion"_s, str(u"Specific resourceVersion to which this reference is made, if any."_s)},
        {u"fieldPath"_s, str(u"If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]."_s)},
    }));
}

void addConfigAndPolicy(QJsonObject &s)
{
    s.insert(core(u"Namespace"_s), kindObj(u"Namespace provides a scope for Names. Use of multiple namespaces is optional."_s, {
        {u"spec"_s, obj(u"Spec defines the behavior of the Namespace."_s, {
            {u"finalizers"_s, strList(u"Finalizers is an opaque list of values that must be empty to permanently remove object from storage."_s)},
        })},
        {u"status"_s, obj(u"Status describes the current status of a Namespace."_s, {
            {u"phase"_s, str(u"Phase is the current lifecycle phase of the namespace: Active or Terminating."_s)},
            {u"conditions"_s, mergeList(meta(u"Condition"_s), u"type"_s, u"Represents the latest available observations of a namespace's current state."_s)},
        })},
    }));
    s.insert(core(u"ConfigMap"_s), kindObj(u"ConfigMap holds configuration data for pods to consume."_s, {
        {u"data"_s, strMap(u"Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field."_s)},
        {u"binaryData"_s, mapOf(scalar("string", {}, "byte"), u"BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'."_s)},
        {u"immutable"_s, boolean(u"Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified)."_s)},
    }));
    s.insert(core(u"Secret"_s), kindObj(u"Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes."_s, {
        {u"data"_s, mapOf(scalar("string", {}, "byte"), u"Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string."_s)},
        {u"stringData"_s, strMap(u"stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write."_s)},
        {u"type"_s, str(u"Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"_s)},
        {u"immutable"_s, boolean(u"Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified)."_s)},
    }));
    s.insert(core(u"ServiceAccount"_s), kindObj(u"ServiceAccount binds together: a name, understood by users, and perhaps by peripheral systems, for an identity; a principal that can be authenticated and authorized; a set of secrets."_s, {
        {u"secrets"_s, mergeList(core(u"ObjectReference"_s), u"name"_s, u"Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."_s)},
        {u"imagePullSecrets"_s, listOf(core(u"LocalObjectReference"_s), u"ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount."_s)},
        {u"automountServiceAccountToken"_s, boolean(u"AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted."_s)},
    }));
    s.insert(core(u"Event"_s), kindObj(u"Event is a report of an event somewhere in the cluster."_s, {
        {u"involvedObject"_s, ref(core(u"ObjectReference"_s), u"The object that this event is about."_s)},
        {u"reason"_s, str(u"This should be a short, machine understandable string that gives the reason for the transition into the object's current status."_s)},
        {u"message"_s, str(u"A human-readable description of the status of this operation."_s)},
        {u"type"_s, str(u"Type of this event (Normal, Warning), new types could be added in the future"_s)},
        {u"source"_s, obj(u"The component reporting this event. Should be a short machine understandable string."_s, {
            {u"component"_s, str(u"Component from which the event is generated."_s)},
            {u"host"_s, str(u"Node name on which the event is generated."_s)},
        })},
        {u"count"_s, int32(u"The number of times this event has occurred."_s)},
        {u"firstTimestamp"_s, time(u"The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"_s)},
        {u"lastTimestamp"_s, time(u"The time at which the most recent occurrence of this event was recorded."_s)},
        {u"eventTime"_s, scalar("string", u"Time when this Event was first observed."_s, "date-time")},
        {u"reportingComponent"_s, str(u"Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`."_s)},
        {u"reportingInstance"_s, str(u"ID of the controller instance, e.g. `kubelet-xyzf`."_s)},
        {u"action"_s, str(u"What action was taken/failed regarding to the Regarding object."_s)},
    }, {u"metadata"_s, u"involvedObject"_s}));
    s.insert(core(u"ResourceQuota"_s), kindObj(u"ResourceQuota sets aggregate quota restrictions enforced per namespace"_s, {
        {u"spec"_s, obj(u"Spec defines the desired quota."_s, {
            {u"hard"_s, quantityMap(u"hard is the set of desired hard limits for each named resource."_s)},
            {u"scopes"_s, strList(u"A collection of filters that must match each object tracked by a quota. If not specified, the quota matches all objects."_s)},
        })},
        {u"status"_s, obj(u"Status defines the actual enforced quota and its current usage."_s, {
            {u"hard"_s, quantityMap(u"Hard is the set of enforced hard limits for each named resource."_s)},
            {u"used"_s, quantityMap(u"Used is the current observed total usage of the resource in the namespace."_s)},
        })},
    }));
    s.insert(core(u"LimitRange"_s), kindObj(u"LimitRange sets resource usage limits for each kind of resource in a Namespace."_s, {
        {u"spec"_s, obj(u"Spec defines the limits enforced."_s, {
            {u"limits"_s, listOf(core(u"LimitRangeItem"_s), u"Limits is the list of LimitRangeItem objects that are enforced."_s)},
        }, {u"limits"_s})},
    }));
    s.insert(core(u"LimitRangeItem"_s), obj(u"LimitRangeItem defines a min/max usage limit for any resource that matches on kind."_s, {
        {u"type"_s, str(u"Type of resource that this limit applies to: Container, Pod or PersistentVolumeClaim."_s)},
        {u"max"_s, quantityMap(u"Max usage constraints on this kind by resource name."_s)},
        {u"min"_s, quantityMap(u"Min usage constraints on this kind by resource name."_s)},
        {u"default"_s, quantityMap(u"Default resource requirement limit value by resource name if resource limit is omitted."_s)},
        {u"defaultRequest"_s, quantityMap(u"DefaultRequest is the default resource requirement request value by resource name if resource request is omitted."_s)},
        {u"maxLimitRequestRatio"_s, quantityMap(u"MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero where limit divided by request is less than or equal to the enumerated value."_s)},
    }, {u"type"_s}));
}

}  // namespace

void addCoreSchemas(QJsonObject &s)
{
    addService(s);
    addNode(s);
    addEndpoints(s);
    addConfigAndPolicy(s);
}

}  // namespace timoneiro::api::oas
