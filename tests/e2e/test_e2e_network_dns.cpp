// Cluster DNS on a real timoneirod --nodes 1 with the real kubectl: the
// kube-dns Service (10.96.0.10) and its EndpointSlice name the node's
// gateway, where timoneirod answers over UDP and TCP; a busybox pod's
// /etc/resolv.conf has ClusterFirst's nameserver, search path and ndots:5;
// inside a pod, nslookup resolves kubernetes (by the search path) and the
// course notes' nginx.giropops.svc.cluster.local (after `kubectl expose pod
// nginx`), asking the gateway and, through kube-proxy's rules for
// 10.96.0.10:53, resolv.conf's nameserver (and `nslookup nginx` in giropops). Needs root and containerd; skipped otherwise.
#include "e2e_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <unistd.h>

using namespace timoneiro::testing;

namespace {

// A DNS query for name's A record, as bytes: id 0x7a7a, RD.
QByteArray aQuery(const QString &name)
{
    QByteArray q = QByteArray::fromHex("7a7a01000001000000000000");
    for (const QString &label : name.split(QLatin1Char('.')))
        q += char(label.size()) + label.toLatin1();
    q += QByteArray::fromHex("0000010001");
    return q;
}

// The last four bytes of a one-answer A response are its address.
QString answerAddress(const QByteArray &reply)
{
    if (reply.size() < 16 || (reply[3] & 0xF) != 0 || reply[7] == 0)
        return {};
    const QByteArray a = reply.right(4);
    return QStringLiteral("%1.%2.%3.%4").arg(quint8(a[0])).arg(quint8(a[1])).arg(quint8(a[2])).arg(quint8(a[3]));
}

const char *kPods =
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: resolv}\n"
    "spec:\n"
    "  restartPolicy: Never\n"
    "  containers:\n"
    "  - name: cat\n"
    "    image: busybox\n"
    "    command: [\"cat\", \"/etc/resolv.conf\"]\n";

}  // namespace

