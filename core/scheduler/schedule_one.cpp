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

SchedulingDecision scheduleOne(const PodInfo &pod, const Snapshot &snapshot, const Profile &profile)
{
    SchedulingDecision d;
    d.podNamespace = pod.namespaceName;
    d.podName = pod.name;
    d.time = QDateTime::currentDateTimeUtc();
    for (const NodeInfo &node : snapshot.nodes) {
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
        d.nodes.append(v);
    }
    qint64 best = -1;
    int ties = 0;
    for (qsizetype i = 0; i < d.nodes.size(); ++i) {
        NodeVerdict &v = d.nodes[i];
        if (!v.feasible)
            continue;
        for (const auto &plugin : profile.scores) {
            const qint64 s = plugin->score(pod, snapshot.nodes[i], snapshot) * plugin->weight();
            v.scores.append({plugin->name(), s});
            v.totalScore += s;
        }
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
    return QStringLiteral("0/%1 nodes are available: %2.").arg(decision.nodes.size()).arg(parts.join(QStringLiteral(", ")));
}

}  // namespace timoneiro::scheduler
