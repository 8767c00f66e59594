// NetworkPolicy compiled into filter chains, without root: given policies,
// pods and namespaces, the chains that isolate the selected pods and the
// rules that let through what the policies allow (default deny, podSelector,
// namespaceSelector, both in one peer, ipBlock with except, named ports and
// endPort, egress), and the iptables-restore text that writes them.
#include "network/network_policy_cidr.h"
#include "network/network_policy_iptables.h"
#include "network/network_policy_rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::network;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject pod(const QString &ns, const QString &name, const QString &ip, const QJsonObject &labels, const QJsonArray &ports = {})
{
    QJsonObject container{{"name", "c"}, {"image", "busybox"}};
    if (!ports.isEmpty())
        container.insert("ports", ports);
    return QJsonObject{{"metadata", QJsonObject{{"namespace", ns}, {"name", name}, {"labels", labels}}},
                       {"spec", QJsonObject{{"containers", QJsonArray{container}}}},
                       {"status", QJsonObject{{"phase", "Running"}, {"podIP", ip}}}};
}

QJsonObject ns(const QString &name, const QJsonObject &labels = {})
{
    return QJsonObject{{"metadata", QJsonObject{{"name", name}, {"labels", labels}}}};
}

QJsonObject policy(const QString &namespaceName, const QString &name, const char *spec)
{
    return QJsonObject{{"metadata", QJsonObject{{"namespace", namespaceName}, {"name", name}}}, {"spec", parse(spec)}};
}

// The state of most cases: web (with a named port) and client in default,
// a monitoring pod in namespace ops.
NetworkPolicyState state(const QList<QJsonObject> &policies)
{
    NetworkPolicyState s;
    s.policies = policies;
    s.namespaces = {ns("default"), ns("ops", {{"team", "ops"}})};
    s.pods = {pod("default", "web", "10.244.1.10", {{"app", "web"}},
                  QJsonArray{QJsonObject{{"name", "http"}, {"containerPort", 8080}, {"protocol", "TCP"}}}),
              pod("default", "client", "10.244.2.20", {{"app", "client"}}),
              pod("ops", "monitor", "10.244.1.30", {{"app", "monitor"}})};
    return s;
}

QStringList rulesOf(const NetworkPolicyRules &rules, const QString &chain)
{
    const IptablesChain *c = rules.chain(chain);
    return c ? c->rules : QStringList{QStringLiteral("<no chain %1>").arg(chain)};
}

QString webIngress()
{
    return podChainName(true, "default", "web");
}

}  // namespace

