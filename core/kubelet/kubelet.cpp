#include "kubelet.h"

#include "api/object.h"
#include "node_status.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>

namespace timoneiro::kubelet {

namespace {

QString microNow()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

const api::ResourceInfo &nodesResource()
{
    return api::builtinResource(QString(), QStringLiteral("nodes"));
}

}  // namespace

Kubelet::Kubelet(client::Client &client, KubeletConfig config, QObject *parent)
    : QObject(parent),
      client_(client),
      config_(std::move(config)),
      pods_(client, api::builtinResource(QString(), QStringLiteral("pods")), {},
            client::ListOptions{{}, QStringLiteral("spec.nodeName=") + config_.nodeName}),
      nodes_(client, nodesResource(), {}, client::ListOptions{{}, QStringLiteral("metadata.name=") + config_.nodeName}),
      events_(client, QStringLiteral("kubelet"), config_.nodeName),
      tokens_(client)
{
    // Enough threads that one pod's graceful stop never holds up the others.
    pool_.setMaxThreadCount(8);
    probePool_.setMaxThreadCount(16);
    connect(&heartbeat_, &QTimer::timeout, this, &Kubelet::heartbeat);
    auto nodeChanged = [this](const QJsonObject &node) {
        const QString cidr = node.value(QStringLiteral("spec")).toObject().value(QStringLiteral("podCIDR")).toString();
        if (!cidr.isEmpty() && podCidr_.isEmpty()) {
            podCidr_ = cidr;
            emit podCidrAssigned(cidr);
            heartbeat();
        }
    };
    connect(&nodes_, &client::Informer::added, this, nodeChanged);
    connect(&nodes_, &client::Informer::updated, this, [nodeChanged](const QJsonObject &, const QJsonObject &n) { nodeChanged(n); });
    connect(&pods_, &client::Informer::added, this, &Kubelet::podChanged);
    connect(&pods_, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &p) { podChanged(p); });
    connect(&pods_, &client::Informer::deleted, this, &Kubelet::podDeleted);
    connect(&pods_, &client::Informer::synced, this, &Kubelet::removeOrphans);
}

Kubelet::~Kubelet()
{
    stop();
}

QString Kubelet::internalIp() const
{
    if (podCidr_.isEmpty())
        return {};
    const QStringList octets = podCidr_.section(QLatin1Char('/'), 0, 0).split(QLatin1Char('.'));
    if (octets.size() != 4)
        return {};
    return QStringLiteral("%1.%2.%3.%4").arg(octets[0], octets[1], octets[2]).arg(octets[3].toInt() + 1);
}

void Kubelet::start()
{
    QDir().mkpath(logRoot());
    heartbeat_.start(config_.heartbeatMs);
    registerNode();
}

void Kubelet::stop()
{
    if (stopping_)
        return;
    stopping_ = true;
    heartbeat_.stop();
    for (PodWorker *w : std::as_const(workers_))
        w->blockSignals(true);
    pool_.waitForDone();
    probePool_.waitForDone();
    qDeleteAll(workers_);
    workers_.clear();
}

void Kubelet::registerNode()
{
    const QJsonObject capacity = machineCapacity(config_.maxPods, config_.dataDir);
    const QJsonObject node{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), config_.nodeName},
                     {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("timoneiro.io/bridge"), config_.bridge}}},
                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/hostname"), config_.nodeName},
                                                            {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                                                            {QStringLiteral("kubernetes.io/arch"),
                                                             nodeInfo({}).value(QStringLiteral("architecture")).toString()}}}}},
        {QStringLiteral("spec"), QJsonObject()},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("capacity"), capacity},
                     {QStringLiteral("allocatable"), capacity},
                     {QStringLiteral("addresses"), nodeAddresses({}, config_.nodeName)},
                     {QStringLiteral("nodeInfo"), nodeInfo({})},
                     {QStringLiteral("conditions"), nodeConditions(false, QStringLiteral("container runtime is starting"), {})}}}};
    QPointer<Kubelet> self(this);
    client_.create(nodesResource(), {}, node, [self, node](const api::Result<QJsonObject> &r) {
        if (!self)
            return;
        if (r)
            self->events_.record(*r, QStringLiteral("Normal"), QStringLiteral("RegisteredNode"),
                                 QStringLiteral("Node %1 event: Registered Node %1").arg(self->config_.nodeName));
        self->nodes_.start();
        self->heartbeat();
    });
}

