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
};

struct Profile {
    QList<std::shared_ptr<FilterPlugin>> filters;
    QList<std::shared_ptr<ScorePlugin>> scores;
    // Kubernetes' default profile: the plugins this scheduler implements.
    static Profile defaults();
};

SchedulingDecision scheduleOne(const PodInfo &pod, const Snapshot &snapshot, const Profile &profile);

// The decision as JSON, kept on the pod (annotation scheduler.timoneiro.io/decision)
// so any client -- the desktop app, kubectl -- can see why a node won or none did.
QJsonObject decisionJson(const SchedulingDecision &decision);

// The FitError text: "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."
QString fitErrorMessage(const SchedulingDecision &decision);

}  // namespace timoneiro::scheduler
