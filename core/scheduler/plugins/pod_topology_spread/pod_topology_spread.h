#pragma once
// PodTopologySpread: topologySpreadConstraints keep matching pods spread
// across the values of a node label (zone, hostname) within maxSkew.
// DoNotSchedule constraints filter; ScheduleAnyway ones score.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

class PodTopologySpread final : public FilterPlugin, public ScorePlugin {
public:
    QString name() const override { return QStringLiteral("PodTopologySpread"); }
    PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const override;
    qint64 score(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const override;
    int weight() const override { return 2; }
};

}  // namespace timoneiro::scheduler
