#pragma once
// The resources the scheduler accounts: CPU in millicores, memory and
// ephemeral storage in bytes, and the pod count.
#include <QJsonObject>
#include <QString>

namespace timoneiro::scheduler {

struct Resources {
    qint64 milliCpu = 0;
    qint64 memory = 0;
    qint64 ephemeralStorage = 0;
    qint64 pods = 0;

    Resources &operator+=(const Resources &o)
    {
        milliCpu += o.milliCpu;
        memory += o.memory;
        ephemeralStorage += o.ephemeralStorage;
        pods += o.pods;
        return *this;
    }
    Resources &operator-=(const Resources &o)
    {
        milliCpu -= o.milliCpu;
        memory -= o.memory;
        ephemeralStorage -= o.ephemeralStorage;
        pods -= o.pods;
        return *this;
    }

    // A resource list ({"cpu":"500m","memory":"1Gi"}).
    static Resources fromList(const QJsonObject &list);
    // A pod's effective requests, as Kubernetes computes them: the sum over
    // containers, at least the largest init container, plus overhead; pods = 1.
    static Resources podRequests(const QJsonObject &pod);
    // Node allocatable (falls back to capacity).
    static Resources nodeAllocatable(const QJsonObject &node);
};

// The scheduler's floor for pods that request nothing (Kubernetes'
// non-zero defaults for scoring): 100m CPU, 200Mi memory.
constexpr qint64 kDefaultMilliCpuRequest = 100;
constexpr qint64 kDefaultMemoryRequest = 200LL * 1024 * 1024;

}  // namespace timoneiro::scheduler
