#pragma once
// NetworkPolicy (networking.k8s.io/v1) compiled into filter-table chains,
// from the policies, pods and namespaces the informers hold. No I/O: the
// enforcer writes the result with iptables-restore.
//
// TIMONEIRO-NETPOL (jumped from FORWARD for traffic into or out of tmn-*)
// lets replies of allowed connections pass, then sends each packet from an
// egress-isolated pod to that pod's TIMONEIRO-NP-EGR-<hash> chain and each
// packet to an ingress-isolated pod to its TIMONEIRO-NP-ING-<hash> chain.
// A pod chain RETURNs what one of the pod's policies allows and DROPs the
// rest; nothing here ACCEPTs, so the FORWARD rules after ours (the guard
// that keeps traffic local, kube-proxy's) still decide what we let pass.
// Pods that no policy selects are not isolated and have no chain.
//
// Traffic from the node itself (kubelet probes, curl on the host) and from
// pods to the node never crosses FORWARD, so it stays allowed, as common
// Kubernetes implementations allow node-local traffic.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::network {

inline constexpr char kNetworkPolicyChain[] = "TIMONEIRO-NETPOL";
inline constexpr char kNetworkPolicyPodChainPrefix[] = "TIMONEIRO-NP-";

struct NetworkPolicyState {
    QList<QJsonObject> policies;
    QList<QJsonObject> pods;
    QList<QJsonObject> namespaces;
};

struct IptablesChain {
    QString name;
    QStringList rules;  // each what follows "-A <name> "
};

struct NetworkPolicyRules {
    QList<IptablesChain> chains;   // TIMONEIRO-NETPOL first, then the pod chains by name
    QStringList warnings;          // policies (or parts) that could not be compiled, and why

    const IptablesChain *chain(const QString &name) const;
    QStringList chainNames() const;
};

// "TIMONEIRO-NP-ING-" or "...-EGR-" and 10 base32 characters of the pod's
// namespace/name hash (chain names stop at 28 characters).
QString podChainName(bool ingress, const QString &namespaceName, const QString &podName);

NetworkPolicyRules compileNetworkPolicies(const NetworkPolicyState &state);

}  // namespace timoneiro::network
