#pragma once
// NodeResourcesBalancedAllocation: prefers nodes whose CPU and memory would
// be used in equal proportion once the pod is placed.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

class BalancedAllocation final : public ScorePlugin {
public:
    QString name() const override { return QStringLiteral("NodeResourcesBalancedAllocation"); }
    qint64 score(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override
    {
        auto fraction = [](qint64 requested, qint64 capacity) {
            return capacity <= 0 ? 1.0 : std::min(1.0, double(requested) / double(capacity));
        };
        const double cpu = fraction(node.nonZeroRequested.milliCpu + pod.nonZero.milliCpu, node.allocatable.milliCpu);
        const double memory = fraction(node.nonZeroRequested.memory + pod.nonZero.memory, node.allocatable.memory);
        // The standard deviation of two values is half their distance.
        const double deviation = std::abs(cpu - memory) / 2;
        return qint64((1.0 - deviation) * double(kMaxNodeScore));
    }
};

}  // namespace timoneiro::scheduler
