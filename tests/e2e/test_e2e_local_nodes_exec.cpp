// kubectl exec, attach and logs -f through timoneirod's API server to a
// real local node (timoneirod --nodes 1, containerd, the real kubectl 1.32,
// which speaks WebSocket v5.channel.k8s.io): a command's output, its exit
// code ("command terminated with exit code 3"), stdin up to its end, stdout
// and stderr apart, a terminal (-it under script(1)), Kubernetes' refusal
// of an unknown container, attach to a running container's output and to
// its stdin, a follow that receives a line written after it started, one
// that ends with its container and one across a log rotation, and a user
// without create on pods/exec refused. Needs root and containerd; skipped
// otherwise.
#include "e2e_helpers.h"
#include "e2e_node_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <unistd.h>

using namespace timoneiro::testing;

namespace {

const QString kNode = QStringLiteral("node-1");

// Reads a running kubectl's stdout until it contains text (bounded).
bool readUntil(QProcess &p, QByteArray *out, const QByteArray &text, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs && !out->contains(text); waited += 200) {
        p.waitForReadyRead(200);
        *out += p.readAllStandardOutput();
    }
    return out->contains(text);
}

const char *kObjects =
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: nginx}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - {name: nginx, image: nginx}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: shell}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - name: main\n"
    "    image: busybox\n"
    // Says "ready", then whatever is put in /tmp/say: the follow test writes there.
    "    command: [\"sh\", \"-c\", \"echo ready; while true; do if [ -f /tmp/say ]; then cat /tmp/say; rm /tmp/say; fi; sleep 0.2; done\"]\n"
    "  - name: ticker\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"while true; do echo tick; sleep 0.5; done\"]\n"
    "  - name: console\n"
    "    image: busybox\n"
    "    stdin: true\n"
    "    command: [\"sh\", \"-c\", \"while read l; do echo got-$l; done\"]\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: brief}\n"
    "spec:\n"
    "  restartPolicy: Never\n"
    "  containers:\n"
    "  - name: main\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"echo first; sleep 8; echo last\"]\n"
    "---\n"
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: Role\n"
    "metadata: {name: pod-reader}\n"
    "rules:\n"
    "- {apiGroups: [\"\"], resources: [pods, pods/log], verbs: [get, list, watch]}\n"
    "---\n"
    "apiVersion: rbac.authorization.k8s.io/v1\n"
    "kind: RoleBinding\n"
    "metadata: {name: viewer-reads-pods}\n"
    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}\n"
    "subjects:\n"
    "- {apiGroup: rbac.authorization.k8s.io, kind: User, name: viewer}\n";

}  // namespace

