#include "probe_manager.h"

#include "client/event_recorder.h"
#include "prober.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace timoneiro::kubelet {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString capitalized(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

}  // namespace

ProbeManager::ProbeManager(ProbeManagerContext context, QObject *parent) : QObject(parent), context_(std::move(context))
{
}

ProbeManager::~ProbeManager() = default;

void ProbeManager::update(const QJsonObject &pod, const QJsonObject &status)
{
    if (stopped_)
        return;
    pod_ = pod;
    terminating_ = pod.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("deletionTimestamp"));
    if (!built_) {
        // A pod's probes are immutable: its workers are made once.
        built_ = true;
        int longest = 1;
        for (const QJsonValue &v : pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray()) {
            const QJsonObject c = v.toObject();
            ContainerProbes probes(c);
            if (probes.empty())
                continue;
            const QString name = c.value(QStringLiteral("name")).toString();
            for (ProbeKind kind : {ProbeKind::Startup, ProbeKind::Liveness, ProbeKind::Readiness}) {
                const ProbeSpec *spec = probes.spec(kind);
                if (!spec)
                    continue;
                longest = std::max(longest, spec->timeoutSeconds);
                auto w = std::make_unique<Worker>();
                w->container = name;
                w->kind = kind;
                w->timer = new QTimer(this);
                w->timer->setInterval(spec->periodSeconds * 1000);
                Worker *raw = w.get();
                connect(w->timer, &QTimer::timeout, this, [this, raw] { tick(raw); });
                w->timer->start();
                workers_.push_back(std::move(w));
            }
            containers_.insert(name, probes);
            specs_.insert(name, c);
        }
        if (!workers_.empty())
            runtime_ = std::make_shared<cri::RuntimeClient>(context_.socket, (longest + 5) * 1000);
    }
    if (workers_.empty())
        return;
    const QString phase = status.value(QStringLiteral("phase")).toString();
    if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed")) {
        stop();  // nothing of the pod runs again
        return;
    }
    podIp_ = status.value(QStringLiteral("podIP")).toString();
    bool changedAny = false;
    for (const QJsonValue &v : status.value(QStringLiteral("containerStatuses")).toArray()) {
        const QJsonObject s = v.toObject();
        const auto it = containers_.find(s.value(QStringLiteral("name")).toString());
        if (it == containers_.end())
            continue;
        const QString id = s.value(QStringLiteral("containerID")).toString().section(QStringLiteral("://"), 1);
        const QJsonObject running = s.value(QStringLiteral("state")).toObject().value(QStringLiteral("running")).toObject();
        const bool isRunning = s.value(QStringLiteral("state")).toObject().contains(QStringLiteral("running"));
        const qint64 startedAt = QDateTime::fromString(running.value(QStringLiteral("startedAt")).toString(), Qt::ISODate).toMSecsSinceEpoch();
        const bool wasRunning = it->running();
        const bool fresh = it->observe(id, isRunning, startedAt);
        if (fresh && !id.isEmpty())
            changedAny = true;  // a new container starts out not started / not ready
        if (isRunning && (fresh || !wasRunning)) {
            // A container that just started is probed as soon as its initial delay allows.
            for (const auto &w : workers_) {
                if (w->container != it.key())
                    continue;
                const ProbeSpec *spec = it->spec(w->kind);
                const qint64 wait = std::max<qint64>(0, startedAt + spec->initialDelaySeconds * 1000LL - nowMs());
                Worker *raw = w.get();
                QTimer::singleShot(int(std::min<qint64>(wait, spec->periodSeconds * 1000LL)), this, [this, raw] { tick(raw); });
            }
        }
    }
    if (changedAny)
        emit changed();
}

void ProbeManager::stop()
{
    stopped_ = true;
    for (const auto &w : workers_)
        w->timer->stop();
}

PodProbeResults ProbeManager::results() const
{
    PodProbeResults out;
    for (auto it = containers_.cbegin(); it != containers_.cend(); ++it)
        out.insert(it.key(), it->summary());
    return out;
}

void ProbeManager::tick(Worker *w)
{
    if (stopped_ || w->inFlight)
        return;
    // Liveness and startup stop with the pod's deletion, as the kubelet's.
    if (terminating_ && w->kind != ProbeKind::Readiness)
        return;
    const ContainerProbes &probes = containers_[w->container];
    if (!probes.due(w->kind, nowMs()))
        return;
    ProbeTarget target;
    target.spec = *probes.spec(w->kind);
    target.container = specs_.value(w->container);
    target.containerId = probes.containerId();
    target.podIp = podIp_;
    target.hostIp = context_.hostIp;
    target.runtime = runtime_;
    w->inFlight = true;
    QPointer<ProbeManager> self(this);
    context_.pool->start([self, w, target] {
        const ProbeOutcome outcome = runProbe(target);
        QMetaObject::invokeMethod(self.data(), [self, w, id = target.containerId, outcome] {
            if (self)
                self->done(w, id, outcome.result, outcome.message);
        }, Qt::QueuedConnection);
    });
}

void ProbeManager::done(Worker *w, const QString &containerId, ProbeResult result, const QString &message)
{
    w->inFlight = false;
    if (stopped_)
        return;
    ContainerProbes &probes = containers_[w->container];
    if (containerId != probes.containerId())
        return;  // of a container that is gone
    const QString kind = capitalized(probeKindName(w->kind));
    if (context_.events && result == ProbeResult::Failure)
        context_.events->record(pod_, QStringLiteral("Warning"), QStringLiteral("Unhealthy"), QStringLiteral("%1 probe failed: %2").arg(kind, message));
    else if (context_.events && result == ProbeResult::Unknown && !podIp_.isEmpty())
        context_.events->record(pod_, QStringLiteral("Warning"), QStringLiteral("Unhealthy"), QStringLiteral("%1 probe errored: %2").arg(kind, message));
    const bool wasStarted = probes.started();
    if (!probes.record(w->kind, containerId, result))
        return;
    if (!wasStarted && probes.started()) {
        // Startup passed: liveness and readiness begin now, not a period later.
        for (const auto &other : workers_) {
            if (other->container == w->container && other->kind != ProbeKind::Startup) {
                Worker *raw = other.get();
                QTimer::singleShot(0, this, [this, raw] { tick(raw); });
            }
        }
    }
    emit changed();
}

}  // namespace timoneiro::kubelet
