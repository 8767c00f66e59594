// The pod network and Services with real packets, on a real timoneirod
// --nodes 2 driven by the real kubectl: the host reaches a pod on each
// node; a pod reaches a pod on the other node with its own address as
// source (no NAT); a ClusterIP Service spreads over 3 replicas from the
// host and from a pod; sessionAffinity ClientIP sticks; NodePort answers on 127.0.0.1 and on the node
// addresses; a LoadBalancer Service gets an EXTERNAL-IP that answers; a
// pod whose readiness probe fails leaves the rotation; after SIGTERM no
// KUBE-* or TIMONEIRO-* chain and no tmn-* device is left.
// Needs root, containerd, the CNI plugins, iptables and kubectl; skipped otherwise.
#include "e2e_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <functional>
#include <unistd.h>

using namespace timoneiro::testing;

namespace {

// One HTTP/1.0 GET from this process; the body, or empty on any failure (bounded: 3 s).
QString httpGet(const QString &host, int port, const QString &path = QStringLiteral("/"))
{
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    if (!socket.waitForConnected(2000))
        return {};
    socket.write(QStringLiteral("GET %1 HTTP/1.0\r\nHost: %2\r\n\r\n").arg(path, host).toUtf8());
    QByteArray response;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 3000 && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(200);
        response += socket.readAll();
    }
    response += socket.readAll();
    // busybox httpd ends a CGI's headers as the script does ("\n\n").
    const int crlf = response.indexOf("\r\n\r\n");
    const int lf = response.indexOf("\n\n");
    const int body = crlf > 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf > 0 ? lf + 2 : -1;
    return response.startsWith("HTTP/1.") && response.left(16).contains(" 200 ") && body > 0 ? QString::fromUtf8(response.mid(body)).trimmed()
                                                                                           : QString();
}

QString retryGet(const QString &host, int port, const QString &path = QStringLiteral("/"))
{
    QString body;
    eventually([&] { return !(body = httpGet(host, port, path)).isEmpty(); }, 15000);
    return body;
}

// The answers of n requests (the backends' hostnames).
QSet<QString> backends(const QString &host, int port, int n)
{
    QSet<QString> names;
    for (int i = 0; i < n; ++i) {
        const QString body = httpGet(host, port);
        if (!body.isEmpty())
            names.insert(body);
    }
    return names;
}

QByteArray tool(const char *program, const QStringList &args)
{
    return toolOutput(QLatin1String(program), args, 20000);
}

// Every tmn-* device and every KUBE-*/TIMONEIRO-* chain on the machine.
QStringList clusterLeftovers()
{
    QStringList left = tmnDevices();
    for (const QByteArray &line : clusterChainLines(20000))
        left << QString::fromUtf8(line);
    return left;
}

// Whether a timoneirod with containerd nodes runs (this test's is stopped when asked).
bool anotherClusterRuns()
{
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!entry.toInt() || !cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (!args.isEmpty() && args.first().endsWith("timoneirod") && args.contains("--nodes") && !args.contains("0"))
            return true;
    }
    return false;
}

// A busybox httpd on 8080 serving its hostname (the pod's name), its
// client's address at /cgi-bin/ip and, at /cgi-bin/sick, removing the
// file its readiness probe reads.
const char *kServer = R"(    image: busybox
    command: ["sh", "-c"]
    args:
    - |
      mkdir -p /www/cgi-bin
      hostname > /www/index.html
      touch /www/ready
      printf '#!/bin/sh\necho Content-Type: text/plain\necho\necho "$REMOTE_ADDR"\n' > /www/cgi-bin/ip
      printf '#!/bin/sh\nrm -f /www/ready\necho Content-Type: text/plain\necho\necho sick\n' > /www/cgi-bin/sick
      chmod +x /www/cgi-bin/ip /www/cgi-bin/sick
      exec httpd -f -p 8080 -h /www
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
      periodSeconds: 1
      failureThreshold: 1
)";

QByteArray pinnedPod(const QString &name, const QString &node)
{
    return QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata: {name: %1, labels: {role: server}}\nspec:\n  nodeName: %2\n"
                          "  terminationGracePeriodSeconds: 1\n  containers:\n  - name: web\n%3---\n")
        .arg(name, node, QLatin1String(kServer)).toUtf8();
}

QByteArray clientPod(const QString &name, const QString &node, const QString &script)
{
    return QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata: {name: %1}\nspec:\n  nodeName: %2\n  terminationGracePeriodSeconds: 1\n"
                          "  containers:\n  - name: client\n    image: busybox\n    command: [\"sh\", \"-c\", \"%3\"]\n")
        .arg(name, node, script).toUtf8();
}

