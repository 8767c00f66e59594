#pragma once
// NodeResourcesFit: the pod's requests must fit in what the node has left
// of its allocatable CPU, memory, ephemeral storage and pod slots. As a
// score (the LeastAllocated strategy, Kubernetes' default) emptier nodes win.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

class NodeResourcesFit final : public FilterPlugin, public ScorePlugin {
public:
    QString name() const override { return QStringLiteral("NodeResourcesFit"); }
    PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override;
    qint64 score(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override;
};

}  // namespace timoneiro::scheduler
