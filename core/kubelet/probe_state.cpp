#include "probe_state.h"

namespace timoneiro::kubelet {

namespace {

const char *specKey(ProbeKind kind)
{
    switch (kind) {
    case ProbeKind::Liveness:
        return "livenessProbe";
    case ProbeKind::Readiness:
        return "readinessProbe";
    case ProbeKind::Startup:
        return "startupProbe";
    }
    return "";
}

int positive(const QJsonObject &o, const char *key, int fallback)
{
    const int v = o.value(QLatin1String(key)).toInt(fallback);
    return v > 0 ? v : fallback;
}

ProbeResult initialResult(ProbeKind kind)
{
    // As the kubelet's workers: a container is not ready until a readiness
    // probe passes, alive until liveness fails, and not started until
    // startup passes.
    switch (kind) {
    case ProbeKind::Readiness:
        return ProbeResult::Failure;
    case ProbeKind::Liveness:
        return ProbeResult::Success;
    case ProbeKind::Startup:
        return ProbeResult::Unknown;
    }
    return ProbeResult::Unknown;
}

}  // namespace

QString probeKindName(ProbeKind kind)
{
    switch (kind) {
    case ProbeKind::Liveness:
        return QStringLiteral("liveness");
    case ProbeKind::Readiness:
        return QStringLiteral("readiness");
    case ProbeKind::Startup:
        return QStringLiteral("startup");
    }
    return {};
}

std::optional<ProbeSpec> ProbeSpec::of(const QJsonObject &container, ProbeKind kind)
{
    const QJsonValue v = container.value(QLatin1String(specKey(kind)));
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject p = v.toObject();
    ProbeSpec s;
    s.kind = kind;
    s.handler = p;
    s.initialDelaySeconds = std::max(0, p.value(QStringLiteral("initialDelaySeconds")).toInt(0));
    s.periodSeconds = positive(p, "periodSeconds", 10);
    s.timeoutSeconds = positive(p, "timeoutSeconds", 1);
    // Liveness and startup must have a successThreshold of 1 (validation
    // says so); a larger one would never let them pass.
    s.successThreshold = kind == ProbeKind::Readiness ? positive(p, "successThreshold", 1) : 1;
    s.failureThreshold = positive(p, "failureThreshold", 3);
    if (kind != ProbeKind::Readiness && p.contains(QStringLiteral("terminationGracePeriodSeconds")))
        s.terminationGracePeriodSeconds = std::max<qint64>(0, p.value(QStringLiteral("terminationGracePeriodSeconds")).toInteger());
    return s;
}

ProbeState::ProbeState(const ProbeSpec &spec) : spec_(spec), result_(initialResult(spec.kind))
{
}

void ProbeState::newContainer()
{
    result_ = initialResult(spec_.kind);
    last_ = ProbeResult::Unknown;
    run_ = 0;
    onHold_ = false;
}

bool ProbeState::observe(ProbeResult r)
{
    if (r == ProbeResult::Unknown || onHold_)
        return false;
    if (r == last_) {
        ++run_;
    } else {
        last_ = r;
        run_ = 1;
    }
    // Below its threshold a run leaves the result as it was.
    if ((r == ProbeResult::Failure && run_ < spec_.failureThreshold) || (r == ProbeResult::Success && run_ < spec_.successThreshold))
        return false;
    const bool changed = result_ != r;
    result_ = r;
    if (spec_.kind != ProbeKind::Readiness && r == ProbeResult::Failure) {
        // The container will be killed: no more probing until the next one.
        onHold_ = true;
        run_ = 0;
    }
    return changed;
}

ContainerProbes::ContainerProbes(const QJsonObject &container)
{
    for (ProbeKind kind : {ProbeKind::Startup, ProbeKind::Liveness, ProbeKind::Readiness}) {
        if (auto spec = ProbeSpec::of(container, kind))
            probes_.emplace_back(*spec);
    }
}

ProbeState *ContainerProbes::find(ProbeKind kind)
{
    for (ProbeState &p : probes_)
        if (p.spec().kind == kind)
            return &p;
    return nullptr;
}

const ProbeState *ContainerProbes::find(ProbeKind kind) const
{
    return const_cast<ContainerProbes *>(this)->find(kind);
}

bool ContainerProbes::has(ProbeKind kind) const
{
    return find(kind) != nullptr;
}

const ProbeSpec *ContainerProbes::spec(ProbeKind kind) const
{
    const ProbeState *p = find(kind);
    return p ? &p->spec() : nullptr;
}

bool ContainerProbes::observe(const QString &containerId, bool running, qint64 startedAtMs)
{
    const bool fresh = containerId != containerId_;
    if (fresh) {
        containerId_ = containerId;
        for (ProbeState &p : probes_)
            p.newContainer();
    }
    running_ = running && !containerId.isEmpty();
    startedAtMs_ = startedAtMs;
    if (!running_ && !containerId_.isEmpty()) {
        for (ProbeState &p : probes_)
            p.notRunning();
    }
    return fresh;
}

bool ContainerProbes::started() const
{
    const ProbeState *startup = find(ProbeKind::Startup);
    return running_ && (!startup || startup->result() == ProbeResult::Success);
}

bool ContainerProbes::due(ProbeKind kind, qint64 nowMs) const
{
    const ProbeState *p = find(kind);
    if (!p || !running_ || p->onHold())
        return false;
    if (nowMs - startedAtMs_ < qint64(p->spec().initialDelaySeconds) * 1000)
        return false;
    // Startup runs until it passes; the others only after.
    return (kind == ProbeKind::Startup) != started();
}

bool ContainerProbes::record(ProbeKind kind, const QString &containerId, ProbeResult r)
{
    ProbeState *p = find(kind);
    if (!p || containerId != containerId_ || !running_)
        return false;
    return p->observe(r);
}

ContainerProbeResult ContainerProbes::summary() const
{
    ContainerProbeResult s;
    s.containerId = containerId_;
    s.hasStartup = has(ProbeKind::Startup);
    s.hasReadiness = has(ProbeKind::Readiness);
    s.started = started();
    const ProbeState *readiness = find(ProbeKind::Readiness);
    s.ready = !readiness || readiness->result() == ProbeResult::Success;
    for (ProbeKind kind : {ProbeKind::Startup, ProbeKind::Liveness}) {
        const ProbeState *p = find(kind);
        // Only a probe that ran and failed kills (not a stopped container's Failure).
        if (p && running_ && p->onHold() && p->result() == ProbeResult::Failure) {
            s.killProbe = probeKindName(kind);
            s.killGraceSeconds = p->spec().terminationGracePeriodSeconds;
            break;
        }
    }
    return s;
}

}  // namespace timoneiro::kubelet
