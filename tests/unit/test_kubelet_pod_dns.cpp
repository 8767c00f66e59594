// A pod's DNS as the kubelet builds CRI's DNSConfig: ClusterFirst's
// nameserver, search path and ndots:5; hostNetwork pods on the node's
// resolv.conf unless ClusterFirstWithHostNet; Default; None; dnsConfig's
// nameservers, searches and options merged; the fall back to Default
// without clusterDNS; the kubelet's limits.
#include "kubelet/pod_dns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro::kubelet;

namespace {

QJsonObject pod(const char *specJson)
{
    QJsonObject spec = QJsonDocument::fromJson(specJson).object();
    return {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("p")}, {QStringLiteral("namespace"), QStringLiteral("giropops")}}},
            {QStringLiteral("spec"), spec}};
}

QStringList list(const google::protobuf::RepeatedPtrField<std::string> &field)
{
    QStringList out;
    for (const auto &s : field)
        out << QString::fromStdString(s);
    return out;
}

}  // namespace

class PodDnsTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    PodDnsSettings settings_;

private slots:
    void initTestCase()
    {
        QFile host(dir_.filePath(QStringLiteral("resolv.conf")));
        QVERIFY(host.open(QIODevice::WriteOnly));
        host.write("# the node's\nnameserver 192.0.2.53\nnameserver 192.0.2.54 # second\nsearch lab.example\noptions edns0 timeout:2\n");
        host.close();
        settings_.clusterDns = {QStringLiteral("10.96.0.10")};
        settings_.resolvConf = host.fileName();
    }

    void clusterFirst()
    {
        const auto dns = podDnsConfig(pod(R"({"dnsPolicy":"ClusterFirst"})"), settings_);
        QCOMPARE(list(dns.servers()), QStringList{"10.96.0.10"});
        QCOMPARE(list(dns.searches()),
                 (QStringList{"giropops.svc.cluster.local", "svc.cluster.local", "cluster.local", "lab.example"}));
        QCOMPARE(list(dns.options()), QStringList{"ndots:5"});
        QCOMPARE(resolvConfText(dns), QByteArray("nameserver 10.96.0.10\nsearch giropops.svc.cluster.local svc.cluster.local cluster.local "
                                                 "lab.example\noptions ndots:5\n"));
        // No policy is ClusterFirst (the API defaults it; the kubelet does too).
        QCOMPARE(list(podDnsConfig(pod("{}"), settings_).servers()), QStringList{"10.96.0.10"});
    }

    void hostNetworkAndDefault()
    {
        const auto host = podDnsConfig(pod(R"({"dnsPolicy":"ClusterFirst","hostNetwork":true})"), settings_);
        QCOMPARE(list(host.servers()), (QStringList{"192.0.2.53", "192.0.2.54"}));
        QCOMPARE(list(host.searches()), QStringList{"lab.example"});
        QCOMPARE(list(host.options()), (QStringList{"edns0", "timeout:2"}));
        const auto withHostNet = podDnsConfig(pod(R"({"dnsPolicy":"ClusterFirstWithHostNet","hostNetwork":true})"), settings_);
        QCOMPARE(list(withHostNet.servers()), QStringList{"10.96.0.10"});
        const auto def = podDnsConfig(pod(R"({"dnsPolicy":"Default"})"), settings_);
        QCOMPARE(list(def.servers()), (QStringList{"192.0.2.53", "192.0.2.54"}));
    }

    void noneAndDnsConfig()
    {
        const auto none = podDnsConfig(pod(R"({"dnsPolicy":"None","dnsConfig":{"nameservers":["10.0.0.53"],"searches":["a.example"],
                                                "options":[{"name":"ndots","value":"2"},{"name":"edns0"}]}})"),
                                       settings_);
        QCOMPARE(list(none.servers()), QStringList{"10.0.0.53"});
        QCOMPARE(list(none.searches()), QStringList{"a.example"});
        QCOMPARE(list(none.options()), (QStringList{"ndots:2", "edns0"}));
        // Merged into ClusterFirst: appended, duplicates dropped, an option of the same name replaced.
        const auto merged = podDnsConfig(pod(R"({"dnsConfig":{"nameservers":["10.96.0.10","10.0.0.53"],"searches":["svc.cluster.local","b.example"],
                                                 "options":[{"name":"ndots","value":"1"},{"name":"single-request-reopen"}]}})"),
                                         settings_);
        QCOMPARE(list(merged.servers()), (QStringList{"10.96.0.10", "10.0.0.53"}));
        QCOMPARE(list(merged.searches()).last(), QStringLiteral("b.example"));
        QCOMPARE(list(merged.searches()).count(QStringLiteral("svc.cluster.local")), 1);
        QCOMPARE(list(merged.options()), (QStringList{"ndots:1", "single-request-reopen"}));
        // At most three nameservers.
        const auto many = podDnsConfig(pod(R"({"dnsPolicy":"None","dnsConfig":{"nameservers":["1.0.0.1","1.0.0.2","1.0.0.3","1.0.0.4"]}})"),
                                       settings_);
        QCOMPARE(many.servers_size(), 3);
    }

    void withoutClusterDnsFallsBackToDefault()
    {
        PodDnsSettings bare = settings_;
        bare.clusterDns.clear();
        QString warning;
        const auto dns = podDnsConfig(pod(R"({"dnsPolicy":"ClusterFirst"})"), bare, &warning);
        QCOMPARE(list(dns.servers()), (QStringList{"192.0.2.53", "192.0.2.54"}));
        QVERIFY(warning.contains(QLatin1String("Falling back to \"Default\" policy")));
    }

    void parsesResolvConf()
    {
        const ResolvConf conf = parseResolvConf("domain old.example\nsearch a.example b.example\n; comment\nnameserver 10.0.0.1\n"
                                                "nameserver 10.0.0.1\noptions ndots:3\n");
        QCOMPARE(conf.servers, QStringList{"10.0.0.1"});
        QCOMPARE(conf.searches, (QStringList{"a.example", "b.example"}));
        QCOMPARE(conf.options, QStringList{"ndots:3"});
    }
};

QTEST_APPLESS_MAIN(PodDnsTest)
#include "test_kubelet_pod_dns.moc"
