#pragma once
// The kubelet of one local node, an API client as system:node:<name>: it
// registers the Node with this machine's capacity, renews its Lease,
// reports Ready from CRI's RuntimeReady and NetworkReady, learns its
// podCIDR from node IPAM (podCidrAssigned: the node's containerd and CNI
// bridge are started with it), and runs a pod worker for every pod bound to
// it over CRI. Blocking CRI calls run on its own thread pool.
#include "client/event_recorder.h"
#include "client/informer.h"
#include "pod_worker.h"

#include <QHash>
#include <QThreadPool>
#include <QTimer>

namespace timoneiro::kubelet {

struct KubeletConfig {
    QString nodeName;
    QString dataDir;          // the node's directory: pod logs under <dataDir>/pods
    QString bridge;           // the node's pod bridge: annotated on the Node for the topology view
    int maxPods = 110;
    int leaseSeconds = 40;
    int heartbeatMs = 10000;  // lease renewal and node status, as the kubelet's 10 s
    int podResyncMs = 2000;
    PodDnsSettings dns;       // clusterDNS (the kube-dns ClusterIP), clusterDomain, resolvConf
};

class Kubelet : public QObject {
    Q_OBJECT
public:
    Kubelet(client::Client &client, KubeletConfig config, QObject *parent = nullptr);
    ~Kubelet() override;

    // Registers the Node (NotReady until a runtime is set) and starts heartbeats.
    void start();
    // The node's containerd answers on socket: pods can run.
    void setRuntime(const QString &socket);
    // The runtime could not start: the node stays NotReady with this reason.
    void setRuntimeFailed(const QString &reason);
    // The node's containerd died and its supervisor restarts it: NotReady
    // ("container runtime is down") now, not at the next heartbeat, and
    // ContainerRuntimeUnhealthy with detail; no new pod worker meanwhile.
    void setRuntimeDown(const QString &detail);
    // The restarted containerd answers: status from CRI again (a fresh
    // channel), and the pods that came meanwhile get their workers.
    void setRuntimeRestored();
    // Heartbeats and pod workers stop; returns once no CRI call is in flight.
    void stop();

    const QString &name() const { return config_.nodeName; }
    const QString &podCidr() const { return podCidr_; }
    QString logRoot() const { return config_.dataDir + QStringLiteral("/pods"); }
    // The gateway of the node's bridge (first address of its podCIDR).
    QString internalIp() const;

signals:
    void podCidrAssigned(const QString &cidr);

private:
    void registerNode();
    void heartbeat();
    void updateNodeStatus(bool ready, const QString &message);
    void podChanged(const QJsonObject &pod);
    void podDeleted(const QJsonObject &pod);
    void removeOrphans();

    client::Client &client_;
    KubeletConfig config_;
    client::Informer pods_;
    client::Informer nodes_;
    client::EventRecorder events_;
    VolumeTokens tokens_;
    QThreadPool pool_;
    QThreadPool probePool_;  // probes, apart: a slow one never holds up a pod sync
    QTimer heartbeat_;
    std::shared_ptr<cri::RuntimeClient> runtime_;
    QString socket_;
    QString runtimeVersion_;
    QString runtimeFailure_;
    QString runtimeDown_;        // why containerd is down, while its supervisor restarts it
    int runtimeGeneration_ = 0;  // a CRI status answer from before a down/restore is stale
    QString podCidr_;
    QHash<QString, PodWorker *> workers_;  // by pod uid
    bool leaseCreated_ = false;
    bool statusInFlight_ = false;
    bool stopping_ = false;
    QString lastReported_;
};

}  // namespace timoneiro::kubelet
