// Cluster DNS answers, asked over real loopback UDP and TCP sockets of a
// DnsServer whose resolver reads informers over the in-process API (the
// real handler chain): Service A and AAAA (NODATA), headless Services'
// ready endpoints and their hostnames, SRV with additional records,
// ExternalName CNAME, pod A, PTR, NXDOMAIN with the SOA, REFUSED outside
// cluster.local, truncation over UDP with the whole answer over TCP, and
// ClusterDns keeping the kube-dns Service and its EndpointSlice.
#include "in_process_api.h"
#include "client/informer.h"
#include "network/dns_cluster.h"
#include "network/dns_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkDatagram>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

using namespace timoneiro;
using namespace timoneiro::network;
using dns::Message;

namespace {

const api::ResourceInfo &res(const char *group, const char *plural)
{
    return api::builtinResource(QLatin1String(group), QLatin1String(plural));
}

QJsonObject parseJson(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QTest::qWait(5);
    return done();
}

QByteArray query(const QString &name, quint16 type, int edns = 0)
{
    static quint16 id = 100;
    Message q;
    q.id = ++id;
    q.recursionDesired = true;
    q.questions.append({name, type, dns::kClassIn});
    q.ednsUdpSize = edns;
    return dns::compose(q);
}

std::optional<Message> askUdp(quint16 port, const QString &name, quint16 type, int edns = 0)
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0))
        return std::nullopt;
    const QByteArray q = query(name, type, edns);
    socket.writeDatagram(q, QHostAddress::LocalHost, port);
    if (!waitFor([&] { return socket.hasPendingDatagrams(); }))
        return std::nullopt;
    const auto reply = dns::parse(socket.receiveDatagram().data());
    if (reply && reply->id != quint16(quint8(q[0]) << 8 | quint8(q[1])))
        return std::nullopt;
    return reply;
}

QList<Message> askTcp(quint16 port, const QList<QByteArray> &queries)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!waitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }))
        return {};
    for (const QByteArray &q : queries)
        socket.write(QByteArray(1, char(q.size() >> 8)) + QByteArray(1, char(q.size() & 0xFF)) + q);
    QList<Message> out;
    QByteArray buffer;
    waitFor([&] {
        buffer += socket.readAll();
        while (buffer.size() >= 2) {
            const int length = quint8(buffer[0]) << 8 | quint8(buffer[1]);
            if (buffer.size() < 2 + length)
                break;
            if (const auto m = dns::parse(buffer.mid(2, length)))
                out.append(*m);
            buffer.remove(0, 2 + length);
        }
        return out.size() == queries.size();
    });
    return out;
}

QStringList addresses(const Message &m)
{
    QStringList out;
    for (const dns::Record &r : m.answers)
        if (r.type == dns::A || r.type == dns::AAAA)
            out << r.address.toString();
    out.sort();
    return out;
}

}  // namespace

class DnsAnswersTest : public QObject {
    Q_OBJECT

    testing::InProcessApi cluster_;
    std::unique_ptr<client::Informer> services_, slices_, pods_, namespaces_;
    std::unique_ptr<DnsResolver> resolver_;
    std::unique_ptr<DnsServer> server_;
    quint16 port_ = 0;
    QString nginxIp_;

    QJsonObject create(const api::ResourceInfo &r, const QString &ns, const QJsonObject &o)
    {
        std::optional<api::Result<QJsonObject>> result;
        cluster_.client->create(r, ns, o, [&](const api::Result<QJsonObject> &x) { result = x; });
        waitFor([&] { return result.has_value(); });
        if (!result || !*result)
            qWarning() << "create failed:" << (result ? result->error().message : QStringLiteral("no answer"));
        return result && *result ? result->value() : QJsonObject();
    }

