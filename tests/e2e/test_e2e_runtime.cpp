// A local node's runtime on the real containerd: the supervisor starts a
// private containerd, the offline images are built and imported, busybox
// prints through ctr, an nginx pod made over CRI (our gRPC client) answers
// curl on its pod IP, a kill -9 of containerd is survived (restart
// signalled, the pod still answers), CRI tears the pod down, and a clean
// stop leaves no process, mount, network namespace, cgroup or bridge.
// Needs root and containerd; skipped otherwise.
#include "e2e_node_helpers.h"
#include "kubelet/cri/runtime_client.h"
#include "runtime/containerd_supervisor.h"
#include "runtime/host_command.h"
#include "runtime/local_images.h"
#include "runtime/node_teardown.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <unistd.h>

using namespace timoneiro::runtime;
namespace cri = timoneiro::kubelet::cri;

namespace {

CommandResult ctr(const QString &socket, const QStringList &args, int timeoutMs = 60000)
{
    return runCommand(QStringLiteral("ctr"), QStringList{QStringLiteral("-a"), socket, QStringLiteral("-n"), QStringLiteral("k8s.io")} + args,
                      timeoutMs);
}

// A /24 of 10.244.0.0/16 no route of this machine uses yet.
QString freePodCidr()
{
    const QString routes = QString::fromUtf8(runCommand(QStringLiteral("ip"), {QStringLiteral("-4"), QStringLiteral("route")}).out);
    for (int third = 200 + getpid() % 40; third < 255; ++third) {
        const QString cidr = QStringLiteral("10.244.%1.0/24").arg(third);
        if (!routes.contains(cidr))
            return cidr;
    }
    return {};
}

// GET / from the pod, a few tries while nginx starts (bounded).
CommandResult curlPod(const QString &ip)
{
    return timoneiro::testing::curl(QStringLiteral("http://%1/").arg(ip));
}

// Ends what this test started even when a check fails half-way: the
// supervisor's clean stop, then by PID only this node's shims and their
// trees, its mounts, and its bridge.
struct NodeGuard {
    std::unique_ptr<ContainerdSupervisor> supervisor;
    ~NodeGuard()
    {
        if (!supervisor)
            return;
        supervisor->stop();
        for (const ShimProcess &shim : teardown::shimsOf(supervisor->paths().socket))
            teardown::killTree(shim.pid);
        teardown::unmountUnder(supervisor->config().dataDir);
        QString ignored;
        teardown::deleteLink(supervisor->bridgeName(), &ignored);
    }
};

}  // namespace

class RuntimeE2E : public QObject {
    Q_OBJECT

private:
    // Short path: containerd's socket must fit a sockaddr_un.
    QTemporaryDir dir_{QStringLiteral("/tmp/tmn-e2e-XXXXXX")};
    std::unique_ptr<NodeGuard> guard_;
    ContainerdSupervisor *supervisor_ = nullptr;
    QString node_;
    QString cidr_;
    QString socket_;
    QStringList runBase_;
    pid_t shimPid_ = 0;
    QList<pid_t> sleeperTree_;
    QString sandboxId_;
    QString podIp_;
    cri::v1::PodSandboxConfig sandboxConfig_;

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root (containerd, mounts, network namespaces)");
        for (const char *tool : {"containerd", "ctr", "runc", "ip", "curl"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
                && !QFile::exists(QStringLiteral("/usr/sbin/") + QLatin1String(tool)))
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (installers/install-deps.sh installs it)").arg(QLatin1String(tool))));
        }
        if (!QFile::exists(QStringLiteral("/usr/lib/cni/bridge")))
            QSKIP("containernetworking-plugins is not installed");
        QVERIFY(dir_.isValid());
        cidr_ = freePodCidr();
        QVERIFY2(!cidr_.isEmpty(), "no free /24 in 10.244.200-254");
        node_ = QStringLiteral("e2e%1").arg(getpid());

        NodeRuntimeConfig config;
        config.nodeName = node_;
        config.dataDir = dir_.filePath(QStringLiteral("node"));
        config.podCidr = cidr_;
        config.sandboxImage = LocalImages::pauseReference();
        BackoffPolicy backoff;
        backoff.initialDelayMs = 200;
        guard_ = std::make_unique<NodeGuard>();
        guard_->supervisor = std::make_unique<ContainerdSupervisor>(config, backoff);
        supervisor_ = guard_->supervisor.get();
        QSignalSpy ready(supervisor_, &ContainerdSupervisor::ready);
        QString error;
        QVERIFY2(supervisor_->start(&error), qPrintable(error));
        QVERIFY2(ready.wait(30000), "containerd's socket did not answer");
        QCOMPARE(supervisor_->state(), RuntimeState::Running);
        socket_ = supervisor_->paths().socket;
        runBase_ = {QStringLiteral("run"), QStringLiteral("--snapshotter"), supervisor_->snapshotter(),
                    QStringLiteral("--runc-root"), supervisor_->paths().runcRoot};
        qInfo("node %s: containerd pid %lld, snapshotter %s, bridge %s, pod CIDR %s", qPrintable(node_),
              supervisor_->pid(), qPrintable(supervisor_->snapshotter()), qPrintable(supervisor_->bridgeName()), qPrintable(cidr_));

