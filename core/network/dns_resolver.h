#pragma once
// The answers of cluster DNS, as CoreDNS's kubernetes plugin gives them
// (with kubeadm's Corefile: `pods insecure`, ttl 5), from the informers'
// caches of Services, EndpointSlices, Pods and Namespaces:
//   <svc>.<ns>.svc.<zone>              A/AAAA: the ClusterIPs; headless: the ready endpoints
//   <host>.<svc>.<ns>.svc.<zone>       A/AAAA: the endpoint with that hostname (or dashed IP)
//   _<port>._<proto>.<svc>.<ns>.svc.<zone>  SRV, targets' addresses as additional records
//   ExternalName Services              CNAME (followed when it points into the zone)
//   <a-b-c-d>.<ns>.pod.<zone>          A (any address, the namespace must exist)
//   reverse names                      PTR for ClusterIPs, endpoints and pod IPs
// A name inside the zone that matches nothing is NXDOMAIN, a name that
// exists without records of the type NOERROR; both carry the zone's SOA.
// Reverse names of no cluster object are NXDOMAIN; names outside the zone
// and the reverse zones are REFUSED: nothing is forwarded off this machine.
#include "dns_message.h"

#include <QJsonObject>

namespace timoneiro::client {
class Informer;
}

namespace timoneiro::network {

struct DnsResolverConfig {
    QString zone = QStringLiteral("cluster.local");
    quint32 ttl = 5;
};

struct DnsSources {
    const client::Informer *services = nullptr;
    const client::Informer *endpointSlices = nullptr;
    const client::Informer *pods = nullptr;
    const client::Informer *namespaces = nullptr;
};

class DnsResolver {
public:
    DnsResolver(DnsSources sources, DnsResolverConfig config = {});

    // The response to one query (same id, the question echoed).
    dns::Message answer(const dns::Message &query) const;
    const DnsResolverConfig &config() const { return config_; }

private:
    struct Entry;
    struct Lookup;
    Lookup lookupZone(const QStringList &labels) const;
    Lookup lookupReverse(const QHostAddress &address) const;
    void serviceEntries(const QJsonObject &svc, const QString &endpoint, const QString &port, const QString &protocol,
                        Lookup *out) const;
    QString endpointHostname(const QJsonObject &endpoint, const QString &address, const QString &serviceName) const;
    bool namespaceExists(const QString &ns) const;
    void fill(const QString &qname, quint16 qtype, const Lookup &found, dns::Message *response, int depth) const;
    dns::Record soa(const QString &zoneName) const;

    DnsSources sources_;
    DnsResolverConfig config_;
    quint32 serial_;
};

}  // namespace timoneiro::network
