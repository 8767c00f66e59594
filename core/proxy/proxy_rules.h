#pragma once
// kube-proxy's iptables mode, as rules: from the Services and
// EndpointSlices (discovery.k8s.io/v1) the informers hold, the text that
// iptables-restore --noflush writes. No I/O, so it is tested as text.
//
// nat:
//   KUBE-SERVICES      jumped from PREROUTING and OUTPUT: one rule per
//                      ClusterIP (and LoadBalancer ingress IP) and port,
//                      last the jumps to KUBE-NODEPORTS for the node
//                      addresses (127.0.0.0/8 and each node's gateway);
//   KUBE-NODEPORTS     per NodePort -> KUBE-EXT-<hash>;
//   KUBE-EXT-<hash>    external traffic of a port -> KUBE-SVC-<hash>;
//   KUBE-FW-<hash>     LoadBalancer ingress with loadBalancerSourceRanges;
//   KUBE-SVC-<hash>    per service port: sessionAffinity ClientIP (-m
//                      recent) first, then -m statistic --mode random over
//                      the ready endpoints;
//   KUBE-SEP-<hash>    per endpoint: DNAT to ip:port;
//   KUBE-POSTROUTING   jumped from POSTROUTING: the one address rewrite we
//                      make, 127.0.0.0/8 (NodePort on loopback) leaving on
//                      a node bridge takes that bridge's gateway address.
// filter:
//   KUBE-SERVICES            (FORWARD, OUTPUT) REJECT for a ClusterIP or
//                            LoadBalancer IP without ready endpoints;
//   KUBE-EXTERNAL-SERVICES   (INPUT, FORWARD) the same for NodePorts.
// Headless Services (clusterIP None) and ExternalName get no rules.
// Chain names hash as Kubernetes': base32(sha256("ns/name:port" + "tcp"))[:16].
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::proxy {

struct ProxyNode {
    QString name;
    QString bridge;   // tmn-node-1
    QString gateway;  // 10.244.1.1: the node's InternalIP
};

struct ProxyState {
    QList<QJsonObject> services;
    QList<QJsonObject> slices;
    QList<ProxyNode> nodes;
};

struct ProxyRules {
    QStringList natChains;     // every nat chain written, in order
    QStringList filterChains;
    QStringList natRules;      // "-A CHAIN ..." lines
    QStringList filterRules;
    int servicePorts = 0;      // with rules (ready endpoints)
    int endpoints = 0;

    // The iptables-restore --noflush text: every chain declared (which
    // flushes it), its rules, then the chains written last time and not
    // now deleted (stale rules go).
    QByteArray restoreText(const QStringList &previousNat = {}, const QStringList &previousFilter = {}) const;

    // What a sync wrote, for the next one to write only what changed.
    struct Written {
        QStringList nat;
        QStringList filter;
        QHash<QString, QByteArray> natChainRules;  // chain -> its rules as written
    };
    // As kube-proxy's partial syncs: the top-level chains (KUBE-SERVICES,
    // KUBE-NODEPORTS, KUBE-POSTROUTING) and the filter table always, a
    // service's or endpoint's chain only when its rules changed since
    // previous, stale chains deleted. *written: what the result leaves.
    QByteArray restoreText(const Written &previous, Written *written) const;
};

ProxyRules buildProxyRules(const ProxyState &state);

// The jumps from the built-in chains, written once at start ("-I" lines
// per table) and removed at stop.
QByteArray builtinJumpsText();
// Whether chain is one of kube-proxy's (the proxier removes exactly these).
bool isProxyChain(const QString &chain);

// "default/nginx:http" (":port" only for a named port).
QString servicePortName(const QString &ns, const QString &name, const QString &portName);
// "KUBE-SVC-" + base32(sha256(servicePortName + lower(protocol)))[:16].
QString serviceChainName(const char *prefix, const QString &portName, const QString &protocol);
// "KUBE-SEP-" + base32(sha256(servicePortName + lower(protocol) + "ip:port"))[:16].
QString endpointChainName(const QString &portName, const QString &protocol, const QString &endpoint);

}  // namespace timoneiro::proxy
