// A local node's runtime on the real containerd: the supervisor starts a
// private containerd, the offline images are built and imported, a busybox
// container prints through ctr, the nginx image's config checks out, a
// kill -9 of containerd is survived (restart signalled, shims kept), and a
// clean stop leaves no process, mount, network namespace or bridge.
// Needs root and containerd; skipped otherwise.
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

#include <csignal>
#include <unistd.h>

using namespace timoneiro::runtime;

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

// Ends what this test started even when a check fails half-way: the
// supervisor's clean stop, then by PID only this node's shims and their
// trees, and the node's bridge.
struct NodeGuard {
    ContainerdSupervisor *supervisor = nullptr;
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

private slots:
    void supervisedContainerd()
    {
        if (geteuid() != 0)
            QSKIP("needs root (containerd, mounts, network namespaces)");
        for (const char *tool : {"containerd", "ctr", "runc", "ip"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
                && !QFile::exists(QStringLiteral("/usr/sbin/") + QLatin1String(tool)))
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (installers/install-deps.sh installs it)").arg(QLatin1String(tool))));
        }
        if (!QFile::exists(QStringLiteral("/usr/lib/cni/bridge")))
            QSKIP("containernetworking-plugins is not installed");

        // Short path: containerd's socket must fit a sockaddr_un.
        QTemporaryDir dir(QStringLiteral("/tmp/tmn-e2e-XXXXXX"));
        QVERIFY(dir.isValid());
        const QString cidr = freePodCidr();
        QVERIFY2(!cidr.isEmpty(), "no free /24 in 10.244.200-254");
        const QString node = QStringLiteral("e2e%1").arg(getpid());

        NodeRuntimeConfig config;
        config.nodeName = node;
        config.dataDir = dir.filePath(QStringLiteral("node"));
        config.podCidr = cidr;
        config.sandboxImage = LocalImages::pauseReference();
        BackoffPolicy backoff;
        backoff.initialDelayMs = 200;
        ContainerdSupervisor supervisor(config, backoff);
        NodeGuard guard{&supervisor};
        QSignalSpy ready(&supervisor, &ContainerdSupervisor::ready);
        QSignalSpy restarting(&supervisor, &ContainerdSupervisor::restarting);

        QString error;
        QVERIFY2(supervisor.start(&error), qPrintable(error));
        QVERIFY2(ready.wait(30000), "containerd's socket did not answer");
        QCOMPARE(supervisor.state(), RuntimeState::Running);
        const QString socket = supervisor.paths().socket;
        qInfo("node %s: containerd pid %lld, snapshotter %s, bridge %s, pod CIDR %s", qPrintable(node),
              supervisor.pid(), qPrintable(supervisor.snapshotter()), qPrintable(supervisor.bridgeName()), qPrintable(cidr));

        // The pod CIDR goes to the node's bridge before any pod exists.
        const QString probe = cidr.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".77");
        const CommandResult route = runCommand(QStringLiteral("ip"), {QStringLiteral("route"), QStringLiteral("get"), probe});
        QVERIFY2(route.ok() && route.out.contains(("dev " + supervisor.bridgeName()).toUtf8()), route.out.constData());
        QFile conflist(supervisor.paths().cniConfDir + QStringLiteral("/10-timoneiro.conflist"));
        QVERIFY(conflist.open(QIODevice::ReadOnly));
        const QByteArray cni = conflist.readAll();
        QVERIFY(cni.contains(supervisor.bridgeName().toUtf8()) && cni.contains("\"ipMasq\": false") && cni.contains(cidr.toUtf8()));

        // Images: built once into a cache shared by runs, then imported.
        LocalImagesOptions imageOptions;
        imageOptions.cacheDir = QDir::tempPath() + QStringLiteral("/timoneiro-e2e-images");
        LocalImages images(imageOptions);
        QStringList buildErrors;
        QVERIFY2(images.ensureBuilt(&buildErrors), qPrintable(buildErrors.join(QLatin1Char('\n'))));
        QVERIFY2(buildErrors.isEmpty(), qPrintable(buildErrors.join(QLatin1Char('\n'))));
        QVERIFY2(images.importInto(socket, supervisor.snapshotter(), &error), qPrintable(error));
        const CommandResult list = ctr(socket, {QStringLiteral("images"), QStringLiteral("ls"), QStringLiteral("-q")});
        QVERIFY2(list.ok(), qPrintable(list.describe(QStringLiteral("ctr"))));
        for (const QString &name : {QStringLiteral("docker.io/library/busybox:latest"), QStringLiteral("docker.io/library/busybox:1.35"),
                                    QStringLiteral("docker.io/library/nginx:latest"), QStringLiteral("docker.io/library/nginx:1.22"),
                                    LocalImages::pauseReference()})
            QVERIFY2(list.out.contains(name.toUtf8()), qPrintable(name + QStringLiteral(" not in:\n") + QString::fromUtf8(list.out)));

