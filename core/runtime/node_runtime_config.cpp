#include "node_runtime_config.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sys/mount.h>

namespace timoneiro::runtime {

namespace {

// TOML basic strings: backslash and quote escaped.
QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace

NodeRuntimePaths NodeRuntimePaths::forDataDir(const QString &dataDir)
{
    NodeRuntimePaths p;
    p.base = QDir::cleanPath(dataDir + QStringLiteral("/containerd"));
    p.root = p.base + QStringLiteral("/root");
    p.state = p.base + QStringLiteral("/state");
    p.socket = p.base + QStringLiteral("/containerd.sock");
    p.configFile = p.base + QStringLiteral("/config.toml");
    p.log = p.base + QStringLiteral("/containerd.log");
    p.runcRoot = p.state + QStringLiteral("/runc");
    p.cniConfDir = QDir::cleanPath(dataDir + QStringLiteral("/cni/net.d"));
    p.cniIpamDir = QDir::cleanPath(dataDir + QStringLiteral("/cni/ipam"));
    return p;
}

QString nodeCgroupParent(const QString &nodeName)
{
    return QStringLiteral("/timoneiro/") + nodeName;
}

QString bridgeNameFor(const QString &nodeName)
{
    QString name = QStringLiteral("tmn-") + nodeName;
    if (name.size() <= 15)
        return name;
    const QByteArray hash = QCryptographicHash::hash(nodeName.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("tmn-") + QString::fromLatin1(hash.left(11));
}

QString probeSnapshotter(const QString &dir)
{
    const QString probe = dir + QStringLiteral("/.overlay-probe");
    QDir(probe).removeRecursively();
    for (const char *sub : {"lower", "upper", "work", "merged"})
        QDir().mkpath(probe + QLatin1Char('/') + QLatin1String(sub));
    const QByteArray options = QStringLiteral("lowerdir=%1/lower,upperdir=%1/upper,workdir=%1/work").arg(probe).toUtf8();
    const QByteArray target = (probe + QStringLiteral("/merged")).toUtf8();
    const bool works = ::mount("overlay", target.constData(), "overlay", 0, options.constData()) == 0;
    if (works)
        ::umount2(target.constData(), MNT_DETACH);
    QDir(probe).removeRecursively();
    return works ? QStringLiteral("overlayfs") : QStringLiteral("native");
}

QByteArray containerdConfigToml(const NodeRuntimeConfig &config, const NodeRuntimePaths &paths)
{
    const QString cri = QStringLiteral("[plugins.\"io.containerd.grpc.v1.cri\"");
    QStringList lines{
        QStringLiteral("# Written by timoneirod for node %1; rewritten at each start.").arg(config.nodeName),
        QStringLiteral("version = 2"),
        QStringLiteral("root = %1").arg(quoted(paths.root)),
        QStringLiteral("state = %1").arg(quoted(paths.state)),
        // Snapshotters this machine cannot have: skip their load errors.
        QStringLiteral("disabled_plugins = [\"io.containerd.snapshotter.v1.aufs\", \"io.containerd.snapshotter.v1.btrfs\", "
                       "\"io.containerd.snapshotter.v1.zfs\", \"io.containerd.snapshotter.v1.devmapper\"]"),
        QString(),
        QStringLiteral("[grpc]"),
        QStringLiteral("  address = %1").arg(quoted(paths.socket)),
        QStringLiteral("[ttrpc]"),
        QStringLiteral("  address = %1").arg(quoted(paths.socket + QStringLiteral(".ttrpc"))),
        QStringLiteral("[debug]"),
        QStringLiteral("  address = \"\""),
        QStringLiteral("[metrics]"),
        QStringLiteral("  address = \"\""),
        QString(),
        QStringLiteral("[plugins.\"io.containerd.internal.v1.opt\"]"),
        QStringLiteral("  path = %1").arg(quoted(paths.root + QStringLiteral("/opt"))),
        cri + QLatin1Char(']'),
        QStringLiteral("  sandbox_image = %1").arg(quoted(config.sandboxImage)),
        // This VM refuses the sandbox's oom_score_adj of -998 (runc then
        // fails with "can't get final child's PID from pipe: EOF").
        QStringLiteral("  restrict_oom_score_adj = true"),
        // Network namespaces under our state dir, so teardown finds them.
        QStringLiteral("  netns_mounts_under_state_dir = true"),
        QStringLiteral("  stream_server_address = \"127.0.0.1\""),
        QStringLiteral("  stream_server_port = \"0\""),
        cri + QStringLiteral(".containerd]"),
        QStringLiteral("    snapshotter = %1").arg(quoted(config.snapshotter)),
        QStringLiteral("    default_runtime_name = \"runc\""),
        cri + QStringLiteral(".containerd.runtimes.runc]"),
        QStringLiteral("    runtime_type = \"io.containerd.runc.v2\""),
        cri + QStringLiteral(".containerd.runtimes.runc.options]"),
        QStringLiteral("    SystemdCgroup = false"),
        QStringLiteral("    Root = %1").arg(quoted(paths.runcRoot)),
        cri + QStringLiteral(".cni]"),
        QStringLiteral("    bin_dir = %1").arg(quoted(config.cniBinDir)),
        QStringLiteral("    conf_dir = %1").arg(quoted(paths.cniConfDir)),
        QStringLiteral("    max_conf_num = 1"),
        QString(),
    };
    return lines.join(QLatin1Char('\n')).toUtf8();
}

QByteArray cniConflist(const NodeRuntimeConfig &config, const NodeRuntimePaths &paths)
{
    QJsonArray routes;
    for (const QString &dst : config.podRoutes)
        routes.append(QJsonObject{{QStringLiteral("dst"), dst}});
    const QJsonObject ipam{
        {QStringLiteral("type"), QStringLiteral("host-local")},
        {QStringLiteral("ranges"), QJsonArray{QJsonArray{QJsonObject{{QStringLiteral("subnet"), config.podCidr}}}}},
        {QStringLiteral("routes"), routes},
        {QStringLiteral("dataDir"), paths.cniIpamDir},
    };
    const QJsonObject bridge{
        {QStringLiteral("type"), QStringLiteral("bridge")},
        {QStringLiteral("bridge"), config.bridgeName.isEmpty() ? bridgeNameFor(config.nodeName) : config.bridgeName},
        {QStringLiteral("isGateway"), true},
        // No NAT: pods are reached by their own addresses (Kubernetes'
        // network model), and nothing of theirs is disguised as the host's.
        {QStringLiteral("ipMasq"), false},
        {QStringLiteral("hairpinMode"), true},
        {QStringLiteral("ipam"), ipam},
    };
    const QJsonObject conflist{
        {QStringLiteral("cniVersion"), QStringLiteral("0.4.0")},
        {QStringLiteral("name"), QStringLiteral("timoneiro-%1").arg(config.nodeName)},
        {QStringLiteral("plugins"), QJsonArray{bridge, QJsonObject{{QStringLiteral("type"), QStringLiteral("loopback")}}}},
    };
    return QJsonDocument(conflist).toJson(QJsonDocument::Indented);
}

bool writeNodeRuntimeConfig(const NodeRuntimeConfig &config, const NodeRuntimePaths &paths, QString *error)
{
    // sun_path holds 107 bytes and a NUL; the ttrpc socket is 6 longer.
    if (paths.socket.toUtf8().size() + 6 > 107) {
        *error = QStringLiteral("the node's data dir is too deep for a Unix socket path: %1").arg(paths.socket);
        return false;
    }
    for (const QString &dir : {paths.root, paths.state, paths.cniConfDir, paths.cniIpamDir}) {
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("cannot create %1").arg(dir);
            return false;
        }
    }
    return writeFile(paths.configFile, containerdConfigToml(config, paths), error)
        && writeFile(paths.cniConfDir + QStringLiteral("/10-timoneiro.conflist"), cniConflist(config, paths), error);
}

}  // namespace timoneiro::runtime
