#include "patch_merge_keys.h"

#include <QHash>

namespace timoneiro::api::smp {

namespace {

using Table = QHash<QString, QHash<QString, FieldInfo>>;

FieldInfo t(const char *type) { return {QLatin1String(type), {}, false, false}; }
FieldInfo list(const char *type, const char *key) { return {QLatin1String(type), QLatin1String(key), false, false}; }

Table build()
{
    Table tb;
    const FieldInfo meta = t("ObjectMeta");
    for (const char *kind : {"Pod", "Service", "Node", "Namespace", "ConfigMap", "Secret", "ServiceAccount", "Endpoints",
                             "Event", "ResourceQuota", "LimitRange", "Deployment", "ReplicaSet", "EndpointSlice", "Lease",
                             "NetworkPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"})
        tb[QLatin1String(kind)][QStringLiteral("metadata")] = meta;
    tb[QStringLiteral("ObjectMeta")] = {{QStringLiteral("ownerReferences"), list("", "uid")},
                                        {QStringLiteral("finalizers"), {QString(), QString(), true, false}}};
    tb[QStringLiteral("Pod")].insert(QStringLiteral("spec"), t("PodSpec"));
    tb[QStringLiteral("Pod")].insert(QStringLiteral("status"), t("PodStatus"));
    tb[QStringLiteral("PodTemplateSpec")] = {{QStringLiteral("metadata"), meta}, {QStringLiteral("spec"), t("PodSpec")}};
    tb[QStringLiteral("PodSpec")] = {
        {QStringLiteral("containers"), list("Container", "name")},
        {QStringLiteral("initContainers"), list("Container", "name")},
        {QStringLiteral("ephemeralContainers"), list("Container", "name")},
        {QStringLiteral("volumes"), {QStringLiteral("Volume"), QStringLiteral("name"), false, false}},
        {QStringLiteral("imagePullSecrets"), list("", "name")},
        {QStringLiteral("hostAliases"), list("", "ip")},
        {QStringLiteral("topologySpreadConstraints"), list("", "topologyKey")},
        {QStringLiteral("resourceClaims"), list("", "name")},
        {QStringLiteral("schedulingGates"), list("", "name")},
    };
    tb[QStringLiteral("Volume")] = {};
    tb[QStringLiteral("Container")] = {
        {QStringLiteral("ports"), list("", "containerPort")},
        {QStringLiteral("env"), list("", "name")},
        {QStringLiteral("volumeMounts"), list("", "mountPath")},
        {QStringLiteral("volumeDevices"), list("", "devicePath")},
    };
    tb[QStringLiteral("PodStatus")] = {{QStringLiteral("conditions"), list("", "type")},
                                       {QStringLiteral("podIPs"), list("", "ip")}};
    tb[QStringLiteral("Service")].insert(QStringLiteral("spec"), t("ServiceSpec"));
    tb[QStringLiteral("Service")].insert(QStringLiteral("status"), t("ConditionsStatus"));
    tb[QStringLiteral("ServiceSpec")] = {{QStringLiteral("ports"), list("", "port")}};
    tb[QStringLiteral("ConditionsStatus")] = {{QStringLiteral("conditions"), list("", "type")}};
    tb[QStringLiteral("Node")].insert(QStringLiteral("status"), t("NodeStatus"));
    tb[QStringLiteral("NodeStatus")] = {{QStringLiteral("conditions"), list("", "type")},
                                        {QStringLiteral("addresses"), list("", "type")}};
    tb[QStringLiteral("Namespace")].insert(QStringLiteral("status"), t("ConditionsStatus"));
    for (const char *kind : {"Deployment", "ReplicaSet"}) {
        tb[QLatin1String(kind)].insert(QStringLiteral("spec"), t("WorkloadSpec"));
        tb[QLatin1String(kind)].insert(QStringLiteral("status"), t("ConditionsStatus"));
    }
    tb[QStringLiteral("WorkloadSpec")] = {{QStringLiteral("template"), t("PodTemplateSpec")},
                                          {QStringLiteral("strategy"), {QString(), QString(), false, true}}};
    return tb;
}

}  // namespace

FieldInfo fieldOf(const QString &type, const QString &field)
{
    static const Table table = build();
    return table.value(type).value(field);
}

QString rootType(const QString &, const QString &kind)
{
    return kind;
}

}  // namespace timoneiro::api::smp
