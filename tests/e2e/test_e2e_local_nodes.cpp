// The course notes' first session on real local nodes: a real timoneirod
// --nodes 2 (a kubelet and a private containerd per node) driven by the
// real kubectl. The nginx pod of meu-primeiro.yaml runs on node-1 or node-2
// and answers curl on its pod IP; two containers of one pod share its IP;
// a container that exits 1 under restartPolicy Always goes into
// CrashLoopBackOff; an image that is not there is ErrImagePull /
// ImagePullBackOff; kubectl logs reads the containers' logs; after a kill
// -9 the next timoneirod adopts the running containers; deleted pods go;
// SIGTERM leaves no containerd, shim, mount or bridge of the nodes. Needs root and containerd; skipped otherwise.
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
#include <QStandardPaths>
#include <QTest>

#include <functional>
#include <unistd.h>

using namespace timoneiro::testing;
namespace teardown = timoneiro::runtime::teardown;

namespace {

const QStringList kNodes{QStringLiteral("node-1"), QStringLiteral("node-2")};

const char *kPods =
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata: {name: page}\n"
    "data: {greeting: ola}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: duo}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 2\n"
    "  initContainers:\n"
    "  - name: prepare\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"echo prepared\"]\n"
    "  containers:\n"
    "  - name: web\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo page-of-$(POD_NAME)-$(GREETING) > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n"
    "    env:\n"
    "    - name: POD_NAME\n"
    "      valueFrom: {fieldRef: {fieldPath: metadata.name}}\n"
    "    - name: GREETING\n"
    "      valueFrom: {configMapKeyRef: {name: page, key: greeting}}\n"
    "    resources:\n"
    "      limits: {cpu: 200m, memory: 64Mi}\n"
    "  - name: client\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"while true; do wget -q -O - http://localhost:8080/; sleep 1; done\"]\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: crash}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - name: fail\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"echo bye; exit 1\"]\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: missing}\n"
    "spec:\n"
    "  containers:\n"
    "  - name: app\n"
    "    image: example.invalid/nothing:1\n";

}  // namespace

