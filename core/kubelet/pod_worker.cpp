#include "pod_worker.h"

#include "api/resource.h"
#include "client/client.h"
#include "client/event_recorder.h"

#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>

namespace timoneiro::kubelet {

namespace {

bool terminating(const QJsonObject &pod)
{
    return pod.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("deletionTimestamp"));
}

qint64 gracePeriod(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    if (meta.contains(QStringLiteral("deletionGracePeriodSeconds")))
        return meta.value(QStringLiteral("deletionGracePeriodSeconds")).toInteger();
    return pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("terminationGracePeriodSeconds")).toInteger(30);
}

}  // namespace

PodWorker::PodWorker(PodWorkerContext context, QJsonObject pod, QObject *parent)
    : QObject(parent), context_(std::move(context)), pod_(std::move(pod)), state_(std::make_shared<PodRuntimeState>())
{
    resync_.setInterval(context_.resyncMs);
    connect(&resync_, &QTimer::timeout, this, &PodWorker::sync);
    if (context_.probePool) {
        probes_ = new ProbeManager({context_.probePool, context_.events, context_.socket, context_.hostIp}, this);
        connect(probes_, &ProbeManager::changed, this, &PodWorker::sync);
    }
    resync_.start();
    QTimer::singleShot(0, this, &PodWorker::sync);
}

void PodWorker::update(const QJsonObject &pod)
{
    const bool wasTerminating = terminating(pod_);
    pod_ = pod;
    // Status echoes of our own writes change nothing to do; spec and
    // deletion changes do.
    if (terminating(pod) != wasTerminating || !inFlight_)
        sync();
}

void PodWorker::podRemoved()
{
    removed_ = true;
    sync();
}

void PodWorker::sync()
{
    if (stopped_)
        return;
    if (inFlight_) {
        pending_ = true;
        return;
    }
    inFlight_ = true;
    pending_ = false;
    if (!terminating(pod_) && !removed_ && !state_->terminal)
        fetchSources();
    else
        dispatch({});
}

void PodWorker::fetchSources()
{
    const QStringList configMaps = configMapRefs(pod_);
    const QStringList secrets = secretRefs(pod_);
    const bool tokens = context_.tokens != nullptr;
    if (configMaps.isEmpty() && secrets.isEmpty() && !tokens) {
        dispatch({});
        return;
    }
    // Read through the API (the node authorizer lets a node read what its
    // pods refer to); a missing one is left out, and the container waits.
    auto sources = std::make_shared<EnvSources>();
    auto remaining = std::make_shared<int>(int(configMaps.size() + secrets.size()) + (tokens ? 1 : 0));
    const QString ns = pod_.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString();
    QPointer<PodWorker> self(this);
    auto fetch = [&](const QString &plural, const QString &name, bool secret) {
        context_.client->get(api::builtinResource(QString(), plural), ns, name,
                             [self, sources, remaining, name, secret](const api::Result<QJsonObject> &r) {
                                 if (r)
                                     (secret ? sources->secrets : sources->configMaps).insert(name, *r);
                                 if (--*remaining == 0 && self)
                                     self->dispatch(*sources);
                             });
    };
    for (const QString &name : configMaps)
        fetch(QStringLiteral("configmaps"), name, false);
    for (const QString &name : secrets)
        fetch(QStringLiteral("secrets"), name, true);
    // The projected service-account tokens, through TokenRequest as the node.
    if (tokens)
        context_.tokens->tokensFor(pod_, [self, sources, remaining](QHash<QString, QString> t, QStringList) {
            sources->tokens = std::move(t);
            if (--*remaining == 0 && self)
                self->dispatch(*sources);
        });
}

void PodWorker::dispatch(const EnvSources &sources)
{
    PodSyncInput input;
    input.pod = pod_;
    input.sources = sources;
    input.nodeName = context_.nodeName;
    input.hostIp = context_.hostIp;
    input.logRoot = context_.logRoot;
    input.cgroupParent = context_.cgroupParent;
    input.dns = context_.dns;
    input.terminate = terminating(pod_) || removed_;
    input.gracePeriodSeconds = removed_ && !terminating(pod_) ? 2 : gracePeriod(pod_);
    if (probes_)
        input.probes = probes_->results();
    QPointer<PodWorker> self(this);
    auto state = state_;
    auto runtime = context_.runtime;
    const QString socket = context_.socket;
    context_.pool->start([self, state, runtime, socket, input] {
        const PodSyncOutput out = syncPod(*runtime, socket, *state, input);
        QMetaObject::invokeMethod(self.data(), [self, out] {
            if (self)
                self->onSynced(out, out.terminated);
        }, Qt::QueuedConnection);
    });
}

void PodWorker::onSynced(const PodSyncOutput &out, bool terminated)
{
    inFlight_ = false;
    for (const PodEvent &e : out.events)
        context_.events->record(pod_, e.type, e.reason, e.message);
    const QJsonObject meta = pod_.value(QStringLiteral("metadata")).toObject();
    const QString ns = meta.value(QStringLiteral("namespace")).toString();
    const QString name = meta.value(QStringLiteral("name")).toString();
    const QString uid = meta.value(QStringLiteral("uid")).toString();
    if (terminated) {
        stopped_ = true;
        resync_.stop();
        if (probes_)
            probes_->stop();
        if (removed_) {
            emit finished(uid);
            return;
        }
        if (!finalDeleteSent_) {
            finalDeleteSent_ = true;
            // The containers are gone: the kubelet completes the deletion.
            context_.client->remove(api::builtinResource(QString(), QStringLiteral("pods")), ns, name,
                                    [](const api::Result<QJsonObject> &) {},
                                    QJsonObject{{QStringLiteral("gracePeriodSeconds"), 0},
                                                {QStringLiteral("preconditions"), QJsonObject{{QStringLiteral("uid"), uid}}}});
        }
        return;
    }
    if (!out.status.isEmpty() && out.status != lastStatus_) {
        lastStatus_ = out.status;
        const QJsonObject patch{{QStringLiteral("status"), out.status}};
        QPointer<PodWorker> self(this);
        context_.client->patch(api::builtinResource(QString(), QStringLiteral("pods")), ns, name, client::PatchType::Merge,
                               QJsonDocument(patch).toJson(QJsonDocument::Compact),
                               [self](const api::Result<QJsonObject> &r) {
                                   if (!r && self)
                                       self->lastStatus_ = QJsonObject();  // written again at the next sync
                               },
                               QStringLiteral("status"));
    }
    if (state_->terminal)
        resync_.stop();
    if (probes_)
        probes_->update(pod_, out.status);
    if (pending_)
        sync();
}

}  // namespace timoneiro::kubelet
