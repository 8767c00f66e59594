#include "framework.h"

namespace timoneiro::scheduler {

namespace {
Resources withFloor(Resources r)
{
    if (r.milliCpu == 0)
        r.milliCpu = kDefaultMilliCpuRequest;
    if (r.memory == 0)
        r.memory = kDefaultMemoryRequest;
    return r;
}
}  // namespace

PodInfo PodInfo::from(const QJsonObject &pod)
{
    PodInfo info;
    info.pod = pod;
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    info.namespaceName = meta.value(QStringLiteral("namespace")).toString();
    info.name = meta.value(QStringLiteral("name")).toString();
    info.labels = meta.value(QStringLiteral("labels")).toObject();
    info.requests = Resources::podRequests(pod);
    info.nonZero = withFloor(info.requests);
    return info;
}

NodeInfo NodeInfo::from(const QJsonObject &node)
{
    NodeInfo info;
    info.node = node;
    const QJsonObject meta = node.value(QStringLiteral("metadata")).toObject();
    info.name = meta.value(QStringLiteral("name")).toString();
    info.labels = meta.value(QStringLiteral("labels")).toObject();
    info.allocatable = Resources::nodeAllocatable(node);
    return info;
}

void NodeInfo::addPod(const PodInfo &pod)
{
    pods.append(pod);
    requested += pod.requests;
    nonZeroRequested += pod.nonZero;
}

void NodeInfo::removePod(const PodInfo &pod)
{
    for (qsizetype i = 0; i < pods.size(); ++i) {
        if (pods[i].name == pod.name && pods[i].namespaceName == pod.namespaceName) {
            requested -= pods[i].requests;
            nonZeroRequested -= pods[i].nonZero;
            pods.removeAt(i);
            return;
        }
    }
}

void defaultNormalizeScores(QList<qint64> &scores, bool reverse)
{
    qint64 most = 0;
    for (qint64 s : scores)
        most = std::max(most, s);
    for (qint64 &s : scores) {
        if (most == 0) {
            s = reverse ? kMaxNodeScore : 0;
            continue;
        }
        s = s * kMaxNodeScore / most;
        if (reverse)
            s = kMaxNodeScore - s;
    }
}

const NodeInfo *Snapshot::find(const QString &name) const
{
    for (const NodeInfo &n : nodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

}  // namespace timoneiro::scheduler
