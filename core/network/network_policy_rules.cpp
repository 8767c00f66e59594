#include "network_policy_rules.h"

#include "iptables.h"
#include "network_policy_cidr.h"

#include "api/object.h"
#include "api/selector.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace timoneiro::network {

namespace {

const QString kNamespaceNameLabel = QStringLiteral("kubernetes.io/metadata.name");

struct Pod {
    QString namespaceName;
    QString name;
    QJsonObject labels;
    QString ip;       // IPv4
    QJsonObject spec;
};

// A port of a rule: a number (with endPort, a range), a container port's
// name, or none (every port of the protocol).
struct PortSpec {
    QString protocol;  // tcp, udp, sctp
    int port = 0;
    int endPort = 0;
    QString named;
};

// Where a peer is: a pod, a prefix, or anywhere.
struct Peer {
    const Pod *pod = nullptr;
    QString prefix;   // empty with no pod: anywhere
};

struct Policy {
    QString namespaceName;
    QString name;
    api::LabelSelector podSelector;
    bool ingress = false;
    bool egress = false;
    QJsonObject spec;
};

QString podIpOf(const QJsonObject &pod)
{
    const QJsonObject status = api::statusOf(pod);
    QStringList ips{status.value(QStringLiteral("podIP")).toString()};
    for (const QJsonValue &v : status.value(QStringLiteral("podIPs")).toArray())
        ips << v.toObject().value(QStringLiteral("ip")).toString();
    for (const QString &ip : std::as_const(ips)) {
        if (parseIpv4(ip))
            return ip;
    }
    return {};
}

// Pods that policies can isolate or name as peers: those with a pod IP of
// their own (not the node's) that still run.
QList<Pod> policyPods(const QList<QJsonObject> &pods)
{
    QList<Pod> out;
    for (const QJsonObject &p : pods) {
        const QJsonObject spec = api::specOf(p);
        const QString phase = api::statusOf(p).value(QStringLiteral("phase")).toString();
        if (spec.value(QStringLiteral("hostNetwork")).toBool() || phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            continue;
        const QString ip = podIpOf(p);
        if (ip.isEmpty())
            continue;
        out.append({api::namespaceOf(p), api::nameOf(p), api::metaOf(p).value(QStringLiteral("labels")).toObject(), ip, spec});
    }
    std::sort(out.begin(), out.end(), [](const Pod &a, const Pod &b) {
        return a.namespaceName != b.namespaceName ? a.namespaceName < b.namespaceName : a.name < b.name;
    });
    return out;
}

// Namespace labels, with the kubernetes.io/metadata.name label the API
// server puts on every namespace (so a selector on it always works).
QHash<QString, QJsonObject> namespaceLabels(const QList<QJsonObject> &namespaces)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &ns : namespaces) {
        QJsonObject labels = api::metaOf(ns).value(QStringLiteral("labels")).toObject();
        labels.insert(kNamespaceNameLabel, api::nameOf(ns));
        out.insert(api::nameOf(ns), labels);
    }
    return out;
}

std::optional<int> namedPort(const Pod &pod, const QString &name, const QString &protocol)
{
    for (const QJsonValue &c : pod.spec.value(QStringLiteral("containers")).toArray()) {
        for (const QJsonValue &pv : c.toObject().value(QStringLiteral("ports")).toArray()) {
            const QJsonObject p = pv.toObject();
            const QString proto = p.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP")).toLower();
            if (p.value(QStringLiteral("name")).toString() == name && proto == protocol)
                return p.value(QStringLiteral("containerPort")).toInt();
        }
    }
    return std::nullopt;
}

QString portMatch(const QString &protocol, int port, int endPort)
{
    QString m = QStringLiteral("-p %1").arg(protocol);
    if (port > 0) {
        m += QStringLiteral(" -m %1 --dport %2").arg(protocol).arg(port);
        if (endPort > port)
            m += QLatin1Char(':') + QString::number(endPort);
    }
    return m;
}

// The port matches of a rule for a pod at the far end (the selected pod for
// ingress, the destination for egress): named ports resolve on that pod and
// match nothing when it has none of that name. {""} means every port.
QStringList portMatches(const QList<PortSpec> &ports, const Pod *pod)
{
    if (ports.isEmpty())
        return {QString()};
    QStringList out;
    for (const PortSpec &p : ports) {
        if (p.named.isEmpty()) {
            out << portMatch(p.protocol, p.port, p.endPort);
        } else if (pod) {
            if (const auto number = namedPort(*pod, p.named, p.protocol))
                out << portMatch(p.protocol, *number, 0);
        }
    }
    out.removeDuplicates();
    return out;
}

