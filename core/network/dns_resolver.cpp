#include "dns_resolver.h"

#include "client/informer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace timoneiro::network {

using dns::Record;

namespace {

constexpr int kMaxCnameChain = 8;

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString stripUnderscore(const QString &label)
{
    return label.startsWith(QLatin1Char('_')) ? label.mid(1) : label;
}

// CoreDNS's match: an empty, "*" or "any" part matches everything.
bool matches(const QString &wanted, const QString &have)
{
    return wanted.isEmpty() || wanted == QLatin1String("*") || wanted == QLatin1String("any")
           || wanted.compare(have, Qt::CaseInsensitive) == 0;
}

QStringList clusterIps(const QJsonObject &svc)
{
    const QJsonObject spec = obj(svc, "spec");
    QStringList ips;
    for (const QJsonValue &v : spec.value(QStringLiteral("clusterIPs")).toArray())
        ips << v.toString();
    if (ips.isEmpty() && !str(spec, "clusterIP").isEmpty())
        ips << str(spec, "clusterIP");
    ips.removeAll(QStringLiteral("None"));
    ips.removeAll(QString());
    return ips;
}

bool isHeadless(const QJsonObject &svc)
{
    return str(obj(svc, "spec"), "clusterIP") == QLatin1String("None");
}

QString dashed(const QString &ip)
{
    QString out = ip;
    return out.replace(QLatin1Char('.'), QLatin1Char('-')).replace(QLatin1Char(':'), QLatin1Char('-'));
}

// "10-244-1-5" -> 10.244.1.5; IPv6 with dashes for colons.
QHostAddress undashed(const QString &label)
{
    QString text = label;
    const bool v4 = label.count(QLatin1Char('-')) == 3 && !label.contains(QLatin1Char(':'));
    text.replace(QLatin1Char('-'), v4 ? QLatin1Char('.') : QLatin1Char(':'));
    QHostAddress address;
    return address.setAddress(text) ? address : QHostAddress();
}

struct ReadyEndpoint {
    QJsonObject endpoint;
    QString address;
    QJsonArray ports;
};

}  // namespace

struct DnsResolver::Entry {
    QHostAddress address;  // null for a CNAME
    int port = -1;         // -1: no port (A only)
    QString target;        // the name of the address: SRV target and additional record
    QString cname;
};

struct DnsResolver::Lookup {
    bool exists = false;  // NOERROR even without records
    QList<Entry> entries;
    QList<Record> records;
};

DnsResolver::DnsResolver(DnsSources sources, DnsResolverConfig config)
    : sources_(sources), config_(std::move(config)), serial_(quint32(QDateTime::currentSecsSinceEpoch()))
{
    config_.zone = config_.zone.toLower();
}

bool DnsResolver::namespaceExists(const QString &ns) const
{
    return sources_.namespaces && sources_.namespaces->get(ns).has_value();
}

Record DnsResolver::soa(const QString &zoneName) const
{
    dns::Soa s{QStringLiteral("ns.dns.") + config_.zone, QStringLiteral("hostmaster.") + config_.zone, serial_, 7200, 1800, 86400,
               config_.ttl};
    return Record::authority(zoneName, config_.ttl, s);
}

static QList<ReadyEndpoint> readyEndpointsOf(const client::Informer *slices, const QString &ns, const QString &service)
{
    QList<ReadyEndpoint> out;
    if (!slices)
        return out;
    for (const QJsonObject &slice : slices->list(ns)) {
        if (str(obj(obj(slice, "metadata"), "labels"), "kubernetes.io/service-name") != service)
            continue;
        const QJsonArray ports = slice.value(QStringLiteral("ports")).toArray();
        for (const QJsonValue &ev : slice.value(QStringLiteral("endpoints")).toArray()) {
            const QJsonObject ep = ev.toObject();
            const QJsonValue ready = obj(ep, "conditions").value(QStringLiteral("ready"));
            if (!(ready.isUndefined() || ready.isNull() || ready.toBool()))
                continue;
            for (const QJsonValue &a : ep.value(QStringLiteral("addresses")).toArray())
                out.append({ep, a.toString(), ports});
        }
    }
    return out;
}

