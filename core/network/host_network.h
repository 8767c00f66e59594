#pragma once
// What the host needs once per cluster before any pod traffic, and its
// undoing. The local nodes share the host's network namespace: one kernel
// routes between the node bridges like an L3 fabric, each node's address
// is its bridge's gateway (10.244.N.1) and each node has its own podCIDR,
// and no address is rewritten between pods.
//
// - a dummy device (tmn-svc; a portless bridge where there is no dummy driver) holding routes for the service range and the
//   LoadBalancer pool (and, below the nodes' /24s, the pod range), so a
//   packet for an address without a rule or pod is
//   discarded on the machine instead of taking the default route;
// - net.bridge.bridge-nf-call-iptables = 1 (Service replies between pods
//   of one bridge must meet conntrack; NetworkPolicy sees bridged traffic);
// - per node bridge: net.ipv4.conf.<bridge>.forwarding = 1 (pods reach
//   other nodes' pods) and .route_localnet = 1 (NodePort on 127.0.0.1);
// - filter chains: TIMONEIRO-FORWARD, first in FORWARD, DROPs whatever
//   would cross between a tmn-* device and any other interface (pods never
//   reach outside networks, outside never reaches pods) and RETURNs the
//   rest, so later chains (NetworkPolicy) still decide; TIMONEIRO-ACCEPT,
//   last in FORWARD, ACCEPTs tmn-* to tmn-* (also under a DROP policy).
// Every sysctl changed is remembered (also in a state file, for
// --cleanup after a crash) and restored.
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace timoneiro::network {

inline constexpr char kGuardChain[] = "TIMONEIRO-FORWARD";
inline constexpr char kAcceptChain[] = "TIMONEIRO-ACCEPT";
inline constexpr char kServiceDevice[] = "tmn-svc";

struct HostNetworkConfig {
    QString clusterCidr = QStringLiteral("10.244.0.0/16");
    QString serviceCidr = QStringLiteral("10.96.0.0/12");
    QString loadBalancerPool = QStringLiteral("10.250.0.0/24");
    // Where the changed sysctls' old values are kept for --cleanup.
    QString stateFile = QStringLiteral("/run/timoneiro/host-network.json");
};

class HostNetwork {
public:
    explicit HostNetwork(HostNetworkConfig config = {});
    ~HostNetwork();
    HostNetwork(const HostNetwork &) = delete;
    HostNetwork &operator=(const HostNetwork &) = delete;

    const HostNetworkConfig &config() const { return config_; }

    // The dummy device and its routes, bridge-nf, the guard chains.
    bool setUp(QString *error);
    // Once a node's bridge exists with its gateway address: its sysctls,
    // and the service routes take that gateway as source (the first
    // bridge's), so the host's packets to a ClusterIP carry an address
    // the pods route back to the host.
    bool addBridge(const QString &bridge, const QString &gateway, QString *error);
    // Undoes everything setUp and addBridge did (the bridges themselves
    // belong to the nodes). Idempotent.
    void tearDown();

    // After a crash: every tmn-* device, TIMONEIRO-* chain and kube-proxy
    // chain (with the jumps to them), the sysctls in the state file
    // restored. Returns what it removed, one line each.
    static QStringList cleanup(const HostNetworkConfig &config = {});
    // "PID 812" of another live timoneirod running containerd nodes (its
    // network is not stale), or empty. --cleanup refuses while there is one.
    static QString liveCluster();
    // kube-proxy's chain names (KUBE-SERVICES, KUBE-SVC-*, ...) and ours.
    static bool isClusterChain(const QString &chain);

private:
    bool setSysctl(const QString &key, const QString &value, QString *error);
    void saveState() const;

    HostNetworkConfig config_;
    QList<QPair<QString, QString>> changed_;  // sysctl key, old value (first change only)
    QString sourceGateway_;
    bool up_ = false;
};

// /proc/sys/<key with dots as slashes>; empty when absent.
QString readSysctl(const QString &key);
bool writeSysctl(const QString &key, const QString &value);

}  // namespace timoneiro::network