class LocalNodesExecE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    bool running(const QString &pod)
    {
        const CommandResult r = k({QStringLiteral("get"), QStringLiteral("pod"), pod, QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("status")).toObject();
        if (status.value(QStringLiteral("phase")).toString() != QLatin1String("Running"))
            return false;
        for (const QJsonValue &c : status.value(QStringLiteral("containerStatuses")).toArray())
            if (!c.toObject().value(QStringLiteral("state")).toObject().contains(QStringLiteral("running")))
                return false;
        return true;
    }

    void sweep() { sweepCluster(server_, {kNode}); }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "runc", "ip"}, {kNode}); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("exec")}),
                 qPrintable(server_->log()));
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kObjects);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QVERIFY2(eventually([&] { return running(QStringLiteral("nginx")) && running(QStringLiteral("shell")) && running(QStringLiteral("brief")); }, 120000),
                 qPrintable(server_->log()));
    }

    void execPrintsTheCommandsOutput()
    {
        const CommandResult r = k({QStringLiteral("exec"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("main"), QStringLiteral("--"),
                                   QStringLiteral("cat"), QStringLiteral("/etc/hostname")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("shell\n"));
        const CommandResult version = k({QStringLiteral("exec"), QStringLiteral("nginx"), QStringLiteral("--"), QStringLiteral("nginx"), QStringLiteral("-v")});
        QVERIFY2(version.exitCode == 0, qPrintable(version.err));
        QVERIFY2(version.err.contains(QLatin1String("nginx version: nginx/")), qPrintable(version.err));
    }

    void missingExecutableIsTheRuntimesError()
    {
        // The nginx image has no cat: the runtime's Status reaches kubectl as is.
        const CommandResult r = k({QStringLiteral("exec"), QStringLiteral("nginx"), QStringLiteral("--"), QStringLiteral("cat"), QStringLiteral("/etc/hostname")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("error: Internal error occurred: error executing command in container")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("\"cat\": executable file not found in $PATH")), qPrintable(r.err));
    }

    void exitCodeIsPropagated()
    {
        const CommandResult r = k({QStringLiteral("exec"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("main"), QStringLiteral("--"),
                                   QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("command terminated with exit code 3")), qPrintable(r.err));
    }

    void stdoutAndStderrApart()
    {
        const CommandResult r = k({QStringLiteral("exec"), QStringLiteral("shell"), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("echo to-out; echo to-err >&2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("to-out\n"));
        QVERIFY2(r.err.contains(QLatin1String("to-err")), qPrintable(r.err));
        QVERIFY(!r.out.contains(QLatin1String("to-err")));
    }

    void stdinReachesTheCommandAndEnds()
    {
        // cat ends only when its stdin does: the close reaches the runtime.
        const CommandResult r = k({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("shell"), QStringLiteral("--"), QStringLiteral("cat")},
                                  "hi\nsecond line\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("hi\nsecond line\n"));
    }

    void terminalUnderScript()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script(1) is not installed");
        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), server_->kubeconfig());
        env.insert(QStringLiteral("HOME"), home.path());
        p.setProcessEnvironment(env);
        // kubectl sends its terminal's size first (the resize channel); the
        // runtime applies it beside the process's start, so it is awaited (bounded).
        const QString command = QStringLiteral("stty rows 45 cols 123; ") + Kubectl::path()
                                + QStringLiteral(" exec -it shell -c main -- sh -c 'tty; for i in 1 2 3 4 5 6 7 8 9 10; do "
                                                 "s=$(stty size 2>/dev/null); [ -n \"$s\" ] && [ \"$s\" != \"0 0\" ] && break; sleep 0.2; done; "
                                                 "echo size $s; exit 4'");
        p.start(QStringLiteral("script"), {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY(p.waitForStarted(10000));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("/dev/pts/")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("size 45 123")), qPrintable(out));
        QCOMPARE(p.exitCode(), 4);
    }

    void unknownContainerIsRefused()
    {
        const CommandResult r = k({QStringLiteral("exec"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("nope"), QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("container nope is not valid for pod shell")), qPrintable(r.err));
    }

    void attachShowsTheRunningOutput()
    {
        auto p = kubectl_->start({QStringLiteral("attach"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("ticker")});
        QByteArray out;
        const bool ticked = readUntil(*p, &out, "tick\ntick\n", 30000);
        p->kill();
        p->waitForFinished(5000);
        QVERIFY2(ticked, qPrintable(QString::fromUtf8(out + p->readAllStandardError())));
    }

    void attachWithStdin()
    {
        auto p = kubectl_->start({QStringLiteral("attach"), QStringLiteral("-i"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("console")});
        p->write("hello\n");
        QByteArray out;
        const bool echoed = readUntil(*p, &out, "got-hello\n", 30000);
        p->kill();
        p->waitForFinished(5000);
        QVERIFY2(echoed, qPrintable(QString::fromUtf8(out + p->readAllStandardError())));
    }

    void logsFollowReceivesNewLines()
    {
        auto p = kubectl_->start({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("main")});
        QByteArray out;
        QVERIFY2(readUntil(*p, &out, "ready\n", 30000), qPrintable(QString::fromUtf8(out + p->readAllStandardError())));
        const CommandResult said = k({QStringLiteral("exec"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("main"), QStringLiteral("--"),
                                      QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo written-after-follow > /tmp/say")});
        QVERIFY2(said.exitCode == 0, qPrintable(said.err));
        const bool followed = readUntil(*p, &out, "written-after-follow\n", 30000);
        QVERIFY2(p->state() == QProcess::Running, "kubectl logs -f ended while the container runs");
        p->kill();
        p->waitForFinished(5000);
        QVERIFY2(followed, qPrintable(QString::fromUtf8(out)));
    }

    void logsFollowEndsWithTheContainer()
    {
        auto p = kubectl_->start({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("brief")});
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p->readAllStandardOutput()), QStringLiteral("first\nlast\n"));
    }

    void userWithoutCreateOnExecIsRefused()
    {
        const Kubectl viewer(server_->mintKubeconfig(QStringLiteral("viewer"), {}));
        const CommandResult got = viewer.run({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("shell")});
        QVERIFY2(got.exitCode == 0, qPrintable(got.err));
        const CommandResult r = viewer.run({QStringLiteral("exec"), QStringLiteral("shell"), QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("User \"viewer\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"default\"")),
                 qPrintable(r.err));
    }

    // Last: it leaves the container writing to the rotated file.
    void logsFollowAcrossRotation()
    {
        auto p = kubectl_->start({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("shell"), QStringLiteral("-c"), QStringLiteral("main")});
        QByteArray out;
        QVERIFY2(readUntil(*p, &out, "ready\n", 30000), qPrintable(QString::fromUtf8(out + p->readAllStandardError())));
        const QString uid = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("shell"), QStringLiteral("-o"),
                               QStringLiteral("jsonpath={.metadata.uid}")}).out.trimmed();
        const QString dir = server_->dataDir() + QStringLiteral("/nodes/node-1/pods/default_shell_") + uid + QStringLiteral("/main/");
        // As the kubelet rotates: the file renamed, a new one at the path.
        QVERIFY(QFile::rename(dir + QStringLiteral("0.log"), dir + QStringLiteral("0.log.20261201-000000")));
        QFile fresh(dir + QStringLiteral("0.log"));
        QVERIFY(fresh.open(QIODevice::WriteOnly));
        fresh.write("2026-12-01T00:00:00.000000000Z stdout F after-rotation\n");
        fresh.close();
        const bool followed = readUntil(*p, &out, "after-rotation\n", 30000);
        p->kill();
        p->waitForFinished(5000);
        QVERIFY2(followed, qPrintable(QString::fromUtf8(out)));
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(LocalNodesExecE2E)
#include "test_e2e_local_nodes_exec.moc"
