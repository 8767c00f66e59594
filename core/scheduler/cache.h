#pragma once
// The scheduler's cache, after Kubernetes' scheduler cache: the nodes and
// the pods counted on them (bound, or assumed while their Binding is in
// flight), kept current from informer events one pod at a time, so a
// scheduling cycle reads the snapshot instead of rebuilding it from every
// pod in the cluster.
#include "framework.h"

#include <QHash>

namespace timoneiro::scheduler {

class Cache {
public:
    void addNode(const QJsonObject &node);
    void updateNode(const QJsonObject &node);
    void removeNode(const QString &name);

    // Counts the pod (key "ns/name") on node; an empty node stops counting it.
    void setPod(const QString &key, const PodInfo &pod, const QString &node);
    void removePod(const QString &key);
    // The node a pod is counted on ("" if none).
    QString nodeOf(const QString &key) const { return pods_.value(key).node; }

    // The nodes with their pods, as a cycle sees them.
    const Snapshot &snapshot();

private:
    struct Placement {
        QString node;
        PodInfo pod;
    };
    void rebuild();
    NodeInfo *find(const QString &name);

    QHash<QString, QJsonObject> nodes_;  // by name
    QHash<QString, Placement> pods_;     // by pod key
    Snapshot snapshot_;
    QHash<QString, qsizetype> index_;    // node name -> position in snapshot_
    bool dirty_ = false;                 // the node set changed: rebuild before the next cycle
};

}  // namespace timoneiro::scheduler