QList<PortSpec> parsePorts(const QJsonArray &ports)
{
    QList<PortSpec> out;
    for (const QJsonValue &v : ports) {
        const QJsonObject p = v.toObject();
        PortSpec spec;
        spec.protocol = p.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP")).toLower();
        const QJsonValue port = p.value(QStringLiteral("port"));
        if (port.isString()) {
            bool numeric = false;
            spec.port = port.toString().toInt(&numeric);
            if (!numeric)
                spec.named = port.toString();
        } else {
            spec.port = port.toInt();
        }
        spec.endPort = p.value(QStringLiteral("endPort")).toInt();
        out.append(spec);
    }
    return out;
}

class Compiler {
public:
    Compiler(const NetworkPolicyState &state) : pods_(policyPods(state.pods)), namespaces_(namespaceLabels(state.namespaces))
    {
        for (const QJsonObject &p : state.policies) {
            Policy policy;
            policy.namespaceName = api::namespaceOf(p);
            policy.name = api::nameOf(p);
            policy.spec = api::specOf(p);
            auto selector = api::LabelSelector::fromJson(policy.spec.value(QStringLiteral("podSelector")).toObject());
            if (!selector) {
                warn(policy, selector.error().message);
                continue;
            }
            policy.podSelector = *selector;
            const QJsonArray types = policy.spec.value(QStringLiteral("policyTypes")).toArray();
            policy.ingress = types.isEmpty() || types.contains(QStringLiteral("Ingress"));
            policy.egress = types.contains(QStringLiteral("Egress"))
                            || (types.isEmpty() && policy.spec.contains(QStringLiteral("egress")));
            policies_.append(policy);
        }
        std::sort(policies_.begin(), policies_.end(), [](const Policy &a, const Policy &b) {
            return a.namespaceName != b.namespaceName ? a.namespaceName < b.namespaceName : a.name < b.name;
        });
    }

    NetworkPolicyRules compile()
    {
        IptablesChain top{QString::fromLatin1(kNetworkPolicyChain),
                          {QStringLiteral("-m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment \"replies of allowed connections\" -j RETURN")}};
        QList<IptablesChain> podChains;
        for (const bool ingress : {false, true}) {  // egress first: a packet leaves its pod before it reaches the other
            for (const Pod &pod : std::as_const(pods_)) {
                QStringList rules;
                bool isolated = false;
                for (const Policy &policy : std::as_const(policies_)) {
                    if (policy.namespaceName != pod.namespaceName || !(ingress ? policy.ingress : policy.egress)
                        || !policy.podSelector.matches(pod.labels))
                        continue;
                    isolated = true;
                    addPolicyRules(policy, pod, ingress, &rules);
                }
                if (!isolated)
                    continue;
                const QString chain = podChainName(ingress, pod.namespaceName, pod.name);
                const QString direction = ingress ? QStringLiteral("ingress") : QStringLiteral("egress");
                rules << QStringLiteral("-m comment --comment \"%1/%2 %3: no policy allows\" -j DROP").arg(pod.namespaceName, pod.name, direction);
                top.rules << QStringLiteral("%1 %2/32 -m comment --comment \"%3/%4 %5\" -j %6")
                                 .arg(ingress ? QStringLiteral("-d") : QStringLiteral("-s"), pod.ip, pod.namespaceName, pod.name, direction, chain);
                podChains.append({chain, rules});
            }
        }
        std::sort(podChains.begin(), podChains.end(), [](const IptablesChain &a, const IptablesChain &b) { return a.name < b.name; });
        result_.chains.append(top);
        result_.chains += podChains;
        return result_;
    }

private:
    void warn(const Policy &policy, const QString &why)
    {
        result_.warnings << QStringLiteral("%1/%2: %3").arg(policy.namespaceName, policy.name, why);
    }

    QJsonObject labelsOfNamespace(const QString &name) const
    {
        return namespaces_.value(name, QJsonObject{{kNamespaceNameLabel, name}});
    }

