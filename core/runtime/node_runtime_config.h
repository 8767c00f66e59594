#pragma once
// Everything of one local node's container runtime lives under its data
// dir: containerd's root, state and socket, its config.toml, the CNI conf
// dir and host-local's IPAM data. Nothing shared with the host's own
// containerd (if any) or with the other nodes.
#include <QString>
#include <QStringList>

namespace timoneiro::runtime {

struct NodeRuntimeConfig {
    QString nodeName;
    QString dataDir;                 // the node's own directory
    QString podCidr;                 // "10.244.1.0/24"
    QString bridgeName;              // empty: bridgeNameFor(nodeName)
    QString sandboxImage;            // the local pause image
    QString snapshotter;             // empty: overlayfs when it mounts here, else native
    QString containerdBinary = QStringLiteral("containerd");
    QString cniBinDir = QStringLiteral("/usr/lib/cni");
    // Routes given to pods. Only the cluster's own ranges, never a default
    // route: a pod packet can then never be forwarded off the machine.
    QStringList podRoutes = {QStringLiteral("10.244.0.0/16"), QStringLiteral("10.96.0.0/12")};
};

struct NodeRuntimePaths {
    QString base;        // <dataDir>/containerd
    QString root;
    QString state;
    QString socket;
    QString configFile;
    QString log;         // containerd's own stdout+stderr
    QString cniConfDir;
    QString cniIpamDir;
    QString runcRoot;    // runc's state, per node so container ids never collide

    static NodeRuntimePaths forDataDir(const QString &dataDir);
};

// The cgroup (cgroupfs driver) under which the node's pods go, as the
// kubelet's /kubepods: "/timoneiro/<node>". Pod sandboxes take
// "<this>/pod<uid>" as their cgroup_parent.
QString nodeCgroupParent(const QString &nodeName);

// "tmn-<node>", within Linux's 15-byte interface names (hashed when longer).
QString bridgeNameFor(const QString &nodeName);

// overlayfs if an overlay mount works under dir (not on every filesystem
// or in every container), else native.
QString probeSnapshotter(const QString &dir);

// Writes config.toml and the CNI conflist; creates the directories.
bool writeNodeRuntimeConfig(const NodeRuntimeConfig &config, const NodeRuntimePaths &paths, QString *error);

QByteArray containerdConfigToml(const NodeRuntimeConfig &config, const NodeRuntimePaths &paths);
QByteArray cniConflist(const NodeRuntimeConfig &config, const NodeRuntimePaths &paths);

}  // namespace timoneiro::runtime
