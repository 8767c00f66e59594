#pragma once
// What a pod worker knows of its pod's sandbox and containers between
// syncs: ids, attempts (the restart count), the last CRI status, and the
// back-offs (CrashLoopBackOff, ImagePullBackOff). Touched only by the one
// sync of that pod in flight, on a worker thread.
#include "kubelet/cri/runtime_client.h"

#include <QHash>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace timoneiro::kubelet {

struct ContainerRuntimeState {
    QString id;                 // the current attempt's container
    QString previousId;         // the attempt before (its log is --previous)
    quint32 attempt = 0;        // = restartCount
    std::optional<cri::v1::ContainerStatus> status;  // of id
    std::optional<cri::v1::ContainerStatus> last;    // the previous attempt, terminated
    QString waitingReason;      // set when the kubelet itself holds it back
    QString waitingMessage;
    int crashBackoffSeconds = 0;   // 10 s doubling to 5 min, as Kubernetes
    int imageBackoffSeconds = 0;
    qint64 imageRetryAtMs = 0;
};

struct PodRuntimeState {
    bool adopted = false;       // the runtime was asked what it already runs
    QString sandboxId;
    quint32 sandboxAttempt = 0;
    bool sandboxReady = false;
    QString podIp;
    QString sandboxError;
    bool initFailed = false;    // an init container failed under restartPolicy Never
    bool terminal = false;      // Succeeded or Failed: nothing restarts, the sandbox is stopped
    QHash<QString, ContainerRuntimeState> containers;  // by container name
};

// One event for the kubelet to record on the pod.
struct PodEvent {
    QString type;    // Normal, Warning
    QString reason;
    QString message;
};

}  // namespace timoneiro::kubelet
