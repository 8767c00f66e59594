#pragma once
// A simulated node, like kwok's: it registers a Node with capacity, renews
// its Lease, and marks the pods bound to it Running and Ready with IPs from
// its podCIDR -- without running any container. Labelled and described as
// simulated everywhere it shows, so nobody mistakes it for a real node.
#include "client/event_recorder.h"
#include "client/informer.h"

#include <QJsonArray>
#include <QSet>
#include <QTimer>

namespace timoneiro::kubelet {

struct SimulatedNodeConfig {
    QString name;
    QString internalIp;                   // shown in the node's addresses
    QString cpu = QStringLiteral("4");
    QString memory = QStringLiteral("8Gi");
    int maxPods = 110;
    int leaseSeconds = 40;                // node-monitor grace period is Kubernetes' 40 s
    int heartbeatMs = 10000;              // lease renewal, as the kubelet's 10 s
};

class SimulatedNode : public QObject {
    Q_OBJECT
public:
    // client acts as system:node:<name> (group system:nodes).
    SimulatedNode(client::Client &client, SimulatedNodeConfig config, QObject *parent = nullptr);

    void start();
    // Stops heartbeats (the node goes NotReady/Unknown once its lease runs out).
    void stop();
    const QString &name() const { return config_.name; }

    static QString simulatedLabel() { return QStringLiteral("timoneiro.io/simulated"); }

private:
    static QJsonArray healthyConditions();
    void registerNode();
    void heartbeat();
    void syncPod(const QJsonObject &pod);
    QString allocateIp(const QString &podKey);

    client::Client &client_;
    SimulatedNodeConfig config_;
    client::Informer pods_;
    client::Informer nodes_;
    client::EventRecorder events_;
    QTimer heartbeat_;
    QString podCidr_;
    QHash<QString, QString> ips_;  // pod key -> IP
    QSet<QString> started_;        // pods already marked running
    bool leaseCreated_ = false;
    bool registered_ = false;
};

}  // namespace timoneiro::kubelet
