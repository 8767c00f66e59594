#pragma once
// What the probes of a pod's containers say, handed from the pod's probe
// manager to its sync: whether each container has started (its startup
// probe passed), is ready (its readiness probe passed) and whether it must
// be killed (liveness or startup failed past failureThreshold). Of one
// container id: a result never applies to the container's next attempt.
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace timoneiro::kubelet {

struct ContainerProbeResult {
    QString containerId;        // CRI's id, without "containerd://"
    bool hasStartup = false;
    bool hasReadiness = false;
    bool started = false;       // the startup probe passed
    bool ready = false;         // the readiness probe passed (or there is none)
    QString killProbe;          // "liveness" or "startup" when it failed for good; empty otherwise
    qint64 killGraceSeconds = -1;  // the probe's terminationGracePeriodSeconds, -1 = the pod's
};

using PodProbeResults = QHash<QString, ContainerProbeResult>;  // by container name

// The container's started and ready as the kubelet's prober manager
// derives them for a running container (UpdatePodStatus): without a
// startup probe it has started, without a readiness probe a started
// container is ready.
inline void probedReadiness(const PodProbeResults *probes, const QJsonObject &container, const QString &containerId, bool *started,
                            bool *ready)
{
    if (!probes) {
        *started = *ready = true;
        return;
    }
    const auto it = probes->constFind(container.value(QStringLiteral("name")).toString());
    if (it == probes->cend()) {
        // No result yet (the prober has not taken the container up): its
        // probes have not passed, as the kubelet's initial results say.
        *started = !container.contains(QStringLiteral("startupProbe"));
        *ready = *started && !container.contains(QStringLiteral("readinessProbe"));
        return;
    }
    const bool same = it->containerId == containerId;
    *started = !it->hasStartup || (same && it->started);
    *ready = *started && (!it->hasReadiness || (same && it->ready));
}

}  // namespace timoneiro::kubelet