    void createPod(const QString &name, const QString &ip, const QJsonObject &extraSpec = {})
    {
        QJsonObject spec{{QStringLiteral("containers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                                                                {QStringLiteral("image"), QStringLiteral("busybox")}}}}};
        for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
            spec.insert(it.key(), it.value());
        QJsonObject pod = create(res("", "pods"), QStringLiteral("giropops"),
                                 {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Pod")},
                                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                                  {QStringLiteral("spec"), spec}});
        pod.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                                         {QStringLiteral("podIP"), ip},
                                                         {QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}}}});
        bool done = false;
        cluster_.client->updateStatus(res("", "pods"), pod, [&](const api::Result<QJsonObject> &) { done = true; });
        waitFor([&] { return done; });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(cluster_.start());
        create(res("", "namespaces"), {}, parseJson(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"giropops"}})"));
        const QJsonObject nginx = create(res("", "services"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"nginx"},"spec":{"selector":{"run":"nginx"},"ports":[{"name":"http","port":80,"protocol":"TCP"}]}})"));
        nginxIp_ = nginx.value(QStringLiteral("spec")).toObject().value(QStringLiteral("clusterIP")).toString();
        QVERIFY(!nginxIp_.isEmpty());
        create(res("", "services"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"db"},"spec":{"clusterIP":"None","ports":[{"name":"pg","port":5432}]}})"));
        create(res("", "services"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"ext"},"spec":{"type":"ExternalName","externalName":"example.com"}})"));
        create(res("", "services"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"alias"},"spec":{"type":"ExternalName","externalName":"nginx.giropops.svc.cluster.local"}})"));
        create(res("", "services"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"big"},"spec":{"clusterIP":"None","ports":[{"name":"web","port":80}]}})"));
        create(res("discovery.k8s.io", "endpointslices"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"discovery.k8s.io/v1",
            "kind":"EndpointSlice","metadata":{"name":"db-1","labels":{"kubernetes.io/service-name":"db"}},"addressType":"IPv4",
            "ports":[{"name":"pg","port":5432,"protocol":"TCP"}],
            "endpoints":[{"addresses":["10.244.1.6"],"conditions":{"ready":true},"hostname":"db-0"},
                         {"addresses":["10.244.1.7"],"conditions":{"ready":true},"targetRef":{"kind":"Pod","namespace":"giropops","name":"web-0"}},
                         {"addresses":["10.244.1.8"],"conditions":{"ready":false}}]})"));
        QJsonArray many;
        for (int i = 1; i <= 60; ++i)
            many.append(QJsonObject{{QStringLiteral("addresses"), QJsonArray{QStringLiteral("10.244.2.%1").arg(i)}}});
        QJsonObject bigSlice = parseJson(R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
            "metadata":{"name":"big-1","labels":{"kubernetes.io/service-name":"big"}},"addressType":"IPv4",
            "ports":[{"name":"web","port":80,"protocol":"TCP"}]})");
        bigSlice.insert(QStringLiteral("endpoints"), many);
        create(res("discovery.k8s.io", "endpointslices"), QStringLiteral("giropops"), bigSlice);
        createPod(QStringLiteral("web-0"), QStringLiteral("10.244.1.7"),
                  {{QStringLiteral("hostname"), QStringLiteral("web-0")}, {QStringLiteral("subdomain"), QStringLiteral("db")}});
        createPod(QStringLiteral("nginx"), QStringLiteral("10.244.1.5"));

        client::Client &c = *cluster_.client;
        services_ = std::make_unique<client::Informer>(c, res("", "services"));
        slices_ = std::make_unique<client::Informer>(c, res("discovery.k8s.io", "endpointslices"));
        pods_ = std::make_unique<client::Informer>(c, res("", "pods"));
        namespaces_ = std::make_unique<client::Informer>(c, res("", "namespaces"));
        for (auto *i : {services_.get(), slices_.get(), pods_.get(), namespaces_.get()})
            i->start();
        QTRY_VERIFY(services_->hasSynced() && slices_->hasSynced() && pods_->hasSynced() && namespaces_->hasSynced());
        resolver_ = std::make_unique<DnsResolver>(DnsSources{services_.get(), slices_.get(), pods_.get(), namespaces_.get()});
        server_ = std::make_unique<DnsServer>(*resolver_);
        QString error;
        port_ = server_->listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port_ != 0, qPrintable(error));
    }

    void serviceA()
    {
        const auto m = askUdp(port_, QStringLiteral("nginx.giropops.svc.cluster.local"), dns::A);
        QVERIFY(m);
        QVERIFY(m->response && m->authoritative && !m->truncated);
        QCOMPARE(m->rcode, quint8(dns::NoError));
        QCOMPARE(addresses(*m), QStringList{nginxIp_});
        QCOMPARE(m->answers[0].ttl, quint32(5));
        // kubernetes.default through the search path's last candidate, and any spelling.
        QCOMPARE(addresses(*askUdp(port_, QStringLiteral("kubernetes.default.svc.cluster.local"), dns::A)), QStringList{"10.96.0.1"});
        const auto upper = askUdp(port_, QStringLiteral("NGINX.Giropops.SVC.cluster.local"), dns::A);
        QCOMPARE(addresses(*upper), QStringList{nginxIp_});
        QCOMPARE(upper->answers[0].name, QStringLiteral("NGINX.Giropops.SVC.cluster.local"));
    }

    void noDataAndNxDomainCarryTheSoa()
    {
        const auto aaaa = askUdp(port_, QStringLiteral("nginx.giropops.svc.cluster.local"), dns::AAAA);
        QCOMPARE(aaaa->rcode, quint8(dns::NoError));
        QVERIFY(aaaa->answers.isEmpty());
        QCOMPARE(aaaa->authority.size(), 1);
        QCOMPARE(aaaa->authority[0].type, quint16(dns::SOA));
        QCOMPARE(aaaa->authority[0].name, QStringLiteral("cluster.local"));
        QCOMPARE(aaaa->authority[0].soa.mname, QStringLiteral("ns.dns.cluster.local"));
        for (const char *name : {"nothing.giropops.svc.cluster.local", "nginx.nowhere.svc.cluster.local", "kubernetes.default.default.svc.cluster.local",
                                 "a.b.c.d.e.f.svc.cluster.local", "whatever.cluster.local", "10-244-1-5.nowhere.pod.cluster.local"}) {
            const auto m = askUdp(port_, QLatin1String(name), dns::A);
            QVERIFY2(m && m->rcode == dns::NXDomain, name);
            QVERIFY(m->authoritative);
            QCOMPARE(m->authority.size(), 1);
            QCOMPARE(m->authority[0].type, quint16(dns::SOA));
        }
        // Names that exist without records: NOERROR.
        for (const char *name : {"giropops.svc.cluster.local", "svc.cluster.local", "cluster.local"})
            QCOMPARE(askUdp(port_, QLatin1String(name), dns::A)->rcode, quint8(dns::NoError));
        const auto soa = askUdp(port_, QStringLiteral("cluster.local"), dns::SOA);
        QCOMPARE(soa->answers.size(), 1);
        QCOMPARE(soa->answers[0].type, quint16(dns::SOA));
    }

    void outsideTheZoneIsRefused()
    {
        for (const char *name : {"example.com", "kubernetes.default", "cluster.local.example.com"}) {
            const auto m = askUdp(port_, QLatin1String(name), dns::A);
            QVERIFY2(m && m->rcode == dns::Refused, name);
            QVERIFY(m->answers.isEmpty());
        }
    }

    void headlessServices()
    {
        const auto db = askUdp(port_, QStringLiteral("db.giropops.svc.cluster.local"), dns::A);
        QCOMPARE(db->rcode, quint8(dns::NoError));
        QCOMPARE(addresses(*db), (QStringList{"10.244.1.6", "10.244.1.7"}));  // 10.244.1.8 is not ready
        QCOMPARE(addresses(*askUdp(port_, QStringLiteral("db-0.db.giropops.svc.cluster.local"), dns::A)), QStringList{"10.244.1.6"});
        // The pod's hostname when its subdomain is the Service, as the EndpointSlice controller would set it.
        QCOMPARE(addresses(*askUdp(port_, QStringLiteral("web-0.db.giropops.svc.cluster.local"), dns::A)), QStringList{"10.244.1.7"});
        QCOMPARE(addresses(*askUdp(port_, QStringLiteral("10-244-2-7.big.giropops.svc.cluster.local"), dns::A)), QStringList{"10.244.2.7"});
        QCOMPARE(askUdp(port_, QStringLiteral("db-9.db.giropops.svc.cluster.local"), dns::A)->rcode, quint8(dns::NXDomain));
    }

    void srvRecords()
    {
        const auto http = askUdp(port_, QStringLiteral("_http._tcp.nginx.giropops.svc.cluster.local"), dns::SRV);
        QCOMPARE(http->rcode, quint8(dns::NoError));
        QCOMPARE(http->answers.size(), 1);
        QCOMPARE(http->answers[0].srv.port, quint16(80));
        QCOMPARE(http->answers[0].srv.weight, quint16(100));
        QCOMPARE(http->answers[0].srv.target, QStringLiteral("nginx.giropops.svc.cluster.local"));
        QCOMPARE(http->additional.size(), 1);
        QCOMPARE(http->additional[0].address.toString(), nginxIp_);
        const auto pg = askUdp(port_, QStringLiteral("_pg._tcp.db.giropops.svc.cluster.local"), dns::SRV);
        QCOMPARE(pg->answers.size(), 2);
        QStringList targets;
        for (const dns::Record &r : pg->answers) {
            QCOMPARE(r.srv.weight, quint16(50));
            QCOMPARE(r.srv.port, quint16(5432));
            targets << r.srv.target;
        }
        targets.sort();
        QCOMPARE(targets, (QStringList{"db-0.db.giropops.svc.cluster.local", "web-0.db.giropops.svc.cluster.local"}));
        QCOMPARE(pg->additional.size(), 2);
        QCOMPARE(askUdp(port_, QStringLiteral("_http._udp.nginx.giropops.svc.cluster.local"), dns::SRV)->rcode, quint8(dns::NXDomain));
        QCOMPARE(askUdp(port_, QStringLiteral("nginx.giropops.svc.cluster.local"), dns::SRV)->answers.size(), 1);
    }

    void externalNameIsACname()
    {
        const auto ext = askUdp(port_, QStringLiteral("ext.giropops.svc.cluster.local"), dns::A);
        QCOMPARE(ext->rcode, quint8(dns::NoError));
        QCOMPARE(ext->answers.size(), 1);
        QCOMPARE(ext->answers[0].type, quint16(dns::CNAME));
        QCOMPARE(ext->answers[0].target, QStringLiteral("example.com"));
        // Into the zone: followed.
        const auto alias = askUdp(port_, QStringLiteral("alias.giropops.svc.cluster.local"), dns::A);
        QCOMPARE(alias->answers.size(), 2);
        QCOMPARE(alias->answers[0].target, QStringLiteral("nginx.giropops.svc.cluster.local"));
        QCOMPARE(alias->answers[1].name, QStringLiteral("nginx.giropops.svc.cluster.local"));
        QCOMPARE(alias->answers[1].address.toString(), nginxIp_);
    }

    void podRecords()
    {
        const auto pod = askUdp(port_, QStringLiteral("10-244-1-5.giropops.pod.cluster.local"), dns::A);
        QCOMPARE(pod->rcode, quint8(dns::NoError));
        QCOMPARE(addresses(*pod), QStringList{"10.244.1.5"});
        QCOMPARE(askUdp(port_, QStringLiteral("10-244-1.giropops.pod.cluster.local"), dns::A)->rcode, quint8(dns::NXDomain));
    }

    void reversePointers()
    {
        auto ptr = [this](const QString &ip) {
            const auto m = askUdp(port_, dns::reverseName(QHostAddress(ip)), dns::PTR);
            return m && !m->answers.isEmpty() ? m->answers[0].target : QString::number(m ? m->rcode : -1);
        };
        QCOMPARE(ptr(nginxIp_), QStringLiteral("nginx.giropops.svc.cluster.local"));
        QCOMPARE(ptr(QStringLiteral("10.96.0.1")), QStringLiteral("kubernetes.default.svc.cluster.local"));
        QCOMPARE(ptr(QStringLiteral("10.244.1.6")), QStringLiteral("db-0.db.giropops.svc.cluster.local"));
        QCOMPARE(ptr(QStringLiteral("10.244.1.5")), QStringLiteral("10-244-1-5.giropops.pod.cluster.local"));
        QCOMPARE(ptr(QStringLiteral("10.244.9.9")), QString::number(dns::NXDomain));
    }

    void truncatedOverUdpWholeOverTcp()
    {
        const auto udp = askUdp(port_, QStringLiteral("big.giropops.svc.cluster.local"), dns::A);
        QVERIFY(udp->truncated);
        QVERIFY(udp->answers.size() < 60);
        QVERIFY(!udp->answers.isEmpty());
        // EDNS0 offers room: no truncation.
        const auto edns = askUdp(port_, QStringLiteral("big.giropops.svc.cluster.local"), dns::A, 4096);
        QVERIFY(!edns->truncated);
        QCOMPARE(edns->answers.size(), 60);
        QCOMPARE(edns->ednsUdpSize, dns::kMaxUdpSize);
        // TCP: whole, and several queries on one connection.
        const auto tcp = askTcp(port_, {query(QStringLiteral("big.giropops.svc.cluster.local"), dns::A),
                                        query(QStringLiteral("nginx.giropops.svc.cluster.local"), dns::A)});
        QCOMPARE(tcp.size(), 2);
        QVERIFY(!tcp[0].truncated);
        QCOMPARE(tcp[0].answers.size(), 60);
        QCOMPARE(addresses(tcp[1]), QStringList{nginxIp_});
    }

    void malformedQueryGetsFormErr()
    {
        QUdpSocket socket;
        QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
        socket.writeDatagram(QByteArray::fromHex("abcd01000001000000000000c00c00010001"), QHostAddress::LocalHost, port_);
        QVERIFY(waitFor([&] { return socket.hasPendingDatagrams(); }));
        const QByteArray reply = socket.receiveDatagram().data();
        QVERIFY(reply.size() >= 12);
        QCOMPARE(quint8(reply[0]), quint8(0xab));
        QCOMPARE(reply[3] & 0xF, int(dns::FormErr));
    }

    void followsTheApi()
    {
        create(res("", "services"), QStringLiteral("giropops"), parseJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"late"},"spec":{"ports":[{"port":8080}]}})"));
        QTRY_COMPARE(askUdp(port_, QStringLiteral("late.giropops.svc.cluster.local"), dns::A)->rcode, quint8(dns::NoError));
    }

    void clusterDnsKeepsKubeDns()
    {
        ClusterDnsConfig config;
        config.nodes = {QStringLiteral("node-1")};
        config.port = 0;         // a free port on the node's gateway: never the real 53 in a test
        config.loopbackPort = 0;
        ClusterDns clusterDns(*cluster_.api, config);
        clusterDns.start();
        QVERIFY(clusterDns.loopbackPort() != 0);
        client::Informer services(*cluster_.client, res("", "services"), QStringLiteral("kube-system"));
        client::Informer slices(*cluster_.client, res("discovery.k8s.io", "endpointslices"), QStringLiteral("kube-system"));
        services.start();
        slices.start();
        QTRY_VERIFY(services.get(QStringLiteral("kube-system/kube-dns")).has_value());
        const QJsonObject spec = services.get(QStringLiteral("kube-system/kube-dns"))->value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("clusterIP")).toString(), QStringLiteral("10.96.0.10"));
        QCOMPARE(spec.value(QStringLiteral("ports")).toArray().size(), 2);
        QVERIFY(spec.value(QStringLiteral("selector")).toObject().isEmpty());
        QCOMPARE(addresses(*askUdp(clusterDns.loopbackPort(), QStringLiteral("kube-dns.kube-system.svc.cluster.local"), dns::A)),
                 QStringList{"10.96.0.10"});
        // A node with its podCIDR: a listener on its gateway, named in the EndpointSlice.
        create(res("", "nodes"), {}, parseJson(R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1"},
            "spec":{"podCIDR":"10.244.77.0/24","podCIDRs":["10.244.77.0/24"]}})"));
        QTRY_COMPARE(clusterDns.nodeAddresses(), QStringList{"10.244.77.1"});
        QTRY_VERIFY(slices.get(QStringLiteral("kube-system/kube-dns")).has_value()
                    && slices.get(QStringLiteral("kube-system/kube-dns"))->value(QStringLiteral("endpoints")).toArray().size() == 1);
        const QJsonObject slice = *slices.get(QStringLiteral("kube-system/kube-dns"));
        QCOMPARE(slice.value(QStringLiteral("endpoints")).toArray()[0].toObject().value(QStringLiteral("addresses")).toArray()[0].toString(),
                 QStringLiteral("10.244.77.1"));
        QCOMPARE(slice.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject()
                     .value(QStringLiteral("endpointslice.kubernetes.io/managed-by")).toString(),
                 QStringLiteral("cluster-dns.timoneiro.io"));
        clusterDns.stop();
        QCOMPARE(clusterDns.nodeAddresses(), QStringList());
    }
};

QTEST_GUILESS_MAIN(DnsAnswersTest)
#include "test_network_dns_answers.moc"
