#pragma once
// The pod's status as the kubelet reports it through pods/status: phase,
// conditions (PodScheduled, PodReadyToStartContainers, Initialized,
// ContainersReady, Ready), container statuses (Waiting / Running /
// Terminated with reason, exit code, times, restartCount, lastState), pod
// and host IPs, start time. A pure function of the pod and what the
// runtime said.
#include "pod_runtime_state.h"
#include "probe_results.h"

#include <QJsonObject>

namespace timoneiro::kubelet {

// CRI's nanoseconds since the epoch as Kubernetes' RFC 3339 time.
QString criTime(qint64 nanoseconds);

// Kubernetes' getPhase over the spec's containers and their states.
QString podPhase(const QJsonObject &pod, const PodRuntimeState &state);

// probes: what the containers' probes said (started, ready); none = no probes.
QJsonObject podStatus(const QJsonObject &pod, const PodRuntimeState &state, const QString &hostIp, const PodProbeResults *probes = nullptr);

}  // namespace timoneiro::kubelet