        // A container of busybox prints, through containerd, runc and a shim.
        const QStringList runBase{QStringLiteral("run"), QStringLiteral("--snapshotter"), supervisor.snapshotter(),
                                  QStringLiteral("--runc-root"), supervisor.paths().runcRoot};
        const CommandResult hello = ctr(socket, runBase + QStringList{QStringLiteral("--rm"), QStringLiteral("docker.io/library/busybox:latest"),
                                                                      QStringLiteral("e2e-hello"), QStringLiteral("sh"), QStringLiteral("-c"),
                                                                      QStringLiteral("echo hello from $(busybox | head -1 | cut -d' ' -f2)")});
        QVERIFY2(hello.ok(), qPrintable(hello.describe(QStringLiteral("ctr run"))));
        QVERIFY2(hello.out.contains("hello from v1.35"), hello.out.constData());
        // The nginx image has what nginx needs: libraries, config, users.
        const CommandResult nginxCheck = ctr(socket, runBase + QStringList{QStringLiteral("--rm"), QStringLiteral("docker.io/library/nginx:1.22"),
                                                                           QStringLiteral("e2e-nginx-t"), QStringLiteral("nginx"), QStringLiteral("-t")});
        QVERIFY2(nginxCheck.ok() && (nginxCheck.out + nginxCheck.err).contains("syntax is ok"),
                 qPrintable(nginxCheck.describe(QStringLiteral("nginx -t")) + QString::fromUtf8(nginxCheck.out)));

        // A long-running task: it must survive containerd's crash and end
        // with the clean stop.
        const CommandResult sleeper = ctr(socket, runBase + QStringList{QStringLiteral("-d"), QStringLiteral("docker.io/library/busybox:latest"),
                                                                        QStringLiteral("e2e-sleeper"), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(sleeper.ok(), qPrintable(sleeper.describe(QStringLiteral("ctr run -d"))));
        const QList<ShimProcess> shims = teardown::shimsOf(socket);
        QCOMPARE(shims.size(), 1);
        const pid_t shimPid = shims.first().pid;
        const QList<pid_t> sleeperTree = teardown::descendantsOf(shimPid);
        QVERIFY(!sleeperTree.isEmpty());

        // kill -9 containerd: restarted, signalled, answering again.
        const pid_t firstPid = static_cast<pid_t>(supervisor.pid());
        QVERIFY(::kill(firstPid, SIGKILL) == 0);
        QVERIFY(restarting.wait(10000));
        QCOMPARE(restarting.first().at(0).toInt(), 1);
        QVERIFY2(restarting.first().at(1).toString().contains(QLatin1String("signal 9")), qPrintable(restarting.first().at(1).toString()));
        QVERIFY(ready.wait(30000));
        QCOMPARE(supervisor.state(), RuntimeState::Running);
        QCOMPARE(supervisor.restartCount(), 1);
        QVERIFY(supervisor.pid() != firstPid);
        const CommandResult tasks = ctr(socket, {QStringLiteral("tasks"), QStringLiteral("ls")});
        QVERIFY2(tasks.ok() && tasks.out.contains("e2e-sleeper") && tasks.out.contains("RUNNING"), tasks.out.constData());
        QVERIFY(teardown::processAlive(shimPid));

        // Clean stop: nothing of the node is left.
        const pid_t secondPid = static_cast<pid_t>(supervisor.pid());
        supervisor.stop();
        QCOMPARE(supervisor.state(), RuntimeState::Stopped);
        QVERIFY2(supervisor.leftovers().isEmpty(), qPrintable(supervisor.leftovers().join(QStringLiteral(", "))));
        QVERIFY(!teardown::processAlive(secondPid));
        QVERIFY(!teardown::processAlive(shimPid));
        for (pid_t pid : sleeperTree)
            QVERIFY2(!teardown::processAlive(pid), qPrintable(QString::number(pid)));
        QVERIFY(teardown::shimsOf(socket).isEmpty());
        QVERIFY2(teardown::mountsUnder(config.dataDir).isEmpty(), qPrintable(teardown::mountsUnder(config.dataDir).join(QLatin1Char(' '))));
        QVERIFY(!teardown::linkExists(supervisor.bridgeName()));
    }
};

QTEST_GUILESS_MAIN(RuntimeE2E)
#include "test_e2e_runtime.moc"
