#pragma once
// The local nodes of a cluster on real containerd, in the timoneirod
// process: for node-1..N, a kubelet (an API client as system:node:<name>)
// and, once node IPAM gives the node its podCIDR, its own containerd with a
// CNI bridge for that CIDR (runtime::ContainerdSupervisor) and the offline
// images imported; then the kubelet runs the node's pods over CRI.
#include "api/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace timoneiro::api {
class Handler;
struct NodeStreamRequest;
}

namespace timoneiro::cluster {

struct LocalNodesConfig {
    int nodes = 0;
    QString dataDir;        // the cluster's: each node under <dataDir>/nodes/<name>
    QString imageCacheDir;  // built images, shared by clusters
    int heartbeatMs = 10000;
    int leaseSeconds = 40;
    // Cluster DNS: the kubelets' clusterDNS and clusterDomain; the server on each node's gateway
    // (network::ClusterDns), also on 127.0.0.1:<dnsLoopbackPort> when >= 0.
    QString clusterDns = QStringLiteral("10.96.0.10");
    QString clusterDomain = QStringLiteral("cluster.local");
    int dnsLoopbackPort = -1;
    QStringList podRoutes;  // the routes pods get; empty: the runtime's default
    // Once a node's bridge exists with its podCIDR (the cluster network's per-node setup).
    std::function<void(const QString &node, const QString &bridge, const QString &podCidr)> bridgeReady;
    // The last step of stop(), while this process still holds the machine's claim (the cluster
    // network's teardown: after the release another timoneirod may set up the same names).
    std::function<void()> beforeRelease;
    // Right after start() took the machine's claim, before any node runs: the cluster network's
    // setup. False (it failed): the nodes do not start.
    std::function<bool(QString *error)> claimed;
};

class LocalNodes : public QObject {
    Q_OBJECT
public:
    LocalNodes(api::Handler &api, LocalNodesConfig config, QObject *parent = nullptr);
    ~LocalNodes() override;

    // node-1, node-2, ...
    static QString nodeName(int i);
    // Whether containerd nodes can run here; *why says what is missing, in one sentence.
    static bool available(QString *why);
    // /var/cache/timoneiro/images, or $TIMONEIRO_IMAGE_CACHE.
    static QString defaultImageCacheDir();
    // Where node's kubelet keeps its pods' logs, or empty when no local node of that name has run here.
    static QString podLogDir(const QString &dataDir, const QString &node);
    // pods/exec, attach, portforward (Config::nodeStreamUrl): the streaming URL
    // of node's containerd for the request; an error for a node that runs no
    // containers here. Blocking, bounded (a few CRI calls over a local socket).
    static api::Result<QString> streamUrl(const QString &dataDir, const QString &node,
                                          const api::NodeStreamRequest &request);

    void start();
    // Blocking, bounded: the pods' sandboxes stopped over CRI (their IPs
    // released), then each containerd's clean stop; nothing of the nodes
    // is left running.
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace timoneiro::cluster