class LocalNodesE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    QString nginxIp_;

    QJsonObject pod(const QString &name, const QString &ns = QStringLiteral("default"))
    {
        return json({QStringLiteral("get"), QStringLiteral("pod"), name, QStringLiteral("-n"), ns});
    }
    static QJsonObject status(const QJsonObject &o) { return o.value(QStringLiteral("status")).toObject(); }
    static QJsonObject firstContainer(const QJsonObject &pod) { return firstContainerStatus(pod); }
    QString socketOf(const QString &node) const { return nodeSocket(server_->dataDir(), node); }
    // containerd of these nodes: its command line names the node's config.
    QList<qint64> containerdPids() const { return processesNaming((server_->dataDir() + QStringLiteral("/nodes/")).toUtf8()); }

    // Whatever the daemon left (it was killed, or a check failed): this
    // test's nodes' shims by PID, mounts, and bridges.
    void sweep() { sweepCluster(server_, kNodes, [this] { return containerdPids(); }); }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "ctr", "runc", "ip", "curl"}, kNodes); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("2")}), qPrintable(server_->log()));
    }

    void nodesRegisterWithTheMachine()
    {
        QJsonArray items;
        const bool ready = eventually([&] {
            items = json({QStringLiteral("get"), QStringLiteral("nodes")}).value(QStringLiteral("items")).toArray();
            int readyNodes = 0;
            for (const QJsonValue &n : items) {
                for (const QJsonValue &c : status(n.toObject()).value(QStringLiteral("conditions")).toArray())
                    if (c[QStringLiteral("type")] == QStringLiteral("Ready") && c[QStringLiteral("status")] == QStringLiteral("True"))
                        ++readyNodes;
            }
            return readyNodes == 2;
        }, 120000);
        QVERIFY2(ready, qPrintable(server_->log()));
        for (const QJsonValue &v : items) {
            const QJsonObject node = v.toObject();
            const QString name = node[QStringLiteral("metadata")][QStringLiteral("name")].toString();
            QVERIFY(kNodes.contains(name));
            const QJsonObject capacity = status(node).value(QStringLiteral("capacity")).toObject();
            QCOMPARE(capacity.value(QStringLiteral("cpu")).toString(), QString::number(::sysconf(_SC_NPROCESSORS_ONLN)));
            QCOMPARE(capacity.value(QStringLiteral("pods")).toString(), QStringLiteral("110"));
            QVERIFY(capacity.value(QStringLiteral("memory")).toString().endsWith(QLatin1String("Ki")));
            const QJsonObject info = status(node).value(QStringLiteral("nodeInfo")).toObject();
            QVERIFY2(info.value(QStringLiteral("containerRuntimeVersion")).toString().startsWith(QLatin1String("containerd://")),
                     qPrintable(info.value(QStringLiteral("containerRuntimeVersion")).toString()));
            const QString cidr = node[QStringLiteral("spec")][QStringLiteral("podCIDR")].toString();
            QVERIFY(!cidr.isEmpty());
            // The node's address is its bridge's gateway, inside its podCIDR.
            const QJsonArray addresses = status(node).value(QStringLiteral("addresses")).toArray();
            QCOMPARE(addresses.first()[QStringLiteral("type")].toString(), QStringLiteral("InternalIP"));
            QCOMPARE(addresses.first()[QStringLiteral("address")].toString(), teardown::gatewayAddress(cidr).section(QLatin1Char('/'), 0, 0));
            // The node's CNI bridge serves that CIDR.
            QFile conflist(server_->dataDir() + QStringLiteral("/nodes/") + name + QStringLiteral("/cni/net.d/10-timoneiro.conflist"));
            QVERIFY(conflist.open(QIODevice::ReadOnly));
            QVERIFY(conflist.readAll().contains(cidr.toUtf8()));
            QVERIFY(teardown::linkExists(bridgeOf(name)));
        }
    }

    void nginxOfTheCourseNotesAnswers()
    {
        const CommandResult created = k({QStringLiteral("create"), QStringLiteral("-f"),
                                         QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QJsonObject nginx;
        QVERIFY2(eventually([&] {
            nginx = pod(QStringLiteral("nginx"), QStringLiteral("giropops"));
            return status(nginx).value(QStringLiteral("phase")).toString() == QLatin1String("Running");
        }, 60000), qPrintable(QJsonDocument(nginx).toJson()));
        QVERIFY(kNodes.contains(nginx[QStringLiteral("spec")][QStringLiteral("nodeName")].toString()));
        nginxIp_ = status(nginx).value(QStringLiteral("podIP")).toString();
        QVERIFY(nginxIp_.startsWith(QLatin1String("10.244.")));
        const QJsonObject c = firstContainer(nginx);
        QVERIFY(c.value(QStringLiteral("ready")).toBool());
        QVERIFY(c.value(QStringLiteral("state")).toObject().contains(QStringLiteral("running")));
        // The name CRI resolved "nginx" to (the image's first reference), as a real kubelet reports it.
        QVERIFY2(c.value(QStringLiteral("image")).toString().startsWith(QLatin1String("docker.io/library/nginx:")),
                 qPrintable(c.value(QStringLiteral("image")).toString()));
        const auto page = curl(QStringLiteral("http://%1/").arg(nginxIp_));
        QVERIFY2(page.ok() && page.out.contains("Welcome to nginx!"), qPrintable(page.describe(QStringLiteral("curl"))));
        // kubectl logs: the access line of that request, from the kubelet's CRI log.
        CommandResult logs;
        QVERIFY2(eventually([&] {
            logs = k({QStringLiteral("logs"), QStringLiteral("nginx"), QStringLiteral("-n"), QStringLiteral("giropops")});
            return logs.exitCode == 0 && logs.out.contains(QLatin1String("\"GET / HTTP/1.1\" 200"));
        }, 20000), qPrintable(logs.err + logs.out));
        const CommandResult wide = k({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("giropops"), QStringLiteral("-o"), QStringLiteral("wide")});
        QVERIFY2(wide.out.contains(nginxIp_) && wide.out.contains(QLatin1String("Running")), qPrintable(wide.out));
    }

    void podsOfTheSession()
    {
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kPods);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));

        // Two containers, one IP: the client reaches the server on localhost.
        QJsonObject duo;
        QVERIFY2(eventually([&] {
            duo = pod(QStringLiteral("duo"));
            const QJsonArray cs = status(duo).value(QStringLiteral("containerStatuses")).toArray();
            return cs.size() == 2 && cs[0][QStringLiteral("ready")].toBool() && cs[1][QStringLiteral("ready")].toBool();
        }, 60000), qPrintable(QJsonDocument(duo).toJson()));
        QCOMPARE(status(duo).value(QStringLiteral("phase")).toString(), QStringLiteral("Running"));
        const QJsonObject init = status(duo).value(QStringLiteral("initContainerStatuses")).toArray().first().toObject();
        QCOMPARE(init[QStringLiteral("state")][QStringLiteral("terminated")][QStringLiteral("reason")].toString(), QStringLiteral("Completed"));
        const QString ip = status(duo).value(QStringLiteral("podIP")).toString();
        const auto page = curl(QStringLiteral("http://%1:8080/").arg(ip));
        QVERIFY2(page.ok() && page.out.contains("page-of-duo-ola"), qPrintable(page.describe(QStringLiteral("curl"))));
        const QString logDir = QStringLiteral("%1/nodes/%2/pods/default_duo_%3/client")
                                   .arg(server_->dataDir(), duo[QStringLiteral("spec")][QStringLiteral("nodeName")].toString(),
                                        duo[QStringLiteral("metadata")][QStringLiteral("uid")].toString());
        QVERIFY2(eventually([&] {
            QFile log(logDir + QStringLiteral("/0.log"));
            return log.open(QIODevice::ReadOnly) && log.readAll().contains("page-of-duo-ola");
        }, 20000), "the client container did not read the page over localhost");

        const CommandResult clientLog = k({QStringLiteral("logs"), QStringLiteral("duo"), QStringLiteral("-c"), QStringLiteral("client"),
                                           QStringLiteral("--tail=1")});
        QVERIFY2(clientLog.exitCode == 0 && clientLog.out.trimmed() == QLatin1String("page-of-duo-ola"), qPrintable(clientLog.err + clientLog.out));
        const CommandResult noContainer = k({QStringLiteral("logs"), QStringLiteral("duo"), QStringLiteral("-c"), QStringLiteral("nope")});
        QVERIFY2(noContainer.exitCode != 0 && noContainer.err.contains(QLatin1String("container nope is not valid for pod duo")), qPrintable(noContainer.err));

        // exit 1 under restartPolicy Always: restarted, then held in CrashLoopBackOff.
        QJsonObject crash;
        QVERIFY2(eventually([&] {
            crash = pod(QStringLiteral("crash"));
            const QJsonObject c = firstContainer(crash);
            return c[QStringLiteral("restartCount")].toInt() > 0
                   && c[QStringLiteral("state")][QStringLiteral("waiting")][QStringLiteral("reason")].toString() == QLatin1String("CrashLoopBackOff");
        }, 60000), qPrintable(QJsonDocument(crash).toJson()));
        const CommandResult previous = k({QStringLiteral("logs"), QStringLiteral("crash"), QStringLiteral("--previous")});
        QVERIFY2(previous.exitCode == 0 && previous.out.contains(QLatin1String("bye")), qPrintable(previous.err + previous.out));
        const QJsonObject last = firstContainer(crash)[QStringLiteral("lastState")][QStringLiteral("terminated")].toObject();
        QCOMPARE(last[QStringLiteral("exitCode")].toInt(), 1);
        QCOMPARE(last[QStringLiteral("reason")].toString(), QStringLiteral("Error"));
        const CommandResult table = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("crash")});
        QVERIFY2(table.out.contains(QLatin1String("CrashLoopBackOff")), qPrintable(table.out));

        // No such image on the node: it waits, with the image pull reasons.
        QJsonObject missing;
        QVERIFY2(eventually([&] {
            missing = pod(QStringLiteral("missing"));
            const QString reason = firstContainer(missing)[QStringLiteral("state")][QStringLiteral("waiting")][QStringLiteral("reason")].toString();
            return reason == QLatin1String("ErrImagePull") || reason == QLatin1String("ImagePullBackOff");
        }, 30000), qPrintable(QJsonDocument(missing).toJson()));
        QCOMPARE(status(missing).value(QStringLiteral("phase")).toString(), QStringLiteral("Pending"));
    }

    void restartedKubeletAdopts()
    {
        // timoneirod dies (kill -9): the shims keep the containers; the next
        // timoneirod's kubelet finds them by the pod uid label and keeps them.
        const QJsonObject before = firstContainer(pod(QStringLiteral("nginx"), QStringLiteral("giropops")));
        const QString containerId = before.value(QStringLiteral("containerID")).toString();
        QVERIFY(!containerId.isEmpty());
        const QString dataDir = server_->dataDir();
        server_->kill();
        QVERIFY2(server_->start(dataDir), qPrintable(server_->log()));
        kubectl_ = std::make_unique<Kubectl>(server_->kubeconfig());
        QJsonObject after;
        QVERIFY2(eventually([&] {
            after = pod(QStringLiteral("nginx"), QStringLiteral("giropops"));
            const QJsonObject c = firstContainer(after);
            return c.value(QStringLiteral("ready")).toBool() && c.value(QStringLiteral("containerID")).toString() == containerId;
        }, 60000), qPrintable(QJsonDocument(after).toJson()));
        QCOMPARE(firstContainer(after).value(QStringLiteral("restartCount")).toInt(), 0);
        QCOMPARE(status(after).value(QStringLiteral("podIP")).toString(), nginxIp_);
        const auto page = curl(QStringLiteral("http://%1/").arg(nginxIp_));
        QVERIFY2(page.ok() && page.out.contains("Welcome to nginx!"), qPrintable(page.describe(QStringLiteral("curl"))));
    }

    void deletedPodsGo()
    {
        const CommandResult deleted = k({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("duo"), QStringLiteral("crash"),
                                         QStringLiteral("missing")});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
        const CommandResult ns = k({QStringLiteral("delete"), QStringLiteral("-f"),
                                    QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml")});
        QVERIFY2(ns.exitCode == 0, qPrintable(ns.err));
        QVERIFY(eventually([&] {
            return json({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")}).value(QStringLiteral("items")).toArray().isEmpty();
        }, 60000));
        // Nothing of them runs: every node's containerd has no container left.
        for (const QString &node : kNodes) {
            QVERIFY(eventually([&] {
                const auto list = timoneiro::runtime::runCommand(QStringLiteral("ctr"), {QStringLiteral("-a"), socketOf(node), QStringLiteral("-n"),
                                                                                       QStringLiteral("k8s.io"), QStringLiteral("containers"), QStringLiteral("ls"), QStringLiteral("-q")});
                return list.ok() && list.out.trimmed().isEmpty();
            }, 20000));
        }
        const auto gone = curl(QStringLiteral("http://%1/").arg(nginxIp_));
        QVERIFY(!gone.ok() || !gone.out.contains("Welcome to nginx!"));
    }

    void sigtermLeavesNothing()
    {
        // A pod left running: the shutdown must end it too.
        const CommandResult run = k({QStringLiteral("run"), QStringLiteral("sleeper"), QStringLiteral("--image=busybox"), QStringLiteral("--"),
                                     QStringLiteral("sleep"), QStringLiteral("3600")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(eventually([&] { return status(pod(QStringLiteral("sleeper"))).value(QStringLiteral("phase")).toString() == QLatin1String("Running"); }, 60000));
        QList<pid_t> shims;
        for (const QString &node : kNodes)
            for (const auto &shim : teardown::shimsOf(socketOf(node)))
                shims << shim.pid;
        QVERIFY(!shims.isEmpty());
        const QList<qint64> containerd = containerdPids();
        QVERIFY(containerd.size() >= 2);
        QCOMPARE(server_->stop(), 0);
        for (pid_t pid : shims)
            QVERIFY2(!teardown::processAlive(pid), qPrintable(QString::number(pid)));
        for (qint64 pid : containerd)
            QVERIFY2(!teardown::processAlive(pid_t(pid)), qPrintable(QString::number(pid)));
        QVERIFY(containerdPids().isEmpty());
        for (const QString &node : kNodes)
            QVERIFY2(!teardown::linkExists(bridgeOf(node)), qPrintable(bridgeOf(node)));
        QVERIFY2(teardown::mountsUnder(server_->dataDir()).isEmpty(), qPrintable(teardown::mountsUnder(server_->dataDir()).join(QLatin1Char(' '))));
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(LocalNodesE2E)
#include "test_e2e_local_nodes.moc"
