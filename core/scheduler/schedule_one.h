#pragma once
// One scheduling decision: every filter plugin on every node, then every
// score plugin on the nodes that passed, then the best node. The whole
// record is kept -- the desktop app shows why a node won or why none did.
#include "framework.h"

#include <QDateTime>
#include <QPair>

#include <memory>

namespace timoneiro::scheduler {

struct NodeVerdict {
    QString node;
    QList<QPair<QString, PluginStatus>> filters;  // plugin -> verdict, in run order (stops at the first failure)
    bool feasible = true;
    QList<QPair<QString, qint64>> scores;         // plugin -> weighted score
    qint64 totalScore = 0;
};

struct SchedulingDecision {
    QString podNamespace;
    QString podName;
    QDateTime time;
    QList<NodeVerdict> nodes;
    QString selectedNode;   // empty: unschedulable
    QString message;        // "0/3 nodes are available: 3 Insufficient cpu." when unschedulable
    qsizetype nodesInCluster = 0;
    qsizetype omittedNodes = 0;  // verdicts left out of `nodes` by summarized()
};

struct Profile {
    QList<std::shared_ptr<FilterPlugin>> filters;
    QList<std::shared_ptr<ScorePlugin>> scores;
    // Kubernetes' percentageOfNodesToScore: filtering stops once this share
    // of the nodes is found feasible (0: its adaptive default, 50% minus 1%
    // per 125 nodes, at least 5%; never fewer than 100 nodes).
    int percentageOfNodesToScore = 0;
    // Kubernetes' default profile: the plugins this scheduler implements.
    static Profile defaults();
};

// Filters from the node at startIndex on, wrapping around, as Kubernetes
// does so successive pods look at different nodes first; the caller moves
// its start index on by processedNodes(decision).
SchedulingDecision scheduleOne(const PodInfo &pod, const Snapshot &snapshot, const Profile &profile, qsizetype startIndex = 0);
inline qsizetype processedNodes(const SchedulingDecision &d) { return d.nodes.size(); }

// How many feasible nodes a cycle looks for among allNodes (Kubernetes' numFeasibleNodesToFind).
qsizetype feasibleNodesToFind(qsizetype allNodes, int percentageOfNodesToScore);

// The decision with at most `keep` node verdicts: the chosen node, the best
// scores, and one rejected node per distinct reason. What is kept on the pod
// and in memory for a large cluster; a small one keeps every verdict.
SchedulingDecision summarized(const SchedulingDecision &decision, qsizetype keep = 10);

// The decision as JSON, kept on the pod (annotation scheduler.timoneiro.io/decision)
// so any client -- the desktop app, kubectl -- can see why a node won or none did.
QJsonObject decisionJson(const SchedulingDecision &decision);

// The FitError text: "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."
QString fitErrorMessage(const SchedulingDecision &decision);

}  // namespace timoneiro::scheduler
