#include "rbac_bootstrap_policy.h"

#include <QJsonArray>
#include <QStringList>

namespace timoneiro::apiserver {

namespace {

QJsonObject rule(const QStringList &verbs, const QStringList &groups, const QStringList &resources)
{
    return {{QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)},
            {QStringLiteral("apiGroups"), QJsonArray::fromStringList(groups)},
            {QStringLiteral("resources"), QJsonArray::fromStringList(resources)}};
}

QJsonObject urlRule(const QStringList &verbs, const QStringList &urls)
{
    return {{QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)},
            {QStringLiteral("nonResourceURLs"), QJsonArray::fromStringList(urls)}};
}

QJsonObject clusterRole(const QString &name, const QList<QJsonObject> &rules)
{
    QJsonArray list;
    for (const QJsonObject &r : rules)
        list.append(r);
    QJsonObject labels{{QStringLiteral("kubernetes.io/bootstrapping"), QStringLiteral("rbac-defaults")}};
    QJsonObject meta{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels},
                     {QStringLiteral("annotations"),
                      QJsonObject{{QStringLiteral("rbac.authorization.kubernetes.io/autoupdate"), QStringLiteral("true")}}}};
    return {{QStringLiteral("apiVersion"), QStringLiteral("rbac.authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("rules"), list}};
}

QJsonObject binding(const QString &name, const QString &role, const QList<QPair<QString, QString>> &subjects)
{
    QJsonArray list;
    for (const auto &s : subjects)
        list.append(QJsonObject{{QStringLiteral("kind"), s.first},
                                {QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                {QStringLiteral("name"), s.second}});
    return {{QStringLiteral("apiVersion"), QStringLiteral("rbac.authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("ClusterRoleBinding")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("kubernetes.io/bootstrapping"), QStringLiteral("rbac-defaults")}}}}},
            {QStringLiteral("roleRef"), QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                                    {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                                                    {QStringLiteral("name"), role}}},
            {QStringLiteral("subjects"), list}};
}

const QStringList kRead{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
const QStringList kWrite{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
                         QStringLiteral("patch"), QStringLiteral("update")};
const QString kCore;
const QString kApps = QStringLiteral("apps");

// What view may read: everything in a namespace but Secrets, as in Kubernetes.
QList<QJsonObject> viewRules()
{
    return {
        rule(kRead, {kCore}, {QStringLiteral("configmaps"), QStringLiteral("endpoints"), QStringLiteral("persistentvolumeclaims"),
                              QStringLiteral("pods"), QStringLiteral("pods/log"), QStringLiteral("pods/status"),
                              QStringLiteral("replicationcontrollers"), QStringLiteral("resourcequotas"),
                              QStringLiteral("resourcequotas/status"), QStringLiteral("services"),
                              QStringLiteral("services/status"), QStringLiteral("serviceaccounts"),
                              QStringLiteral("limitranges"), QStringLiteral("events"), QStringLiteral("bindings"),
                              QStringLiteral("namespaces"), QStringLiteral("namespaces/status")}),
        rule(kRead, {kApps}, {QStringLiteral("deployments"), QStringLiteral("deployments/scale"),
                              QStringLiteral("deployments/status"), QStringLiteral("replicasets"),
                              QStringLiteral("replicasets/scale"), QStringLiteral("replicasets/status"),
                              QStringLiteral("statefulsets"), QStringLiteral("daemonsets")}),
        rule(kRead, {QStringLiteral("discovery.k8s.io")}, {QStringLiteral("endpointslices")}),
        rule(kRead, {QStringLiteral("networking.k8s.io")}, {QStringLiteral("networkpolicies"), QStringLiteral("ingresses")}),
        rule(kRead, {QStringLiteral("coordination.k8s.io")}, {QStringLiteral("leases")}),
        rule(kRead, {QStringLiteral("events.k8s.io")}, {QStringLiteral("events")}),
    };
}

QList<QJsonObject> editRules()
{
    QList<QJsonObject> rules = viewRules();
    rules += {
        rule(kWrite, {kCore}, {QStringLiteral("configmaps"), QStringLiteral("endpoints"), QStringLiteral("persistentvolumeclaims"),
                               QStringLiteral("pods"), QStringLiteral("replicationcontrollers"), QStringLiteral("services"),
                               QStringLiteral("secrets"), QStringLiteral("serviceaccounts"), QStringLiteral("events")}),
        rule(kRead, {kCore}, {QStringLiteral("secrets")}),
        rule({QStringLiteral("create"), QStringLiteral("get")}, {kCore},
             {QStringLiteral("pods/attach"), QStringLiteral("pods/exec"), QStringLiteral("pods/portforward"),
              QStringLiteral("pods/proxy"), QStringLiteral("services/proxy")}),
        rule({QStringLiteral("create")}, {kCore}, {QStringLiteral("pods/eviction"), QStringLiteral("serviceaccounts/token")}),
        rule({QStringLiteral("impersonate")}, {kCore}, {QStringLiteral("serviceaccounts")}),
        rule(kWrite, {kApps}, {QStringLiteral("deployments"), QStringLiteral("deployments/scale"),
                               QStringLiteral("deployments/rollback"), QStringLiteral("replicasets"),
                               QStringLiteral("replicasets/scale"), QStringLiteral("statefulsets"),
                               QStringLiteral("daemonsets")}),
        rule(kWrite, {QStringLiteral("networking.k8s.io")}, {QStringLiteral("networkpolicies"), QStringLiteral("ingresses")}),
        rule(kWrite, {QStringLiteral("discovery.k8s.io")}, {QStringLiteral("endpointslices")}),
        rule(kWrite, {QStringLiteral("coordination.k8s.io")}, {QStringLiteral("leases")}),
    };
    return rules;
}

QList<QJsonObject> adminRules()
{
    QList<QJsonObject> rules = editRules();
    rules += {
        rule(kRead + kWrite, {QStringLiteral("rbac.authorization.k8s.io")},
             {QStringLiteral("roles"), QStringLiteral("rolebindings")}),
        rule({QStringLiteral("create")}, {QStringLiteral("authorization.k8s.io")}, {QStringLiteral("localsubjectaccessreviews")}),
        rule(kWrite, {kCore}, {QStringLiteral("resourcequotas"), QStringLiteral("limitranges")}),
    };
    return rules;
}

}  // namespace

QList<QJsonObject> bootstrapClusterRoles()
{
    const QStringList all{QStringLiteral("*")};
    const QStringList discoveryUrls{QStringLiteral("/api"), QStringLiteral("/api/*"), QStringLiteral("/apis"),
                                    QStringLiteral("/apis/*"), QStringLiteral("/healthz"), QStringLiteral("/livez"),
                                    QStringLiteral("/readyz"), QStringLiteral("/openapi"), QStringLiteral("/openapi/*"),
                                    QStringLiteral("/version"), QStringLiteral("/version/")};
    return {
        clusterRole(QStringLiteral("cluster-admin"), {rule(all, all, all), urlRule(all, all)}),
        clusterRole(QStringLiteral("admin"), adminRules()),
        clusterRole(QStringLiteral("edit"), editRules()),
        clusterRole(QStringLiteral("view"), viewRules()),
        clusterRole(QStringLiteral("system:discovery"), {urlRule({QStringLiteral("get")}, discoveryUrls)}),
        clusterRole(QStringLiteral("system:public-info-viewer"),
                    {urlRule({QStringLiteral("get")}, {QStringLiteral("/healthz"), QStringLiteral("/livez"),
                                                      QStringLiteral("/readyz"), QStringLiteral("/version"),
                                                      QStringLiteral("/version/")})}),
        clusterRole(QStringLiteral("system:basic-user"),
                    {rule({QStringLiteral("create")}, {QStringLiteral("authorization.k8s.io")},
                          {QStringLiteral("selfsubjectaccessreviews"), QStringLiteral("selfsubjectrulesreviews")}),
                     rule({QStringLiteral("create")}, {QStringLiteral("authentication.k8s.io")},
                          {QStringLiteral("selfsubjectreviews")})}),
        clusterRole(QStringLiteral("system:kube-scheduler"),
                    {rule(kRead, {kCore}, {QStringLiteral("nodes"), QStringLiteral("pods"), QStringLiteral("namespaces"),
                                           QStringLiteral("services"), QStringLiteral("persistentvolumeclaims"),
                                           QStringLiteral("persistentvolumes"), QStringLiteral("replicationcontrollers")}),
                     rule({QStringLiteral("create")}, {kCore}, {QStringLiteral("pods/binding"), QStringLiteral("bindings")}),
                     rule({QStringLiteral("patch"), QStringLiteral("update")}, {kCore}, {QStringLiteral("pods/status")}),
                     // Timoneiro's scheduler keeps each decision as an annotation on the pod.
                     rule({QStringLiteral("delete"), QStringLiteral("patch")}, {kCore}, {QStringLiteral("pods")}),
                     rule({QStringLiteral("create"), QStringLiteral("patch"), QStringLiteral("update")},
                          {kCore, QStringLiteral("events.k8s.io")}, {QStringLiteral("events")}),
                     rule(kRead, {kApps}, {QStringLiteral("replicasets"), QStringLiteral("statefulsets")}),
                     rule(kRead + kWrite, {QStringLiteral("coordination.k8s.io")}, {QStringLiteral("leases")})}),
        // The controller-manager's controllers each manage their own kinds; one role holds them all here.
        clusterRole(QStringLiteral("system:kube-controller-manager"), {rule(all, all, all)}),
        clusterRole(QStringLiteral("system:node-proxier"),
                    {rule(kRead, {kCore}, {QStringLiteral("services"), QStringLiteral("endpoints"), QStringLiteral("nodes")}),
                     rule(kRead, {QStringLiteral("discovery.k8s.io")}, {QStringLiteral("endpointslices")}),
                     rule({QStringLiteral("create"), QStringLiteral("patch"), QStringLiteral("update")},
                          {kCore, QStringLiteral("events.k8s.io")}, {QStringLiteral("events")})}),
    };
}

QList<QJsonObject> bootstrapClusterRoleBindings()
{
    const QString group = QStringLiteral("Group");
    const QString user = QStringLiteral("User");
    return {
        binding(QStringLiteral("cluster-admin"), QStringLiteral("cluster-admin"), {{group, QStringLiteral("system:masters")}}),
        binding(QStringLiteral("system:discovery"), QStringLiteral("system:discovery"),
                {{group, QStringLiteral("system:authenticated")}}),
        binding(QStringLiteral("system:basic-user"), QStringLiteral("system:basic-user"),
                {{group, QStringLiteral("system:authenticated")}}),
        binding(QStringLiteral("system:public-info-viewer"), QStringLiteral("system:public-info-viewer"),
                {{group, QStringLiteral("system:authenticated")}, {group, QStringLiteral("system:unauthenticated")}}),
        binding(QStringLiteral("system:kube-scheduler"), QStringLiteral("system:kube-scheduler"),
                {{user, QStringLiteral("system:kube-scheduler")}}),
        binding(QStringLiteral("system:kube-controller-manager"), QStringLiteral("system:kube-controller-manager"),
                {{user, QStringLiteral("system:kube-controller-manager")}}),
        binding(QStringLiteral("system:node-proxier"), QStringLiteral("system:node-proxier"),
                {{user, QStringLiteral("system:kube-proxy")}}),
    };
}

}  // namespace timoneiro::apiserver