class NetworkPolicyRulesTest : public QObject {
    Q_OBJECT

private slots:
    void noPoliciesIsolateNothing()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({}));
        QCOMPARE(rules.chainNames(), QStringList{kNetworkPolicyChain});
        QCOMPARE(rules.chains.first().rules,
                 QStringList{"-m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment \"replies of allowed connections\" -j RETURN"});
    }

    void defaultDenyIngress()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({policy("default", "deny", R"({"podSelector": {}, "policyTypes": ["Ingress"]})")}));
        // Both pods of default are isolated, the pod of ops is not.
        QCOMPARE(rules.chainNames().size(), 3);
        const QStringList top = rulesOf(rules, kNetworkPolicyChain);
        QVERIFY(top.first().contains("ESTABLISHED"));
        QVERIFY(top.contains(QStringLiteral("-d 10.244.1.10/32 -m comment --comment \"default/web ingress\" -j ") + webIngress()));
        QVERIFY(top.contains(QStringLiteral("-d 10.244.2.20/32 -m comment --comment \"default/client ingress\" -j ") + podChainName(true, "default", "client")));
        QVERIFY(!top.join('\n').contains("10.244.1.30"));
        QCOMPARE(rulesOf(rules, webIngress()), QStringList{"-m comment --comment \"default/web ingress: no policy allows\" -j DROP"});
        // Ingress only: no egress chains.
        QVERIFY(!rules.chainNames().join(' ').contains("EGR"));
    }

    void policyTypesDefaultToIngressPlusEgressWhenEgressRulesExist()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({policy("default", "both", R"({"podSelector": {"matchLabels": {"app": "client"}}, "egress": [{}]})")}));
        QVERIFY(rules.chain(podChainName(true, "default", "client")));
        QCOMPARE(rulesOf(rules, podChainName(false, "default", "client")).first(), QStringLiteral("-m comment --comment \"default/both egress[0]\" -j RETURN"));
    }

    void allowFromPodSelector()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "deny", R"({"podSelector": {}, "policyTypes": ["Ingress"]})"),
            policy("default", "allow-client", R"({"podSelector": {"matchLabels": {"app": "web"}},
                "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "client"}}}], "ports": [{"protocol": "TCP", "port": 80}]}]})")}));
        QCOMPARE(rulesOf(rules, webIngress()),
                 (QStringList{"-s 10.244.2.20/32 -p tcp -m tcp --dport 80 -m comment --comment \"default/allow-client ingress[0]\" -j RETURN",
                              "-m comment --comment \"default/web ingress: no policy allows\" -j DROP"}));
    }

    void podSelectorPeersStayInThePolicysNamespace()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "all-pods-here", R"({"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{"from": [{"podSelector": {}}]}]})")}));
        const QStringList web = rulesOf(rules, webIngress());
        QVERIFY(web.join('\n').contains("-s 10.244.2.20/32"));
        QVERIFY(web.join('\n').contains("-s 10.244.1.10/32"));
        QVERIFY(!web.join('\n').contains("10.244.1.30"));
    }

    void namespaceSelectorAndBothInOnePeer()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "from-ops", R"({"podSelector": {"matchLabels": {"app": "web"}},
                "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"team": "ops"}}}]},
                            {"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ops"}},
                                       "podSelector": {"matchLabels": {"app": "nothing"}}}]},
                            {"from": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"app": "client"}}}]}]})")}));
        QCOMPARE(rulesOf(rules, webIngress()),
                 (QStringList{"-s 10.244.1.30/32 -m comment --comment \"default/from-ops ingress[0]\" -j RETURN",
                              // rule 1: namespace and pod selector together match no pod: nothing allowed
                              "-s 10.244.2.20/32 -m comment --comment \"default/from-ops ingress[2]\" -j RETURN",
                              "-m comment --comment \"default/web ingress: no policy allows\" -j DROP"}));
    }

    void ipBlockWithExcept()
    {
        QCOMPARE(subtractPrefixes("10.0.0.0/8", {"10.128.0.0/9"}), QStringList{"10.0.0.0/9"});
        QCOMPARE(subtractPrefixes("10.0.0.0/30", {"10.0.0.1/32"}), (QStringList{"10.0.0.0/32", "10.0.0.2/31"}));
        QCOMPARE(subtractPrefixes("10.0.0.0/24", {"192.168.0.0/16"}), QStringList{"10.0.0.0/24"});
        QCOMPARE(subtractPrefixes("10.0.0.0/24", {"10.0.0.0/16"}), QStringList{});
        QCOMPARE(subtractPrefixes("0.0.0.0/0", {"10.244.0.0/16"}).size(), 16);
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "block", R"({"podSelector": {"matchLabels": {"app": "web"}},
                "ingress": [{"from": [{"ipBlock": {"cidr": "10.244.0.0/22", "except": ["10.244.2.0/24", "10.244.3.0/24"]}}]}]})")}));
        QCOMPARE(rulesOf(rules, webIngress()),
                 (QStringList{"-s 10.244.0.0/23 -m comment --comment \"default/block ingress[0]\" -j RETURN",
                              "-m comment --comment \"default/web ingress: no policy allows\" -j DROP"}));
    }

    void namedPortsEndPortAndProtocols()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "ports", R"({"podSelector": {"matchLabels": {"app": "web"}},
                "ingress": [{"ports": [{"protocol": "TCP", "port": "http"}, {"protocol": "UDP", "port": "http"},
                                       {"protocol": "UDP", "port": 5000, "endPort": 5010}, {"protocol": "SCTP"}]}]})")}));
        // The UDP "http" port does not exist on web: it allows nothing.
        QCOMPARE(rulesOf(rules, webIngress()),
                 (QStringList{"-p tcp -m tcp --dport 8080 -m comment --comment \"default/ports ingress[0]\" -j RETURN",
                              "-p udp -m udp --dport 5000:5010 -m comment --comment \"default/ports ingress[0]\" -j RETURN",
                              "-p sctp -m comment --comment \"default/ports ingress[0]\" -j RETURN",
                              "-m comment --comment \"default/web ingress: no policy allows\" -j DROP"}));
    }

    void egressToPodsAndNamedPortsOfTheDestination()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "client-out", R"({"podSelector": {"matchLabels": {"app": "client"}}, "policyTypes": ["Egress"],
                "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"protocol": "TCP", "port": "http"}]},
                           {"to": [{"ipBlock": {"cidr": "10.244.1.0/24"}}], "ports": [{"protocol": "UDP", "port": 53}]}]})")}));
        const QString egress = podChainName(false, "default", "client");
        QVERIFY(rulesOf(rules, kNetworkPolicyChain).contains(QStringLiteral("-s 10.244.2.20/32 -m comment --comment \"default/client egress\" -j ") + egress));
        QCOMPARE(rulesOf(rules, egress),
                 (QStringList{"-d 10.244.1.10/32 -p tcp -m tcp --dport 8080 -m comment --comment \"default/client-out egress[0]\" -j RETURN",
                              "-d 10.244.1.0/24 -p udp -m udp --dport 53 -m comment --comment \"default/client-out egress[1]\" -j RETURN",
                              "-m comment --comment \"default/client egress: no policy allows\" -j DROP"}));
        QVERIFY(!rules.chain(webIngress()));
    }

    void egressDenyAllAndPoliciesOfOtherNamespaces()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("ops", "deny-out", R"({"podSelector": {}, "policyTypes": ["Egress"]})")}));
        QCOMPARE(rules.chainNames(), (QStringList{kNetworkPolicyChain, podChainName(false, "ops", "monitor")}));
        // Egress checks come before ingress ones in the top chain.
        QCOMPARE(rulesOf(rules, kNetworkPolicyChain).at(1),
                 QStringLiteral("-s 10.244.1.30/32 -m comment --comment \"ops/monitor egress\" -j ") + podChainName(false, "ops", "monitor"));
    }

    void podsWithoutTheirOwnIpAreLeftOut()
    {
        NetworkPolicyState s = state({policy("default", "deny", R"({"podSelector": {}})")});
        QJsonObject host = pod("default", "host", "172.17.0.1", {});
        QJsonObject spec = host["spec"].toObject();
        spec["hostNetwork"] = true;
        host["spec"] = spec;
        QJsonObject done = pod("default", "done", "10.244.1.99", {});
        done["status"] = QJsonObject{{"phase", "Succeeded"}, {"podIP", "10.244.1.99"}};
        s.pods << host << done << pod("default", "pending", "", {});
        QCOMPARE(compileNetworkPolicies(s).chainNames().size(), 3);  // the top chain, web and client
    }

    void badSelectorsWarnAndAllowNothingExtra()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({
            policy("default", "bad", R"({"podSelector": {"matchLabels": {"app": "web"}},
                "ingress": [{"from": [{"podSelector": {"matchExpressions": [{"key": "a", "operator": "Near"}]}}]}]})")}));
        QCOMPARE(rules.warnings.size(), 1);
        QVERIFY(rules.warnings.first().startsWith("default/bad: "));
        QCOMPARE(rulesOf(rules, webIngress()).size(), 1);  // only the DROP
    }

    void chainNamesAreShortAndStable()
    {
        const QString name = podChainName(true, "default", "web");
        QVERIFY(name.startsWith("TIMONEIRO-NP-ING-"));
        QVERIFY(name.size() <= 28);
        QCOMPARE(name, podChainName(true, "default", "web"));
        QVERIFY(name != podChainName(true, "other", "web"));
    }

    void restoreTextDeclaresFillsAndDeletesStaleChains()
    {
        const NetworkPolicyRules rules = compileNetworkPolicies(state({policy("default", "deny", R"({"podSelector": {"matchLabels": {"app": "web"}}})")}));
        const QByteArray first = networkPolicyRestoreText(rules, {}, false);
        QVERIFY(first.startsWith("*filter\n:TIMONEIRO-NETPOL - [0:0]\n"));
        QVERIFY(first.endsWith("COMMIT\n"));
        QVERIFY(first.contains("-I FORWARD 1 -i tmn-+ -m comment --comment \"timoneiro network policies\" -j TIMONEIRO-NETPOL\n"));
        QVERIFY(first.contains("-I FORWARD 2 ! -i tmn-+ -o tmn-+ "));
        QVERIFY(!first.contains("-D FORWARD"));
        const QByteArray next = networkPolicyRestoreText(rules, {"TIMONEIRO-NP-ING-OLDOLDOLD1"}, true);
        QVERIFY(next.contains(":TIMONEIRO-NP-ING-OLDOLDOLD1 - [0:0]\n"));
        QVERIFY(next.contains("-X TIMONEIRO-NP-ING-OLDOLDOLD1\n"));
        QVERIFY(next.indexOf("-D FORWARD -i tmn-+") < next.indexOf("-I FORWARD 1"));
        QCOMPARE(networkPolicyChainsIn("*nat\n:TIMONEIRO-NP-X - [0:0]\nCOMMIT\n*filter\n:FORWARD ACCEPT [0:0]\n:TIMONEIRO-NETPOL - [0:0]\n"
                                       ":TIMONEIRO-NP-EGR-ABC - [0:0]\n:TIMONEIRO-FORWARD - [0:0]\nCOMMIT\n"),
                 (QStringList{"TIMONEIRO-NETPOL", "TIMONEIRO-NP-EGR-ABC"}));
    }
};

QTEST_GUILESS_MAIN(NetworkPolicyRulesTest)
#include "test_network_policy_rules.moc"
