// Probes on a real local node (timoneirod --nodes 1, containerd, the real
// kubectl): nginx with an httpGet readiness probe becomes Ready and is in
// its Service's endpoints; a busybox whose exec liveness probe starts
// failing is killed and restarted (restartCount, lastState, Unhealthy and
// Killing events); a tcpSocket readiness probe on a closed port keeps its
// pod 0/1 and in notReadyAddresses only; a startup probe holds readiness
// back (started: false) until it passes. Needs root and containerd;
// skipped otherwise.
#include "e2e_helpers.h"
#include "e2e_node_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace timoneiro::testing;

namespace {

const QString kNode = QStringLiteral("node-1");

const char *kObjects =
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: web, labels: {app: web}}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - name: nginx\n"
    "    image: nginx\n"
    "    ports: [{name: http, containerPort: 80}]\n"
    "    readinessProbe:\n"
    "      httpGet: {path: /, port: http, httpHeaders: [{name: X-Probe, value: e2e}]}\n"
    "      periodSeconds: 1\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Service\n"
    "metadata: {name: web}\n"
    "spec: {selector: {app: web}, ports: [{port: 80, targetPort: 80}]}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: liveness}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 30\n"
    "  containers:\n"
    "  - name: app\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"touch /tmp/healthy; sleep 3; rm -f /tmp/healthy; sleep 600\"]\n"
    "    livenessProbe:\n"
    "      exec: {command: [cat, /tmp/healthy]}\n"
    "      periodSeconds: 1\n"
    "      failureThreshold: 2\n"
    "      terminationGracePeriodSeconds: 1\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: closed, labels: {app: closed}}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - name: app\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n"
    "    readinessProbe:\n"
    "      tcpSocket: {port: 81}\n"
    "      periodSeconds: 1\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Service\n"
    "metadata: {name: closed}\n"
    "spec: {selector: {app: closed}, ports: [{port: 80, targetPort: 8080}]}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: slow-start}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - name: app\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n"
    "    startupProbe:\n"  // passes once the test creates /tmp/started (kubectl exec), not after a delay
    "      exec: {command: [test, -f, /tmp/started]}\n"
    "      periodSeconds: 1\n"
    "      failureThreshold: 600\n"
    "    readinessProbe:\n"
    "      httpGet: {path: /, port: 8080}\n"
    "      periodSeconds: 1\n";

}  // namespace

