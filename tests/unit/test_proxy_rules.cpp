// kube-proxy's rules as text: the iptables-restore input for a given set of
// Services and EndpointSlices, the chain names hashed as Kubernetes hashes
// them, probabilities over ready endpoints only, session affinity,
// NodePort and LoadBalancer chains, REJECT without endpoints, nothing for
// headless and ExternalName, and stale chains deleted.
#include "proxy/proxy_rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::proxy;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject service(const QString &name, const QJsonObject &spec, const QJsonObject &status = {})
{
    return {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), QStringLiteral("default")}}},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"), status}};
}

QJsonObject slice(const QString &service, const QJsonArray &ports, const QList<QPair<QString, bool>> &endpoints)
{
    QJsonArray eps;
    for (const auto &e : endpoints)
        eps.append(QJsonObject{{QStringLiteral("addresses"), QJsonArray{e.first}},
                               {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("ready"), e.second}}}});
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), service + QStringLiteral("-abcde")},
                         {QStringLiteral("namespace"), QStringLiteral("default")},
                         {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/service-name"), service}}}}},
            {QStringLiteral("addressType"), QStringLiteral("IPv4")},
            {QStringLiteral("ports"), ports},
            {QStringLiteral("endpoints"), eps}};
}

QStringList rulesOf(const QStringList &rules, const QString &chain)
{
    QStringList out;
    for (const QString &r : rules) {
        if (r.startsWith(QStringLiteral("-A ") + chain + QLatin1Char(' ')))
            out << r;
    }
    return out;
}

}  // namespace

class ProxyRulesTest : public QObject {
    Q_OBJECT
private slots:
    void chainNamesHashLikeKubernetes()
    {
        // Names seen on real clusters (kubeadm, kind): the same hash must come out.
        QCOMPARE(serviceChainName("KUBE-SVC-", servicePortName("default", "kubernetes", "https"), "TCP"),
                 QStringLiteral("KUBE-SVC-NPX46M4PTMTKRN6Y"));
        QCOMPARE(serviceChainName("KUBE-SVC-", servicePortName("kube-system", "kube-dns", "dns"), "UDP"),
                 QStringLiteral("KUBE-SVC-TCOU7JCQXEZGVUNU"));
        QCOMPARE(serviceChainName("KUBE-SVC-", servicePortName("default", "nginx", ""), "TCP"), QStringLiteral("KUBE-SVC-2CMXP7HKUVJN7L6M"));
        QCOMPARE(endpointChainName("default/nginx", "TCP", "10.244.1.2:80").size(), 9 + 16);
    }

