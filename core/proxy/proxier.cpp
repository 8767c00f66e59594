#include "proxier.h"

#include "network/iptables.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcProxy, "timoneiro.proxy", QtInfoMsg)

namespace timoneiro::proxy {

namespace ipt = network::iptables;

Proxier::Proxier(client::Client &client, ProxierConfig config, QObject *parent)
    : QObject(parent), client_(client), config_(config),
      services_(client, api::builtinResource(QString(), QStringLiteral("services"))),
      slices_(client, api::builtinResource(QStringLiteral("discovery.k8s.io"), QStringLiteral("endpointslices"))),
      nodes_(client, api::builtinResource(QString(), QStringLiteral("nodes")))
{
    worker_.setMaxThreadCount(1);
    coalesce_.setSingleShot(true);
    coalesce_.setInterval(config_.coalesceMs);
    connect(&coalesce_, &QTimer::timeout, this, &Proxier::sync);
    // Rules someone else flushed or deleted come back within a period.
    resync_.setInterval(config_.syncPeriodMs);
    connect(&resync_, &QTimer::timeout, this, &Proxier::markDirty);
    for (client::Informer *i : {&services_, &slices_, &nodes_}) {
        connect(i, &client::Informer::added, this, &Proxier::markDirty);
        connect(i, &client::Informer::updated, this, &Proxier::markDirty);
        connect(i, &client::Informer::deleted, this, &Proxier::markDirty);
        connect(i, &client::Informer::synced, this, &Proxier::markDirty);
    }
    // A Node's heartbeat changes its status, never its network: ignore those.
    disconnect(&nodes_, &client::Informer::updated, this, &Proxier::markDirty);
    connect(&nodes_, &client::Informer::updated, this, [this](const QJsonObject &before, const QJsonObject &after) {
        if (nodesOf({before}).value(0).gateway != nodesOf({after}).value(0).gateway)
            markDirty();
    });
}

Proxier::~Proxier()
{
    stop();
}

QList<ProxyNode> Proxier::nodesOf(const QList<QJsonObject> &nodes)
{
    QList<ProxyNode> out;
    for (const QJsonObject &n : nodes) {
        const QJsonObject meta = n.value(QStringLiteral("metadata")).toObject();
        const QString annotation = meta.value(QStringLiteral("annotations")).toObject().value(QStringLiteral("timoneiro.io/network")).toString();
        if (annotation.isEmpty())
            continue;
        const QJsonObject net = QJsonDocument::fromJson(annotation.toUtf8()).object();
        ProxyNode node{meta.value(QStringLiteral("name")).toString(), net.value(QStringLiteral("bridge")).toString(),
                       net.value(QStringLiteral("gateway")).toString()};
        if (!node.gateway.isEmpty())
            out.append(node);
    }
    std::sort(out.begin(), out.end(), [](const ProxyNode &a, const ProxyNode &b) { return a.name < b.name; });
    return out;
}

QStringList Proxier::removeAll()
{
    QStringList removed;
    for (const char *name : {"nat", "filter"}) {
        const QString table = QLatin1String(name);
        const QByteArray text = ipt::removalText(table, ipt::save(table), isProxyChain, &removed);
        if (!text.isEmpty()) {
            if (const auto r = ipt::restore(text); !r.ok)
                qCWarning(lcProxy).noquote() << "could not remove the" << table << "chains:" << r.error;
        }
    }
    return removed;
}

bool Proxier::start(QString *error)
{
    if (started_)
        return true;
    // What a crashed run left, as kube-proxy cleans up at start.
    const QStringList stale = removeAll();
    if (!stale.isEmpty())
        qCInfo(lcProxy).noquote() << "removed" << stale.size() << "stale rules and chains of an earlier run";
    if (const auto r = ipt::restore(builtinJumpsText()); !r.ok) {
        *error = QStringLiteral("kube-proxy's jumps: %1").arg(r.error);
        return false;
    }
    started_ = true;
    written_ = {{QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-POSTROUTING")},
                {QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-EXTERNAL-SERVICES")},
                {}};
    services_.start();
    slices_.start();
    nodes_.start();
    resync_.start();
    return true;
}

void Proxier::markDirty()
{
    if (stopped_ || !started_ || !services_.hasSynced() || !slices_.hasSynced() || !nodes_.hasSynced())
        return;
    dirty_ = true;
    if (!syncing_ && !coalesce_.isActive())
        coalesce_.start();
}

void Proxier::sync()
{
    if (stopped_ || syncing_ || !dirty_)
        return;
    dirty_ = false;
    syncing_ = true;
    ProxyState state{services_.list(), slices_.list(), nodesOf(nodes_.list())};
    ProxyRules::Written previous = written_;
    if (!sinceFull_.isValid() || sinceFull_.hasExpired(config_.syncPeriodMs)) {
        previous.natChainRules.clear();  // every chain written again
        sinceFull_.start();
    }
    QPointer<Proxier> self(this);
    // Generation and restore off the event loop: the API server shares this thread.
    worker_.start([self, state = std::move(state), previous = std::move(previous)] {
        SyncStats stats;
        QElapsedTimer t;
        t.start();
        const ProxyRules rules = buildProxyRules(state);
        ProxyRules::Written written;
        const QByteArray text = rules.restoreText(previous, &written);
        stats.generateMs = t.restart();
        const auto r = ipt::restore(text);
        stats.restoreMs = t.elapsed();
        stats.ok = r.ok;
        stats.error = r.error;
        stats.servicePorts = rules.servicePorts;
        stats.endpoints = rules.endpoints;
        stats.chains = int(rules.natChains.size() + rules.filterChains.size());
        QMetaObject::invokeMethod(
            self.data(),
            [self, stats, written = std::move(written)] {
                if (self)
                    self->finished(stats, written);
            },
            Qt::QueuedConnection);
    });
}

void Proxier::finished(const SyncStats &stats, const ProxyRules::Written &written)
{
    syncing_ = false;
    ++syncs_;
    last_ = stats;
    if (stats.ok) {
        written_ = written;
        qCDebug(lcProxy).noquote() << "synced" << stats.servicePorts << "service ports," << stats.endpoints << "endpoints in"
                                   << stats.generateMs << "+" << stats.restoreMs << "ms";
    } else {
        // The restore changed nothing: write everything next time (no chain counts as written).
        qCWarning(lcProxy).noquote() << "iptables-restore failed:" << stats.error;
        written_.natChainRules.clear();
        dirty_ = true;
    }
    emit synced(stats);
    if (dirty_ && !stopped_)
        coalesce_.start(stats.ok ? std::max(config_.coalesceMs, config_.minSyncIntervalMs) : 1000);
}

void Proxier::stop()
{
    if (stopped_)
        return;
    stopped_ = true;
    coalesce_.stop();
    resync_.stop();
    worker_.waitForDone();
    if (started_) {
        removeAll();
        qCInfo(lcProxy) << "kube-proxy chains removed";
    }
}

}  // namespace timoneiro::proxy