class LocalNodesProbesE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    QJsonObject get(const QString &kind, const QString &name) { return json({QStringLiteral("get"), kind, name}); }
    QJsonObject pod(const QString &name) { return get(QStringLiteral("pod"), name); }
    static QJsonObject container(const QJsonObject &pod) { return firstContainerStatus(pod); }
    static QString condition(const QJsonObject &pod, const QString &type)
    {
        return timoneiro::testing::condition(pod, type).value(QStringLiteral("status")).toString();
    }
    static bool running(const QJsonObject &pod) { return container(pod)[QStringLiteral("state")].toObject().contains(QStringLiteral("running")); }
    // The messages of the pod's events with this reason.
    QStringList events(const QString &pod, const QString &reason)
    {
        const CommandResult r = k({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector"),
                                   QStringLiteral("involvedObject.name=%1,reason=%2").arg(pod, reason), QStringLiteral("-o"), QStringLiteral("json")});
        QStringList out;
        for (const QJsonValue &e : QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("items")].toArray())
            out << e[QStringLiteral("type")].toString() + QLatin1Char(' ') + e[QStringLiteral("message")].toString();
        return out;
    }
    QString dump(const QString &name) { return QString::fromUtf8(QJsonDocument(pod(name)).toJson()) + server_->log().right(2000); }

    void sweep() { sweepCluster(server_, {kNode}); }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "runc", "ip"}, {kNode}); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("probes")}),
                 qPrintable(server_->log()));
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kObjects);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
    }

    void startupProbeHoldsReadinessBack()
    {
        // Running, but not started (and so not ready) while the startup probe fails.
        QJsonObject p;
        QVERIFY2(eventually([&] {
            p = pod(QStringLiteral("slow-start"));
            return running(p);
        }, 60000), qPrintable(dump(QStringLiteral("slow-start"))));
        QCOMPARE(container(p)[QStringLiteral("started")].toBool(), false);
        QCOMPARE(container(p)[QStringLiteral("ready")].toBool(), false);
        QCOMPARE(condition(p, QStringLiteral("Ready")), QStringLiteral("False"));
    }

    void httpReadinessMakesNginxReady()
    {
        QJsonObject p;
        QVERIFY2(eventually([&] {
            p = pod(QStringLiteral("web"));
            return condition(p, QStringLiteral("Ready")) == QLatin1String("True");
        }, 60000), qPrintable(dump(QStringLiteral("web"))));
        QCOMPARE(condition(p, QStringLiteral("ContainersReady")), QStringLiteral("True"));
        QVERIFY(container(p)[QStringLiteral("ready")].toBool());
        QVERIFY(container(p)[QStringLiteral("started")].toBool());
        const QString ip = p[QStringLiteral("status")][QStringLiteral("podIP")].toString();
        QJsonObject ep;
        QVERIFY2(eventually([&] {
            ep = get(QStringLiteral("endpoints"), QStringLiteral("web"));
            return ep[QStringLiteral("subsets")][0][QStringLiteral("addresses")][0][QStringLiteral("ip")].toString() == ip;
        }, 20000), qPrintable(QJsonDocument(ep).toJson()));
    }

    void closedPortKeepsThePodOutOfRotation()
    {
        QJsonObject p;
        QVERIFY2(eventually([&] {
            p = pod(QStringLiteral("closed"));
            return running(p) && !events(QStringLiteral("closed"), QStringLiteral("Unhealthy")).isEmpty();
        }, 60000), qPrintable(dump(QStringLiteral("closed"))));
        const QString ip = p[QStringLiteral("status")][QStringLiteral("podIP")].toString();
        QVERIFY(!ip.isEmpty());
        const QStringList unhealthy = events(QStringLiteral("closed"), QStringLiteral("Unhealthy"));
        QVERIFY2(unhealthy.contains(QStringLiteral("Warning Readiness probe failed: dial tcp %1:81: connect: connection refused").arg(ip)),
                 qPrintable(unhealthy.join(QLatin1Char('\n'))));
        p = pod(QStringLiteral("closed"));
        QCOMPARE(condition(p, QStringLiteral("Ready")), QStringLiteral("False"));
        QCOMPARE(container(p)[QStringLiteral("ready")].toBool(), false);
        QCOMPARE(container(p)[QStringLiteral("restartCount")].toInt(), 0);  // readiness never restarts
        const CommandResult table = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("closed"), QStringLiteral("--no-headers")});
        QVERIFY2(table.out.contains(QLatin1String(" 0/1 ")), qPrintable(table.out));
        QJsonObject ep;
        QVERIFY2(eventually([&] {
            ep = get(QStringLiteral("endpoints"), QStringLiteral("closed"));
            return ep[QStringLiteral("subsets")][0][QStringLiteral("notReadyAddresses")][0][QStringLiteral("ip")].toString() == ip;
        }, 20000), qPrintable(QJsonDocument(ep).toJson()));
        QVERIFY2(ep[QStringLiteral("subsets")][0][QStringLiteral("addresses")].toArray().isEmpty(), qPrintable(QJsonDocument(ep).toJson()));
    }

    void failingLivenessRestartsTheContainer()
    {
        QJsonObject p;
        QVERIFY2(eventually([&] {
            p = pod(QStringLiteral("liveness"));
            return container(p)[QStringLiteral("restartCount")].toInt() >= 1;
        }, 60000), qPrintable(dump(QStringLiteral("liveness"))));
        const QJsonObject last = container(p)[QStringLiteral("lastState")][QStringLiteral("terminated")].toObject();
        QVERIFY2(!last.isEmpty(), qPrintable(QJsonDocument(p).toJson()));
        const QStringList unhealthy = events(QStringLiteral("liveness"), QStringLiteral("Unhealthy"));
        QVERIFY2(unhealthy.contains(QStringLiteral("Warning Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory")),
                 qPrintable(unhealthy.join(QLatin1Char('\n'))));
        const QStringList killing = events(QStringLiteral("liveness"), QStringLiteral("Killing"));
        QVERIFY2(killing.contains(QStringLiteral("Normal Container app failed liveness probe, will be restarted")), qPrintable(killing.join(QLatin1Char('\n'))));
        const CommandResult describe = k({QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("liveness")});
        QVERIFY2(describe.out.contains(QLatin1String("Unhealthy")) && describe.out.contains(QLatin1String("Liveness probe failed")), qPrintable(describe.out));
        QVERIFY2(describe.out.contains(QLatin1String("Liveness:")), qPrintable(describe.out));
    }

    void startupProbeLetsReadinessStart()
    {
        // httpd has answered all along: only the startup probe held readiness back.
        const CommandResult started = k({QStringLiteral("exec"), QStringLiteral("slow-start"), QStringLiteral("--"), QStringLiteral("touch"),
                                         QStringLiteral("/tmp/started")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QJsonObject p;
        QVERIFY2(eventually([&] {
            p = pod(QStringLiteral("slow-start"));
            return condition(p, QStringLiteral("Ready")) == QLatin1String("True");
        }, 60000), qPrintable(dump(QStringLiteral("slow-start"))));
        QVERIFY(container(p)[QStringLiteral("started")].toBool());
        QCOMPARE(container(p)[QStringLiteral("restartCount")].toInt(), 0);
        // Readiness ran only once startup had passed (httpd was up, so it never failed).
        const QStringList unhealthy = events(QStringLiteral("slow-start"), QStringLiteral("Unhealthy"));
        QVERIFY2(!unhealthy.join(QLatin1Char('\n')).contains(QLatin1String("Readiness")), qPrintable(unhealthy.join(QLatin1Char('\n'))));
        QVERIFY2(unhealthy.join(QLatin1Char('\n')).contains(QLatin1String("Startup probe failed")), qPrintable(unhealthy.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(LocalNodesProbesE2E)
#include "test_e2e_local_nodes_probes.moc"
