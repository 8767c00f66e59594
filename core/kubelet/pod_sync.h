#pragma once
// One sync of one pod against CRI, as the kubelet's SyncPod: adopt what
// the runtime already runs for the pod (by its uid label), make the sandbox,
// run init containers in order, then the containers, restarting them per
// restartPolicy with CrashLoopBackOff; or, for a pod being deleted, stop
// its containers within the grace period and remove its sandbox. Blocking
// gRPC: runs on a worker thread, never the event loop's.
#include "container_spec.h"
#include "pod_dns.h"
#include "pod_runtime_state.h"
#include "probe_results.h"

#include <QList>

namespace timoneiro::kubelet {

struct PodSyncInput {
    QJsonObject pod;
    EnvSources sources;
    QString nodeName;
    QString hostIp;
    QString logRoot;        // the node's pod log dir
    QString cgroupParent;   // the node's pods' cgroup ("/timoneiro/<node>")
    bool terminate = false;  // deleted: stop everything
    qint64 gracePeriodSeconds = 30;
    PodDnsSettings dns;  // the kubelet's clusterDNS / clusterDomain
    PodProbeResults probes;  // what the pod's probes said when the sync began
};

struct PodSyncOutput {
    QJsonObject status;      // for pods/status (not set when terminated)
    bool terminated = false;  // nothing of the pod runs any more
    QList<PodEvent> events;
};

// socket: the node's containerd, for the long-deadline stop calls.
PodSyncOutput syncPod(cri::RuntimeClient &runtime, const QString &socket, PodRuntimeState &state, const PodSyncInput &input);

// Stops and removes every sandbox (and its containers) of the pod uid.
void killPodSandboxes(cri::RuntimeClient &runtime, const QString &socket, const QString &uid, qint64 gracePeriodSeconds);

}  // namespace timoneiro::kubelet
