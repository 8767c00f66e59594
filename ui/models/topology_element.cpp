#include "topology_element.h"

#include "api/object.h"
#include "api/resource.h"
#include "api/table.h"

#include <QDateTime>
#include <QJsonDocument>

namespace timoneiro::ui {

namespace {

QString str(const QJsonObject &o, const char *field) { return o.value(QLatin1String(field)).toString(); }

// kubectl's STATUS for a pod, from the same printer the API server's tables use.
QString podStatusColumn(const QJsonObject &pod)
{
    const api::ResourceInfo &pods = api::builtinResource(QString(), QStringLiteral("pods"));
    static const int column = [&pods] {
        const QJsonArray columns = api::tableColumns(pods);
        for (qsizetype i = 0; i < columns.size(); ++i)
            if (columns[i].toObject().value(QStringLiteral("name")).toString() == QLatin1String("Status"))
                return int(i);
        return -1;
    }();
    if (column < 0)
        return str(api::statusOf(pod), "phase");
    return api::tableCells(pods, pod, QDateTime::currentDateTimeUtc()).at(column).toString();
}

void readContainers(const QJsonObject &pod, TopologyElement &e)
{
    const QJsonObject spec = api::specOf(pod), status = api::statusOf(pod);
    auto statuses = [](const QJsonArray &list) {
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &v : list)
            byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        return byName;
    };
    const auto mainStatus = statuses(status.value(QStringLiteral("containerStatuses")).toArray());
    const auto initStatus = statuses(status.value(QStringLiteral("initContainerStatuses")).toArray());
    auto add = [&e](const QJsonObject &c, const QJsonObject &st, bool init) {
        TopologyContainer tc;
        tc.name = str(c, "name");
        tc.init = init;
        tc.ready = st.value(QStringLiteral("ready")).toBool();
        tc.restarts = st.value(QStringLiteral("restartCount")).toInt();
        const QJsonObject state = st.value(QStringLiteral("state")).toObject();
        if (state.contains(QStringLiteral("running")))
            tc.state = QStringLiteral("running");
        else if (state.contains(QStringLiteral("waiting")))
            tc.state = str(state.value(QStringLiteral("waiting")).toObject(), "reason");
        else if (state.contains(QStringLiteral("terminated")))
            tc.state = str(state.value(QStringLiteral("terminated")).toObject(), "reason");
        if (tc.state.isEmpty())
            tc.state = st.isEmpty() ? QStringLiteral("waiting") : QStringLiteral("unknown");
        e.containers.append(tc);
    };
    for (const QJsonValue &c : spec.value(QStringLiteral("initContainers")).toArray())
        add(c.toObject(), initStatus.value(str(c.toObject(), "name")), true);
    for (const QJsonValue &c : spec.value(QStringLiteral("containers")).toArray())
        add(c.toObject(), mainStatus.value(str(c.toObject(), "name")), false);
}

void readPod(const QJsonObject &pod, TopologyElement &e)
{
    const QJsonObject spec = api::specOf(pod), status = api::statusOf(pod);
    e.nodeName = str(spec, "nodeName");
    e.podIP = str(status, "podIP");
    e.phase = str(status, "phase");
    e.ready = api::isReady(pod);
    e.status = podStatusColumn(pod);
    if (api::isDeleting(pod))
        e.health = PodHealth::Terminating;
    else if (e.phase == QLatin1String("Running"))
        e.health = e.ready ? PodHealth::Ready : PodHealth::NotReady;
    else if (e.phase == QLatin1String("Pending"))
        e.health = PodHealth::Pending;
    else if (e.phase == QLatin1String("Succeeded"))
        e.health = PodHealth::Succeeded;
    else if (e.phase == QLatin1String("Failed"))
        e.health = PodHealth::Failed;
    // A running pod whose containers crash is in trouble whatever its phase says.
    if (e.status.contains(QLatin1String("BackOff")) || e.status.contains(QLatin1String("Err"))
        || e.status == QLatin1String("Error"))
        e.health = PodHealth::Failed;
    readContainers(pod, e);
}

void readNode(const QJsonObject &node, TopologyElement &e)
{
    const QJsonObject meta = api::metaOf(node), spec = api::specOf(node), status = api::statusOf(node);
    e.podCIDR = str(spec, "podCIDR");
    e.unschedulable = spec.value(QStringLiteral("unschedulable")).toBool();
    for (const QJsonValue &a : status.value(QStringLiteral("addresses")).toArray())
        if (str(a.toObject(), "type") == QLatin1String("InternalIP")) {
            e.internalIP = str(a.toObject(), "address");
            break;
        }
    const QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
    e.bridge = annotations.value(QStringLiteral("timoneiro.io/bridge")).toString();
    // Timoneiro's local nodes say how their pods are wired (a JSON text).
    const QJsonObject network = QJsonDocument::fromJson(annotations.value(QStringLiteral("timoneiro.io/network")).toString().toUtf8()).object();
    e.gateway = str(network, "gateway");
    e.podRoutes.clear();
    for (const QJsonValue &r : network.value(QStringLiteral("podRoutes")).toArray())
        e.podRoutes << r.toString();
    e.simulated = meta.value(QStringLiteral("labels")).toObject().value(QStringLiteral("timoneiro.io/simulated")).toString()
                  == QLatin1String("true");
    e.readyStatus = api::conditionStatus(node, QStringLiteral("Ready"));
}

void readService(const QJsonObject &svc, TopologyElement &e)
{
    const QJsonObject spec = api::specOf(svc);
    e.serviceType = spec.value(QStringLiteral("type")).toString(QStringLiteral("ClusterIP"));
    e.clusterIP = str(spec, "clusterIP");
    if (e.serviceType == QLatin1String("ExternalName"))
        e.clusterIP = str(spec, "externalName");
    for (const QJsonValue &pv : spec.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject p = pv.toObject();
        const int nodePort = p.value(QStringLiteral("nodePort")).toInt();
        QString text = QString::number(p.value(QStringLiteral("port")).toInt());
        if (nodePort > 0) {
            text += QLatin1Char(':') + QString::number(nodePort);
            e.nodePorts.append(nodePort);
        }
        e.ports.append(text + QLatin1Char('/') + p.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP")));
    }
}

}  // namespace

TopologyElement TopologyElement::fromObject(TopologyKind kind, const QJsonObject &obj)
{
    TopologyElement e;
    e.kind = kind;
    e.object = obj;
    const QJsonObject meta = api::metaOf(obj);
    e.uid = str(meta, "uid");
    e.name = str(meta, "name");
    e.namespaceName = str(meta, "namespace");
    const QJsonObject owner = api::controllerRefOf(obj);
    e.ownerUid = str(owner, "uid");
    e.ownerKind = str(owner, "kind");
    e.ownerName = str(owner, "name");
    switch (kind) {
    case TopologyKind::Node:
        readNode(obj, e);
        break;
    case TopologyKind::Pod:
        readPod(obj, e);
        break;
    case TopologyKind::Service:
        readService(obj, e);
        break;
    case TopologyKind::ReplicaSet:
    case TopologyKind::Deployment:
        e.replicas = api::specOf(obj).value(QStringLiteral("replicas")).toInt(1);
        e.readyReplicas = api::statusOf(obj).value(QStringLiteral("readyReplicas")).toInt();
        break;
    }
    return e;
}

}  // namespace timoneiro::ui
