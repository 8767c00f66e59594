#include "simulated_node.h"

#include "api/object.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSysInfo>

namespace timoneiro::kubelet {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString microNow()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

QJsonObject condition(const char *type, const char *status, const char *reason, const QString &message)
{
    return {{QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("status"), QLatin1String(status)},
            {QStringLiteral("reason"), QLatin1String(reason)},
            {QStringLiteral("message"), message},
            {QStringLiteral("lastHeartbeatTime"), now()},
            {QStringLiteral("lastTransitionTime"), now()}};
}

}  // namespace

QJsonArray SimulatedNode::healthyConditions()
{
    return {condition("MemoryPressure", "False", "KubeletHasSufficientMemory", QStringLiteral("kubelet has sufficient memory available")),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", QStringLiteral("kubelet has no disk pressure")),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", QStringLiteral("kubelet has sufficient PID available")),
            condition("Ready", "True", "KubeletReady", QStringLiteral("simulated kubelet is posting ready status"))};
}

SimulatedNode::SimulatedNode(client::Client &client, SimulatedNodeConfig config, QObject *parent)
    : QObject(parent),
      client_(client),
      config_(std::move(config)),
      pods_(client, api::builtinResource("", "pods"), {}, client::ListOptions{{}, QStringLiteral("spec.nodeName=") + config_.name}),
      nodes_(client, api::builtinResource("", "nodes"), {}, client::ListOptions{{}, QStringLiteral("metadata.name=") + config_.name}),
      events_(client, QStringLiteral("kubelet"), config_.name)
{
    connect(&heartbeat_, &QTimer::timeout, this, &SimulatedNode::heartbeat);
    connect(&pods_, &client::Informer::added, this, &SimulatedNode::syncPod);
    connect(&pods_, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &pod) { syncPod(pod); });
    connect(&pods_, &client::Informer::deleted, this, [this](const QJsonObject &pod) {
        const QString key = client::Informer::keyOf(pod);
        ips_.remove(key);
        started_.remove(key);
    });
    auto nodeChanged = [this](const QJsonObject &node) {
        const QString cidr = node.value(QStringLiteral("spec")).toObject().value(QStringLiteral("podCIDR")).toString();
        if (cidr != podCidr_) {
            podCidr_ = cidr;
            // Pods that waited for an address can start now.
            for (const QJsonObject &pod : pods_.list())
                syncPod(pod);
        }
    };
    // A restarted node already has its podCIDR: the first listing brings it.
    connect(&nodes_, &client::Informer::added, this, nodeChanged);
    connect(&nodes_, &client::Informer::updated, this, [nodeChanged](const QJsonObject &, const QJsonObject &node) { nodeChanged(node); });
}

void SimulatedNode::start()
{
    // The first renewal at a random point of the period, then every period:
    // independent kubelets are spread out, and a thousand simulated ones
    // renewing at the same instant would be a burst of writes each period.
    heartbeat_.start(int(QRandomGenerator::global()->bounded(quint32(std::max(1, config_.heartbeatMs)))) + 1);
    if (registered_) {
        heartbeat();  // back from a stop
        return;
    }
    registered_ = true;
    registerNode();
}

void SimulatedNode::stop()
{
    heartbeat_.stop();
}

