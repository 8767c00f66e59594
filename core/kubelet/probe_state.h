#pragma once
// The state of a container's probes as the kubelet's probe workers keep it,
// with no clock and no I/O (so it can be fed results in tests): the
// initial result (readiness Failure, liveness Success, startup Unknown),
// runs of equal results counted against successThreshold and
// failureThreshold, startup gating liveness and readiness until it passes,
// initialDelaySeconds, and "on hold" after a liveness or startup failure
// until the runtime reports a new container.
#include "probe_results.h"

#include <QJsonObject>

#include <optional>

namespace timoneiro::kubelet {

enum class ProbeKind { Liveness, Readiness, Startup };
enum class ProbeResult { Unknown, Success, Failure };

// "liveness", "readiness", "startup".
QString probeKindName(ProbeKind kind);

// A container's livenessProbe, readinessProbe or startupProbe with
// Kubernetes' defaults for what the spec leaves out.
struct ProbeSpec {
    ProbeKind kind = ProbeKind::Readiness;
    QJsonObject handler;          // the whole probe: exec, httpGet, tcpSocket or grpc
    int initialDelaySeconds = 0;
    int periodSeconds = 10;
    int timeoutSeconds = 1;
    int successThreshold = 1;
    int failureThreshold = 3;
    qint64 terminationGracePeriodSeconds = -1;  // -1: the pod's

    static std::optional<ProbeSpec> of(const QJsonObject &container, ProbeKind kind);
};

// One probe of one container: its counted result.
class ProbeState {
public:
    explicit ProbeState(const ProbeSpec &spec);

    const ProbeSpec &spec() const { return spec_; }
    // A new container: the initial result again, and probing resumes.
    void newContainer();
    // The container does not run: its result is Failure.
    void notRunning() { result_ = ProbeResult::Failure; }
    // One probe's result; true when the result that counts changed.
    bool observe(ProbeResult r);
    ProbeResult result() const { return result_; }
    bool onHold() const { return onHold_; }

private:
    ProbeSpec spec_;
    ProbeResult result_;
    ProbeResult last_ = ProbeResult::Unknown;
    int run_ = 0;
    bool onHold_ = false;
};

// The probes of one container and the attempt they are of.
class ContainerProbes {
public:
    ContainerProbes() = default;
    explicit ContainerProbes(const QJsonObject &container);

    bool empty() const { return probes_.empty(); }
    bool has(ProbeKind kind) const;
    const ProbeSpec *spec(ProbeKind kind) const;
    // What the last sync saw: the container's id, whether it runs, since
    // when (ms since the epoch). True when it is a new container.
    bool observe(const QString &containerId, bool running, qint64 startedAtMs);
    const QString &containerId() const { return containerId_; }
    bool running() const { return running_; }
    // Whether the probe of this kind is to run at nowMs: the container
    // runs, the probe is not on hold, its initial delay passed, and startup
    // has passed (for liveness and readiness) or not yet (for startup).
    bool due(ProbeKind kind, qint64 nowMs) const;
    // A result of a probe run against containerId; ignored when that is no
    // longer the container. True when the result that counts changed.
    bool record(ProbeKind kind, const QString &containerId, ProbeResult r);
    bool started() const;
    ContainerProbeResult summary() const;

private:
    ProbeState *find(ProbeKind kind);
    const ProbeState *find(ProbeKind kind) const;

    std::vector<ProbeState> probes_;
    QString containerId_;
    bool running_ = false;
    qint64 startedAtMs_ = 0;
};

}  // namespace timoneiro::kubelet