void Kubelet::setRuntime(const QString &socket)
{
    socket_ = socket;
    runtimeFailure_.clear();
    runtime_ = std::make_shared<cri::RuntimeClient>(socket);
    QPointer<Kubelet> self(this);
    auto runtime = runtime_;
    pool_.start([self, runtime] {
        cri::v1::VersionResponse version;
        cri::CriError error;
        QString text;
        if (runtime->version(&version, &error))
            text = QStringLiteral("%1://%2").arg(QString::fromStdString(version.runtime_name()), QString::fromStdString(version.runtime_version()));
        QMetaObject::invokeMethod(self.data(), [self, text] {
            if (!self)
                return;
            self->runtimeVersion_ = text;
            self->pods_.start();
            self->heartbeat();
        }, Qt::QueuedConnection);
    });
}

void Kubelet::setRuntimeFailed(const QString &reason)
{
    runtimeFailure_ = reason;
    heartbeat();
}

void Kubelet::setRuntimeDown(const QString &detail)
{
    runtimeDown_ = detail;
    ++runtimeGeneration_;
    statusInFlight_ = false;
    heartbeat();
}

void Kubelet::setRuntimeRestored()
{
    runtimeDown_.clear();
    ++runtimeGeneration_;
    statusInFlight_ = false;
    // The old channel reconnects with gRPC's back-off; a new one connects
    // now. Running workers keep theirs: their next resync finds it back.
    if (!socket_.isEmpty()) {
        runtimeFailure_.clear();
        runtime_ = std::make_shared<cri::RuntimeClient>(socket_);
    }
    heartbeat();
    for (const QJsonObject &pod : pods_.list())
        podChanged(pod);
}

void Kubelet::heartbeat()
{
    if (stopping_)
        return;
    const QJsonObject lease{
        {QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("Lease")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), config_.nodeName}, {QStringLiteral("namespace"), QStringLiteral("kube-node-lease")}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("holderIdentity"), config_.nodeName},
                                             {QStringLiteral("leaseDurationSeconds"), config_.leaseSeconds},
                                             {QStringLiteral("renewTime"), microNow()}}}};
    const auto &leases = api::builtinResource(QStringLiteral("coordination.k8s.io"), QStringLiteral("leases"));
    QPointer<Kubelet> self(this);
    if (!leaseCreated_) {
        client_.create(leases, QStringLiteral("kube-node-lease"), lease, [self](const api::Result<QJsonObject> &r) {
            if (self)
                self->leaseCreated_ = r.ok() || r.error().code == 409;
        });
    } else {
        const QJsonObject patch{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("renewTime"), microNow()},
                                                                     {QStringLiteral("holderIdentity"), config_.nodeName}}}};
        client_.patch(leases, QStringLiteral("kube-node-lease"), config_.nodeName, client::PatchType::Merge,
                      QJsonDocument(patch).toJson(QJsonDocument::Compact), [self](const api::Result<QJsonObject> &r) {
                          if (self && !r && r.error().code == 404)
                              self->leaseCreated_ = false;
                      });
    }
    if (statusInFlight_)
        return;
    if (!runtimeDown_.isEmpty()) {
        updateNodeStatus(false, QStringLiteral("container runtime is down"));
        return;
    }
    if (!runtime_) {
        updateNodeStatus(false, runtimeFailure_.isEmpty() ? QStringLiteral("container runtime is starting") : runtimeFailure_);
        return;
    }
    statusInFlight_ = true;
    auto runtime = runtime_;
    const int generation = runtimeGeneration_;
    pool_.start([self, runtime, generation] {
        cri::v1::StatusResponse status;
        cri::CriError error;
        QString problem;
        if (!runtime->status(&status, &error)) {
            problem = QStringLiteral("container runtime is down: %1").arg(error.message);
        } else {
            for (const char *type : {"RuntimeReady", "NetworkReady"}) {
                const auto *c = cri::RuntimeClient::condition(status, type);
                if (!c || !c->status())
                    problem = QStringLiteral("container runtime %1=false reason:%2 message:%3")
                                  .arg(QLatin1String(type), c ? QString::fromStdString(c->reason()) : QString(),
                                       c ? QString::fromStdString(c->message()) : QString());
            }
        }
        QMetaObject::invokeMethod(self.data(), [self, problem, generation] {
            if (!self || generation != self->runtimeGeneration_)
                return;
            self->statusInFlight_ = false;
            self->updateNodeStatus(problem.isEmpty(), problem);
        }, Qt::QueuedConnection);
    });
}

