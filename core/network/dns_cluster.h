#pragma once
// Cluster DNS in timoneirod, in CoreDNS's place: informers on Services,
// EndpointSlices, Pods, Namespaces and Nodes feed a DnsResolver; a
// DnsServer answers on port 53 of each local node's bridge gateway
// (10.244.N.1, the first address of its podCIDR, bound before the bridge
// exists), and on a loopback port when asked (tests). It keeps the
// kube-system/kube-dns Service (clusterIP 10.96.0.10, no selector, dns
// 53/UDP and dns-tcp 53/TCP) and its Endpoints and EndpointSlice, whose
// endpoints are the addresses it listens on, so kube-proxy sends
// 10.96.0.10:53 there and pods' resolv.conf names 10.96.0.10.
#include "dns_resolver.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace timoneiro::api {
class Handler;
}

namespace timoneiro::network {

struct ClusterDnsConfig {
    QStringList nodes;  // the local nodes' names: one listener on each one's gateway
    QString zone = QStringLiteral("cluster.local");
    QString serviceIp = QStringLiteral("10.96.0.10");
    quint16 port = 53;
    QString loopbackAddress = QStringLiteral("127.0.0.1");
    int loopbackPort = -1;  // >= 0: also listen there (0: a free port, see loopbackPort())
};

class ClusterDns : public QObject {
    Q_OBJECT
public:
    ClusterDns(api::Handler &api, ClusterDnsConfig config, QObject *parent = nullptr);
    ~ClusterDns() override;

    void start();
    // Closes every socket and stops the informers; the API objects stay
    // (the next start finds them).
    void stop();

    // The node gateways it listens on (port config.port).
    QStringList nodeAddresses() const;
    quint16 loopbackPort() const;
    const DnsResolver &resolver() const;

    // "10.244.1.0/24" -> "10.244.1.1": the node's bridge gateway, its InternalIP.
    static QString gatewayOf(const QString &podCidr);

signals:
    // A node's listener opened: the kube-dns endpoints follow.
    void listening(const QString &address);

private:
    void nodeChanged(const QJsonObject &node);
    void scheduleSync();
    void sync();
    void syncEndpoints(const QJsonObject &service);

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace timoneiro::network
