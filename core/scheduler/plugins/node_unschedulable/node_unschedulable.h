#pragma once
// NodeUnschedulable: a cordoned node (spec.unschedulable) takes no new pods,
// unless the pod tolerates node.kubernetes.io/unschedulable:NoSchedule.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

class NodeUnschedulable final : public FilterPlugin {
public:
    QString name() const override { return QStringLiteral("NodeUnschedulable"); }
    PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override;
};

}  // namespace timoneiro::scheduler
