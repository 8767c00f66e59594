// Rows of the core/v1 kinds other than pods and events.
#include "table_printers.h"

#include "table.h"

#include <QHash>

namespace timoneiro::api::printers {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString externalIPOf(const QJsonObject &svc)
{
    const QJsonObject s = spec(svc);
    const QString type = str(s, "type");
    QStringList external;
    for (const QJsonValue &v : s.value(QStringLiteral("externalIPs")).toArray())
        external << v.toString();
    if (type == QLatin1String("ClusterIP") || type == QLatin1String("NodePort"))
        return orNone(external.join(QLatin1Char(',')));
    if (type == QLatin1String("ExternalName"))
        return str(s, "externalName");
    if (type != QLatin1String("LoadBalancer"))
        return QStringLiteral("<unknown>");
    // The server prints wide, so load-balancer addresses are never truncated.
    QStringList lb;
    for (const QJsonValue &i : status(svc).value(QStringLiteral("loadBalancer")).toObject().value(QStringLiteral("ingress")).toArray()) {
        const QJsonObject in = i.toObject();
        if (!str(in, "ip").isEmpty())
            lb << str(in, "ip");
        else if (!str(in, "hostname").isEmpty())
            lb << str(in, "hostname");
    }
    lb << external;
    return lb.isEmpty() ? QStringLiteral("<pending>") : lb.join(QLatin1Char(','));
}

QJsonArray serviceCells(const QJsonObject &svc, const QDateTime &now)
{
    const QJsonObject s = spec(svc);
    QString clusterIP = s.value(QStringLiteral("clusterIPs")).toArray().at(0).toString();
    if (clusterIP.isEmpty())
        clusterIP = str(s, "clusterIP");
    QStringList ports;
    for (const QJsonValue &v : s.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject p = v.toObject();
        const int nodePort = p.value(QStringLiteral("nodePort")).toInt();
        const QString port = QString::number(p.value(QStringLiteral("port")).toInt());
        ports << (nodePort > 0 ? port + QLatin1Char(':') + QString::number(nodePort) : port) + QLatin1Char('/')
                     + str(p, "protocol");
    }
    return {str(s, "type"), orNone(clusterIP), externalIPOf(svc), orNone(ports.join(QLatin1Char(','))), age(svc, now),
            mapText(s.value(QStringLiteral("selector")).toObject())};
}

QString hostPort(const QString &ip, int port)
{
    return (ip.contains(QLatin1Char(':')) ? QLatin1Char('[') + ip + QLatin1Char(']') : ip) + QLatin1Char(':')
           + QString::number(port);
}

QJsonArray endpointsCells(const QJsonObject &ep, const QDateTime &now)
{
    const QJsonArray subsets = ep.value(QStringLiteral("subsets")).toArray();
    if (subsets.isEmpty())
        return {QStringLiteral("<none>"), age(ep, now)};
    // Port by port, then address by address, as formatEndpoints walks them.
    QStringList shown;
    qsizetype total = 0;
    for (const QJsonValue &sv : subsets) {
        const QJsonArray addresses = sv.toObject().value(QStringLiteral("addresses")).toArray();
        const QJsonArray ports = sv.toObject().value(QStringLiteral("ports")).toArray();
        if (ports.isEmpty()) {
            total += addresses.size();
            for (const QJsonValue &a : addresses)
                if (shown.size() < 3)
                    shown << str(a.toObject(), "ip");
            continue;
        }
        for (const QJsonValue &pv : ports) {
            total += addresses.size();
            for (const QJsonValue &a : addresses)
                if (shown.size() < 3)
                    shown << hostPort(str(a.toObject(), "ip"), pv.toObject().value(QStringLiteral("port")).toInt());
        }
    }
    return {listWithMore(shown, total, QString()), age(ep, now)};
}

QJsonArray nodeCells(const QJsonObject &node, const QDateTime &now)
{
    // Only the Ready condition shows; anything but True reads NotReady.
    const QString ready = conditionStatus(node, QStringLiteral("Ready"));
    QStringList state{ready.isEmpty() ? QStringLiteral("Unknown")
                      : ready == QLatin1String("True") ? QStringLiteral("Ready")
                                                        : QStringLiteral("NotReady")};
    if (spec(node).value(QStringLiteral("unschedulable")).toBool())
        state << QStringLiteral("SchedulingDisabled");

    QStringList roles;
    const QJsonObject labels = meta(node).value(QStringLiteral("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString role = it.key().startsWith(QLatin1String("node-role.kubernetes.io/")) ? it.key().mid(24)
                             : it.key() == QLatin1String("kubernetes.io/role")              ? it.value().toString()
                                                                                             : QString();
        if (!role.isEmpty() && !roles.contains(role))
            roles << role;
    }
    roles.sort();

    QString internal, external;
    for (const QJsonValue &a : status(node).value(QStringLiteral("addresses")).toArray()) {
        const QJsonObject addr = a.toObject();
        if (str(addr, "type") == QLatin1String("InternalIP") && internal.isEmpty())
            internal = str(addr, "address");
        if (str(addr, "type") == QLatin1String("ExternalIP") && external.isEmpty())
            external = str(addr, "address");
    }
    const QJsonObject info = status(node).value(QStringLiteral("nodeInfo")).toObject();
    auto orUnknown = [](const QString &s) { return s.isEmpty() ? QStringLiteral("<unknown>") : s; };
    return {state.join(QLatin1Char(',')),
            orNone(roles.join(QLatin1Char(','))),
            age(node, now),
            str(info, "kubeletVersion"),
            orNone(internal),
            orNone(external),
            orUnknown(str(info, "osImage")),
            orUnknown(str(info, "kernelVersion")),
            orUnknown(str(info, "containerRuntimeVersion"))};
}

QJsonArray namespaceCells(const QJsonObject &ns, const QDateTime &now)
{
    return {str(status(ns), "phase"), age(ns, now)};
}

QJsonArray configMapCells(const QJsonObject &cm, const QDateTime &now)
{
    return {cm.value(QStringLiteral("data")).toObject().size() + cm.value(QStringLiteral("binaryData")).toObject().size(),
            age(cm, now)};
}

QJsonArray secretCells(const QJsonObject &s, const QDateTime &now)
{
    return {str(s, "type"), s.value(QStringLiteral("data")).toObject().size(), age(s, now)};
}

QJsonArray serviceAccountCells(const QJsonObject &sa, const QDateTime &now)
{
    return {sa.value(QStringLiteral("secrets")).toArray().size(), age(sa, now)};
}

QJsonArray quotaCells(const QJsonObject &q, const QDateTime &now)
{
    // status.hard only: a quota the controller has not yet synced prints empty.
    const QJsonObject hard = status(q).value(QStringLiteral("hard")).toObject();
    const QJsonObject used = status(q).value(QStringLiteral("used")).toObject();
    QStringList requests, limits;
    for (auto it = hard.begin(); it != hard.end(); ++it) {
        const QString item = QStringLiteral("%1: %2/%3").arg(it.key(), used.value(it.key()).toString(QStringLiteral("0")),
                                                             it.value().toString());
        (it.key().startsWith(QLatin1String("limits.")) ? limits : requests) << item;
    }
    return {age(q, now), requests.join(QStringLiteral(", ")), limits.join(QStringLiteral(", "))};
}

QJsonArray createdAtCells(const QJsonObject &obj, const QDateTime &)
{
    return {meta(obj).value(QStringLiteral("creationTimestamp"))};
}

}  // namespace

const Printer *corePrinter(const QString &kind)
{
    static const QHash<QString, Printer> printers{
        {QStringLiteral("Service"),
         {{{"Type", "string", "", 0,
            "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, "
            "ClusterIP, NodePort, and LoadBalancer."},
           {"Cluster-IP", "string", "", 0,
            "clusterIP is the IP address of the service and is usually assigned randomly."},
           {"External-IP", "string", "", 0,
            "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this "
            "service."},
           {"Port(s)", "string", "", 0, "The list of ports that are exposed by this service."},
           {"Age", "string", "", 0, kAgeDescription},
           {"Selector", "string", "", 1,
            "Route service traffic to pods with label keys and values matching this selector."}},
          serviceCells}},
        {QStringLiteral("Endpoints"),
         {{{"Endpoints", "string", "", 0,
            "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the "
            "IPs they share."},
           {"Age", "string", "", 0, kAgeDescription}},
          endpointsCells}},
        {QStringLiteral("Namespace"),
         {{{"Status", "string", "", 0, "The status of the namespace"}, {"Age", "string", "", 0, kAgeDescription}},
          namespaceCells}},
        {QStringLiteral("Node"),
         {{{"Status", "string", "", 0, "The status of the node"},
           {"Roles", "string", "", 0, "The roles of the node"},
           {"Age", "string", "", 0, kAgeDescription},
           {"Version", "string", "", 0, "Kubelet Version reported by the node."},
           {"Internal-IP", "string", "", 1, "List of addresses reachable to the node."},
           {"External-IP", "string", "", 1, "List of addresses reachable to the node."},
           {"OS-Image", "string", "", 1,
            "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."},
           {"Kernel-Version", "string", "", 1,
            "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."},
           {"Container-Runtime", "string", "", 1,
            "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."}},
          nodeCells}},
        {QStringLiteral("ConfigMap"),
         {{{"Data", "string", "", 0, "Data contains the configuration data."}, {"Age", "string", "", 0, kAgeDescription}},
          configMapCells}},
        {QStringLiteral("Secret"),
         {{{"Type", "string", "", 0, "Used to facilitate programmatic handling of secret data."},
           {"Data", "string", "", 0, "Data contains the secret data."},
           {"Age", "string", "", 0, kAgeDescription}},
          secretCells}},
        {QStringLiteral("ServiceAccount"),
         {{{"Secrets", "string", "", 0,
            "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are "
            "allowed to use."},
           {"Age", "string", "", 0, kAgeDescription}},
          serviceAccountCells}},
        {QStringLiteral("ResourceQuota"),
         {{{"Age", "string", "", 0, kAgeDescription},
           {"Request", "string", "", 0, "Request represents a minimum amount of cpu/memory that a container may consume."},
           {"Limit", "string", "", 0,
            "Limits control the maximum amount of cpu/memory that a container may use independent of contention on "
            "the node."}},
          quotaCells}},
        {QStringLiteral("LimitRange"), {{{"Created At", "date", "", 0, kAgeDescription}}, createdAtCells}},
    };
    if (kind == QLatin1String("Pod"))
        return &podPrinter();
    if (kind == QLatin1String("Event"))
        return &eventPrinter();
    auto it = printers.find(kind);
    return it == printers.end() ? nullptr : &*it;
}

}  // namespace timoneiro::api::printers
