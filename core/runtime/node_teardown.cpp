#include "node_teardown.h"

#include "host_command.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <sys/mount.h>
#include <unistd.h>

namespace timoneiro::runtime::teardown {

namespace {

QList<QByteArray> commandLine(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray raw = file.readAll();
    if (raw.endsWith('\0'))
        raw.chop(1);
    return raw.split('\0');
}

QList<pid_t> allPids()
{
    QList<pid_t> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (ok)
            pids.append(pid);
    }
    return pids;
}

pid_t parentOf(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields[1].toInt() : -1;
}

// mountinfo escapes space, tab, newline and backslash as \ooo.
QString unescapeMountPath(const QByteArray &raw)
{
    QByteArray out;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 3 < raw.size()) {
            bool ok = false;
            const int c = raw.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out.append(static_cast<char>(c));
                i += 3;
                continue;
            }
        }
        out.append(raw[i]);
    }
    return QString::fromUtf8(out);
}

}  // namespace

QList<ShimProcess> shimsOf(const QString &containerdSocket)
{
    QList<ShimProcess> shims;
    const QByteArray socket = containerdSocket.toUtf8();
    for (pid_t pid : allPids()) {
        const QList<QByteArray> args = commandLine(pid);
        if (args.isEmpty() || !args.first().split('/').last().startsWith("containerd-shim"))
            continue;
        ShimProcess shim;
        shim.pid = pid;
        bool ours = false;
        for (qsizetype i = 0; i + 1 < args.size(); ++i) {
            if (args[i] == "-address" && args[i + 1] == socket)
                ours = true;
            else if (args[i] == "-namespace")
                shim.nameSpace = QString::fromUtf8(args[i + 1]);
            else if (args[i] == "-id")
                shim.id = QString::fromUtf8(args[i + 1]);
        }
        if (ours)
            shims.append(shim);
    }
    return shims;
}

QList<pid_t> descendantsOf(pid_t pid)
{
    QHash<pid_t, QList<pid_t>> children;
    for (pid_t p : allPids())
        children[parentOf(p)].append(p);
    QList<pid_t> result;
    QList<pid_t> frontier{pid};
    // Bounded by the number of processes: each is visited once.
    while (!frontier.isEmpty()) {
        const pid_t next = frontier.takeFirst();
        for (pid_t child : children.value(next)) {
            if (!result.contains(child)) {
                result.append(child);
                frontier.append(child);
            }
        }
    }
    return result;
}

bool processAlive(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // A zombie has ended; only its parent's wait is missing.
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

int killTree(pid_t pid)
{
    QList<pid_t> tree = descendantsOf(pid);
    std::reverse(tree.begin(), tree.end());  // deepest first
    tree.append(pid);
    int ended = 0;
    for (pid_t p : tree) {
        if (::kill(p, SIGKILL) == 0)
            ++ended;
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 5000 && std::any_of(tree.cbegin(), tree.cend(), processAlive))
        QThread::msleep(20);
    return ended;
}

QStringList mountsUnder(const QString &dir)
{
    const QString base = QDir::cleanPath(dir);
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    QStringList mounts;
    if (!file.open(QIODevice::ReadOnly))
        return mounts;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 5)
            continue;
        const QString point = unescapeMountPath(fields[4]);
        if (point == base || point.startsWith(base + QLatin1Char('/')))
            mounts.append(point);
    }
    std::sort(mounts.begin(), mounts.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    mounts.erase(std::unique(mounts.begin(), mounts.end()), mounts.end());
    return mounts;
}

QStringList unmountUnder(const QString &dir)
{
    // Stacked mounts need one pass each; a few passes are plenty.
    for (int pass = 0; pass < 8; ++pass) {
        const QStringList mounts = mountsUnder(dir);
        if (mounts.isEmpty())
            return {};
        for (const QString &point : mounts)
            ::umount2(point.toUtf8().constData(), MNT_DETACH);
    }
    return mountsUnder(dir);
}

QString shimSocketPath(const QString &containerdSocket, const ShimProcess &shim)
{
    const QString key = QDir::cleanPath(containerdSocket + QLatin1Char('/') + shim.nameSpace + QLatin1Char('/') + shim.id);
    return QStringLiteral("/run/containerd/s/")
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

namespace {

QStringList cgroupHierarchies()
{
    QStringList bases{QStringLiteral("/sys/fs/cgroup")};
    const QString root = QStringLiteral("/sys/fs/cgroup/");
    for (const QString &entry : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        bases.append(root + entry);
    return bases;
}

}  // namespace

void removeCgroupIfEmpty(const QString &relative)
{
    if (relative.isEmpty() || relative == QLatin1String("/"))
        return;
    for (const QString &base : cgroupHierarchies())
        ::rmdir(QDir::cleanPath(base + relative).toUtf8().constData());
}

QStringList removeCgroups(const QString &relative)
{
    QStringList left;
    if (relative.isEmpty() || relative == QLatin1String("/"))
        return left;
    for (const QString &base : cgroupHierarchies()) {
        const QString top = QDir::cleanPath(base + relative);
        if (!QFileInfo(top).isDir())
            continue;
        QStringList dirs{top};
        QDirIterator it(top, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            dirs.append(it.next());
        // Children before parents: rmdir takes only empty cgroups.
        std::sort(dirs.begin(), dirs.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &dir : dirs) {
            if (::rmdir(dir.toUtf8().constData()) != 0)
                left.append(dir);
        }
    }
    return left;
}

bool linkExists(const QString &name)
{
    return QFile::exists(QStringLiteral("/sys/class/net/") + name);
}

QString gatewayAddress(const QString &podCidr)
{
    const auto [network, length] = QHostAddress::parseSubnet(podCidr);
    if (network.protocol() != QAbstractSocket::IPv4Protocol)
        return {};
    return QHostAddress(network.toIPv4Address() + 1).toString() + QLatin1Char('/') + QString::number(length);
}

bool ensureBridge(const QString &name, const QString &podCidr, QString *error)
{
    const QString gateway = gatewayAddress(podCidr);
    if (gateway.isEmpty()) {
        *error = QStringLiteral("not an IPv4 CIDR: %1").arg(podCidr);
        return false;
    }
    const QString ip = QStringLiteral("ip");
    if (!linkExists(name)) {
        const CommandResult add = runCommand(ip, {QStringLiteral("link"), QStringLiteral("add"), name, QStringLiteral("type"), QStringLiteral("bridge")});
        if (!add.ok()) {
            *error = add.describe(QStringLiteral("ip link add"));
            return false;
        }
    }
    // "replace" keeps it idempotent when the address is already there.
    const CommandResult addr = runCommand(ip, {QStringLiteral("addr"), QStringLiteral("replace"), gateway, QStringLiteral("dev"), name});
    const CommandResult up = runCommand(ip, {QStringLiteral("link"), QStringLiteral("set"), name, QStringLiteral("up")});
    if (!addr.ok() || !up.ok()) {
        *error = (addr.ok() ? up : addr).describe(QStringLiteral("ip"));
        return false;
    }
    return true;
}

bool deleteLink(const QString &name, QString *error)
{
    if (!linkExists(name))
        return true;
    const CommandResult del = runCommand(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), name});
    if (!del.ok()) {
        *error = del.describe(QStringLiteral("ip link del"));
        return false;
    }
    return true;
}

}  // namespace timoneiro::runtime::teardown
