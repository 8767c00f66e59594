#pragma once
// One run of one probe, as the kubelet's prober: exec through CRI's
// ExecSync, httpGet (HTTP GET to host:port/path, 200..399 succeeds) and
// tcpSocket (a TCP connect) against the pod's IP, each bounded by the
// probe's timeoutSeconds. Blocking: run it on a probe thread, never the
// event loop's or a pod sync's. Messages read as the kubelet's ("HTTP probe
// failed with statuscode: 500", "dial tcp 10.244.1.5:81: connect:
// connection refused", the command's output).
#include "kubelet/cri/runtime_client.h"
#include "probe_state.h"

#include <memory>

namespace timoneiro::kubelet {

struct ProbeTarget {
    ProbeSpec spec;
    QJsonObject container;   // its spec, for named ports
    QString containerId;
    QString podIp;
    QString hostIp;          // the node's address: a probe may name it as host
    std::shared_ptr<cri::RuntimeClient> runtime;  // for exec
};

struct ProbeOutcome {
    ProbeResult result = ProbeResult::Unknown;  // Unknown: the probe errored, its result is thrown away
    QString message;
};

ProbeOutcome runProbe(const ProbeTarget &target);

// The port a probe names: a number, or the name of one of the container's
// ports; 0 when there is none.
int probePort(const QJsonValue &port, const QJsonObject &container);

}  // namespace timoneiro::kubelet