    // The peers of one from/to entry.
    QList<Peer> resolvePeer(const Policy &policy, const QJsonObject &peer, const QList<PortSpec> &ports, bool ingress)
    {
        QList<Peer> out;
        if (peer.contains(QStringLiteral("ipBlock"))) {
            const QJsonObject block = peer.value(QStringLiteral("ipBlock")).toObject();
            const QString cidr = block.value(QStringLiteral("cidr")).toString();
            QStringList except;
            for (const QJsonValue &e : block.value(QStringLiteral("except")).toArray())
                except << e.toString();
            if (!Ipv4Prefix::parse(cidr)) {
                if (!cidr.contains(QLatin1Char(':')))  // IPv6 blocks do not apply to IPv4 pods
                    warn(policy, QStringLiteral("ipBlock.cidr \"%1\" is not an IPv4 CIDR").arg(cidr));
                return out;
            }
            const QStringList prefixes = subtractPrefixes(cidr, except);
            for (const QString &prefix : prefixes)
                out.append(Peer{nullptr, prefix});
            // Egress to a named port means ports of pods: those inside the block.
            if (!ingress && hasNamedPort(ports)) {
                for (const Pod &pod : std::as_const(pods_)) {
                    const quint32 ip = *parseIpv4(pod.ip);
                    for (const QString &prefix : prefixes) {
                        if (Ipv4Prefix::parse(prefix)->contains(ip)) {
                            out.append(Peer{&pod, {}});
                            break;
                        }
                    }
                }
            }
            return out;
        }
        std::optional<api::LabelSelector> nsSelector;
        if (peer.contains(QStringLiteral("namespaceSelector"))) {
            auto s = api::LabelSelector::fromJson(peer.value(QStringLiteral("namespaceSelector")).toObject());
            if (!s) {
                warn(policy, s.error().message);
                return out;
            }
            nsSelector = *s;
        }
        auto podSelector = api::LabelSelector::fromJson(peer.value(QStringLiteral("podSelector")).toObject());
        if (!podSelector) {
            warn(policy, podSelector.error().message);
            return out;
        }
        for (const Pod &pod : std::as_const(pods_)) {
            const bool inNamespace = nsSelector ? nsSelector->matches(labelsOfNamespace(pod.namespaceName))
                                                : pod.namespaceName == policy.namespaceName;
            if (inNamespace && podSelector->matches(pod.labels))
                out.append(Peer{&pod, {}});
        }
        return out;
    }

    static bool hasNamedPort(const QList<PortSpec> &ports)
    {
        return std::any_of(ports.begin(), ports.end(), [](const PortSpec &p) { return !p.named.isEmpty(); });
    }

    void addPolicyRules(const Policy &policy, const Pod &selected, bool ingress, QStringList *rules)
    {
        const QString direction = ingress ? QStringLiteral("ingress") : QStringLiteral("egress");
        const QString addressFlag = ingress ? QStringLiteral("-s") : QStringLiteral("-d");
        const QJsonArray entries = policy.spec.value(direction).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject entry = entries.at(i).toObject();
            const QList<PortSpec> ports = parsePorts(entry.value(QStringLiteral("ports")).toArray());
            const QJsonArray peersJson = entry.value(ingress ? QStringLiteral("from") : QStringLiteral("to")).toArray();
            QList<Peer> peers;
            if (peersJson.isEmpty()) {
                peers.append(Peer{});  // anywhere
                if (!ingress && hasNamedPort(ports)) {
                    for (const Pod &pod : std::as_const(pods_))
                        peers.append(Peer{&pod, {}});
                }
            }
            for (const QJsonValue &p : peersJson)
                peers += resolvePeer(policy, p.toObject(), ports, ingress);
            const QString comment = QStringLiteral("-m comment --comment \"%1/%2 %3[%4]\" -j RETURN")
                                        .arg(policy.namespaceName, policy.name, direction).arg(i);
            QStringList added;
            for (const Peer &peer : std::as_const(peers)) {
                QString address;
                if (peer.pod)
                    address = QStringLiteral("%1 %2/32").arg(addressFlag, peer.pod->ip);
                else if (!peer.prefix.isEmpty())
                    address = QStringLiteral("%1 %2").arg(addressFlag, peer.prefix);
                // Ingress ports are the selected pod's; egress ports the destination's (pods only for names).
                const QStringList matches = portMatches(ports, ingress ? &selected : peer.pod);
                for (const QString &port : matches) {
                    QStringList parts;
                    if (!address.isEmpty())
                        parts << address;
                    if (!port.isEmpty())
                        parts << port;
                    parts << comment;
                    added << parts.join(QLatin1Char(' '));
                }
            }
            added.removeDuplicates();
            *rules += added;
        }
    }

    QList<Pod> pods_;
    QHash<QString, QJsonObject> namespaces_;
    QList<Policy> policies_;
    NetworkPolicyRules result_;
};

}  // namespace

const IptablesChain *NetworkPolicyRules::chain(const QString &name) const
{
    for (const IptablesChain &c : chains) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList NetworkPolicyRules::chainNames() const
{
    QStringList out;
    for (const IptablesChain &c : chains)
        out << c.name;
    return out;
}

QString podChainName(bool ingress, const QString &namespaceName, const QString &podName)
{
    return QString::fromLatin1(kNetworkPolicyPodChainPrefix) + (ingress ? QStringLiteral("ING-") : QStringLiteral("EGR-"))
           + iptables::hashedName(namespaceName + QLatin1Char('/') + podName, 10);
}

NetworkPolicyRules compileNetworkPolicies(const NetworkPolicyState &state)
{
    return Compiler(state).compile();
}

}  // namespace timoneiro::network
