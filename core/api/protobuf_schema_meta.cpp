// apimachinery meta/v1 and the core/v1 messages besides the pod spec.
#include "protobuf_schema_p.h"

namespace timoneiro::api::pb {

const Message &empty()
{
    static const Message m;
    return m;
}

const Message &objectMeta()
{
    static const Message ownerRef{{{1, "kind", Kind::String}, {3, "name", Kind::String}, {4, "uid", Kind::String},
                                   {5, "apiVersion", Kind::String}, {6, "controller", Kind::Bool, false, nullptr, true},
                                   {7, "blockOwnerDeletion", Kind::Bool, false, nullptr, true}}};
    static const Message m{{{1, "name", Kind::String}, {2, "generateName", Kind::String}, {3, "namespace", Kind::String},
                            {5, "uid", Kind::String}, {6, "resourceVersion", Kind::String},
                            {7, "generation", Kind::Int64}, {8, "creationTimestamp", Kind::Time, false, nullptr, true},
                            {9, "deletionTimestamp", Kind::Time},
                            {10, "deletionGracePeriodSeconds", Kind::Int64, false, nullptr, true},
                            {11, "labels", Kind::MapString}, {12, "annotations", Kind::MapString},
                            {13, "ownerReferences", Kind::Message, true, &ownerRef},
                            {14, "finalizers", Kind::String, true}}};
    return m;
}

const Message &labelSelector()
{
    static const Message requirement{{{1, "key", Kind::String}, {2, "operator", Kind::String}, {3, "values", Kind::String, true}}};
    static const Message m{{{1, "matchLabels", Kind::MapString}, {2, "matchExpressions", Kind::Message, true, &requirement}}};
    return m;
}

const Message &localObjectReference()
{
    static const Message m{{{1, "name", Kind::String}}};
    return m;
}

const Message &objectReference()
{
    static const Message m{{{1, "kind", Kind::String}, {2, "namespace", Kind::String}, {3, "name", Kind::String},
                            {4, "uid", Kind::String}, {5, "apiVersion", Kind::String},
                            {6, "resourceVersion", Kind::String}, {7, "fieldPath", Kind::String}}};
    return m;
}

// A top-level object: metadata plus the given fields.
Message object(QList<Field> fields)
{
    fields.prepend({1, "metadata", Kind::Message, false, &objectMeta()});
    return Message{fields};
}

const Message &service()
{
    static const Message port{{{1, "name", Kind::String}, {2, "protocol", Kind::String}, {3, "port", Kind::Int32},
                               {4, "targetPort", Kind::IntOrString}, {5, "nodePort", Kind::Int32},
                               {6, "appProtocol", Kind::String}}};
    static const Message spec{{{1, "ports", Kind::Message, true, &port}, {2, "selector", Kind::MapString},
                               {3, "clusterIP", Kind::String}, {18, "clusterIPs", Kind::String, true},
                               {4, "type", Kind::String}, {5, "externalIPs", Kind::String, true},
                               {7, "sessionAffinity", Kind::String}, {8, "loadBalancerIP", Kind::String},
                               {9, "loadBalancerSourceRanges", Kind::String, true}, {10, "externalName", Kind::String},
                               {11, "externalTrafficPolicy", Kind::String}, {12, "healthCheckNodePort", Kind::Int32},
                               {13, "publishNotReadyAddresses", Kind::Bool}, {19, "ipFamilies", Kind::String, true},
                               {17, "ipFamilyPolicy", Kind::String},
                               {20, "allocateLoadBalancerNodePorts", Kind::Bool, false, nullptr, true},
                               {21, "loadBalancerClass", Kind::String}, {22, "internalTrafficPolicy", Kind::String}}};
    static const Message m = object({{2, "spec", Kind::Message, false, &spec}, {3, "status", Kind::Message, false, &empty()}});
    return m;
}

const Message *coreMessage(const QString &kind)
{
    static const Message nsSpec{{{1, "finalizers", Kind::String, true}}};
    static const Message nsStatus{{{1, "phase", Kind::String}}};
    static const Message ns = object({{2, "spec", Kind::Message, false, &nsSpec}, {3, "status", Kind::Message, false, &nsStatus}});
    static const Message configMap = object({{2, "data", Kind::MapString}, {3, "binaryData", Kind::MapBytes},
                                             {4, "immutable", Kind::Bool, false, nullptr, true}});
    static const Message secret = object({{2, "data", Kind::MapBytes}, {3, "type", Kind::String},
                                          {4, "stringData", Kind::MapString}, {5, "immutable", Kind::Bool, false, nullptr, true}});
    static const Message serviceAccount = object({{2, "secrets", Kind::Message, true, &objectReference()},
                                                  {3, "imagePullSecrets", Kind::Message, true, &localObjectReference()},
                                                  {4, "automountServiceAccountToken", Kind::Bool, false, nullptr, true}});
    static const Message quotaSpec{{{1, "hard", Kind::MapQuantity}, {2, "scopes", Kind::String, true}}};
    static const Message quota = object({{2, "spec", Kind::Message, false, &quotaSpec}, {3, "status", Kind::Message, false, &empty()}});
    static const Message limitItem{{{1, "type", Kind::String}, {2, "max", Kind::MapQuantity}, {3, "min", Kind::MapQuantity},
                                    {4, "default", Kind::MapQuantity}, {5, "defaultRequest", Kind::MapQuantity},
                                    {6, "maxLimitRequestRatio", Kind::MapQuantity}}};
    static const Message limitSpec{{{1, "limits", Kind::Message, true, &limitItem}}};
    static const Message limitRange = object({{2, "spec", Kind::Message, false, &limitSpec}});
    static const Message address{{{1, "ip", Kind::String}, {3, "hostname", Kind::String}, {4, "nodeName", Kind::String},
                                  {2, "targetRef", Kind::Message, false, &objectReference()}}};
    static const Message epPort{{{1, "name", Kind::String}, {2, "port", Kind::Int32}, {3, "protocol", Kind::String},
                                 {4, "appProtocol", Kind::String}}};
    static const Message subset{{{1, "addresses", Kind::Message, true, &address},
                                 {2, "notReadyAddresses", Kind::Message, true, &address},
                                 {3, "ports", Kind::Message, true, &epPort}}};
    static const Message endpoints = object({{2, "subsets", Kind::Message, true, &subset}});
    static const Message source{{{1, "component", Kind::String}, {2, "host", Kind::String}}};
    static const Message event = object({{2, "involvedObject", Kind::Message, false, &objectReference()},
                                         {3, "reason", Kind::String}, {4, "message", Kind::String},
                                         {5, "source", Kind::Message, false, &source},
                                         {6, "firstTimestamp", Kind::Time, false, nullptr, true},
                                         {7, "lastTimestamp", Kind::Time, false, nullptr, true},
                                         {8, "count", Kind::Int32}, {9, "type", Kind::String},
                                         {12, "reportingComponent", Kind::String}, {13, "reportingInstance", Kind::String}});
    static const Message taint{{{1, "key", Kind::String}, {2, "value", Kind::String}, {3, "effect", Kind::String}}};
    static const Message nodeSpec{{{1, "podCIDR", Kind::String}, {7, "podCIDRs", Kind::String, true},
                                   {3, "providerID", Kind::String}, {4, "unschedulable", Kind::Bool},
                                   {5, "taints", Kind::Message, true, &taint}}};
    static const Message node = object({{2, "spec", Kind::Message, false, &nodeSpec}, {3, "status", Kind::Message, false, &empty()}});
    static const QList<std::pair<const char *, const Message *>> kinds{
        {"Namespace", &ns},     {"ConfigMap", &configMap}, {"Secret", &secret},   {"ServiceAccount", &serviceAccount},
        {"Service", &service()}, {"ResourceQuota", &quota}, {"LimitRange", &limitRange}, {"Endpoints", &endpoints},
        {"Event", &event},      {"Node", &node},           {"Pod", &pod()}};
    for (const auto &[name, msg] : kinds)
        if (kind == QLatin1String(name))
            return msg;
    return nullptr;
}

}  // namespace timoneiro::api::pb
