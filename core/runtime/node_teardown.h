#pragma once
// What a node's runtime leaves on the host and how to remove exactly that:
// the shims containerd re-parents (found by the containerd socket in their
// command line, so another node's or the host's are never touched), their
// containers' processes, mounts under the node's dirs (rootfs, network
// namespaces) and the node's bridge.
#include <QList>
#include <QString>

#include <sys/types.h>

namespace timoneiro::runtime {

struct ShimProcess {
    pid_t pid = 0;
    QString nameSpace;   // containerd namespace (k8s.io, default, ...)
    QString id;          // task id
};

namespace teardown {

// containerd-shim-* processes started for the containerd at socket.
QList<ShimProcess> shimsOf(const QString &containerdSocket);
// Every process below pid (children, grandchildren, ...).
QList<pid_t> descendantsOf(pid_t pid);
// SIGKILL to the whole tree, children first; waits (bounded) until gone.
// Returns how many processes were ended.
int killTree(pid_t pid);
bool processAlive(pid_t pid);

// Mount points at or under dir, deepest first, from /proc/self/mountinfo.
QStringList mountsUnder(const QString &dir);
// Lazily unmounts them all; returns those that would not go.
QStringList unmountUnder(const QString &dir);

// The shim's ttrpc socket, /run/containerd/s/<sha256(address/ns/id)>,
// which a killed shim cannot remove itself.
QString shimSocketPath(const QString &containerdSocket, const ShimProcess &shim);

// Removes the (empty, once their processes are gone) cgroup directories
// at and under relative ("/timoneiro/node-1") in every hierarchy mounted
// at /sys/fs/cgroup (v1 controllers, v2 unified). Returns those left.
QStringList removeCgroups(const QString &relative);
// rmdir of that one cgroup in every hierarchy, never of what is below it:
// the shared "/timoneiro" goes once no node has anything left in it.
void removeCgroupIfEmpty(const QString &relative);

bool linkExists(const QString &name);
// A bridge with the gateway address: its connected route sends the pod
// CIDR to the bridge before any pod exists, so no pod address can be
// routed off the machine. Idempotent.
bool ensureBridge(const QString &name, const QString &podCidr, QString *error);
bool deleteLink(const QString &name, QString *error);

// "10.244.1.0/24" -> "10.244.1.1/24", the address host-local gives the gateway.
QString gatewayAddress(const QString &podCidr);

}  // namespace teardown

}  // namespace timoneiro::runtime