class NetworkDnsE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

    QString gateway_;
    QString nginxIp_;

    QString phase(const QString &pod, const QString &ns = QStringLiteral("default"))
    {
        return json({QStringLiteral("get"), QStringLiteral("pod"), pod, QStringLiteral("-n"), ns})
            .value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    }
    // Runs a busybox pod with this shell script to its end; its log.
    QString runToEnd(const QString &name, const QString &script, const QString &ns = QStringLiteral("default"))
    {
        QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Pod")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
                        {QStringLiteral("spec"),
                         QJsonObject{{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                                     {QStringLiteral("containers"),
                                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("sh")},
                                                             {QStringLiteral("image"), QStringLiteral("busybox")},
                                                             {QStringLiteral("command"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), script}}}}}}}};
        const CommandResult created = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, QJsonDocument(pod).toJson());
        if (created.exitCode != 0)
            return QStringLiteral("apply failed: ") + created.err;
        eventually([&] {
            const QString p = phase(name, ns);
            return p == QLatin1String("Succeeded") || p == QLatin1String("Failed");
        }, 90000);
        return k({QStringLiteral("logs"), name, QStringLiteral("-n"), ns}).out;
    }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "ctr", "runc", "ip"}, {QStringLiteral("node-1")}); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("1")}), qPrintable(server_->log()));
        QVERIFY2(eventually([&] {
            const QJsonObject node = json({QStringLiteral("get"), QStringLiteral("node"), QStringLiteral("node-1")});
            for (const QJsonValue &c : node[QStringLiteral("status")][QStringLiteral("conditions")].toArray())
                if (c[QStringLiteral("type")] == QStringLiteral("Ready") && c[QStringLiteral("status")] == QStringLiteral("True")) {
                    const QString cidr = node[QStringLiteral("spec")][QStringLiteral("podCIDR")].toString();
                    const QStringList o = cidr.section(QLatin1Char('/'), 0, 0).split(QLatin1Char('.'));
                    gateway_ = QStringLiteral("%1.%2.%3.%4").arg(o[0], o[1], o[2]).arg(o[3].toInt() + 1);
                    return true;
                }
            return false;
        }, 120000), qPrintable(server_->log()));
    }

    void cleanupTestCase()
    {
        if (!server_)
            return;  // skipped: nothing of ours to check
        QCOMPARE(server_->stop(), 0);
        server_.reset();
        QVERIFY(!linkExists(QStringLiteral("tmn-node-1")));
    }

    void kubeDnsServiceNamesTheGateway()
    {
        const QJsonObject svc = json({QStringLiteral("get"), QStringLiteral("service"), QStringLiteral("kube-dns"), QStringLiteral("-n"),
                                      QStringLiteral("kube-system")});
        QCOMPARE(svc[QStringLiteral("spec")][QStringLiteral("clusterIP")].toString(), QStringLiteral("10.96.0.10"));
        QJsonArray endpoints;
        QVERIFY2(eventually([&] {
            const QJsonArray slices = json({QStringLiteral("get"), QStringLiteral("endpointslices"), QStringLiteral("-n"), QStringLiteral("kube-system"),
                                            QStringLiteral("-l"), QStringLiteral("kubernetes.io/service-name=kube-dns")})
                                          .value(QStringLiteral("items")).toArray();
            endpoints = slices.isEmpty() ? QJsonArray() : slices[0][QStringLiteral("endpoints")].toArray();
            return endpoints.size() == 1;
        }, 30000), qPrintable(server_->log()));
        QCOMPARE(endpoints[0][QStringLiteral("addresses")][0].toString(), gateway_);
        QCOMPARE(endpoints[0][QStringLiteral("nodeName")].toString(), QStringLiteral("node-1"));
    }

    void gatewayAnswersOverUdpAndTcp()
    {
        // Straight from the host to the node's bridge gateway (an address of this machine).
        QUdpSocket udp;
        QVERIFY(udp.bind(QHostAddress(gateway_), 0));
        udp.writeDatagram(aQuery(QStringLiteral("kubernetes.default.svc.cluster.local")), QHostAddress(gateway_), 53);
        QVERIFY(udp.waitForReadyRead(5000));
        QCOMPARE(answerAddress(udp.receiveDatagram().data()), QStringLiteral("10.96.0.1"));
        QTcpSocket tcp;
        tcp.connectToHost(QHostAddress(gateway_), 53);
        QVERIFY(tcp.waitForConnected(5000));
        const QByteArray q = aQuery(QStringLiteral("kube-dns.kube-system.svc.cluster.local"));
        tcp.write(QByteArray(1, char(q.size() >> 8)) + QByteArray(1, char(q.size() & 0xFF)) + q);
        QByteArray reply;
        QVERIFY(eventually([&] {
            tcp.waitForReadyRead(250);
            reply += tcp.readAll();
            return reply.size() >= 2 && reply.size() >= 2 + (quint8(reply[0]) << 8 | quint8(reply[1]));
        }, 5000));
        QCOMPARE(answerAddress(reply.mid(2)), QStringLiteral("10.96.0.10"));
    }

    void podResolvConfIsClusterFirst()
    {
        QVERIFY(k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kPods).exitCode == 0);
        QVERIFY2(eventually([&] { return phase(QStringLiteral("resolv")) == QLatin1String("Succeeded"); }, 90000), qPrintable(server_->log()));
        const QString conf = k({QStringLiteral("logs"), QStringLiteral("resolv")}).out;
        QVERIFY2(conf.contains(QLatin1String("nameserver 10.96.0.10\n")), qPrintable(conf));
        QVERIFY2(conf.contains(QLatin1String("search default.svc.cluster.local svc.cluster.local cluster.local")), qPrintable(conf));
        QVERIFY2(conf.contains(QLatin1String("options ndots:5")), qPrintable(conf));
    }

    void nslookupInAPodThroughTheGateway()
    {
        const CommandResult created = k({QStringLiteral("create"), QStringLiteral("-f"),
                                         QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const CommandResult exposed = k({QStringLiteral("expose"), QStringLiteral("pod"), QStringLiteral("nginx"), QStringLiteral("--port=80"),
                                         QStringLiteral("-n"), QStringLiteral("giropops")});
        QVERIFY2(exposed.exitCode == 0, qPrintable(exposed.err));
        nginxIp_ = json({QStringLiteral("get"), QStringLiteral("service"), QStringLiteral("nginx"), QStringLiteral("-n"), QStringLiteral("giropops")})
                       [QStringLiteral("spec")][QStringLiteral("clusterIP")].toString();
        QVERIFY(nginxIp_.startsWith(QLatin1String("10.")));
        // Named servers: busybox's nslookup then reads no search path, so full names.
        const QString log = runToEnd(QStringLiteral("lookup-gateway"),
                                     QStringLiteral("nslookup kubernetes.default.svc.cluster.local %1; "
                                                    "nslookup nginx.giropops.svc.cluster.local %1").arg(gateway_));
        QVERIFY2(log.contains(QLatin1String("Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("Name:\tnginx.giropops.svc.cluster.local\nAddress: ") + nginxIp_), qPrintable(log));
    }

    void nslookupInAPodThroughKubeDns()
    {
        // The pod asks resolv.conf's 10.96.0.10, which only kube-proxy's rules take to the gateway.
        QVERIFY2(eventually([] {
            QProcess iptables;
            iptables.start(QStringLiteral("iptables"), {QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("nat"), QStringLiteral("-S")});
            iptables.waitForFinished(10000);
            return iptables.readAllStandardOutput().contains("10.96.0.10/32");
        }, 20000), "kube-proxy wrote no rule for kube-dns's 10.96.0.10");
        // resolv.conf's nameserver and search path: busybox's nslookup searches names without a dot
        // (kubernetes.default it asks as is, and a real cluster's DNS says NXDOMAIN to that too).
        const QString log = runToEnd(QStringLiteral("lookup-cluster"),
                                     QStringLiteral("nslookup kubernetes; nslookup nginx.giropops.svc.cluster.local"));
        QVERIFY2(log.contains(QLatin1String("Server:\t\t10.96.0.10")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("Name:\tnginx.giropops.svc.cluster.local\nAddress: ") + nginxIp_), qPrintable(log));
        // In the Service's own namespace the short name finds it (the first search domain).
        const QString local = runToEnd(QStringLiteral("lookup-short"), QStringLiteral("nslookup nginx"), QStringLiteral("giropops"));
        QVERIFY2(local.contains(QStringLiteral("Name:\tnginx.giropops.svc.cluster.local\nAddress: ") + nginxIp_), qPrintable(local));
    }
};

QTEST_GUILESS_MAIN(NetworkDnsE2E)
#include "test_e2e_network_dns.moc"
