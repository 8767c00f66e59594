#pragma once
// The scheduling framework's extension points, after Kubernetes' scheduler
// framework: Filter plugins say whether a pod fits a node (and why not),
// Score plugins rank the nodes that remain. Plugins see a snapshot of the
// cluster taken at the start of the cycle; they never touch the API.
#include "resources.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::scheduler {

struct PluginStatus {
    enum class Code { Success, Unschedulable, UnschedulableAndUnresolvable };
    Code code = Code::Success;
    QStringList reasons;  // as Kubernetes words them: "Insufficient cpu", ...

    bool ok() const { return code == Code::Success; }
    static PluginStatus success() { return {}; }
    static PluginStatus unschedulable(const QString &reason) { return {Code::Unschedulable, {reason}}; }
    static PluginStatus unresolvable(const QString &reason) { return {Code::UnschedulableAndUnresolvable, {reason}}; }
};

struct PodInfo {
    QJsonObject pod;
    QString namespaceName;
    QString name;
    QJsonObject labels;
    Resources requests;  // what NodeResourcesFit compares against allocatable
    Resources nonZero;   // requests with the scoring floor for what is unset

    static PodInfo from(const QJsonObject &pod);
    QJsonObject spec() const { return pod.value(QStringLiteral("spec")).toObject(); }
};

struct NodeInfo {
    QJsonObject node;
    QString name;
    QJsonObject labels;
    Resources allocatable;
    Resources requested;  // sum over pods bound to the node
    Resources nonZeroRequested;
    QList<PodInfo> pods;

    static NodeInfo from(const QJsonObject &node);
    void addPod(const PodInfo &pod);
    // Stops counting the pod of that namespace and name (no-op if absent).
    void removePod(const PodInfo &pod);
};

// The cluster as the cycle sees it.
struct Snapshot {
    QList<NodeInfo> nodes;
    const NodeInfo *find(const QString &name) const;
};

class Plugin {
public:
    virtual ~Plugin() = default;
    virtual QString name() const = 0;
};

class FilterPlugin : public virtual Plugin {
public:
    virtual PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const = 0;
};

// Scores are 0..100 (Kubernetes' MaxNodeScore) once normalized; the framework multiplies by weight().
class ScorePlugin : public virtual Plugin {
public:
    virtual qint64 score(const PodInfo &pod, const NodeInfo &node, const Snapshot &snapshot) const = 0;
    // Kubernetes' NormalizeScore: once per cycle, the scores of every node
    // that passed the filters (in order), before the weight applies.
    virtual void normalizeScores(const PodInfo &, QList<qint64> &) const {}
    virtual int weight() const { return 1; }
};

constexpr qint64 kMaxNodeScore = 100;

// Kubernetes' DefaultNormalizeScore: scaled so the highest is kMaxNodeScore
// (reversed: the highest becomes 0, and all are kMaxNodeScore when all are 0).
void defaultNormalizeScores(QList<qint64> &scores, bool reverse);

}  // namespace timoneiro::scheduler
