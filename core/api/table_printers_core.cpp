// Rows of the core/v1 kinds other than pods.
#include "table_printers.h"

#include "table.h"

#include <QHash>

namespace timoneiro::api::printers {

namespace {

const char *const kAgeDescription = "CreationTimestamp is a timestamp representing the server time when this object was created.";

QJsonArray serviceCells(const QJsonObject &svc, const QDateTime &now)
{
    const QJsonObject s = spec(svc);
    const QString type = s.value(QStringLiteral("type")).toString();
    QString external;
    QStringList ext;
    for (const QJsonValue &v : s.value(QStringLiteral("externalIPs")).toArray())
        ext << v.toString();
    if (type == QLatin1String("ExternalName")) {
        external = s.value(QStringLiteral("externalName")).toString();
    } else if (type == QLatin1String("LoadBalancer")) {
        QStringList lb;
        for (const QJsonValue &i : status(svc).value(QStringLiteral("loadBalancer")).toObject().value(QStringLiteral("ingress")).toArray()) {
            const QJsonObject in = i.toObject();
            lb << (in.value(QStringLiteral("ip")).toString().isEmpty() ? in.value(QStringLiteral("hostname")).toString()
                                                                       : in.value(QStringLiteral("ip")).toString());
        }
        lb << ext;
        external = lb.isEmpty() ? QStringLiteral("<pending>") : lb.join(QLatin1Char(','));
    } else {
        external = orNone(ext.join(QLatin1Char(',')));
    }
    QStringList ports;
    for (const QJsonValue &v : s.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject p = v.toObject();
        const int nodePort = p.value(QStringLiteral("nodePort")).toInt();
        ports << (nodePort > 0 ? QStringLiteral("%1:%2/%3").arg(p.value(QStringLiteral("port")).toInt()).arg(nodePort)
                               : QStringLiteral("%1/%2").arg(p.value(QStringLiteral("port")).toInt()))
                     .arg(p.value(QStringLiteral("protocol")).toString());
    }
    return {type, orNone(s.value(QStringLiteral("clusterIP")).toString()), external, orNone(ports.join(QLatin1Char(','))),
            age(svc, now), orNone(mapText(s.value(QStringLiteral("selector")).toObject()))};
}

QJsonArray endpointsCells(const QJsonObject &ep, const QDateTime &now)
{
    QStringList list;
    int count = 0;
    for (const QJsonValue &sv : ep.value(QStringLiteral("subsets")).toArray()) {
        const QJsonObject subset = sv.toObject();
        const QJsonArray ports = subset.value(QStringLiteral("ports")).toArray();
        for (const QJsonValue &av : subset.value(QStringLiteral("addresses")).toArray()) {
            const QString ip = av.toObject().value(QStringLiteral("ip")).toString();
            if (ports.isEmpty()) {
                if (count++ < 3)
                    list << ip;
                continue;
            }
            for (const QJsonValue &pv : ports)
                if (count++ < 3)
                    list << QStringLiteral("%1:%2").arg(ip).arg(pv.toObject().value(QStringLiteral("port")).toInt());
        }
    }
    QString text = orNone(list.join(QLatin1Char(',')));
    if (count > 3)
        text += QStringLiteral(" + %1 more...").arg(count - 3);
    return {text, age(ep, now)};
}

QJsonArray namespaceCells(const QJsonObject &ns, const QDateTime &now)
{
    return {status(ns).value(QStringLiteral("phase")).toString(), age(ns, now)};
}

QJsonArray nodeCells(const QJsonObject &node, const QDateTime &now)
{
    QString state = QStringLiteral("Unknown");
    for (const QJsonValue &c : status(node).value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject cond = c.toObject();
        if (cond.value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
            state = cond.value(QStringLiteral("status")).toString() == QLatin1String("True") ? QStringLiteral("Ready")
                    : cond.value(QStringLiteral("status")).toString() == QLatin1String("False") ? QStringLiteral("NotReady")
                                                                                                 : QStringLiteral("Unknown");
    }
    if (spec(node).value(QStringLiteral("unschedulable")).toBool())
        state += QStringLiteral(",SchedulingDisabled");
    QStringList roles;
    const QJsonObject labels = meta(node).value(QStringLiteral("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.key().startsWith(QLatin1String("node-role.kubernetes.io/")))
            roles << it.key().mid(24);
    QString internal, external;
    for (const QJsonValue &a : status(node).value(QStringLiteral("addresses")).toArray()) {
        const QJsonObject addr = a.toObject();
        if (addr.value(QStringLiteral("type")).toString() == QLatin1String("InternalIP") && internal.isEmpty())
            internal = addr.value(QStringLiteral("address")).toString();
        if (addr.value(QStringLiteral("type")).toString() == QLatin1String("ExternalIP") && external.isEmpty())
            external = addr.value(QStringLiteral("address")).toString();
    }
    const QJsonObject info = status(node).value(QStringLiteral("nodeInfo")).toObject();
    return {state, orNone(roles.join(QLatin1Char(','))), age(node, now), info.value(QStringLiteral("kubeletVersion")).toString(),
            orNone(internal), orNone(external), info.value(QStringLiteral("osImage")).toString(),
            info.value(QStringLiteral("kernelVersion")).toString(), info.value(QStringLiteral("containerRuntimeVersion")).toString()};
}

QJsonArray eventCells(const QJsonObject &ev, const QDateTime &now)
{
    QString first = ev.value(QStringLiteral("firstTimestamp")).toString();
    QString last = ev.value(QStringLiteral("lastTimestamp")).toString();
    const QString eventTime = ev.value(QStringLiteral("eventTime")).toString();
    if (last.isEmpty())
        last = !eventTime.isEmpty() ? eventTime : first;
    if (first.isEmpty())
        first = !eventTime.isEmpty() ? eventTime : last;
    const int count = ev.value(QStringLiteral("count")).toInt();
    QString lastSeen = since(last, now);
    if (count > 1)
        lastSeen = QStringLiteral("%1 (x%2 over %3)").arg(lastSeen).arg(count).arg(since(first, now));
    const QJsonObject obj = ev.value(QStringLiteral("involvedObject")).toObject();
    const QJsonObject source = ev.value(QStringLiteral("source")).toObject();
    QString sourceText = source.value(QStringLiteral("component")).toString();
    if (!source.value(QStringLiteral("host")).toString().isEmpty())
        sourceText += QStringLiteral(", ") + source.value(QStringLiteral("host")).toString();
    if (sourceText.isEmpty())
        sourceText = ev.value(QStringLiteral("reportingComponent")).toString();
    return {lastSeen,
            ev.value(QStringLiteral("type")).toString(),
            ev.value(QStringLiteral("reason")).toString(),
            obj.value(QStringLiteral("kind")).toString().toLower() + QLatin1Char('/') + obj.value(QStringLiteral("name")).toString(),
            obj.value(QStringLiteral("fieldPath")).toString(),
            sourceText,
            ev.value(QStringLiteral("message")).toString().trimmed(),
            since(first, now),
            count,
            meta(ev).value(QStringLiteral("name")).toString()};
}

QJsonArray configMapCells(const QJsonObject &cm, const QDateTime &now)
{
    return {cm.value(QStringLiteral("data")).toObject().size() + cm.value(QStringLiteral("binaryData")).toObject().size(),
            age(cm, now)};
}

QJsonArray secretCells(const QJsonObject &s, const QDateTime &now)
{
    return {s.value(QStringLiteral("type")).toString(), s.value(QStringLiteral("data")).toObject().size(), age(s, now)};
}

QJsonArray serviceAccountCells(const QJsonObject &sa, const QDateTime &now)
{
    return {sa.value(QStringLiteral("secrets")).toArray().size(), age(sa, now)};
}

QJsonArray quotaCells(const QJsonObject &q, const QDateTime &now)
{
    const QJsonObject hard = status(q).value(QStringLiteral("hard")).toObject().isEmpty()
                                 ? spec(q).value(QStringLiteral("hard")).toObject()
                                 : status(q).value(QStringLiteral("hard")).toObject();
    const QJsonObject used = status(q).value(QStringLiteral("used")).toObject();
    QStringList requests, limits;
    for (auto it = hard.begin(); it != hard.end(); ++it) {
        const QString usedText = used.value(it.key()).toString(QStringLiteral("0"));
        const QString item = QStringLiteral("%1: %2/%3").arg(it.key(), usedText, it.value().toString());
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
         {{{"Type", "string", "", 0, "The type of service."},
           {"Cluster-IP", "string", "", 0, "The cluster IP of the service."},
           {"External-IP", "string", "", 0, "The external IP of the service."},
           {"Port(s)", "string", "", 0, "The ports of the service."},
           {"Age", "string", "", 0, kAgeDescription},
           {"Selector", "string", "", 1, "The selector of the service."}},
          serviceCells}},
        {QStringLiteral("Endpoints"),
         {{{"Endpoints", "string", "", 0, "Endpoints of the service."}, {"Age", "string", "", 0, kAgeDescription}},
          endpointsCells}},
        {QStringLiteral("Namespace"),
         {{{"Status", "string", "", 0, "The status of the namespace."}, {"Age", "string", "", 0, kAgeDescription}},
          namespaceCells}},
        {QStringLiteral("Node"),
         {{{"Status", "string", "", 0, "The status of the node."},
           {"Roles", "string", "", 0, "The roles of the node."},
           {"Age", "string", "", 0, kAgeDescription},
           {"Version", "string", "", 0, "Kubelet Version reported by the node."},
           {"Internal-IP", "string", "", 1, "List of internal IPs."},
           {"External-IP", "string", "", 1, "List of external IPs."},
           {"OS-Image", "string", "", 1, "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."},
           {"Kernel-Version", "string", "", 1, "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."},
           {"Container-Runtime", "string", "", 1, "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."}},
          nodeCells}},
        {QStringLiteral("Event"),
         {{{"Last Seen", "string", "", 0, "Time when last event from this object was seen."},
           {"Type", "string", "", 0, "Type of this event (Normal, Warning), new types could be added in the future."},
           {"Reason", "string", "", 0, "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."},
           {"Object", "string", "", 0, "The object that this event is about."},
           {"Subobject", "string", "", 1, "The subobject that this event is about."},
           {"Source", "string", "", 1, "The component reporting this event."},
           {"Message", "string", "", 0, "A human-readable description of the status of this operation."},
           {"First Seen", "string", "", 1, "The time at which the event was first recorded."},
           {"Count", "integer", "", 1, "The number of times this event has occurred."},
           {"Name", "string", "", 1, "The name of the event."}},
          eventCells}},
        {QStringLiteral("ConfigMap"),
         {{{"Data", "integer", "", 0, "Data contains the configuration data."}, {"Age", "string", "", 0, kAgeDescription}},
          configMapCells}},
        {QStringLiteral("Secret"),
         {{{"Type", "string", "", 0, "The type of the secret."},
           {"Data", "integer", "", 0, "The number of entries in the secret."},
           {"Age", "string", "", 0, kAgeDescription}},
          secretCells}},
        {QStringLiteral("ServiceAccount"),
         {{{"Secrets", "integer", "", 0, "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."},
           {"Age", "string", "", 0, kAgeDescription}},
          serviceAccountCells}},
        {QStringLiteral("ResourceQuota"),
         {{{"Age", "string", "", 0, kAgeDescription},
           {"Request", "string", "", 0, "Request represents a minimum amount of cpu/memory that a container may consume."},
           {"Limit", "string", "", 0, "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."}},
          quotaCells}},
        {QStringLiteral("LimitRange"),
         {{{"Created At", "date", "", 0, kAgeDescription}}, createdAtCells}},
    };
    if (kind == QLatin1String("Pod"))
        return &podPrinter();
    auto it = printers.find(kind);
    return it == printers.end() ? nullptr : &*it;
}

}  // namespace timoneiro::api::printers