// The endpoint's hostname, else what the EndpointSlice controller would set
// (the pod's hostname when its subdomain is the Service), else the dashed IP.
QString DnsResolver::endpointHostname(const QJsonObject &endpoint, const QString &address, const QString &serviceName) const
{
    const QString hostname = str(endpoint, "hostname");
    if (!hostname.isEmpty())
        return hostname.toLower();
    const QJsonObject ref = obj(endpoint, "targetRef");
    if (sources_.pods && str(ref, "kind") == QLatin1String("Pod")) {
        if (const auto pod = sources_.pods->get(str(ref, "namespace") + QLatin1Char('/') + str(ref, "name"))) {
            const QJsonObject spec = obj(*pod, "spec");
            if (!str(spec, "hostname").isEmpty() && str(spec, "subdomain") == serviceName)
                return str(spec, "hostname").toLower();
        }
    }
    return dashed(address);
}

void DnsResolver::serviceEntries(const QJsonObject &svc, const QString &endpoint, const QString &port, const QString &protocol,
                                 Lookup *out) const
{
    const QJsonObject meta = obj(svc, "metadata");
    const QString ns = str(meta, "namespace"), name = str(meta, "name");
    const QString serviceName = name + QLatin1Char('.') + ns + QStringLiteral(".svc.") + config_.zone;
    const QJsonObject spec = obj(svc, "spec");
    if (str(spec, "type") == QLatin1String("ExternalName")) {
        QString external = str(spec, "externalName").toLower();
        while (external.endsWith(QLatin1Char('.')))
            external.chop(1);
        if (endpoint.isEmpty() && port.isEmpty() && !external.isEmpty())
            out->entries.append({QHostAddress(), -1, QString(), external});
        return;
    }
    if (isHeadless(svc) || !endpoint.isEmpty()) {
        for (const ReadyEndpoint &ep : readyEndpointsOf(sources_.endpointSlices, ns, name)) {
            const QString host = endpointHostname(ep.endpoint, ep.address, name);
            if (!endpoint.isEmpty() && host != endpoint)
                continue;
            const QHostAddress address(ep.address);
            const QString target = host + QLatin1Char('.') + serviceName;
            if (ep.ports.isEmpty() && port.isEmpty() && protocol.isEmpty())
                out->entries.append({address, -1, target, {}});
            for (const QJsonValue &pv : ep.ports) {
                const QJsonObject p = pv.toObject();
                if (matches(port, str(p, "name")) && matches(protocol, p.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"))))
                    out->entries.append({address, p.value(QStringLiteral("port")).toInt(), target, {}});
            }
        }
        return;
    }
    for (const QJsonValue &pv : spec.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject p = pv.toObject();
        if (!matches(port, str(p, "name")) || !matches(protocol, p.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"))))
            continue;
        for (const QString &ip : clusterIps(svc))
            out->entries.append({QHostAddress(ip), p.value(QStringLiteral("port")).toInt(), serviceName, {}});
    }
}

DnsResolver::Lookup DnsResolver::lookupZone(const QStringList &labels) const
{
    Lookup out;
    const int n = int(labels.size());
    if (n == 0) {
        out.exists = true;
        out.records << soa(config_.zone) << Record::pointer(dns::NS, config_.zone, config_.ttl, QStringLiteral("ns.dns.") + config_.zone);
        return out;
    }
    if (labels == QStringList{QStringLiteral("dns-version")}) {
        out.exists = true;
        out.records << Record::text(labels.first() + QLatin1Char('.') + config_.zone, config_.ttl, QStringLiteral("1.1.0"));
        return out;
    }
    if (labels == QStringList{QStringLiteral("ns"), QStringLiteral("dns")}) {
        out.exists = true;
        if (sources_.services)
            if (const auto dnsService = sources_.services->get(QStringLiteral("kube-system/kube-dns")))
                for (const QString &ip : clusterIps(*dnsService))
                    out.entries.append({QHostAddress(ip), -1, QStringLiteral("ns.dns.") + config_.zone, {}});
        return out;
    }
    if (labels.last() == QLatin1String("svc")) {
        if (n <= 2) {
            out.exists = n == 1 || namespaceExists(labels[0]);
            return out;
        }
        if (n > 5 || !sources_.services)
            return out;
        const auto svc = sources_.services->get(labels[n - 2] + QLatin1Char('/') + labels[n - 3]);
        if (!svc)
            return out;
        if (n == 3)
            serviceEntries(*svc, {}, {}, {}, &out);
        else if (n == 4)
            serviceEntries(*svc, labels[0], {}, {}, &out);
        else
            serviceEntries(*svc, {}, stripUnderscore(labels[0]), stripUnderscore(labels[1]), &out);
        return out;
    }
    if (labels.last() == QLatin1String("pod")) {
        if (n <= 2) {
            out.exists = n == 1 || namespaceExists(labels[0]);
            return out;
        }
        if (n == 3 && namespaceExists(labels[1])) {
            const QHostAddress address = undashed(labels[0]);
            if (!address.isNull())
                out.entries.append({address, -1, labels.join(QLatin1Char('.')) + QLatin1Char('.') + config_.zone, {}});
        }
    }
    return out;
}

DnsResolver::Lookup DnsResolver::lookupReverse(const QHostAddress &address) const
{
    Lookup out;
    const QString name = dns::reverseName(address);
    auto found = [&](const QString &target) {
        out.exists = true;
        out.records << Record::pointer(dns::PTR, name, config_.ttl, target);
    };
    if (sources_.services) {
        for (const QJsonObject &svc : sources_.services->list()) {
            for (const QString &ip : clusterIps(svc)) {
                if (QHostAddress(ip).isEqual(address)) {
                    const QJsonObject meta = obj(svc, "metadata");
                    found(str(meta, "name") + QLatin1Char('.') + str(meta, "namespace") + QStringLiteral(".svc.") + config_.zone);
                    return out;
                }
            }
        }
    }
    if (sources_.endpointSlices) {
        for (const QJsonObject &slice : sources_.endpointSlices->list()) {
            const QJsonObject meta = obj(slice, "metadata");
            const QString service = str(obj(meta, "labels"), "kubernetes.io/service-name");
            if (service.isEmpty())
                continue;
            for (const ReadyEndpoint &ep : readyEndpointsOf(sources_.endpointSlices, str(meta, "namespace"), service)) {
                if (QHostAddress(ep.address).isEqual(address)) {
                    found(endpointHostname(ep.endpoint, ep.address, service) + QLatin1Char('.') + service + QLatin1Char('.')
                          + str(meta, "namespace") + QStringLiteral(".svc.") + config_.zone);
                    return out;
                }
            }
        }
    }
    // Not CoreDNS's (it leaves other pod IPs to the next plugin): the pod's own A name.
    if (sources_.pods) {
        for (const QJsonObject &pod : sources_.pods->list()) {
            if (obj(pod, "spec").value(QStringLiteral("hostNetwork")).toBool())
                continue;
            for (const QJsonValue &v : obj(pod, "status").value(QStringLiteral("podIPs")).toArray()) {
                const QString ip = str(v.toObject(), "ip");
                if (QHostAddress(ip).isEqual(address)) {
                    found(dashed(ip) + QLatin1Char('.') + str(obj(pod, "metadata"), "namespace") + QStringLiteral(".pod.") + config_.zone);
                    return out;
                }
            }
            if (QHostAddress(str(obj(pod, "status"), "podIP")).isEqual(address)) {
                found(dashed(str(obj(pod, "status"), "podIP")) + QLatin1Char('.') + str(obj(pod, "metadata"), "namespace")
                      + QStringLiteral(".pod.") + config_.zone);
                return out;
            }
        }
    }
    return out;
}

void DnsResolver::fill(const QString &qname, quint16 qtype, const Lookup &found, dns::Message *response, int depth) const
{
    for (const Record &r : found.records) {
        if (r.type == qtype || qtype == dns::ANY) {
            Record copy = r;
            copy.name = qname;
            response->answers.append(copy);
        }
    }
    const bool wantsAddress = qtype == dns::A || qtype == dns::AAAA || qtype == dns::ANY;
    QSet<QString> seen;
    QList<const Entry *> srv;
    for (const Entry &e : found.entries) {
        if (!e.cname.isEmpty()) {
            response->answers.append(Record::pointer(dns::CNAME, qname, config_.ttl, e.cname));
            const QString suffix = QLatin1Char('.') + config_.zone;
            if (qtype != dns::CNAME && depth < kMaxCnameChain && (e.cname == config_.zone || e.cname.endsWith(suffix))) {
                const QString rest = e.cname.chopped(std::min(e.cname.size(), suffix.size()));
                fill(e.cname, qtype, lookupZone(e.cname == config_.zone ? QStringList() : rest.split(QLatin1Char('.'))), response,
                     depth + 1);
            }
            continue;
        }
        const bool v6 = e.address.protocol() == QAbstractSocket::IPv6Protocol;
        if (wantsAddress && (qtype == dns::ANY || (qtype == dns::AAAA) == v6) && !seen.contains(e.address.toString())) {
            seen.insert(e.address.toString());
            response->answers.append(Record::a(qname, config_.ttl, e.address));
        }
        if (qtype == dns::SRV && e.port >= 0)
            srv.append(&e);
    }
    QSet<QString> extra;
    for (const Entry *e : std::as_const(srv)) {
        // CoreDNS's weight: 100 split over the records of one priority.
        const quint16 weight = quint16(100 / srv.size());
        response->answers.append(Record::service(qname, config_.ttl, {0, weight, quint16(e->port), e->target}));
        if (!extra.contains(e->target + e->address.toString())) {
            extra.insert(e->target + e->address.toString());
            response->additional.append(Record::a(e->target, config_.ttl, e->address));
        }
    }
}

dns::Message DnsResolver::answer(const dns::Message &query) const
{
    dns::Message response;
    response.id = query.id;
    response.response = true;
    response.opcode = query.opcode;
    response.recursionDesired = query.recursionDesired;
    response.questions = query.questions;
    response.ednsUdpSize = query.ednsUdpSize > 0 ? dns::kMaxUdpSize : 0;
    if (query.opcode != 0) {
        response.rcode = dns::NotImp;
        return response;
    }
    if (query.questions.size() != 1 || query.response) {
        response.rcode = dns::FormErr;
        return response;
    }
    const dns::Question &q = query.questions.first();
    const QString name = q.name.toLower();
    const QString suffix = QLatin1Char('.') + config_.zone;
    const bool inZone = name == config_.zone || name.endsWith(suffix);
    const bool reverse = name.endsWith(QLatin1String(".in-addr.arpa")) || name.endsWith(QLatin1String(".ip6.arpa"));
    if ((!inZone && !reverse) || (q.cls != dns::kClassIn && q.cls != dns::ANY)) {
        response.rcode = dns::Refused;
        return response;
    }
    response.authoritative = true;
    Lookup found;
    QString zoneName = config_.zone;
    if (inZone) {
        found = lookupZone(name == config_.zone ? QStringList() : name.chopped(suffix.size()).split(QLatin1Char('.')));
    } else {
        zoneName = name.endsWith(QLatin1String(".in-addr.arpa")) ? QStringLiteral("in-addr.arpa") : QStringLiteral("ip6.arpa");
        const QHostAddress address = dns::addressOfReverseName(name);
        if (!address.isNull())
            found = lookupReverse(address);
    }
    fill(q.name, q.type, found, &response, 0);
    if (!found.exists && found.entries.isEmpty() && found.records.isEmpty())
        response.rcode = dns::NXDomain;
    if (response.answers.isEmpty())
        response.authority.append(soa(zoneName));
    return response;
}

}  // namespace timoneiro::network
