#include "node_resources_fit.h"

namespace timoneiro::scheduler {

PluginStatus NodeResourcesFit::filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    PluginStatus status;
    const Resources &a = node.allocatable;
    const Resources &used = node.requested;
    if (qint64(node.pods.size()) + 1 > a.pods)
        status.reasons << QStringLiteral("Too many pods");
    if (pod.requests.milliCpu > 0 && pod.requests.milliCpu > a.milliCpu - used.milliCpu)
        status.reasons << QStringLiteral("Insufficient cpu");
    if (pod.requests.memory > 0 && pod.requests.memory > a.memory - used.memory)
        status.reasons << QStringLiteral("Insufficient memory");
    if (pod.requests.ephemeralStorage > 0 && pod.requests.ephemeralStorage > a.ephemeralStorage - used.ephemeralStorage)
        status.reasons << QStringLiteral("Insufficient ephemeral-storage");
    if (!status.reasons.isEmpty())
        status.code = PluginStatus::Code::Unschedulable;
    return status;
}

qint64 NodeResourcesFit::score(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    auto least = [](qint64 requested, qint64 capacity) -> qint64 {
        if (capacity <= 0 || requested > capacity)
            return 0;
        return (capacity - requested) * kMaxNodeScore / capacity;
    };
    const qint64 cpu = least(node.nonZeroRequested.milliCpu + pod.nonZero.milliCpu, node.allocatable.milliCpu);
    const qint64 memory = least(node.nonZeroRequested.memory + pod.nonZero.memory, node.allocatable.memory);
    return (cpu + memory) / 2;
}

}  // namespace timoneiro::scheduler