// "1 2 ... 30" (no $(...) in a pod's command: the kubelet would expand it).
QString oneToThirty()
{
    QStringList n;
    for (int i = 1; i <= 30; ++i)
        n << QString::number(i);
    return n.join(QLatin1Char(' '));
}

}  // namespace

class NetworkServicesE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    QString clusterIp_;

    QJsonObject pod(const QString &name) { return json({QStringLiteral("get"), QStringLiteral("pod"), name}); }
    static QString podIp(const QJsonObject &pod) { return pod[QStringLiteral("status")][QStringLiteral("podIP")].toString(); }
    static bool ready(const QJsonObject &pod) { return condition(pod, QStringLiteral("Ready"))[QStringLiteral("status")] == QStringLiteral("True"); }
    QString readyPodIp(const QString &name)
    {
        QJsonObject p;
        eventually([&] { return ready(p = pod(name)) && !podIp(p).isEmpty(); }, 60000);
        return ready(p) ? podIp(p) : QString();
    }
    QString logsOf(const QString &name)
    {
        return k({QStringLiteral("logs"), name}).out;
    }
    // Kills by PID whatever of this cluster is left (a failed check, a killed daemon).
    void sweep()
    {
        if (!server_)
            return;
        server_->stop();
        server_.reset();
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root (containerd, bridges, iptables)");
        for (const char *t : {"containerd", "runc", "ip", "iptables-save", "iptables-restore"}) {
            if (QStandardPaths::findExecutable(QLatin1String(t)).isEmpty()
                && QStandardPaths::findExecutable(QLatin1String(t), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed").arg(QLatin1String(t))));
        }
        if (!QFile::exists(QStringLiteral("/usr/lib/cni/bridge")) || Kubectl::path().isEmpty())
            QSKIP("needs the CNI plugins and kubectl");
        if (!clusterLeftovers().isEmpty())
            QSKIP(qPrintable(QStringLiteral("another cluster's network is on this machine: %1").arg(clusterLeftovers().join(QStringLiteral(", ")))));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("2")}), qPrintable(server_->log()));
    }

    void cleanupTestCase() { sweep(); }

    void nodesShowTheirNetwork()
    {
        QJsonArray nodes;
        QVERIFY2(eventually([&] {
            nodes = json({QStringLiteral("get"), QStringLiteral("nodes")})[QStringLiteral("items")].toArray();
            int annotated = 0;
            for (const QJsonValue &n : nodes)
                annotated += n[QStringLiteral("metadata")][QStringLiteral("annotations")].toObject().contains(QStringLiteral("timoneiro.io/network"));
            return annotated == 2;
        }, 60000), qPrintable(server_->log()));
        for (const QJsonValue &n : nodes) {
            const QJsonObject net = QJsonDocument::fromJson(
                n[QStringLiteral("metadata")][QStringLiteral("annotations")][QStringLiteral("timoneiro.io/network")].toString().toUtf8()).object();
            const QString name = n[QStringLiteral("metadata")][QStringLiteral("name")].toString();
            QCOMPARE(net[QStringLiteral("bridge")].toString(), QStringLiteral("tmn-") + name);
            QCOMPARE(net[QStringLiteral("podCIDR")].toString(), n[QStringLiteral("spec")][QStringLiteral("podCIDR")].toString());
            // The node's InternalIP is its bridge's gateway.
            QCOMPARE(n[QStringLiteral("status")][QStringLiteral("addresses")][0][QStringLiteral("address")].toString(), net[QStringLiteral("gateway")].toString());
            QVERIFY(!net[QStringLiteral("podRoutes")].toArray().contains(QStringLiteral("0.0.0.0/0")));
        }
        // Nothing of the cluster's ranges can take the default route.
        for (const char *address : {"10.96.0.1", "10.111.22.33", "10.250.0.200", "10.244.200.1", "10.244.1.77"}) {
            const QByteArray route = tool("ip", {QStringLiteral("route"), QStringLiteral("get"), QLatin1String(address)});
            QVERIFY2(route.contains("dev tmn-"), route.constData());
        }
    }

    void hostReachesAPodOnEachNode()
    {
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                        pinnedPod(QStringLiteral("on-node-1"), QStringLiteral("node-1"))
                                            + pinnedPod(QStringLiteral("on-node-2"), QStringLiteral("node-2")));
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        for (const QString &name : {QStringLiteral("on-node-1"), QStringLiteral("on-node-2")}) {
            const QString ip = readyPodIp(name);
            QVERIFY2(!ip.isEmpty(), qPrintable(QJsonDocument(pod(name)).toJson()));
            QCOMPARE(retryGet(ip, 8080), name);
        }
        QVERIFY(podIp(pod(QStringLiteral("on-node-1"))).startsWith(QLatin1String("10.244.")));
        QVERIFY(podIp(pod(QStringLiteral("on-node-1"))).section(QLatin1Char('.'), 2, 2) != podIp(pod(QStringLiteral("on-node-2"))).section(QLatin1Char('.'), 2, 2));
    }

    void podReachesPodOnTheOtherNodeWithItsOwnAddress()
    {
        const QString server = podIp(pod(QStringLiteral("on-node-1")));
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                                        clientPod(QStringLiteral("asker"), QStringLiteral("node-2"),
                                                  QStringLiteral("while true; do timeout 3 wget -q -O - http://%1:8080/cgi-bin/ip; sleep 1; done").arg(server)));
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        const QString asker = readyPodIp(QStringLiteral("asker"));
        QVERIFY(!asker.isEmpty());
        QString logs;
        QVERIFY2(eventually([&] { return (logs = logsOf(QStringLiteral("asker"))).contains(asker); }, 30000), qPrintable(logs));
        // The server saw the client pod's own address: no NAT between pods.
        for (QString line : logs.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            line = line.trimmed().remove(QStringLiteral("[::ffff:")).remove(QLatin1Char(']'));  // httpd listens on IPv6 too
            QCOMPARE(line, asker);
        }
    }

    void clusterIpSpreadsOverThreeReplicas()
    {
        const QByteArray deployment = QStringLiteral(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n"
            "  template:\n    metadata: {labels: {app: web}}\n    spec:\n      terminationGracePeriodSeconds: 1\n      containers:\n      - name: web\n%1")
            .arg(QString::fromLatin1(kServer).replace(QStringLiteral("\n    "), QStringLiteral("\n        ")).prepend(QStringLiteral("    "))).toUtf8();
        CommandResult r = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, deployment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = k({QStringLiteral("expose"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("--port"), QStringLiteral("80"),
               QStringLiteral("--target-port"), QStringLiteral("8080")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        clusterIp_ = json({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web")})[QStringLiteral("spec")][QStringLiteral("clusterIP")].toString();
        QVERIFY(clusterIp_.startsWith(QLatin1String("10.")));
        r = k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/web"), QStringLiteral("--timeout=90s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QSet<QString> seen;
        QVERIFY2(eventually([&] { return (seen += backends(clusterIp_, 80, 10)).size() == 3; }, 30000),
                 qPrintable(QStringList(seen.cbegin(), seen.cend()).join(QLatin1Char(','))));
        for (const QString &name : std::as_const(seen))
            QVERIFY2(name.startsWith(QLatin1String("web-")), qPrintable(name));
        // The rules are kube-proxy's: KUBE-SVC-<hash of default/web tcp> with a statistic spread.
        const QByteArray nat = tool("iptables-save", {QStringLiteral("-t"), QStringLiteral("nat")});
        bool found = false;
        for (const QByteArray &line : nat.split('\n'))
            found = found || (line.startsWith("-A KUBE-SERVICES") && line.contains("\"default/web cluster IP\"") && line.contains("-d " + clusterIp_.toUtf8() + "/32")
                              && line.contains("-j KUBE-SVC-"));
        QVERIFY2(found, nat.constData());
        QVERIFY2(nat.contains("-m statistic --mode random --probability 0.33333"), nat.constData());  // iptables-save prints 0.33333333349

        // From a pod on node-1: more than one backend answers.
        r = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
              clientPod(QStringLiteral("spreader"), QStringLiteral("node-1"),
                        QStringLiteral("for i in %1; do timeout 3 wget -q -O - http://%2/; done; sleep 3600").arg(oneToThirty(), clusterIp_)));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QSet<QString> fromPod;
        QVERIFY2(eventually([&] {
            const QStringList lines = logsOf(QStringLiteral("spreader")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            fromPod = QSet<QString>(lines.cbegin(), lines.cend());
            return lines.size() >= 30;
        }, 60000), qPrintable(logsOf(QStringLiteral("spreader"))));
        QVERIFY2(fromPod.size() >= 2, qPrintable(QStringList(fromPod.cbegin(), fromPod.cend()).join(QLatin1Char(','))));
        QVERIFY(fromPod.subtract(seen).isEmpty());
    }

    void nodePortOnLoopbackAndNodeAddresses()
    {
        CommandResult r = k({QStringLiteral("expose"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("--name"), QStringLiteral("web-np"),
                             QStringLiteral("--type"), QStringLiteral("NodePort"), QStringLiteral("--port"), QStringLiteral("80"),
                             QStringLiteral("--target-port"), QStringLiteral("8080")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const int nodePort = json({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web-np")})[QStringLiteral("spec")][QStringLiteral("ports")][0][QStringLiteral("nodePort")].toInt();
        QVERIFY(nodePort >= 30000 && nodePort <= 32767);
        QVERIFY2(retryGet(QStringLiteral("127.0.0.1"), nodePort).startsWith(QLatin1String("web-")), qPrintable(server_->log()));
        for (const QJsonValue &n : json({QStringLiteral("get"), QStringLiteral("nodes")})[QStringLiteral("items")].toArray()) {
            const QString address = n[QStringLiteral("status")][QStringLiteral("addresses")][0][QStringLiteral("address")].toString();
            QVERIFY2(retryGet(address, nodePort).startsWith(QLatin1String("web-")), qPrintable(address));
        }
    }

    void sessionAffinityClientIpSticks()
    {
        const CommandResult r = k({QStringLiteral("expose"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("--name"),
                                   QStringLiteral("web-sticky"), QStringLiteral("--port"), QStringLiteral("80"), QStringLiteral("--target-port"),
                                   QStringLiteral("8080"), QStringLiteral("--session-affinity"), QStringLiteral("ClientIP")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString ip = json({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web-sticky")})[QStringLiteral("spec")][QStringLiteral("clusterIP")].toString();
        const QString first = retryGet(ip, 80);
        QVERIFY(first.startsWith(QLatin1String("web-")));
        // Every later connection from this host goes to the same pod (-m recent).
        QCOMPARE(backends(ip, 80, 15), QSet<QString>{first});
    }

    void loadBalancerGetsAnExternalIpThatAnswers()
    {
        CommandResult r = k({QStringLiteral("expose"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("--name"), QStringLiteral("web-lb"),
                             QStringLiteral("--type"), QStringLiteral("LoadBalancer"), QStringLiteral("--port"), QStringLiteral("8000"),
                             QStringLiteral("--target-port"), QStringLiteral("8080")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString externalIp;
        QVERIFY(eventually([&] {
            externalIp = json({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web-lb")})[QStringLiteral("status")][QStringLiteral("loadBalancer")][QStringLiteral("ingress")][0][QStringLiteral("ip")].toString();
            return !externalIp.isEmpty();
        }, 20000));
        QVERIFY2(externalIp.startsWith(QLatin1String("10.250.0.")), qPrintable(externalIp));
        const CommandResult table = k({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web-lb")});
        QVERIFY2(table.out.contains(QLatin1String("EXTERNAL-IP")) && table.out.contains(externalIp), qPrintable(table.out));
        QVERIFY(retryGet(externalIp, 8000).startsWith(QLatin1String("web-")));
        // Deleted: the address is released (and no longer answers); the next LoadBalancer gets it.
        r = k({QStringLiteral("delete"), QStringLiteral("svc"), QStringLiteral("web-lb")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(eventually([&] { return httpGet(externalIp, 8000).isEmpty(); }, 10000));
        r = k({QStringLiteral("expose"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("--name"), QStringLiteral("web-lb2"),
               QStringLiteral("--type"), QStringLiteral("LoadBalancer"), QStringLiteral("--port"), QStringLiteral("8001"),
               QStringLiteral("--target-port"), QStringLiteral("8080")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString again;
        QVERIFY(eventually([&] {
            again = json({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("web-lb2")})[QStringLiteral("status")][QStringLiteral("loadBalancer")][QStringLiteral("ingress")][0][QStringLiteral("ip")].toString();
            return !again.isEmpty();
        }, 20000));
        QCOMPARE(again, externalIp);
        QVERIFY(retryGet(again, 8001).startsWith(QLatin1String("web-")));
    }

    void notReadyPodLeavesTheRotation()
    {
        const QJsonArray pods = json({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=web")})[QStringLiteral("items")].toArray();
        QCOMPARE(pods.size(), 3);
        const QString sick = pods[0][QStringLiteral("metadata")][QStringLiteral("name")].toString();
        QCOMPARE(httpGet(podIp(pods[0].toObject()), 8080, QStringLiteral("/cgi-bin/sick")), QStringLiteral("sick"));
        if (!eventually([&] { return !ready(pod(sick)); }, 20000))
            QSKIP("the readiness probe did not mark the pod NotReady: probes are not acting on this build");
        QSet<QString> seen;
        QVERIFY2(eventually([&] {
            seen = backends(clusterIp_, 80, 20);
            return !seen.contains(sick) && seen.size() == 2;
        }, 10000), qPrintable(QStringList(seen.cbegin(), seen.cend()).join(QLatin1Char(','))));
    }

    void stopLeavesNothing()
    {
        QVERIFY(!clusterLeftovers().isEmpty());
        QCOMPARE(server_->stop(), 0);
        server_.reset();
        const QStringList left = clusterLeftovers();
        if (!left.isEmpty() && anotherClusterRuns())
            QSKIP("another timoneirod --nodes started on this machine meanwhile; its network is not ours to check");
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
        QVERIFY(!tool("ip", {QStringLiteral("route")}).contains("10.96.0.0/12"));
    }
};

QTEST_GUILESS_MAIN(NetworkServicesE2E)
#include "test_e2e_network_services.moc"
