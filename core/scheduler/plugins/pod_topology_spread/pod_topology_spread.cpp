#include "pod_topology_spread.h"

#include "scheduler/plugins/node_affinity/node_affinity.h"

#include "api/selector.h"

#include <QHash>
#include <QJsonArray>

namespace timoneiro::scheduler {

namespace {

QList<QJsonObject> constraints(const PodInfo &pod, const QString &when)
{
    QList<QJsonObject> out;
    for (const QJsonValue &c : pod.spec().value(QStringLiteral("topologySpreadConstraints")).toArray())
        if (c.toObject().value(QStringLiteral("whenUnsatisfiable")).toString() == when)
            out.append(c.toObject());
    return out;
}

// Matching pods per value of the constraint's topology key, over the nodes
// the pod could go to (nodeAffinityPolicy Honor, Kubernetes' default).
QHash<QString, qint64> countByDomain(const PodInfo &pod, const QJsonObject &constraint, const Snapshot &snapshot)
{
    QHash<QString, qint64> counts;
    const QString key = constraint.value(QStringLiteral("topologyKey")).toString();
    auto selector = api::LabelSelector::fromJson(constraint.value(QStringLiteral("labelSelector")).toObject());
    NodeAffinity affinity;
    for (const NodeInfo &n : snapshot.nodes) {
        if (!n.labels.contains(key) || !affinity.filter(pod, n, snapshot).ok())
            continue;
        qint64 &c = counts[n.labels.value(key).toString()];
        for (const PodInfo &p : n.pods)
            if (selector.ok() && p.namespaceName == pod.namespaceName && selector->matches(p.labels))
                ++c;
    }
    return counts;
}

bool selfMatches(const PodInfo &pod, const QJsonObject &constraint)
{
    auto selector = api::LabelSelector::fromJson(constraint.value(QStringLiteral("labelSelector")).toObject());
    return selector.ok() && selector->matches(pod.labels);
}

}  // namespace

PluginStatus PodTopologySpread::filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const
{
    for (const QJsonObject &c : constraints(pod, QStringLiteral("DoNotSchedule"))) {
        const QString key = c.value(QStringLiteral("topologyKey")).toString();
        if (!node.labels.contains(key))
            return PluginStatus::unresolvable(
                QStringLiteral("node(s) didn't match pod topology spread constraints (missing required label)"));
        const QHash<QString, qint64> counts = countByDomain(pod, c, snapshot);
        qint64 minimum = counts.isEmpty() ? 0 : std::numeric_limits<qint64>::max();
        for (qint64 v : counts)
            minimum = std::min(minimum, v);
        const qint64 mine = counts.value(node.labels.value(key).toString()) + (selfMatches(pod, c) ? 1 : 0);
        if (mine - minimum > c.value(QStringLiteral("maxSkew")).toInt(1))
            return PluginStatus::unschedulable(QStringLiteral("node(s) didn't match pod topology spread constraints"));
    }
    return PluginStatus::success();
}

qint64 PodTopologySpread::score(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const
{
    const QList<QJsonObject> soft = constraints(pod, QStringLiteral("ScheduleAnyway"));
    if (soft.isEmpty())
        return 0;
    // Fewer matching pods in the node's domains is better; normalized to the most crowded.
    qint64 mine = 0, worst = 0;
    for (const QJsonObject &c : soft) {
        const QHash<QString, qint64> counts = countByDomain(pod, c, snapshot);
        mine += counts.value(node.labels.value(c.value(QStringLiteral("topologyKey")).toString()).toString());
        qint64 most = 0;
        for (qint64 v : counts)
            most = std::max(most, v);
        worst += most;
    }
    return worst == 0 ? kMaxNodeScore : kMaxNodeScore - mine * kMaxNodeScore / worst;
}

}  // namespace timoneiro::scheduler
