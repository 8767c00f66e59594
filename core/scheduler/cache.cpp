#include "cache.h"

namespace timoneiro::scheduler {

namespace {
QString nodeName(const QJsonObject &node)
{
    return node.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
}
}  // namespace

NodeInfo *Cache::find(const QString &name)
{
    if (dirty_)
        return nullptr;  // the rebuild will count it
    auto it = index_.constFind(name);
    return it == index_.constEnd() ? nullptr : &snapshot_.nodes[*it];
}

void Cache::addNode(const QJsonObject &node)
{
    nodes_.insert(nodeName(node), node);
    dirty_ = true;
}

void Cache::updateNode(const QJsonObject &node)
{
    const QString name = nodeName(node);
    nodes_.insert(name, node);
    if (NodeInfo *info = find(name)) {
        // Labels, taints, allocatable may change; the pods on it stay.
        NodeInfo fresh = NodeInfo::from(node);
        fresh.pods = std::move(info->pods);
        fresh.requested = info->requested;
        fresh.nonZeroRequested = info->nonZeroRequested;
        *info = std::move(fresh);
    } else {
        dirty_ = true;
    }
}

void Cache::removeNode(const QString &name)
{
    nodes_.remove(name);
    dirty_ = true;
}

void Cache::setPod(const QString &key, const PodInfo &pod, const QString &node)
{
    auto it = pods_.find(key);
    if (it != pods_.end()) {
        if (NodeInfo *old = find(it->node))
            old->removePod(it->pod);
        if (node.isEmpty()) {
            pods_.erase(it);
            return;
        }
        *it = Placement{node, pod};
    } else {
        if (node.isEmpty())
            return;
        pods_.insert(key, Placement{node, pod});
    }
    if (NodeInfo *info = find(node))
        info->addPod(pod);
}

void Cache::removePod(const QString &key)
{
    setPod(key, {}, {});
}

void Cache::rebuild()
{
    snapshot_ = {};
    index_.clear();
    for (const QJsonObject &n : nodes_) {
        index_.insert(nodeName(n), snapshot_.nodes.size());
        snapshot_.nodes.append(NodeInfo::from(n));
    }
    for (const Placement &p : pods_) {
        auto it = index_.constFind(p.node);
        if (it != index_.constEnd())
            snapshot_.nodes[*it].addPod(p.pod);
    }
    dirty_ = false;
}

const Snapshot &Cache::snapshot()
{
    if (dirty_)
        rebuild();
    return snapshot_;
}

}  // namespace timoneiro::scheduler
