#pragma once
// What the e2e tests of a real cluster share beside TimoneirodProcess and
// Kubectl: bounded polling, the machine checks that decide whether local
// nodes can run here, reading a pod's or node's status, and finding this
// cluster's processes and network on the host. Qt only, so the tests that
// do not link the runtime can use it too.
#include "timoneirod_process.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QThread>

#include <functional>
#include <initializer_list>
#include <memory>
#include <unistd.h>

namespace timoneiro::testing {

// The cluster an e2e test drives: its timoneirod and a kubectl for it.
class ClusterUnderTest {
protected:
    std::unique_ptr<TimoneirodProcess> server_;
    std::unique_ptr<Kubectl> kubectl_;

    CommandResult k(const QStringList &args, const QByteArray &in = {}) { return kubectl_->run(args, in); }
    QJsonObject json(const QStringList &args) { return kubectl_->json(args); }
    // Starts a timoneirod with these arguments, then the kubectl; false on
    // failure (server_->log() says why).
    bool startCluster(const QStringList &args)
    {
        server_ = std::make_unique<TimoneirodProcess>(args);
        if (!server_->start())
            return false;
        kubectl_ = std::make_unique<Kubectl>(server_->kubeconfig());
        return true;
    }
};

// Polls check until it holds, at most timeoutMs (a bound, not a timing assertion).
inline bool eventually(const std::function<bool()> &check, int timeoutMs, int stepMs = 250)
{
    for (int waited = 0; waited < timeoutMs; waited += stepMs) {
        if (check())
            return true;
        QThread::msleep(stepMs);
    }
    return check();
}

inline QString bridgeOf(const QString &node)
{
    return QStringLiteral("tmn-") + node;
}

inline bool linkExists(const QString &name)
{
    return QFile::exists(QStringLiteral("/sys/class/net/") + name);
}

// The QSKIP message when a node's bridge is there already (another cluster
// with --nodes runs), or empty.
inline QString bridgeInUse(const QStringList &nodes)
{
    for (const QString &node : nodes) {
        if (linkExists(bridgeOf(node)))
            return QStringLiteral("%1 exists: another timoneirod with --nodes runs on this machine").arg(bridgeOf(node));
    }
    return {};
}

// Why these local nodes cannot run on this machine (the QSKIP message), or
// empty: root, each of tools (in PATH or /usr/sbin), the CNI plugins,
// kubectl, and no bridge of these nodes there already.
inline QString localNodesUnavailable(std::initializer_list<const char *> tools, const QStringList &nodes,
                                     const char *rootReason = "needs root (containerd, network namespaces and bridges)")
{
    if (geteuid() != 0)
        return QString::fromLatin1(rootReason);
    for (const char *tool : tools) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty() && !QFile::exists(QStringLiteral("/usr/sbin/") + QLatin1String(tool)))
            return QStringLiteral("%1 is not installed (installers/install-deps.sh installs it)").arg(QLatin1String(tool));
    }
    if (!QFile::exists(QStringLiteral("/usr/lib/cni/bridge")))
        return QStringLiteral("containernetworking-plugins is not installed");
    if (Kubectl::path().isEmpty())
        return QStringLiteral("kubectl is not installed");
    return bridgeInUse(nodes);
}

// The images are built once and shared by the e2e tests.
inline void useSharedImageCache()
{
    if (qEnvironmentVariableIsEmpty("TIMONEIRO_IMAGE_CACHE"))
        qputenv("TIMONEIRO_IMAGE_CACHE", (QDir::tempPath() + QStringLiteral("/timoneiro-e2e-images")).toUtf8());
}

// The containerd socket of a node of the cluster with this data dir.
inline QString nodeSocket(const QString &dataDir, const QString &node)
{
    return dataDir + QStringLiteral("/nodes/") + node + QStringLiteral("/containerd/containerd.sock");
}

// The status of a pod's first container; an empty object before there is one.
inline QJsonObject firstContainerStatus(const QJsonObject &pod)
{
    return pod[QStringLiteral("status")][QStringLiteral("containerStatuses")][0].toObject();
}

// The first status condition of this type (of a pod or a node), or an empty object.
inline QJsonObject condition(const QJsonObject &object, const QString &type)
{
    for (const QJsonValue &c : object.value(QStringLiteral("status")).toObject().value(QStringLiteral("conditions")).toArray())
        if (c[QStringLiteral("type")].toString() == type)
            return c.toObject();
    return {};
}

inline QByteArray readProcFile(qint64 pid, const char *file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The processes whose command line holds text (a test's data dir: only its
// own), and, if comm is given, whose name is comm.
inline QList<qint64> processesNaming(const QByteArray &text, const QByteArray &comm = {})
{
    QList<qint64> pids;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (isPid && (comm.isEmpty() || readProcFile(pid, "comm").trimmed() == comm) && readProcFile(pid, "cmdline").contains(text))
            pids << pid;
    }
    return pids;
}

// A host tool's stdout (bounded by timeoutMs).
inline QByteArray toolOutput(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(timeoutMs);
    return p.readAllStandardOutput();
}

// Every tmn-* device on the machine.
inline QStringList tmnDevices()
{
    QStringList devices;
    for (const QString &dev : QDir(QStringLiteral("/sys/class/net")).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System))
        if (dev.startsWith(QLatin1String("tmn-")))
            devices << dev;
    return devices;
}

// iptables-save's declaration lines of every KUBE-* and TIMONEIRO-* chain
// (":KUBE-SERVICES - [0:0]").
inline QList<QByteArray> clusterChainLines(int timeoutMs)
{
    QList<QByteArray> chains;
    for (const QByteArray &line : toolOutput(QStringLiteral("iptables-save"), {}, timeoutMs).split('\n'))
        if (line.startsWith(":KUBE-") || line.startsWith(":TIMONEIRO-"))
            chains << line;
    return chains;
}

}  // namespace timoneiro::testing
