#include "proxy_rules.h"

#include "network/iptables.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace timoneiro::proxy {

namespace {

QString hash16(const QString &text)
{
    return network::iptables::hashedName(text, 16);
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

struct Endpoint {
    QString address;  // ip:port
    QString chain;
};

// The ready endpoints of one service port, from the Service's slices.
QList<Endpoint> readyEndpoints(const QList<const QJsonObject *> &slices, const QString &portName, const QString &protocol,
                               const QString &spn)
{
    QStringList addresses;
    for (const QJsonObject *slice : slices) {
        if (str(*slice, "addressType") != QLatin1String("IPv4"))
            continue;
        int port = 0;
        for (const QJsonValue &p : slice->value(QStringLiteral("ports")).toArray()) {
            const QJsonObject sp = p.toObject();
            if (str(sp, "name") == portName && sp.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP")) == protocol)
                port = sp.value(QStringLiteral("port")).toInt();
        }
        if (port <= 0)
            continue;
        for (const QJsonValue &e : slice->value(QStringLiteral("endpoints")).toArray()) {
            const QJsonObject ep = e.toObject();
            // Kubernetes: an unset ready condition means ready.
            if (!obj(ep, "conditions").value(QStringLiteral("ready")).toBool(true))
                continue;
            const QString ip = ep.value(QStringLiteral("addresses")).toArray().first().toString();
            if (!ip.isEmpty())
                addresses << QStringLiteral("%1:%2").arg(ip).arg(port);
        }
    }
    addresses.sort();
    addresses.removeDuplicates();
    QList<Endpoint> out;
    for (const QString &a : std::as_const(addresses))
        out.append({a, endpointChainName(spn, protocol, a)});
    return out;
}

QString probability(int remaining)
{
    return QString::asprintf("%0.10f", 1.0 / double(remaining));
}

}  // namespace

QString servicePortName(const QString &ns, const QString &name, const QString &portName)
{
    return ns + QLatin1Char('/') + name + (portName.isEmpty() ? QString() : QLatin1Char(':') + portName);
}

QString serviceChainName(const char *prefix, const QString &portName, const QString &protocol)
{
    return QLatin1String(prefix) + hash16(portName + protocol.toLower());
}

QString endpointChainName(const QString &portName, const QString &protocol, const QString &endpoint)
{
    return QStringLiteral("KUBE-SEP-") + hash16(portName + protocol.toLower() + endpoint);
}

bool isProxyChain(const QString &chain)
{
    static const QStringList exact{QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-EXTERNAL-SERVICES"),
                                   QStringLiteral("KUBE-NODEPORTS"), QStringLiteral("KUBE-POSTROUTING")};
    return exact.contains(chain) || chain.startsWith(QLatin1String("KUBE-SVC-")) || chain.startsWith(QLatin1String("KUBE-SEP-"))
           || chain.startsWith(QLatin1String("KUBE-EXT-")) || chain.startsWith(QLatin1String("KUBE-FW-"));
}

QByteArray builtinJumpsText()
{
    return "*nat\n"
           ":KUBE-SERVICES - [0:0]\n:KUBE-POSTROUTING - [0:0]\n"
           "-I PREROUTING 1 -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
           "-I OUTPUT 1 -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
           "-I POSTROUTING 1 -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING\n"
           "COMMIT\n"
           "*filter\n"
           ":KUBE-SERVICES - [0:0]\n:KUBE-EXTERNAL-SERVICES - [0:0]\n"
           "-I INPUT 1 -m conntrack --ctstate NEW -m comment --comment \"kubernetes externally-visible service portals\" -j KUBE-EXTERNAL-SERVICES\n"
           "-I FORWARD 1 -m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
           "-I FORWARD 1 -m conntrack --ctstate NEW -m comment --comment \"kubernetes externally-visible service portals\" -j KUBE-EXTERNAL-SERVICES\n"
           "-I OUTPUT 1 -m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
           "COMMIT\n";
}

ProxyRules buildProxyRules(const ProxyState &state)
{
    ProxyRules r;
    r.natChains = {QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-NODEPORTS"), QStringLiteral("KUBE-POSTROUTING")};
    r.filterChains = {QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-EXTERNAL-SERVICES")};

    // Slices by "ns/service-name".
    QHash<QString, QList<const QJsonObject *>> slicesOf;
    for (const QJsonObject &s : state.slices) {
        const QJsonObject meta = obj(s, "metadata");
        const QString service = obj(meta, "labels").value(QStringLiteral("kubernetes.io/service-name")).toString();
        if (!service.isEmpty())
            slicesOf[str(meta, "namespace") + QLatin1Char('/') + service].append(&s);
    }
    QMap<QString, const QJsonObject *> services;  // sorted: the same state gives the same text
    for (const QJsonObject &s : state.services)
        services.insert(str(obj(s, "metadata"), "namespace") + QLatin1Char('/') + str(obj(s, "metadata"), "name"), &s);

    QStringList nodePortJumps;
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        const QJsonObject &svc = *it.value();
        const QJsonObject spec = obj(svc, "spec");
        const QString type = spec.value(QStringLiteral("type")).toString(QStringLiteral("ClusterIP"));
        const QString clusterIp = str(spec, "clusterIP");
        if (type == QLatin1String("ExternalName") || clusterIp.isEmpty() || clusterIp == QLatin1String("None"))
            continue;
        const QJsonObject meta = obj(svc, "metadata");
        QStringList lbIps;
        for (const QJsonValue &i : obj(obj(svc, "status"), "loadBalancer").value(QStringLiteral("ingress")).toArray()) {
            if (!str(i.toObject(), "ip").isEmpty() && type == QLatin1String("LoadBalancer"))
                lbIps << str(i.toObject(), "ip");
        }
        QStringList sourceRanges;
        for (const QJsonValue &v : spec.value(QStringLiteral("loadBalancerSourceRanges")).toArray())
            sourceRanges << v.toString();
        const bool clientIp = str(spec, "sessionAffinity") == QLatin1String("ClientIP");
        const int affinitySeconds = obj(obj(spec, "sessionAffinityConfig"), "clientIP").value(QStringLiteral("timeoutSeconds")).toInt(10800);

        for (const QJsonValue &pv : spec.value(QStringLiteral("ports")).toArray()) {
            const QJsonObject port = pv.toObject();
            const QString protocol = port.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"));
            const QString proto = protocol.toLower();
            if (proto != QLatin1String("tcp") && proto != QLatin1String("udp") && proto != QLatin1String("sctp"))
                continue;
            const QString spn = servicePortName(str(meta, "namespace"), str(meta, "name"), str(port, "name"));
            const QString match = QStringLiteral("-p %1 -m %1 --dport ").arg(proto);
            const QString portNumber = QString::number(port.value(QStringLiteral("port")).toInt());
            const int nodePort = port.value(QStringLiteral("nodePort")).toInt();
            const QList<Endpoint> endpoints = readyEndpoints(slicesOf.value(it.key()), str(port, "name"), protocol, spn);

            if (endpoints.isEmpty()) {
                const QString reject = QStringLiteral("-j REJECT --reject-with icmp-port-unreachable");
                r.filterRules << QStringLiteral("-A KUBE-SERVICES -m comment --comment \"%1 has no endpoints\" -d %2/32 %3%4 %5")
                                     .arg(spn, clusterIp, match, portNumber, reject);
                for (const QString &ip : std::as_const(lbIps))
                    r.filterRules << QStringLiteral("-A KUBE-SERVICES -m comment --comment \"%1 has no endpoints\" -d %2/32 %3%4 %5")
                                         .arg(spn, ip, match, portNumber, reject);
                if (nodePort > 0)
                    r.filterRules << QStringLiteral("-A KUBE-EXTERNAL-SERVICES -m comment --comment \"%1 has no endpoints\" -m addrtype --dst-type LOCAL %2%3 %4")
                                         .arg(spn, match).arg(nodePort).arg(reject);
                continue;
            }
            ++r.servicePorts;
            r.endpoints += int(endpoints.size());
            const QString svcChain = serviceChainName("KUBE-SVC-", spn, protocol);
            r.natChains << svcChain;
            r.natRules << QStringLiteral("-A KUBE-SERVICES -m comment --comment \"%1 cluster IP\" -d %2/32 %3%4 -j %5")
                              .arg(spn, clusterIp, match, portNumber, svcChain);
            if (nodePort > 0 || !lbIps.isEmpty()) {
                const QString extChain = serviceChainName("KUBE-EXT-", spn, protocol);
                r.natChains << extChain;
                r.natRules << QStringLiteral("-A %1 -m comment --comment \"%2 external\" -j %3").arg(extChain, spn, svcChain);
                if (nodePort > 0)
                    nodePortJumps << QStringLiteral("-A KUBE-NODEPORTS -m comment --comment %1 %2%3 -j %4").arg(spn, match).arg(nodePort).arg(extChain);
                QString lbTarget = extChain;
                if (!lbIps.isEmpty() && !sourceRanges.isEmpty()) {
                    // Packets from elsewhere match nothing, are not translated and die on tmn-svc.
                    lbTarget = serviceChainName("KUBE-FW-", spn, protocol);
                    r.natChains << lbTarget;
                    for (const QString &range : std::as_const(sourceRanges))
                        r.natRules << QStringLiteral("-A %1 -m comment --comment \"%2 loadbalancer IP\" -s %3 -j %4").arg(lbTarget, spn, range, extChain);
                }
                for (const QString &ip : std::as_const(lbIps))
                    r.natRules << QStringLiteral("-A KUBE-SERVICES -m comment --comment \"%1 loadbalancer IP\" -d %2/32 %3%4 -j %5")
                                      .arg(spn, ip, match, portNumber, lbTarget);
            }
            if (clientIp) {
                for (const Endpoint &e : endpoints)
                    r.natRules << QStringLiteral("-A %1 -m comment --comment \"%2 -> %3\" -m recent --name %4 --rcheck --seconds %5 --reap -j %4")
                                      .arg(svcChain, spn, e.address, e.chain).arg(affinitySeconds);
            }
            for (int i = 0; i < endpoints.size(); ++i) {
                const Endpoint &e = endpoints.at(i);
                const int remaining = int(endpoints.size()) - i;
                r.natRules << (remaining > 1 ? QStringLiteral("-A %1 -m comment --comment \"%2 -> %3\" -m statistic --mode random --probability %4 -j %5")
                                                   .arg(svcChain, spn, e.address, probability(remaining), e.chain)
                                             : QStringLiteral("-A %1 -m comment --comment \"%2 -> %3\" -j %4").arg(svcChain, spn, e.address, e.chain));
            }
            for (const Endpoint &e : endpoints) {
                r.natChains << e.chain;
                r.natRules << QStringLiteral("-A %1 -m comment --comment %2%3 %4 -j DNAT --to-destination %5")
                                  .arg(e.chain, spn,
                                       clientIp ? QStringLiteral(" -m recent --name %1 --set").arg(e.chain) : QString(),
                                       QStringLiteral("-p %1 -m %1").arg(proto), e.address);
            }
        }
    }
    r.natRules << nodePortJumps;
    // Last in KUBE-SERVICES, as kube-proxy's: NodePorts on the node addresses only
    // (its --nodeport-addresses), never on the host's other interfaces.
    const QString npComment = QStringLiteral("-m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\"");
    r.natRules << QStringLiteral("-A KUBE-SERVICES %1 -d 127.0.0.0/8 -j KUBE-NODEPORTS").arg(npComment);
    for (const ProxyNode &n : state.nodes) {
        if (!n.gateway.isEmpty())
            r.natRules << QStringLiteral("-A KUBE-SERVICES %1 -d %2/32 -j KUBE-NODEPORTS").arg(npComment, n.gateway);
    }
    for (const ProxyNode &n : state.nodes) {
        if (!n.gateway.isEmpty() && !n.bridge.isEmpty())
            r.natRules << QStringLiteral("-A KUBE-POSTROUTING -m comment --comment \"NodePort on loopback: the node's address as source\" "
                                         "-s 127.0.0.0/8 -o %1 -m conntrack --ctstate DNAT -j SNAT --to-source %2").arg(n.bridge, n.gateway);
    }
    r.natChains.removeDuplicates();
    return r;
}

QByteArray ProxyRules::restoreText(const QStringList &previousNat, const QStringList &previousFilter) const
{
    QByteArray text;
    auto table = [&text](const char *name, const QStringList &chains, const QStringList &rules, const QStringList &previous) {
        text += "*" + QByteArray(name) + "\n";
        QStringList stale;
        const QSet<QString> now(chains.cbegin(), chains.cend());
        for (const QString &c : previous) {
            if (!now.contains(c))
                stale << c;
        }
        for (const QString &c : chains + stale)
            text += ":" + c.toUtf8() + " - [0:0]\n";
        for (const QString &rule : rules)
            text += rule.toUtf8() + "\n";
        for (const QString &c : std::as_const(stale))
            text += "-X " + c.toUtf8() + "\n";
        text += "COMMIT\n";
    };
    table("nat", natChains, natRules, previousNat);
    table("filter", filterChains, filterRules, previousFilter);
    return text;
}

}  // namespace timoneiro::proxy

namespace timoneiro::proxy {

QByteArray ProxyRules::restoreText(const Written &previous, Written *written) const
{
    static const QSet<QString> topLevel{QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-NODEPORTS"), QStringLiteral("KUBE-POSTROUTING")};
    QHash<QString, QByteArray> byChain;
    for (const QString &rule : natRules) {
        QByteArray &text = byChain[rule.section(QLatin1Char(' '), 1, 1)];
        text += rule.toUtf8();
        text += '\n';
    }
    const QSet<QString> now(natChains.cbegin(), natChains.cend());
    QByteArray declare, rules, remove;
    for (const QString &chain : natChains) {
        const QByteArray text = byChain.value(chain);
        if (!topLevel.contains(chain) && previous.natChainRules.contains(chain) && previous.natChainRules.value(chain) == text)
            continue;  // unchanged: not even declared, so not flushed
        declare += ":" + chain.toUtf8() + " - [0:0]\n";
        rules += text;
    }
    for (const QString &chain : previous.nat) {
        if (!now.contains(chain)) {
            declare += ":" + chain.toUtf8() + " - [0:0]\n";
            remove += "-X " + chain.toUtf8() + "\n";
        }
    }
    QByteArray text = "*nat\n" + declare + rules + remove + "COMMIT\n";
    // The filter table is small (REJECTs only): written whole, as before.
    const QByteArray full = restoreText({}, previous.filter);
    text += full.mid(full.indexOf("*filter\n"));
    if (written) {
        written->nat = natChains;
        written->filter = filterChains;
        written->natChainRules = std::move(byChain);
    }
    return text;
}

}  // namespace timoneiro::proxy