void Kubelet::updateNodeStatus(bool ready, const QString &message)
{
    const auto node = nodes_.get(config_.nodeName);
    if (!node)
        return;
    const QJsonObject old = node->value(QStringLiteral("status")).toObject();
    const QJsonArray previous = old.value(QStringLiteral("conditions")).toArray();
    // Written when something changed, else once a minute (the lease is the heartbeat).
    const QString runtimeProblem = runtimeDown_.isEmpty() ? runtimeFailure_ : runtimeDown_;
    const QString report = QStringLiteral("%1|%2|%3|%4|%5").arg(ready).arg(message, runtimeVersion_, podCidr_, runtimeProblem);
    const bool nodeSaysReady = api::isReady(*node);
    const QString heartbeat = previous.isEmpty() ? QString() : previous.last().toObject().value(QStringLiteral("lastHeartbeatTime")).toString();
    const qint64 age = QDateTime::fromString(heartbeat, Qt::ISODate).secsTo(QDateTime::currentDateTimeUtc());
    if (report == lastReported_ && nodeSaysReady == ready && age < 60)
        return;
    lastReported_ = report;
    if (ready && !nodeSaysReady)
        events_.record(*node, QStringLiteral("Normal"), QStringLiteral("NodeReady"),
                       QStringLiteral("Node %1 status is now: NodeReady").arg(config_.nodeName));
    else if (!ready && nodeSaysReady)
        events_.record(*node, QStringLiteral("Normal"), QStringLiteral("NodeNotReady"),
                       QStringLiteral("Node %1 status is now: NodeNotReady").arg(config_.nodeName));
    const QJsonObject status{{QStringLiteral("conditions"), nodeConditions(ready, message, previous, runtimeProblem)},
                             {QStringLiteral("addresses"), nodeAddresses(internalIp(), config_.nodeName)},
                             {QStringLiteral("nodeInfo"), nodeInfo(runtimeVersion_)}};
    QPointer<Kubelet> self(this);
    client_.patch(nodesResource(), {}, config_.nodeName, client::PatchType::Merge,
                  QJsonDocument(QJsonObject{{QStringLiteral("status"), status}}).toJson(QJsonDocument::Compact),
                  [self](const api::Result<QJsonObject> &r) {
                      if (self && !r)
                          self->lastReported_.clear();
                  },
                  QStringLiteral("status"));
}

void Kubelet::podChanged(const QJsonObject &pod)
{
    if (stopping_ || !runtime_)
        return;
    const QString uid = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("uid")).toString();
    if (PodWorker *w = workers_.value(uid)) {
        w->update(pod);
        return;
    }
    // A worker started now could not adopt what the runtime has of the pod.
    if (!runtimeDown_.isEmpty())
        return;
    PodWorkerContext context;
    context.client = &client_;
    context.events = &events_;
    context.tokens = &tokens_;
    context.pool = &pool_;
    context.probePool = &probePool_;
    context.runtime = runtime_;
    context.socket = socket_;
    context.nodeName = config_.nodeName;
    context.hostIp = internalIp();
    context.logRoot = logRoot();
    context.cgroupParent = QStringLiteral("/timoneiro/") + config_.nodeName;
    context.resyncMs = config_.podResyncMs;
    context.dns = config_.dns;
    auto *worker = new PodWorker(context, pod, this);
    workers_.insert(uid, worker);
    connect(worker, &PodWorker::finished, this, [this](const QString &finishedUid) {
        tokens_.forget(finishedUid);
        if (PodWorker *w = workers_.take(finishedUid))
            w->deleteLater();
    });
}

void Kubelet::podDeleted(const QJsonObject &pod)
{
    const QString uid = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("uid")).toString();
    PodWorker *w = workers_.value(uid);
    if (!w)
        return;
    if (w->stopped() && !w->busy()) {
        tokens_.forget(uid);
        workers_.remove(uid);
        w->deleteLater();
        return;
    }
    w->podRemoved();
}

void Kubelet::removeOrphans()
{
    // Sandboxes of pods the API no longer has (deleted while this kubelet
    // was down) are stopped and removed; those of known pods are adopted.
    QSet<QString> known;
    for (const QJsonObject &p : pods_.list())
        known.insert(p.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("uid")).toString());
    auto runtime = runtime_;
    const QString socket = socket_;
    pool_.start([runtime, socket, known] {
        cri::v1::ListPodSandboxResponse sandboxes;
        cri::CriError error;
        if (!runtime->listPodSandbox(&sandboxes, &error))
            return;
        QSet<QString> orphans;
        for (const auto &s : sandboxes.items()) {
            const auto it = s.labels().find(kPodUidLabel);
            const QString uid = it == s.labels().end() ? QString::fromStdString(s.metadata().uid()) : QString::fromStdString(it->second);
            if (!known.contains(uid))
                orphans.insert(uid);
        }
        for (const QString &uid : orphans)
            killPodSandboxes(*runtime, socket, uid, 2);
    });
}

}  // namespace timoneiro::kubelet
