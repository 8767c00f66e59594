#pragma once
// NodeAffinity: spec.nodeSelector and the required node affinity terms
// must match the node's labels (and fields); preferred terms add score.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

// One NodeSelectorTerm (matchExpressions and matchFields, all must hold).
bool nodeSelectorTermMatches(const QJsonObject &term, const NodeInfo &node);

class NodeAffinity final : public FilterPlugin, public ScorePlugin {
public:
    QString name() const override { return QStringLiteral("NodeAffinity"); }
    PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override;
    qint64 score(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const override;
    void normalizeScores(const PodInfo &pod, QList<qint64> &scores) const override;
    int weight() const override { return 2; }
};

}  // namespace timoneiro::scheduler
