// The course notes' "a supervisor restarts kubelet and the runtime when
// they fail", seen from kubectl: a real timoneirod --nodes 1 runs nginx;
// its node's containerd is killed with SIGKILL; the supervisor restarts it
// after a back-off and says so in Events on the Node (ContainerdExited,
// ContainerdRestarted), the node goes NotReady ("container runtime is
// down", ContainerRuntimeUnhealthy True) and Ready again, and the pod runs
// on in the same container: its shim outlived containerd, so the kubelet
// keeps it (same containerID, restartCount 0) and nginx still answers. A
// second timoneirod --nodes on the same machine refuses, naming the first,
// and leaves it alone. Needs root and containerd; skipped otherwise.
#include "e2e_helpers.h"
#include "e2e_node_helpers.h"
#include "runtime/host_command.h"
#include "runtime/node_teardown.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <functional>
#include <unistd.h>

using namespace timoneiro::testing;
namespace teardown = timoneiro::runtime::teardown;

namespace {

const QString kNode = QStringLiteral("node-1");
const QString kBridge = QStringLiteral("tmn-node-1");

}  // namespace

class LocalNodesSupervisorE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    QString containerId_;
    QString podIp_;

    QJsonObject web() { return json({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("web")}); }
    QJsonObject node() { return json({QStringLiteral("get"), QStringLiteral("node"), kNode}); }
    static QJsonObject firstContainer(const QJsonObject &pod) { return firstContainerStatus(pod); }
    QString socket() const { return nodeSocket(server_->dataDir(), kNode); }

    // This test's containerd (and only it): a process named containerd whose
    // command line holds this test's data dir. Other containerds are never touched.
    QList<qint64> containerdPids() const
    {
        return processesNaming((server_->dataDir() + QStringLiteral("/nodes/")).toUtf8(), "containerd");
    }

    // Whatever the daemon left (a check failed): this test's shims, containerd, mounts and bridge.
    void sweep() { sweepCluster(server_, {kNode}, [this] { return containerdPids(); }); }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "ctr", "runc", "ip", "curl"}, {kNode}); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("1")}), qPrintable(server_->log()));
        QJsonObject n;
        QVERIFY2(eventually([&] {
            n = node();
            return condition(n, QStringLiteral("Ready")).value(QStringLiteral("status")).toString() == QLatin1String("True");
        }, 120000), qPrintable(server_->log()));
        const QJsonObject healthy = condition(n, QStringLiteral("ContainerRuntimeUnhealthy"));
        QCOMPARE(healthy.value(QStringLiteral("status")).toString(), QStringLiteral("False"));
        QCOMPARE(healthy.value(QStringLiteral("reason")).toString(), QStringLiteral("ContainerRuntimeIsHealthy"));
    }

    void nginxRuns()
    {
        const CommandResult run = k({QStringLiteral("run"), QStringLiteral("web"), QStringLiteral("--image=nginx")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject pod;
        QVERIFY2(eventually([&] {
            pod = web();
            return firstContainer(pod).value(QStringLiteral("state")).toObject().contains(QStringLiteral("running"));
        }, 60000), qPrintable(QJsonDocument(pod).toJson()));
        containerId_ = firstContainer(pod).value(QStringLiteral("containerID")).toString();
        podIp_ = pod[QStringLiteral("status")][QStringLiteral("podIP")].toString();
        QVERIFY(containerId_.startsWith(QLatin1String("containerd://")));
        QVERIFY(podIp_.startsWith(QLatin1String("10.244.")));
        const auto page = curl(QStringLiteral("http://%1/").arg(podIp_));
        QVERIFY2(page.ok() && page.out.contains("Welcome to nginx!"), qPrintable(page.describe(QStringLiteral("curl"))));
    }

    void killedContainerdIsRestartedAndShown()
    {
        const QList<qint64> before = containerdPids();
        QCOMPARE(before.size(), 1);
        const qint64 killed = before.first();
        QVERIFY(!teardown::shimsOf(socket()).isEmpty());

        // Ready as a watch sees it, every change: the NotReady spell is short.
        const QString ready = QStringLiteral(".status.conditions[?(@.type==\"Ready\")]");
        const QString runtime = QStringLiteral(".status.conditions[?(@.type==\"ContainerRuntimeUnhealthy\")]");
        std::unique_ptr<QProcess> watch = kubectl_->start(
            {QStringLiteral("get"), QStringLiteral("node"), kNode, QStringLiteral("-w"), QStringLiteral("-o"),
             QStringLiteral("custom-columns=READY:%1.status,REASON:%1.reason,RUNTIME-UNHEALTHY:%2.status,MESSAGE:%1.message").arg(ready, runtime)});
        QString seen;
        auto readWatch = [&] {
            watch->waitForReadyRead(200);
            seen += QString::fromUtf8(watch->readAllStandardOutput());
        };
        static const QRegularExpression readyRow(QStringLiteral("True\\s+KubeletReady\\s+False\\s+kubelet is posting ready status"));
        static const QRegularExpression downRow(QStringLiteral("False\\s+KubeletNotReady\\s+True\\s+container runtime is down"));
        QVERIFY2(eventually([&] { readWatch(); return seen.contains(readyRow); }, 20000), qPrintable(seen));

        QCOMPARE(::kill(pid_t(killed), SIGKILL), 0);

        // The supervisor's Events on the Node: the exit with its back-off, then the restart.
        QJsonArray events;
        auto find = [&](const QString &reason) {
            for (const QJsonValue &e : events)
                if (e[QStringLiteral("reason")].toString() == reason)
                    return e.toObject();
            return QJsonObject();
        };
        QVERIFY2(eventually([&] {
            readWatch();
            events = json({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector"),
                           QStringLiteral("involvedObject.kind=Node")}).value(QStringLiteral("items")).toArray();
            return !find(QStringLiteral("ContainerdRestarted")).isEmpty();
        }, 60000), qPrintable(QJsonDocument(events).toJson()));
        const QJsonObject exited = find(QStringLiteral("ContainerdExited"));
        QCOMPARE(exited.value(QStringLiteral("type")).toString(), QStringLiteral("Warning"));
        QCOMPARE(exited.value(QStringLiteral("message")).toString(),
                 QStringLiteral("containerd (pid %1) exited with signal 9; restarting in 1s").arg(killed));
        QCOMPARE(exited[QStringLiteral("involvedObject")][QStringLiteral("name")].toString(), kNode);
        const QList<qint64> after = containerdPids();
        QCOMPARE(after.size(), 1);
        QVERIFY(after.first() != killed);
        const QJsonObject restarted = find(QStringLiteral("ContainerdRestarted"));
        QCOMPARE(restarted.value(QStringLiteral("type")).toString(), QStringLiteral("Normal"));
        QCOMPARE(restarted.value(QStringLiteral("message")).toString(),
                 QStringLiteral("containerd restarted (pid %1), restart 1").arg(after.first()));
        QCOMPARE(restarted[QStringLiteral("source")][QStringLiteral("component")].toString(), QStringLiteral("supervisor"));

        // NotReady while it was down, as the kubelet says it, then Ready again.
        QVERIFY2(eventually([&] {
            readWatch();
            const QRegularExpressionMatch down = downRow.match(seen);
            return down.hasMatch() && readyRow.match(seen, down.capturedEnd()).hasMatch();
        }, 60000), qPrintable(seen));
        watch->kill();
        watch->waitForFinished(5000);
        const QJsonObject n = node();
        QCOMPARE(condition(n, QStringLiteral("Ready")).value(QStringLiteral("status")).toString(), QStringLiteral("True"));
        QCOMPARE(condition(n, QStringLiteral("ContainerRuntimeUnhealthy")).value(QStringLiteral("status")).toString(), QStringLiteral("False"));
        CommandResult describe;
        QVERIFY(eventually([&] {
            describe = k({QStringLiteral("describe"), QStringLiteral("node"), kNode});
            return describe.out.contains(QLatin1String("ContainerdRestarted")) && describe.out.contains(QLatin1String("NodeNotReady"));
        }, 20000));
        QVERIFY2(describe.out.contains(QLatin1String("ContainerdExited")), qPrintable(describe.out));
    }

    void podKeepsItsContainer()
    {
        // The shim outlived containerd: the same container, never restarted.
        QJsonObject pod;
        const bool running = eventually([&] {
            pod = web();
            const QJsonObject c = firstContainer(pod);
            return c.value(QStringLiteral("ready")).toBool() && c.value(QStringLiteral("state")).toObject().contains(QStringLiteral("running"));
        }, 60000);
        const QString podEvents = k({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("--field-selector"),
                                     QStringLiteral("involvedObject.name=web")}).out;
        QVERIFY2(running && firstContainer(pod).value(QStringLiteral("containerID")).toString() == containerId_,
                 qPrintable(QJsonDocument(pod.value(QStringLiteral("status")).toObject()).toJson(QJsonDocument::Compact) + QLatin1Char('\n')
                            + podEvents + server_->log().right(3000)));
        QCOMPARE(firstContainer(pod).value(QStringLiteral("containerID")).toString(), containerId_);
        QCOMPARE(firstContainer(pod).value(QStringLiteral("restartCount")).toInt(), 0);
        QCOMPARE(pod[QStringLiteral("status")][QStringLiteral("phase")].toString(), QStringLiteral("Running"));
        QCOMPARE(pod[QStringLiteral("status")][QStringLiteral("podIP")].toString(), podIp_);
        const auto page = curl(QStringLiteral("http://%1/").arg(podIp_));
        QVERIFY2(page.ok() && page.out.contains("Welcome to nginx!"), qPrintable(page.describe(QStringLiteral("curl"))));
        // The restarted containerd answers CRI for it (kubectl logs reads its CRI log).
        const CommandResult logs = k({QStringLiteral("logs"), QStringLiteral("web")});
        QVERIFY2(logs.exitCode == 0 && logs.out.contains(QLatin1String("\"GET / HTTP/1.1\" 200")), qPrintable(logs.err + logs.out));
    }

    void secondClusterIsRefused()
    {
        // Its nodes would be tmn-node-1 in 10.244.0.0/16 too: it refuses, naming the owner.
        TimoneirodProcess second({QStringLiteral("--nodes"), QStringLiteral("1")});
        QVERIFY(!second.start());
        QCOMPARE(second.stop(), 2);
        const QString expected = QStringLiteral("another timoneirod (PID %1, data dir %2) owns this machine's local-node bridges")
                                     .arg(server_->pid())
                                     .arg(QDir(server_->dataDir()).absolutePath());
        QVERIFY2(second.log().contains(expected), qPrintable(second.log()));
        QVERIFY(!QFile::exists(second.dataDir() + QStringLiteral("/nodes")));
        // The first cluster did not notice.
        QVERIFY(teardown::linkExists(kBridge));
        QCOMPARE(containerdPids().size(), 1);
        QCOMPARE(condition(node(), QStringLiteral("Ready")).value(QStringLiteral("status")).toString(), QStringLiteral("True"));
    }

    void sigtermLeavesNothing()
    {
        const QList<pid_t> shims = [&] {
            QList<pid_t> pids;
            for (const auto &shim : teardown::shimsOf(socket()))
                pids << shim.pid;
            return pids;
        }();
        QVERIFY(!shims.isEmpty());
        QCOMPARE(server_->stop(), 0);
        for (pid_t pid : shims)
            QVERIFY2(!teardown::processAlive(pid), qPrintable(QString::number(pid)));
        QVERIFY(containerdPids().isEmpty());
        QVERIFY(!teardown::linkExists(kBridge));
        QVERIFY2(teardown::mountsUnder(server_->dataDir()).isEmpty(), qPrintable(teardown::mountsUnder(server_->dataDir()).join(QLatin1Char(' '))));
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(LocalNodesSupervisorE2E)
#include "test_e2e_local_nodes_supervisor.moc"
