// After a kill -9 of timoneirod --nodes 2, its pod network stays behind
// (tmn-* devices, KUBE-* and TIMONEIRO-* chains); `timoneirod --cleanup`
// removes all of it, says what it removed, and finds nothing the second time.
// Needs root, containerd, the CNI plugins and iptables; skipped otherwise.
#include "e2e_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace timoneiro::testing;

namespace {

QByteArray run(const QString &program, const QStringList &args)
{
    return toolOutput(program, args, 30000);
}

// Every tmn-* device and KUBE-*/TIMONEIRO-* chain, by name.
QStringList leftovers()
{
    QStringList left = tmnDevices();
    for (const QByteArray &line : clusterChainLines(30000))
        left << QString::fromUtf8(line.mid(1, line.indexOf(' ') - 1));
    return left;
}

// The containerd processes of this cluster's nodes (their command line names its data dir).
QList<pid_t> containerdOf(const QString &dataDir)
{
    QList<pid_t> pids;
    for (qint64 pid : processesNaming((dataDir + QStringLiteral("/nodes/")).toUtf8()))
        pids << pid_t(pid);
    return pids;
}

}  // namespace

class NetworkCleanupE2E : public QObject {
    Q_OBJECT
private slots:
    void cleanupAfterKill9()
    {
        if (geteuid() != 0)
            QSKIP("needs root (containerd, bridges, iptables)");
        if (QStandardPaths::findExecutable(QStringLiteral("containerd")).isEmpty() || !QFile::exists(QStringLiteral("/usr/lib/cni/bridge"))
            || QStandardPaths::findExecutable(QStringLiteral("iptables-save"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty())
            QSKIP("needs containerd, the CNI plugins and iptables");
        if (!leftovers().isEmpty())
            QSKIP(qPrintable(QStringLiteral("another cluster's network is on this machine: %1").arg(leftovers().join(QStringLiteral(", ")))));
        useSharedImageCache();

        TimoneirodProcess server({QStringLiteral("--nodes"), QStringLiteral("2")});
        const QString dataDir = server.dataDir();
        // Whatever happens below, nothing of this cluster outlives the test.
        struct Guard {
            TimoneirodProcess &server;
            ~Guard()
            {
                server.kill();
                for (pid_t pid : containerdOf(server.dataDir()))
                    ::kill(pid, SIGKILL);
                run(QStringLiteral(TIMONEIROD_PATH), {QStringLiteral("--cleanup")});
            }
        } guard{server};
        QVERIFY2(server.start(), qPrintable(server.log()));
        QVERIFY2(eventually([] {
            const QStringList l = leftovers();
            return l.contains(QStringLiteral("tmn-node-1")) && l.contains(QStringLiteral("tmn-node-2")) && l.contains(QStringLiteral("tmn-svc"))
                   && l.contains(QStringLiteral("KUBE-SERVICES")) && l.contains(QStringLiteral("TIMONEIRO-FORWARD"));
        }, 60000), qPrintable(leftovers().join(QLatin1Char(' ')) + server.log()));
        const QStringList before = leftovers();

        server.kill();
        for (pid_t pid : containerdOf(server.dataDir()))
            ::kill(pid, SIGKILL);
        QVERIFY(eventually([&] { return containerdOf(server.dataDir()).isEmpty(); }, 10000));
        QCOMPARE(leftovers(), before);  // a crash leaves the network behind

        const QString removed = QString::fromUtf8(run(QStringLiteral(TIMONEIROD_PATH), {QStringLiteral("--cleanup")}));
        QVERIFY2(removed.contains(QLatin1String("removed device tmn-node-1")) && removed.contains(QLatin1String("removed device tmn-svc"))
                     && removed.contains(QLatin1String("removed nat chain KUBE-SERVICES"))
                     && removed.contains(QLatin1String("removed filter chain TIMONEIRO-FORWARD")),
                 qPrintable(removed));
        QCOMPARE(leftovers(), QStringList());
        QVERIFY(!run(QStringLiteral("ip"), {QStringLiteral("route")}).contains("10.96.0.0/12"));
        QCOMPARE(QString::fromUtf8(run(QStringLiteral(TIMONEIROD_PATH), {QStringLiteral("--cleanup")})).trimmed(),
                 QStringLiteral("nothing of the pod network was left"));
    }
};

QTEST_GUILESS_MAIN(NetworkCleanupE2E)
#include "test_e2e_network_cleanup.moc"