        // Images: built once into a cache shared by runs, then imported.
        LocalImagesOptions imageOptions;
        imageOptions.cacheDir = QDir::tempPath() + QStringLiteral("/timoneiro-e2e-images");
        LocalImages images(imageOptions);
        QStringList buildErrors;
        QVERIFY2(images.ensureBuilt(&buildErrors), qPrintable(buildErrors.join(QLatin1Char('\n'))));
        QVERIFY2(buildErrors.isEmpty(), qPrintable(buildErrors.join(QLatin1Char('\n'))));
        QVERIFY2(images.importInto(socket_, supervisor_->snapshotter(), &error), qPrintable(error));
    }

    void podCidrRoutedToBridgeFirst()
    {
        // Before any pod: an address of the node's pods goes to its bridge.
        const QString probe = cidr_.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".77");
        const CommandResult route = runCommand(QStringLiteral("ip"), {QStringLiteral("route"), QStringLiteral("get"), probe});
        QVERIFY2(route.ok() && route.out.contains(("dev " + supervisor_->bridgeName()).toUtf8()), route.out.constData());
        QFile conflist(supervisor_->paths().cniConfDir + QStringLiteral("/10-timoneiro.conflist"));
        QVERIFY(conflist.open(QIODevice::ReadOnly));
        const QByteArray cni = conflist.readAll();
        QVERIFY(cni.contains(supervisor_->bridgeName().toUtf8()) && cni.contains("\"ipMasq\": false") && cni.contains(cidr_.toUtf8()));
    }

    void imagesListed()
    {
        const CommandResult list = ctr(socket_, {QStringLiteral("images"), QStringLiteral("ls"), QStringLiteral("-q")});
        QVERIFY2(list.ok(), qPrintable(list.describe(QStringLiteral("ctr"))));
        for (const QString &name : {QStringLiteral("docker.io/library/busybox:latest"), QStringLiteral("docker.io/library/busybox:1.35"),
                                    QStringLiteral("docker.io/library/nginx:latest"), QStringLiteral("docker.io/library/nginx:1.22"),
                                    LocalImages::pauseReference()})
            QVERIFY2(list.out.contains(name.toUtf8()), qPrintable(name + QStringLiteral(" not in:\n") + QString::fromUtf8(list.out)));
    }

    void busyboxRunsThroughCtr()
    {
        const CommandResult hello = ctr(socket_, runBase_ + QStringList{QStringLiteral("--rm"), QStringLiteral("docker.io/library/busybox:latest"),
                                                                        QStringLiteral("e2e-hello"), QStringLiteral("sh"), QStringLiteral("-c"),
                                                                        QStringLiteral("echo hello from $(busybox | head -1 | cut -d' ' -f2)")});
        QVERIFY2(hello.ok(), qPrintable(hello.describe(QStringLiteral("ctr run"))));
        QVERIFY2(hello.out.contains("hello from v1.35"), hello.out.constData());
        // A long-running task: it must survive containerd's crash and end
        // with the clean stop.
        const CommandResult sleeper = ctr(socket_, runBase_ + QStringList{QStringLiteral("-d"), QStringLiteral("docker.io/library/busybox:latest"),
                                                                          QStringLiteral("e2e-sleeper"), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(sleeper.ok(), qPrintable(sleeper.describe(QStringLiteral("ctr run -d"))));
        const QList<ShimProcess> shims = teardown::shimsOf(socket_);
        QCOMPARE(shims.size(), 1);
        shimPid_ = shims.first().pid;
        sleeperTree_ = teardown::descendantsOf(shimPid_);
        QVERIFY(!sleeperTree_.isEmpty());
    }

    void nginxPodOverCri()
    {
        cri::RuntimeClient client(socket_);
        cri::CriError error;
        cri::v1::VersionResponse version;
        QVERIFY2(client.version(&version, &error), qPrintable(error.message));
        QCOMPARE(QString::fromStdString(version.runtime_name()), QStringLiteral("containerd"));
        QCOMPARE(QString::fromStdString(version.runtime_api_version()), QStringLiteral("v1"));
        cri::v1::StatusResponse status;
        QVERIFY2(client.status(&status, &error), qPrintable(error.message));
        for (const char *type : {"RuntimeReady", "NetworkReady"}) {
            const auto *condition = cri::RuntimeClient::condition(status, type);
            QVERIFY2(condition && condition->status(), type);
        }

        const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto *meta = sandboxConfig_.mutable_metadata();
        meta->set_name("web");
        meta->set_namespace_("default");
        meta->set_uid(uid.toStdString());
        sandboxConfig_.set_hostname("web");
        sandboxConfig_.set_log_directory(dir_.filePath(QStringLiteral("node/pods/default_web_") + uid).toStdString());
        (*sandboxConfig_.mutable_labels())["app"] = "web";
        sandboxConfig_.mutable_linux()->set_cgroup_parent((nodeCgroupParent(node_) + QStringLiteral("/pod") + uid).toStdString());
        auto *namespaces = sandboxConfig_.mutable_linux()->mutable_security_context()->mutable_namespace_options();
        namespaces->set_network(cri::v1::POD);
        namespaces->set_pid(cri::v1::CONTAINER);
        namespaces->set_ipc(cri::v1::POD);
        QVERIFY2(client.runPodSandbox(sandboxConfig_, &sandboxId_, &error), qPrintable(error.message));

        cri::v1::ContainerConfig container;
        container.mutable_metadata()->set_name("nginx");
        container.mutable_image()->set_image("nginx");  // CRI resolves docker.io/library/nginx:latest
        container.set_log_path("nginx/0.log");
        QString containerId;
        QVERIFY2(client.createContainer(sandboxId_, container, sandboxConfig_, &containerId, &error), qPrintable(error.message));
        QVERIFY2(client.startContainer(containerId, &error), qPrintable(error.message));
        cri::v1::ContainerStatusResponse containerStatus;
        QVERIFY2(client.containerStatus(containerId, &containerStatus, &error), qPrintable(error.message));
        QCOMPARE(containerStatus.status().state(), cri::v1::CONTAINER_RUNNING);

        cri::v1::PodSandboxStatusResponse sandbox;
        QVERIFY2(client.podSandboxStatus(sandboxId_, &sandbox, &error), qPrintable(error.message));
        QCOMPARE(sandbox.status().state(), cri::v1::SANDBOX_READY);
        podIp_ = QString::fromStdString(sandbox.status().network().ip());
        QVERIFY2(podIp_.startsWith(cidr_.section(QLatin1Char('.'), 0, 2) + QLatin1Char('.')), qPrintable(podIp_));
        const CommandResult page = curlPod(podIp_);
        QVERIFY2(page.ok() && page.out.contains("Welcome to nginx!"), qPrintable(page.describe(QStringLiteral("curl"))));
        // A second pod that is never removed: the clean stop must end it.
        cri::v1::PodSandboxConfig lingering = sandboxConfig_;
        const QString lingeringUid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        lingering.mutable_metadata()->set_name("lingering");
        lingering.mutable_metadata()->set_uid(lingeringUid.toStdString());
        lingering.set_hostname("lingering");
        lingering.mutable_linux()->set_cgroup_parent((nodeCgroupParent(node_) + QStringLiteral("/pod") + lingeringUid).toStdString());
        QString lingeringId;
        QVERIFY2(client.runPodSandbox(lingering, &lingeringId, &error), qPrintable(error.message));
        // nginx logs to stdout, which CRI writes to the container's log.
        QFile log(QString::fromStdString(sandboxConfig_.log_directory()) + QStringLiteral("/nginx/0.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(log.readAll().contains("\"GET / HTTP/1.1\" 200"), "no access line in the container log");
    }

    void survivesContainerdKill()
    {
        QSignalSpy ready(supervisor_, &ContainerdSupervisor::ready);
        QSignalSpy restarting(supervisor_, &ContainerdSupervisor::restarting);
        const pid_t firstPid = static_cast<pid_t>(supervisor_->pid());
        QVERIFY(::kill(firstPid, SIGKILL) == 0);
        QVERIFY(restarting.wait(10000));
        QCOMPARE(restarting.first().at(0).toInt(), 1);
        QVERIFY2(restarting.first().at(1).toString().contains(QLatin1String("signal 9")), qPrintable(restarting.first().at(1).toString()));
        QVERIFY(ready.wait(30000));
        QCOMPARE(supervisor_->state(), RuntimeState::Running);
        QCOMPARE(supervisor_->restartCount(), 1);
        QVERIFY(supervisor_->pid() != firstPid);
        // The shims kept the containers; the new containerd knows them.
        const CommandResult tasks = ctr(socket_, {QStringLiteral("tasks"), QStringLiteral("ls")});
        QVERIFY2(tasks.ok() && tasks.out.contains("e2e-sleeper") && tasks.out.contains("RUNNING"), tasks.out.constData());
        QVERIFY(teardown::processAlive(shimPid_));
        const CommandResult page = curlPod(podIp_);
        QVERIFY2(page.ok() && page.out.contains("Welcome to nginx!"), qPrintable(page.describe(QStringLiteral("curl"))));
    }

    void podTornDownOverCri()
    {
        cri::RuntimeClient client(socket_);
        cri::CriError error;
        QVERIFY2(client.stopPodSandbox(sandboxId_, &error), qPrintable(error.message));
        QVERIFY2(client.removePodSandbox(sandboxId_, &error), qPrintable(error.message));
        cri::v1::ListPodSandboxResponse list;
        QVERIFY2(client.listPodSandbox(&list, &error), qPrintable(error.message));
        QCOMPARE(list.items_size(), 1);
        QCOMPARE(list.items(0).metadata().name(), std::string("lingering"));
        cri::v1::PodSandboxStatusResponse gone;
        QVERIFY(!client.podSandboxStatus(sandboxId_, &gone, &error));
        QCOMPARE(error.code, int(grpc::StatusCode::NOT_FOUND));
        // One network namespace left (the lingering pod's), under the state dir.
        const QStringList netns = teardown::mountsUnder(supervisor_->paths().state).filter(QStringLiteral("/netns/"));
        QCOMPARE(netns.size(), 1);
    }

    void cleanStopLeavesNothing()
    {
        const pid_t pid = static_cast<pid_t>(supervisor_->pid());
        supervisor_->stop();
        QCOMPARE(supervisor_->state(), RuntimeState::Stopped);
        QVERIFY2(supervisor_->leftovers().isEmpty(), qPrintable(supervisor_->leftovers().join(QStringLiteral(", "))));
        QVERIFY(!teardown::processAlive(pid));
        QVERIFY(!teardown::processAlive(shimPid_));
        for (pid_t p : sleeperTree_)
            QVERIFY2(!teardown::processAlive(p), qPrintable(QString::number(p)));
        QVERIFY(teardown::shimsOf(socket_).isEmpty());
        const QString dataDir = supervisor_->config().dataDir;
        QVERIFY2(teardown::mountsUnder(dataDir).isEmpty(), qPrintable(teardown::mountsUnder(dataDir).join(QLatin1Char(' '))));
        QVERIFY(!teardown::linkExists(supervisor_->bridgeName()));
        // The lingering pod's network namespace went with its mount.
        QVERIFY(!QDir(supervisor_->paths().state + QStringLiteral("/io.containerd.grpc.v1.cri/netns")).exists());
        QVERIFY(teardown::removeCgroups(nodeCgroupParent(node_)).isEmpty());
    }

    void backoffIsBoundedThenFailed()
    {
        // A containerd that dies at once: restarts at doubling delays, then
        // Failed with the reason, and no restart after that.
        NodeRuntimeConfig config;
        config.nodeName = node_ + QStringLiteral("b");
        config.dataDir = dir_.filePath(QStringLiteral("crashing"));
        config.podCidr = freePodCidr();
        config.sandboxImage = LocalImages::pauseReference();
        config.containerdBinary = QStringLiteral("/bin/false");
        BackoffPolicy backoff;
        backoff.initialDelayMs = 20;
        backoff.maxDelayMs = 80;
        backoff.maxConsecutiveFailures = 4;
        NodeGuard guard;
        guard.supervisor = std::make_unique<ContainerdSupervisor>(config, backoff);
        ContainerdSupervisor &supervisor = *guard.supervisor;
        QSignalSpy restarting(&supervisor, &ContainerdSupervisor::restarting);
        QSignalSpy failed(&supervisor, &ContainerdSupervisor::failed);
        QString error;
        QVERIFY2(supervisor.start(&error), qPrintable(error));
        QVERIFY(failed.wait(10000));
        QCOMPARE(supervisor.state(), RuntimeState::Failed);
        QCOMPARE(restarting.size(), 4);
        QList<int> delays;
        for (const QList<QVariant> &args : restarting)
            delays.append(args.at(2).toInt());
        QCOMPARE(delays, (QList<int>{20, 40, 80, 80}));
        QCOMPARE(supervisor.lastExit(), QStringLiteral("exited with code 1"));
        QVERIFY(failed.first().at(0).toString().contains(QLatin1String("4 times in a row")));
        supervisor.stop();
        QCOMPARE(supervisor.state(), RuntimeState::Stopped);
        QVERIFY(!teardown::linkExists(supervisor.bridgeName()));
    }

    void cleanupTestCase() { guard_.reset(); }
};

QTEST_GUILESS_MAIN(RuntimeE2E)
#include "test_e2e_runtime.moc"
