#include "schedule_one.h"

#include "plugins/balanced_allocation/balanced_allocation.h"
#include "plugins/node_affinity/node_affinity.h"
#include "plugins/node_name/node_name.h"
#include "plugins/node_resources_fit/node_resources_fit.h"
#include "plugins/node_unschedulable/node_unschedulable.h"
#include "plugins/pod_topology_spread/pod_topology_spread.h"
#include "plugins/taint_toleration/taint_toleration.h"

#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <vector>

namespace timoneiro::scheduler {

Profile Profile::defaults()
{
    Profile p;
    auto unschedulable = std::make_shared<NodeUnschedulable>();
    auto nodeName = std::make_shared<NodeName>();
    auto taints = std::make_shared<TaintToleration>();
    auto affinity = std::make_shared<NodeAffinity>();
    auto fit = std::make_shared<NodeResourcesFit>();
    auto spread = std::make_shared<PodTopologySpread>();
    // The order of Kubernetes' default filter extension point.
    p.filters = {unschedulable, nodeName, taints, affinity, fit, spread};
    p.scores = {taints, affinity, fit, spread, std::make_shared<BalancedAllocation>()};
    return p;
}

qsizetype feasibleNodesToFind(qsizetype allNodes, int percentageOfNodesToScore)
{
    constexpr qsizetype kMinFeasibleNodesToFind = 100;
    constexpr int kMinFeasibleNodesPercentageToFind = 5;
    if (allNodes < kMinFeasibleNodesToFind || percentageOfNodesToScore >= 100)
        return allNodes;
    qsizetype percentage = percentageOfNodesToScore;
    if (percentage <= 0)
        percentage = std::max<qsizetype>(kMinFeasibleNodesPercentageToFind, 50 - allNodes / 125);
    return std::max(kMinFeasibleNodesToFind, allNodes * percentage / 100);
}

SchedulingDecision scheduleOne(const PodInfo &pod, const Snapshot &snapshot, const Profile &profile, qsizetype startIndex)
{
    SchedulingDecision d;
    d.podNamespace = pod.namespaceName;
    d.podName = pod.name;
    d.time = QDateTime::currentDateTimeUtc();
    const qsizetype all = snapshot.nodes.size();
    d.nodesInCluster = all;
    const qsizetype wanted = feasibleNodesToFind(all, profile.percentageOfNodesToScore);
    std::vector<qsizetype> position;  // d.nodes[i] is snapshot.nodes[position[i]]
    qsizetype feasible = 0;
    for (qsizetype k = 0; k < all && feasible < wanted; ++k) {
        const qsizetype at = (startIndex + k) % all;
        const NodeInfo &node = snapshot.nodes[at];
        NodeVerdict v;
        v.node = node.name;
        for (const auto &plugin : profile.filters) {
            PluginStatus s = plugin->filter(pod, node, snapshot);
            v.filters.append({plugin->name(), s});
            if (!s.ok()) {
                v.feasible = false;
                break;
            }
        }
        feasible += v.feasible ? 1 : 0;
        d.nodes.append(v);
        position.push_back(at);
    }
    // Score: each plugin over every feasible node, then its NormalizeScore
    // over those scores, then its weight.
    std::vector<qsizetype> feasibleAt;
    for (qsizetype i = 0; i < d.nodes.size(); ++i)
        if (d.nodes[i].feasible)
            feasibleAt.push_back(i);
    QList<qint64> raw;
    for (const auto &plugin : profile.scores) {
        raw.clear();
        for (qsizetype i : feasibleAt)
            raw.append(plugin->score(pod, snapshot.nodes[position[size_t(i)]], snapshot));
        plugin->normalizeScores(pod, raw);
        for (size_t k = 0; k < feasibleAt.size(); ++k) {
            NodeVerdict &v = d.nodes[feasibleAt[k]];
            const qint64 s = raw[qsizetype(k)] * plugin->weight();
            v.scores.append({plugin->name(), s});
            v.totalScore += s;
        }
    }
    qint64 best = -1;
    int ties = 0;
    for (qsizetype i : feasibleAt) {
        const NodeVerdict &v = d.nodes[i];
        // Ties are broken at random, as Kubernetes does (reservoir sampling).
        if (v.totalScore > best) {
            best = v.totalScore;
            ties = 1;
            d.selectedNode = v.node;
        } else if (v.totalScore == best && QRandomGenerator::global()->bounded(++ties) == 0) {
            d.selectedNode = v.node;
        }
    }
    if (d.selectedNode.isEmpty())
        d.message = fitErrorMessage(d);
    return d;
}

SchedulingDecision summarized(const SchedulingDecision &decision, qsizetype keep)
{
    if (decision.nodes.size() <= keep)
        return decision;
    SchedulingDecision out = decision;
    out.nodes.clear();
    QList<const NodeVerdict *> feasible;
    QSet<QString> reasonsSeen;
    QList<const NodeVerdict *> rejected;
    for (const NodeVerdict &v : decision.nodes) {
        if (v.feasible) {
            feasible.append(&v);
            continue;
        }
        const QString why = v.filters.isEmpty() ? QString() : v.filters.last().first + v.filters.last().second.reasons.join(QLatin1Char(';'));
        if (!reasonsSeen.contains(why)) {
            reasonsSeen.insert(why);
            rejected.append(&v);
        }
    }
    std::stable_sort(feasible.begin(), feasible.end(), [&decision](const NodeVerdict *a, const NodeVerdict *b) {
        if ((a->node == decision.selectedNode) != (b->node == decision.selectedNode))
            return a->node == decision.selectedNode;
        return a->totalScore > b->totalScore;
    });
    // Half for the best nodes, the rest for why others were turned down.
    const qsizetype rejectedRoom = std::min<qsizetype>(rejected.size(), keep / 2);
    for (qsizetype i = 0; i < feasible.size() && out.nodes.size() < keep - rejectedRoom; ++i)
        out.nodes.append(*feasible[i]);
    for (qsizetype i = 0; i < rejected.size() && out.nodes.size() < keep; ++i)
        out.nodes.append(*rejected[i]);
    out.omittedNodes = decision.nodes.size() - out.nodes.size();
    return out;
}

QJsonObject decisionJson(const SchedulingDecision &d)
{
    QJsonArray nodes;
    for (const NodeVerdict &v : d.nodes) {
        QJsonArray filters;
        for (const auto &f : v.filters)
            filters.append(QJsonObject{{QStringLiteral("plugin"), f.first},
                                       {QStringLiteral("ok"), f.second.ok()},
                                       {QStringLiteral("reasons"), QJsonArray::fromStringList(f.second.reasons)}});
        QJsonObject scores;
        for (const auto &s : v.scores)
            scores.insert(s.first, s.second);
        nodes.append(QJsonObject{{QStringLiteral("node"), v.node},
                                 {QStringLiteral("feasible"), v.feasible},
                                 {QStringLiteral("filters"), filters},
                                 {QStringLiteral("scores"), scores},
                                 {QStringLiteral("total"), v.totalScore}});
    }
    QJsonObject out{{QStringLiteral("time"), d.time.toString(Qt::ISODate)}, {QStringLiteral("nodes"), nodes}};
    if (d.omittedNodes > 0) {
        // A large cluster: the verdicts kept, out of how many looked at.
        out.insert(QStringLiteral("nodesEvaluated"), d.nodes.size() + d.omittedNodes);
        out.insert(QStringLiteral("nodesOmitted"), d.omittedNodes);
    }
    if (!d.selectedNode.isEmpty())
        out.insert(QStringLiteral("selected"), d.selectedNode);
    else
        out.insert(QStringLiteral("message"), d.message);
    return out;
}

QString fitErrorMessage(const SchedulingDecision &decision)
{
    if (decision.nodes.isEmpty())
        return QStringLiteral("no nodes available to schedule pods");
    QMap<QString, int> histogram;
    for (const NodeVerdict &v : decision.nodes)
        for (const auto &f : v.filters)
            for (const QString &reason : f.second.reasons)
                ++histogram[reason];
    QStringList parts;
    for (auto it = histogram.begin(); it != histogram.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    parts.sort();
    const qsizetype all = std::max(decision.nodesInCluster, decision.nodes.size() + decision.omittedNodes);
    return QStringLiteral("0/%1 nodes are available: %2.").arg(all).arg(parts.join(QStringLiteral(", ")));
}

}  // namespace timoneiro::scheduler