    void clusterIpSpreadsOverReadyEndpoints()
    {
        ProxyState state;
        state.services << service(QStringLiteral("web"), json(R"({"type":"ClusterIP","clusterIP":"10.96.0.20",
            "ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"}]})"));
        state.slices << slice(QStringLiteral("web"), QJsonArray{QJsonObject{{"name", "http"}, {"port", 8080}, {"protocol", "TCP"}}},
                              {{"10.244.1.2", true}, {"10.244.2.3", true}, {"10.244.1.4", true}, {"10.244.2.9", false}});
        const ProxyRules r = buildProxyRules(state);
        const QString svc = serviceChainName("KUBE-SVC-", QStringLiteral("default/web:http"), QStringLiteral("TCP"));
        QCOMPARE(r.servicePorts, 1);
        QCOMPARE(r.endpoints, 3);  // the not-ready one is out of the rotation
        QVERIFY(r.natRules.contains(QStringLiteral("-A KUBE-SERVICES -m comment --comment \"default/web:http cluster IP\" -d 10.96.0.20/32 -p tcp -m tcp --dport 80 -j ") + svc));
        const QStringList balance = rulesOf(r.natRules, svc);
        QCOMPARE(balance.size(), 3);
        QVERIFY2(balance[0].contains(QStringLiteral("-m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-")), qPrintable(balance[0]));
        QVERIFY2(balance[1].contains(QStringLiteral("--probability 0.5000000000 -j KUBE-SEP-")), qPrintable(balance[1]));
        QVERIFY(!balance[2].contains(QStringLiteral("statistic")));
        const QString sep = endpointChainName(QStringLiteral("default/web:http"), QStringLiteral("TCP"), QStringLiteral("10.244.1.2:8080"));
        QVERIFY(balance[0].endsWith(sep));  // endpoints in address order
        QCOMPARE(rulesOf(r.natRules, sep),
                 QStringList{QStringLiteral("-A %1 -m comment --comment default/web:http -p tcp -m tcp -j DNAT --to-destination 10.244.1.2:8080").arg(sep)});
        QVERIFY(!r.natRules.join(QLatin1Char('\n')).contains(QStringLiteral("10.244.2.9")));
        QVERIFY(r.filterRules.isEmpty());
        QVERIFY(r.natRules.join(QLatin1Char('\n')).indexOf(QStringLiteral("MASQUERADE")) < 0);
    }

    void nodePortLoadBalancerAndAffinity()
    {
        ProxyState state;
        state.nodes << ProxyNode{QStringLiteral("node-1"), QStringLiteral("tmn-node-1"), QStringLiteral("10.244.1.1")};
        state.services << service(QStringLiteral("lb"), json(R"({"type":"LoadBalancer","clusterIP":"10.96.0.30",
            "sessionAffinity":"ClientIP","sessionAffinityConfig":{"clientIP":{"timeoutSeconds":60}},
            "ports":[{"port":80,"targetPort":80,"nodePort":30080}]})"),
            json(R"({"loadBalancer":{"ingress":[{"ip":"10.250.0.1"}]}})"));
        state.slices << slice(QStringLiteral("lb"), QJsonArray{QJsonObject{{"name", ""}, {"port", 80}, {"protocol", "TCP"}}},
                              {{"10.244.1.2", true}, {"10.244.2.2", true}});
        const ProxyRules r = buildProxyRules(state);
        const QString ext = serviceChainName("KUBE-EXT-", QStringLiteral("default/lb"), QStringLiteral("TCP"));
        const QString svc = serviceChainName("KUBE-SVC-", QStringLiteral("default/lb"), QStringLiteral("TCP"));
        QVERIFY(r.natChains.contains(ext));
        QCOMPARE(rulesOf(r.natRules, ext), QStringList{QStringLiteral("-A %1 -m comment --comment \"default/lb external\" -j %2").arg(ext, svc)});
        QVERIFY(r.natRules.contains(QStringLiteral("-A KUBE-NODEPORTS -m comment --comment default/lb -p tcp -m tcp --dport 30080 -j ") + ext));
        QVERIFY(r.natRules.contains(QStringLiteral("-A KUBE-SERVICES -m comment --comment \"default/lb loadbalancer IP\" -d 10.250.0.1/32 -p tcp -m tcp --dport 80 -j ") + ext));
        // NodePorts on loopback and the node's address, as the last rules of KUBE-SERVICES.
        const QStringList services = rulesOf(r.natRules, QStringLiteral("KUBE-SERVICES"));
        QVERIFY(services.at(services.size() - 2).contains(QStringLiteral("-d 127.0.0.0/8 -j KUBE-NODEPORTS")));
        QVERIFY(services.last().contains(QStringLiteral("-d 10.244.1.1/32 -j KUBE-NODEPORTS")));
        // Loopback's NodePort traffic takes the bridge's gateway as source, only toward that bridge.
        QCOMPARE(rulesOf(r.natRules, QStringLiteral("KUBE-POSTROUTING")).size(), 1);
        QVERIFY(rulesOf(r.natRules, QStringLiteral("KUBE-POSTROUTING")).first().endsWith(
            QStringLiteral("-s 127.0.0.0/8 -o tmn-node-1 -m conntrack --ctstate DNAT -j SNAT --to-source 10.244.1.1")));
        // ClientIP affinity: recent checks first, then the random spread; the SEP records the client.
        const QStringList balance = rulesOf(r.natRules, svc);
        QCOMPARE(balance.size(), 4);
        QVERIFY(balance[0].contains(QStringLiteral("-m recent --name KUBE-SEP-")) && balance[0].contains(QStringLiteral("--rcheck --seconds 60 --reap")));
        QVERIFY(balance[2].contains(QStringLiteral("statistic")));
        const QString sep = endpointChainName(QStringLiteral("default/lb"), QStringLiteral("TCP"), QStringLiteral("10.244.1.2:80"));
        QVERIFY(rulesOf(r.natRules, sep).first().contains(QStringLiteral("-m recent --name %1 --set").arg(sep)));
    }

    void noEndpointsRejectHeadlessAndExternalNameNothing()
    {
        ProxyState state;
        state.services << service(QStringLiteral("empty"), json(R"({"type":"NodePort","clusterIP":"10.96.0.40",
            "ports":[{"port":80,"nodePort":30099}]})"));
        state.services << service(QStringLiteral("headless"), json(R"({"clusterIP":"None","ports":[{"port":80}]})"));
        state.services << service(QStringLiteral("ext"), json(R"({"type":"ExternalName","externalName":"example.org"})"));
        state.slices << slice(QStringLiteral("headless"), QJsonArray{QJsonObject{{"port", 80}}}, {{"10.244.1.7", true}});
        const ProxyRules r = buildProxyRules(state);
        QCOMPARE(r.servicePorts, 0);
        QCOMPARE(r.filterRules.size(), 2);
        QVERIFY(r.filterRules[0].startsWith(QStringLiteral("-A KUBE-SERVICES -m comment --comment \"default/empty has no endpoints\" -d 10.96.0.40/32 -p tcp -m tcp --dport 80 -j REJECT")));
        QVERIFY(r.filterRules[1].startsWith(QStringLiteral("-A KUBE-EXTERNAL-SERVICES")) && r.filterRules[1].contains(QStringLiteral("--dport 30099")));
        const QString all = r.natRules.join(QLatin1Char('\n'));
        QVERIFY(!all.contains(QStringLiteral("10.244.1.7")));
        QVERIFY(!all.contains(QStringLiteral("KUBE-SVC-")));
    }

    void restoreTextDeclaresAndDeletesStale()
    {
        ProxyState state;
        state.services << service(QStringLiteral("web"), json(R"({"clusterIP":"10.96.0.20","ports":[{"port":80}]})"));
        state.slices << slice(QStringLiteral("web"), QJsonArray{QJsonObject{{"port", 80}}}, {{"10.244.1.2", true}});
        const ProxyRules first = buildProxyRules(state);
        state.slices = {slice(QStringLiteral("web"), QJsonArray{QJsonObject{{"port", 80}}}, {{"10.244.1.3", true}})};
        const ProxyRules second = buildProxyRules(state);
        const QString gone = endpointChainName(QStringLiteral("default/web"), QStringLiteral("TCP"), QStringLiteral("10.244.1.2:80"));
        const QString text = QString::fromUtf8(second.restoreText(first.natChains, first.filterChains));
        QVERIFY(text.startsWith(QStringLiteral("*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-NODEPORTS - [0:0]\n:KUBE-POSTROUTING - [0:0]\n")));
        QVERIFY(text.contains(QLatin1Char(':') + gone + QStringLiteral(" - [0:0]\n")));
        QVERIFY(text.contains(QStringLiteral("-X ") + gone + QStringLiteral("\nCOMMIT\n*filter\n")));
        QVERIFY(text.endsWith(QStringLiteral(":KUBE-SERVICES - [0:0]\n:KUBE-EXTERNAL-SERVICES - [0:0]\nCOMMIT\n")));
        QCOMPARE(text.count(QStringLiteral("-X ")), 1);
        QVERIFY(isProxyChain(gone) && isProxyChain(QStringLiteral("KUBE-NODEPORTS")) && !isProxyChain(QStringLiteral("KUBE-NWPLCY-X")));
    }

    void partialSyncWritesOnlyWhatChanged()
    {
        ProxyState state;
        for (const char *name : {"a", "b"}) {
            state.services << service(QLatin1String(name), json(R"({"clusterIP":"10.96.0.20","ports":[{"port":80}]})"));
            state.slices << slice(QLatin1String(name), QJsonArray{QJsonObject{{"port", 80}}}, {{"10.244.1.2", true}});
        }
        ProxyRules::Written first, second;
        const QByteArray full = buildProxyRules(state).restoreText({}, &first);
        state.slices[1] = slice(QStringLiteral("b"), QJsonArray{QJsonObject{{"port", 80}}}, {{"10.244.1.3", true}});
        const QString text = QString::fromUtf8(buildProxyRules(state).restoreText(first, &second));
        const QString svcA = serviceChainName("KUBE-SVC-", QStringLiteral("default/a"), QStringLiteral("TCP"));
        const QString svcB = serviceChainName("KUBE-SVC-", QStringLiteral("default/b"), QStringLiteral("TCP"));
        QVERIFY(full.contains(":" + svcA.toUtf8()));
        QVERIFY2(!text.contains(QLatin1Char(':') + svcA), qPrintable(text));    // unchanged: neither flushed nor written
        QVERIFY(text.contains(QStringLiteral("-A KUBE-SERVICES")) && text.contains(QStringLiteral("-j ") + svcA));  // still jumped to
        QVERIFY(text.contains(QLatin1Char(':') + svcB + QStringLiteral(" - [0:0]")));
        QVERIFY(text.contains(QStringLiteral("-X ") + endpointChainName(QStringLiteral("default/b"), QStringLiteral("TCP"), QStringLiteral("10.244.1.2:80"))));
        QCOMPARE(second.nat.size(), first.nat.size());
    }
};

QTEST_GUILESS_MAIN(ProxyRulesTest)
#include "test_proxy_rules.moc"
