// apps/v1 workloads and rbac.authorization.k8s.io/v1, and the lookup by kind.
#include "protobuf_schema_p.h"

namespace timoneiro::api::pb {

namespace {

const Message *appsMessage(const QString &kind)
{
    static const Message rolling{{{1, "maxUnavailable", Kind::IntOrString}, {2, "maxSurge", Kind::IntOrString}}};
    static const Message strategy{{{1, "type", Kind::String}, {2, "rollingUpdate", Kind::Message, false, &rolling}}};
    static const Message deploymentSpec{{{1, "replicas", Kind::Int32, false, nullptr, true},
                                         {2, "selector", Kind::Message, false, &labelSelector()},
                                         {3, "template", Kind::Message, false, &podTemplateSpec(), true},
                                         {4, "strategy", Kind::Message, false, &strategy, true},
                                         {5, "minReadySeconds", Kind::Int32},
                                         {6, "revisionHistoryLimit", Kind::Int32, false, nullptr, true},
                                         {7, "paused", Kind::Bool},
                                         {9, "progressDeadlineSeconds", Kind::Int32, false, nullptr, true}}};
    static const Message replicaSetSpec{{{1, "replicas", Kind::Int32, false, nullptr, true},
                                         {2, "selector", Kind::Message, false, &labelSelector()},
                                         {3, "template", Kind::Message, false, &podTemplateSpec(), true},
                                         {4, "minReadySeconds", Kind::Int32}}};
    static const Message deployment = object({{2, "spec", Kind::Message, false, &deploymentSpec},
                                              {3, "status", Kind::Message, false, &empty()}});
    static const Message replicaSet = object({{2, "spec", Kind::Message, false, &replicaSetSpec},
                                              {3, "status", Kind::Message, false, &empty()}});
    if (kind == QLatin1String("Deployment"))
        return &deployment;
    if (kind == QLatin1String("ReplicaSet"))
        return &replicaSet;
    return nullptr;
}

const Message *rbacMessage(const QString &kind)
{
    static const Message rule{{{1, "verbs", Kind::String, true}, {2, "apiGroups", Kind::String, true},
                               {3, "resources", Kind::String, true}, {4, "resourceNames", Kind::String, true},
                               {5, "nonResourceURLs", Kind::String, true}}};
    static const Message aggregation{{{1, "clusterRoleSelectors", Kind::Message, true, &labelSelector()}}};
    static const Message subject{{{1, "kind", Kind::String}, {2, "apiGroup", Kind::String}, {3, "name", Kind::String},
                                  {4, "namespace", Kind::String}}};
    static const Message roleRef{{{1, "apiGroup", Kind::String}, {2, "kind", Kind::String}, {3, "name", Kind::String}}};
    static const Message role = object({{2, "rules", Kind::Message, true, &rule}});
    static const Message clusterRole = object({{2, "rules", Kind::Message, true, &rule},
                                               {3, "aggregationRule", Kind::Message, false, &aggregation}});
    static const Message binding = object({{2, "subjects", Kind::Message, true, &subject},
                                           {3, "roleRef", Kind::Message, false, &roleRef, true}});
    if (kind == QLatin1String("Role"))
        return &role;
    if (kind == QLatin1String("ClusterRole"))
        return &clusterRole;
    if (kind == QLatin1String("RoleBinding") || kind == QLatin1String("ClusterRoleBinding"))
        return &binding;
    return nullptr;
}

}  // namespace

const Message *messageFor(const QString &apiVersion, const QString &kind)
{
    if (apiVersion == QLatin1String("v1"))
        return coreMessage(kind);
    if (apiVersion == QLatin1String("apps/v1"))
        return appsMessage(kind);
    if (apiVersion == QLatin1String("rbac.authorization.k8s.io/v1"))
        return rbacMessage(kind);
    return reviewMessage(apiVersion, kind);
}

}  // namespace timoneiro::api::pb
