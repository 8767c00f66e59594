#pragma once
// The cluster as a graph for the topology view: nodes, pods, Services,
// ReplicaSets and Deployments as elements (keyed by uid), and the links
// between them (Service -> Pod from EndpointSlices, ready or not; owner ->
// owned from controller ownerReferences). Fed by informers; each watch event
// changes only the elements and links it touches, announced one by one, so
// a view can follow a cluster of thousands of pods without rebuilding.
#include "topology_element.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace timoneiro::client {
class Client;
class Informer;
}

namespace timoneiro::ui {

class TopologyModel : public QObject {
    Q_OBJECT
public:
    explicit TopologyModel(client::Client &client, QObject *parent = nullptr);
    ~TopologyModel() override;

    // Lists and watches; elements arrive through the signals below.
    void start();
    bool hasSynced() const;

    const TopologyElement *element(const QString &uid) const;
    QList<TopologyElement> elements() const { return elements_.values(); }
    QList<TopologyElement> elements(TopologyKind kind) const;
    int count(TopologyKind kind) const;
    // The uids of the pods bound to the node named nodeName, and of those not scheduled ("").
    QList<QString> podsOn(const QString &nodeName) const;
    // Links whose both ends are present.
    QList<TopologyLink> links() const;
    QList<TopologyLink> linksOf(const QString &uid) const;
    // The namespaces of the elements present, sorted.
    QStringList namespaces() const;

signals:
    void elementAdded(const timoneiro::ui::TopologyElement &element);
    void elementUpdated(const timoneiro::ui::TopologyElement &before, const timoneiro::ui::TopologyElement &after);
    void elementRemoved(const timoneiro::ui::TopologyElement &element);
    void linkAdded(const timoneiro::ui::TopologyLink &link);
    void linkUpdated(const timoneiro::ui::TopologyLink &link);
    void linkRemoved(const timoneiro::ui::TopologyLink &link);
    void synced();
    void namespacesChanged();
    void watchError(const QString &message);

private:
    void watch(client::Informer *informer, TopologyKind kind);
    void upsert(TopologyKind kind, const QJsonObject &obj);
    void remove(const QJsonObject &obj);
    void insertElement(const TopologyElement &e);
    void eraseElement(const QString &uid);
    void countNamespace(const QString &ns, int delta);

    // Links are wanted (from the objects that define them) before both ends
    // may be present; only those with both ends are announced.
    bool present(const TopologyLink &link) const { return elements_.contains(link.from) && elements_.contains(link.to); }
    void setLink(const TopologyLink &link);
    void removeLink(const QString &id);
    void setOwnerLink(const TopologyElement &before, const TopologyElement &after);

    // EndpointSlices, by slice key, give each Service its endpoint pods.
    struct Slice {
        QString serviceKey;
        QHash<QString, bool> endpoints;  // pod uid -> ready
    };
    void sliceChanged(const QJsonObject &slice, bool removed);
    void reconcileEndpoints(const QString &serviceKey);

    client::Client &client_;
    std::vector<std::unique_ptr<client::Informer>> informers_;
    int syncedInformers_ = 0;

    QHash<QString, TopologyElement> elements_;        // uid -> element
    QHash<QString, QSet<QString>> podsByNode_;        // node name ("" = unscheduled) -> pod uids
    QHash<QString, QString> uidByKey_;                // "kind/ns/name" -> uid (objects are removed by key)
    QHash<QString, int> namespaceCounts_;

    QHash<QString, TopologyLink> links_;              // id -> wanted link
    QHash<QString, QSet<QString>> linksByEnd_;        // uid -> ids of links at that end

    QHash<QString, Slice> slices_;                    // "ns/slice" -> slice
    QHash<QString, QSet<QString>> slicesByService_;   // "ns/service" -> slice keys
    QHash<QString, QHash<QString, bool>> endpointLinks_;  // service key -> pod uid -> ready (as linked)
};

}  // namespace timoneiro::ui