void SimulatedNode::registerNode()
{
    const QJsonObject capacity{{QStringLiteral("cpu"), config_.cpu},
                               {QStringLiteral("memory"), config_.memory},
                               {QStringLiteral("pods"), QString::number(config_.maxPods)},
                               {QStringLiteral("ephemeral-storage"), QStringLiteral("100Gi")}};
    const QJsonObject node{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), config_.name},
                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/hostname"), config_.name},
                                                            {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                                                            {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
                                                            {simulatedLabel(), QStringLiteral("true")}}},
                     {QStringLiteral("annotations"),
                      QJsonObject{{QStringLiteral("timoneiro.io/description"),
                                   QStringLiteral("Simulated node: pods bound here are marked Running without any "
                                                  "container running. For teaching and scale; not a real node.")}}}}},
        {QStringLiteral("spec"), QJsonObject()},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("capacity"), capacity},
                     {QStringLiteral("allocatable"), capacity},
                     {QStringLiteral("addresses"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")}, {QStringLiteral("address"), config_.internalIp}},
                                 QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")}, {QStringLiteral("address"), config_.name}}}},
                     {QStringLiteral("nodeInfo"),
                      QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.32.4+timoneiro")},
                                  {QStringLiteral("kubeProxyVersion"), QStringLiteral("v1.32.4+timoneiro")},
                                  {QStringLiteral("containerRuntimeVersion"), QStringLiteral("simulated://timoneiro")},
                                  {QStringLiteral("osImage"), QStringLiteral("Simulated node (no containers)")},
                                  {QStringLiteral("kernelVersion"), QSysInfo::kernelVersion()},
                                  {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                                  {QStringLiteral("architecture"), QStringLiteral("amd64")}}},
                     {QStringLiteral("conditions"), healthyConditions()}}}};
    client_.create(api::builtinResource("", "nodes"), {}, node, [this, node](const api::Result<QJsonObject> &r) {
        if (r) {
            events_.record(*r, QStringLiteral("Normal"), QStringLiteral("RegisteredNode"),
                           QStringLiteral("Node %1 event: Registered simulated node %1").arg(config_.name));
            events_.record(*r, QStringLiteral("Normal"), QStringLiteral("NodeReady"),
                           QStringLiteral("Node %1 status is now: NodeReady").arg(config_.name));
        } else if (r.error().code == 409) {
            // Registered before (a restart): report Ready again.
            client_.updateStatus(api::builtinResource("", "nodes"), node, [](const api::Result<QJsonObject> &) {});
        }
        nodes_.start();
        pods_.start();
        heartbeat();
    });
}

void SimulatedNode::heartbeat()
{
    if (heartbeat_.isActive() && heartbeat_.interval() != config_.heartbeatMs)
        heartbeat_.setInterval(config_.heartbeatMs);
    // Back after a stop: the node controller had marked us Unknown; say Ready again.
    if (auto node = nodes_.get(config_.name)) {
        const bool ready = api::isReady(*node);
        if (!ready) {
            QJsonObject status = node->value(QStringLiteral("status")).toObject();
            status.insert(QStringLiteral("conditions"), healthyConditions());
            QJsonObject updated = *node;
            updated.insert(QStringLiteral("status"), status);
            client_.updateStatus(api::builtinResource("", "nodes"), updated, [](const api::Result<QJsonObject> &) {});
        }
    }
    const QJsonObject lease{
        {QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("Lease")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), config_.name},
                                                 {QStringLiteral("namespace"), QStringLiteral("kube-node-lease")}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("holderIdentity"), config_.name},
                                             {QStringLiteral("leaseDurationSeconds"), config_.leaseSeconds},
                                             {QStringLiteral("renewTime"), microNow()}}}};
    if (!leaseCreated_) {
        client_.create(api::builtinResource("coordination.k8s.io", "leases"), QStringLiteral("kube-node-lease"), lease,
                       [this](const api::Result<QJsonObject> &r) { leaseCreated_ = r.ok() || r.error().code == 409; });
        return;
    }
    const QJsonObject patch{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("renewTime"), microNow()},
                                                                 {QStringLiteral("holderIdentity"), config_.name}}}};
    client_.patch(api::builtinResource("coordination.k8s.io", "leases"), QStringLiteral("kube-node-lease"), config_.name, client::PatchType::Merge,
                  QJsonDocument(patch).toJson(QJsonDocument::Compact), [this](const api::Result<QJsonObject> &r) {
                      if (!r && r.error().code == 404)
                          leaseCreated_ = false;
                  });
}

