#pragma once
// TaintToleration: a node's NoSchedule and NoExecute taints keep off pods
// that do not tolerate them; as a score, fewer untolerated
// PreferNoSchedule taints rank higher.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

// Whether one toleration tolerates one taint (Kubernetes' ToleratesTaint).
bool tolerates(const QJsonObject &toleration, const QJsonObject &taint);
// The first taint with one of effects that no toleration tolerates, or an empty object.
QJsonObject firstUntolerated(const QJsonArray &taints, const QJsonArray &tolerations, const QStringList &effects);

class TaintToleration final : public FilterPlugin, public ScorePlugin {
public:
    QString name() const override { return QStringLiteral("TaintToleration"); }
    PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override;
    qint64 score(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override;
    void normalizeScores(const PodInfo &pod, QList<qint64> &scores) const override;
    int weight() const override { return 3; }
};

}  // namespace timoneiro::scheduler
