// Rows of the kinds outside core/v1: workloads, discovery, coordination,
// networking, RBAC.
#include "table_printers.h"

#include "table.h"

#include <QHash>

namespace timoneiro::api::printers {

namespace {

// CONTAINERS and IMAGES of a pod template.
QPair<QString, QString> containersOf(const QJsonObject &podTemplate)
{
    QStringList names, images;
    for (const QJsonValue &c : podTemplate.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray()) {
        names << c.toObject().value(QStringLiteral("name")).toString();
        images << c.toObject().value(QStringLiteral("image")).toString();
    }
    return {names.join(QLatin1Char(',')), images.join(QLatin1Char(','))};
}

QJsonArray deploymentCells(const QJsonObject &d, const QDateTime &now)
{
    const QJsonObject s = spec(d), st = status(d);
    const auto [names, images] = containersOf(s.value(QStringLiteral("template")).toObject());
    return {QStringLiteral("%1/%2").arg(st.value(QStringLiteral("readyReplicas")).toInt()).arg(s.value(QStringLiteral("replicas")).toInt()),
            st.value(QStringLiteral("updatedReplicas")).toInt(),
            st.value(QStringLiteral("availableReplicas")).toInt(),
            age(d, now),
            names,
            images,
            selectorText(s.value(QStringLiteral("selector")).toObject())};
}

QJsonArray replicaSetCells(const QJsonObject &rs, const QDateTime &now)
{
    const QJsonObject s = spec(rs), st = status(rs);
    const auto [names, images] = containersOf(s.value(QStringLiteral("template")).toObject());
    return {s.value(QStringLiteral("replicas")).toInt(),
            st.value(QStringLiteral("replicas")).toInt(),
            st.value(QStringLiteral("readyReplicas")).toInt(),
            age(rs, now),
            names,
            images,
            selectorText(s.value(QStringLiteral("selector")).toObject())};
}

QJsonArray endpointSliceCells(const QJsonObject &es, const QDateTime &now)
{
    QStringList ports;
    const QJsonArray portList = es.value(QStringLiteral("ports")).toArray();
    for (const QJsonValue &v : portList) {
        const QJsonObject p = v.toObject();
        if (ports.size() < 3)
            ports << (p.contains(QStringLiteral("port")) ? QString::number(p.value(QStringLiteral("port")).toInt())
                      : p.contains(QStringLiteral("name")) ? p.value(QStringLiteral("name")).toString()
                                                           : QStringLiteral("*"));
    }
    QStringList addresses;
    qsizetype total = 0;
    for (const QJsonValue &e : es.value(QStringLiteral("endpoints")).toArray())
        for (const QJsonValue &a : e.toObject().value(QStringLiteral("addresses")).toArray()) {
            ++total;
            if (addresses.size() < 3)
                addresses << a.toString();
        }
    return {es.value(QStringLiteral("addressType")).toString(), listWithMore(ports, portList.size(), QStringLiteral("<unset>")),
            listWithMore(addresses, total, QStringLiteral("<unset>")), age(es, now)};
}

QJsonArray leaseCells(const QJsonObject &l, const QDateTime &now)
{
    return {spec(l).value(QStringLiteral("holderIdentity")).toString(), age(l, now)};
}

QJsonArray networkPolicyCells(const QJsonObject &np, const QDateTime &now)
{
    return {orNone(selectorText(spec(np).value(QStringLiteral("podSelector")).toObject())), age(np, now)};
}

QJsonArray createdAtCells(const QJsonObject &obj, const QDateTime &)
{
    return {meta(obj).value(QStringLiteral("creationTimestamp"))};
}

QJsonArray bindingCells(const QJsonObject &b, const QDateTime &now)
{
    const QJsonObject ref = b.value(QStringLiteral("roleRef")).toObject();
    QStringList users, groups, accounts;
    for (const QJsonValue &s : b.value(QStringLiteral("subjects")).toArray()) {
        const QJsonObject subject = s.toObject();
        const QString kind = subject.value(QStringLiteral("kind")).toString();
        const QString name = subject.value(QStringLiteral("name")).toString();
        if (kind == QLatin1String("User"))
            users << name;
        else if (kind == QLatin1String("Group"))
            groups << name;
        else if (kind == QLatin1String("ServiceAccount"))
            accounts << subject.value(QStringLiteral("namespace")).toString() + QLatin1Char('/') + name;
    }
    return {ref.value(QStringLiteral("kind")).toString() + QLatin1Char('/') + ref.value(QStringLiteral("name")).toString(),
            age(b, now), users.join(QStringLiteral(", ")), groups.join(QStringLiteral(", ")),
            accounts.join(QStringLiteral(", "))};
}

const QList<Column> &workloadWide()
{
    static const QList<Column> columns{
        {"Containers", "string", "", 1, "Names of each container in the template."},
        {"Images", "string", "", 1, "Images referenced by each container in the template."},
        {"Selector", "string", "", 1, "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."}};
    return columns;
}

}  // namespace

const Printer *otherPrinter(const QString &group, const QString &kind)
{
    static const QHash<QString, Printer> printers{
        {QStringLiteral("apps/Deployment"),
         {QList<Column>{{"Ready", "string", "", 0, "Number of the pod with ready state"},
                        {"Up-to-date", "string", "", 0, "Total number of non-terminated pods targeted by this deployment that have the desired template spec."},
                        {"Available", "string", "", 0, "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."},
                        {"Age", "string", "", 0, kAgeDescription}}
              + workloadWide(),
          deploymentCells}},
        {QStringLiteral("apps/ReplicaSet"),
         {QList<Column>{{"Desired", "integer", "", 0, "Number of desired pods. This is a pointer to distinguish between explicit zero and unspecified."},
                        {"Current", "integer", "", 0, "Replicas is the most recently observed number of replicas."},
                        {"Ready", "integer", "", 0, "readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition."},
                        {"Age", "string", "", 0, kAgeDescription}}
              + workloadWide(),
          replicaSetCells}},
        {QStringLiteral("discovery.k8s.io/EndpointSlice"),
         {{{"AddressType", "string", "", 0, "The IP protocol for this slice"},
           {"Ports", "string", "", 0, "Enumerated ports on the slice"},
           {"Endpoints", "string", "", 0, "Enumerated endpoints on the slice"},
           {"Age", "string", "", 0, kAgeDescription}},
          endpointSliceCells}},
        {QStringLiteral("coordination.k8s.io/Lease"),
         {{{"Holder", "string", "", 0, "The holder of the lease."}, {"Age", "string", "", 0, kAgeDescription}}, leaseCells}},
        {QStringLiteral("networking.k8s.io/NetworkPolicy"),
         {{{"Pod-Selector", "string", "", 0, "Selects the pods to which this NetworkPolicy object applies."},
           {"Age", "string", "", 0, kAgeDescription}},
          networkPolicyCells}},
        {QStringLiteral("rbac.authorization.k8s.io/Role"), {{{"Created At", "date", "", 0, kAgeDescription}}, createdAtCells}},
        {QStringLiteral("rbac.authorization.k8s.io/ClusterRole"), {{{"Created At", "date", "", 0, kAgeDescription}}, createdAtCells}},
    };
    static const Printer bindings{{{"Role", "string", "", 0, "RoleRef is the reference to the role."},
                                   {"Age", "string", "", 0, kAgeDescription},
                                   {"Users", "string", "", 1, "Users in the roleBinding"},
                                   {"Groups", "string", "", 1, "Groups in the roleBinding"},
                                   {"ServiceAccounts", "string", "", 1, "ServiceAccounts in the roleBinding"}},
                                  bindingCells};
    if (group == QLatin1String("rbac.authorization.k8s.io") && kind.endsWith(QLatin1String("Binding")))
        return &bindings;
    auto it = printers.find(group + QLatin1Char('/') + kind);
    return it == printers.end() ? nullptr : &*it;
}

}  // namespace timoneiro::api::printers