QString SimulatedNode::allocateIp(const QString &podKey)
{
    if (ips_.contains(podKey))
        return ips_.value(podKey);
    // 10.244.N.0/24: .1 is the bridge's on real nodes; pods take .2 to .254.
    const QString base = podCidr_.section(QLatin1Char('/'), 0, 0).section(QLatin1Char('.'), 0, 2);
    QSet<QString> used(ips_.begin(), ips_.end());
    for (const QJsonObject &p : pods_.list())
        used.insert(p.value(QStringLiteral("status")).toObject().value(QStringLiteral("podIP")).toString());
    for (int host = 2; host < 255; ++host) {
        const QString ip = base + QLatin1Char('.') + QString::number(host);
        if (!used.contains(ip)) {
            ips_.insert(podKey, ip);
            return ip;
        }
    }
    return {};
}

void SimulatedNode::syncPod(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    const QString ns = meta.value(QStringLiteral("namespace")).toString();
    const QString name = meta.value(QStringLiteral("name")).toString();
    const QString key = client::Informer::keyOf(pod);
    if (meta.contains(QStringLiteral("deletionTimestamp"))) {
        // Nothing runs, so nothing to stop: the deletion completes at once.
        client_.remove(api::builtinResource("", "pods"), ns, name, [](const api::Result<QJsonObject> &) {},
                       QJsonObject{{QStringLiteral("gracePeriodSeconds"), 0},
                                   {QStringLiteral("preconditions"), QJsonObject{{QStringLiteral("uid"), meta.value(QStringLiteral("uid"))}}}});
        return;
    }
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    if (started_.contains(key) || status.value(QStringLiteral("phase")).toString() == QLatin1String("Running") || podCidr_.isEmpty())
        return;
    const QString ip = allocateIp(key);
    if (ip.isEmpty())
        return;
    started_.insert(key);
    const QString t = now();
    QJsonArray statuses;
    for (const QJsonValue &c : pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray()) {
        const QJsonObject container = c.toObject();
        const QString cname = container.value(QStringLiteral("name")).toString();
        statuses.append(QJsonObject{{QStringLiteral("name"), cname},
                                    {QStringLiteral("image"), container.value(QStringLiteral("image"))},
                                    {QStringLiteral("imageID"), QStringLiteral("simulated://") + container.value(QStringLiteral("image")).toString()},
                                    {QStringLiteral("containerID"), QStringLiteral("simulated://%1/%2").arg(meta.value(QStringLiteral("uid")).toString(), cname)},
                                    {QStringLiteral("ready"), true},
                                    {QStringLiteral("started"), true},
                                    {QStringLiteral("restartCount"), 0},
                                    {QStringLiteral("state"), QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), t}}}}},
                                    {QStringLiteral("lastState"), QJsonObject()}});
    }
    auto cond = [&t](const char *type) {
        return QJsonObject{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("status"), QStringLiteral("True")},
                           {QStringLiteral("lastProbeTime"), QJsonValue::Null}, {QStringLiteral("lastTransitionTime"), t}};
    };
    QJsonObject newStatus = status;
    newStatus.insert(QStringLiteral("phase"), QStringLiteral("Running"));
    newStatus.insert(QStringLiteral("conditions"), QJsonArray{cond("PodReadyToStartContainers"), cond("Initialized"), cond("Ready"),
                                                              cond("ContainersReady"), cond("PodScheduled")});
    newStatus.insert(QStringLiteral("hostIP"), config_.internalIp);
    newStatus.insert(QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), config_.internalIp}}});
    newStatus.insert(QStringLiteral("podIP"), ip);
    newStatus.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}});
    newStatus.insert(QStringLiteral("startTime"), t);
    newStatus.insert(QStringLiteral("containerStatuses"), statuses);
    QJsonObject updated = pod;
    updated.insert(QStringLiteral("status"), newStatus);
    client_.updateStatus(api::builtinResource("", "pods"), updated, [this, key, pod](const api::Result<QJsonObject> &r) {
        if (!r) {
            // Most often a conflict with a concurrent write: try again with the fresh pod.
            started_.remove(key);
            QTimer::singleShot(200, this, [this, key] {
                if (auto fresh = pods_.get(key))
                    syncPod(*fresh);
            });
            return;
        }
        events_.record(pod, QStringLiteral("Normal"), QStringLiteral("Started"),
                       QStringLiteral("Simulated node: containers marked running (no container runs on a simulated node)"));
    });
}

}  // namespace timoneiro::kubelet
