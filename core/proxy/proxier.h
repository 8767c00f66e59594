#pragma once
// kube-proxy in iptables mode for the cluster's local nodes. They share
// the host's network namespace, so one proxier serves them all (a real
// cluster runs one per node because each node is its own kernel): the
// same KUBE-* chains a per-node kube-proxy would write, NodePorts on every
// node's address.
//
// Informers on Services, EndpointSlices and Nodes; a change marks the
// rules dirty and a sync follows after a short coalescing delay (bursts
// of changes give one iptables-restore). The restore runs on a worker
// thread; one at a time, a change during it gives one more. As kube-proxy
// does, a sync writes only the chains whose rules changed (plus the
// top-level ones), and every chain again once per sync period; chains no
// longer wanted are deleted in the same restore. stop() removes every
// chain and jump it owns.
#include "proxy_rules.h"

#include "client/client.h"
#include "client/informer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace timoneiro::proxy {

struct ProxierConfig {
    int coalesceMs = 30;       // after the first change, wait this long for more
    int minSyncIntervalMs = 0; // kube-proxy's --iptables-min-sync-period (0: as soon as the last ends)
    int syncPeriodMs = 30000;  // kube-proxy's --iptables-sync-period: a sync even without changes,
                               // and a full one (every chain rewritten) at least this often
};

struct SyncStats {
    qint64 generateMs = 0;
    qint64 restoreMs = 0;
    int servicePorts = 0;
    int endpoints = 0;
    int chains = 0;
    bool ok = false;
    QString error;
};

class Proxier : public QObject {
    Q_OBJECT
public:
    explicit Proxier(client::Client &client, ProxierConfig config = {}, QObject *parent = nullptr);
    ~Proxier() override;

    // Removes what a crashed run left, writes the built-in jumps, starts the informers.
    bool start(QString *error);
    // Blocking: the running sync finishes, then every KUBE-* chain and jump goes.
    void stop();

    const SyncStats &lastSync() const { return last_; }
    int syncCount() const { return syncs_; }

    // The nodes whose addresses carry NodePorts (from the Node annotation timoneiro.io/network).
    static QList<ProxyNode> nodesOf(const QList<QJsonObject> &nodes);
    // Removes every chain of isProxyChain() and the jumps to it, in nat and filter.
    static QStringList removeAll();

signals:
    // After each sync: what it took (generation and iptables-restore).
    void synced(const timoneiro::proxy::SyncStats &stats);

private:
    void markDirty();
    void sync();
    void finished(const SyncStats &stats, const ProxyRules::Written &written);

    client::Client &client_;
    ProxierConfig config_;
    client::Informer services_;
    client::Informer slices_;
    client::Informer nodes_;
    QTimer coalesce_;
    QTimer resync_;
    QElapsedTimer sinceFull_;
    QThreadPool worker_;
    bool syncing_ = false;
    bool dirty_ = false;
    bool stopped_ = false;
    bool started_ = false;
    ProxyRules::Written written_;  // what the last successful sync left in the tables
    SyncStats last_;
    int syncs_ = 0;
};

}  // namespace timoneiro::proxy
