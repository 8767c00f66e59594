#pragma once
// What the topology shows of one object: the few fields a picture of the
// cluster needs (a node's addresses, a pod's phase and containers, a
// Service's addresses and ports, a workload's replica counts), read once per
// watch event so the view never parses JSON while painting.
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace timoneiro::ui {

enum class TopologyKind { Node, Pod, Service, ReplicaSet, Deployment };

// How a pod looks: what kubectl's STATUS says, reduced to the colours a
// learner can tell apart.
enum class PodHealth { Ready, NotReady, Pending, Succeeded, Failed, Terminating, Unknown };

struct TopologyContainer {
    QString name;
    bool ready = false;
    QString state;  // running, or the waiting/terminated reason (ContainerCreating, Completed, ...)
    int restarts = 0;
    bool init = false;
};

struct TopologyElement {
    TopologyKind kind = TopologyKind::Pod;
    QString uid;
    QString namespaceName;
    QString name;
    QJsonObject object;

    // Node
    QString podCIDR;
    QString internalIP;
    QString bridge;         // the node's pod bridge, when the node reports it
    QString gateway;        // its address on that bridge: the pods' next hop (timoneiro.io/network)
    QStringList podRoutes;  // the ranges the pods here route through the gateway
    bool simulated = false; // label timoneiro.io/simulated=true
    bool unschedulable = false;
    QString readyStatus;    // the Ready condition: True, False, Unknown

    // Pod
    QString nodeName;       // empty: not scheduled yet
    QString podIP;
    QString phase;
    QString status;         // kubectl's STATUS column (Running, ContainerCreating, Terminating, ...)
    PodHealth health = PodHealth::Unknown;
    bool ready = false;
    QList<TopologyContainer> containers;

    // Pod, ReplicaSet: the controller owner
    QString ownerUid;
    QString ownerKind;
    QString ownerName;

    // Service
    QString serviceType;
    QString clusterIP;
    QStringList ports;      // 80/TCP, 80:30080/TCP
    QList<int> nodePorts;

    // ReplicaSet, Deployment
    int replicas = 0;
    int readyReplicas = 0;

    bool isNode() const { return kind == TopologyKind::Node; }
    // "ns/name", or the name for nodes: how other objects refer to it.
    QString key() const { return namespaceName.isEmpty() ? name : namespaceName + QLatin1Char('/') + name; }

    static TopologyElement fromObject(TopologyKind kind, const QJsonObject &obj);
};

enum class TopologyLinkKind {
    Endpoint,  // Service -> Pod, from the Service's EndpointSlices
    Owner,     // Deployment -> ReplicaSet, ReplicaSet -> Pod
};

struct TopologyLink {
    TopologyLinkKind kind = TopologyLinkKind::Owner;
    QString from;  // uid of the Service or the owner
    QString to;    // uid of the Pod or the owned object
    bool ready = true;  // Endpoint: the endpoint's ready condition

    QString id() const { return (kind == TopologyLinkKind::Owner ? QStringLiteral("o:") : QStringLiteral("e:")) + from + QLatin1Char('>') + to; }
    bool operator==(const TopologyLink &o) const = default;
};

}  // namespace timoneiro::ui

Q_DECLARE_METATYPE(timoneiro::ui::TopologyElement)
Q_DECLARE_METATYPE(timoneiro::ui::TopologyLink)
