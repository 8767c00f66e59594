#include "network_policy_enforcer.h"

#include "network_policy_iptables.h"
#include "network_policy_rules.h"

#include "client/informer.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNetworkPolicy, "timoneiro.netpol", QtInfoMsg)

namespace timoneiro::network {

namespace {

const QString kKey = QStringLiteral("networkpolicies");
constexpr int kResyncMs = 30000;

}  // namespace

NetworkPolicyEnforcer::NetworkPolicyEnforcer(client::Client &client, QObject *parent)
    : QObject(parent), client_(client)
{
    writer_.setMaxThreadCount(1);
    for (const auto &[group, plural] : {std::pair{"networking.k8s.io", "networkpolicies"}, std::pair{"", "pods"}, std::pair{"", "namespaces"}}) {
        auto *informer = new client::Informer(client_, api::builtinResource(QLatin1String(group), QLatin1String(plural)), {}, {}, this);
        const auto changed = [this] { queue_.add(kKey); };
        connect(informer, &client::Informer::added, this, changed);
        connect(informer, &client::Informer::updated, this, changed);
        connect(informer, &client::Informer::deleted, this, changed);
        connect(informer, &client::Informer::synced, this, changed);
        informers_.append(informer);
    }
    queue_.setProcessor([this](const QString &) { return reconcile(); });
    resync_.setInterval(kResyncMs);
    connect(&resync_, &QTimer::timeout, this, [this] {
        force_ = true;
        queue_.add(kKey);
    });
}

NetworkPolicyEnforcer::~NetworkPolicyEnforcer()
{
    stop();
}

void NetworkPolicyEnforcer::start()
{
    QString error;
    if (!removeNetworkPolicyChains(&error))
        qCWarning(lcNetworkPolicy).noquote() << "leftover chains:" << error;
    for (client::Informer *i : std::as_const(informers_))
        i->start();
    resync_.start();
}

void NetworkPolicyEnforcer::stop()
{
    if (stopped_)
        return;
    stopped_ = true;
    resync_.stop();
    qDeleteAll(informers_);
    informers_.clear();
    writer_.waitForDone();
    QString error;
    if (!removeNetworkPolicyChains(&error))
        qCWarning(lcNetworkPolicy).noquote() << "chains left behind:" << error;
}

bool NetworkPolicyEnforcer::reconcile()
{
    if (stopped_)
        return true;
    for (const client::Informer *i : std::as_const(informers_)) {
        if (!i->hasSynced())
            return true;  // its synced signal brings us back
    }
    if (writing_) {
        again_ = true;
        return true;
    }
    const NetworkPolicyRules rules = compileNetworkPolicies({informers_[0]->list(), informers_[1]->list(), informers_[2]->list()});
    for (const QString &w : rules.warnings) {
        if (!warnings_.contains(w))
            qCWarning(lcNetworkPolicy).noquote() << w;
    }
    warnings_ = rules.warnings;
    const QByteArray signature = networkPolicyRestoreText(rules, {}, false);
    if (signature == applied_ && !force_)
        return true;
    force_ = false;
    const QStringList chains = rules.chainNames();
    QStringList stale;
    for (const QString &c : std::as_const(written_)) {
        if (!chains.contains(c))
            stale << c;
    }
    const QByteArray text = networkPolicyRestoreText(rules, stale, jumpsPresent_);
    const int podChains = int(rules.chains.size()) - 1;
    writing_ = true;
    QPointer<NetworkPolicyEnforcer> self(this);
    writer_.start([self, text, signature, chains, podChains] {
        QString error;
        bool ok = runIptablesRestore(text, &error);
        if (!ok) {
            // Someone removed our jumps or chains: start from nothing on the retry.
            QString ignored;
            removeNetworkPolicyChains(&ignored);
        }
        QMetaObject::invokeMethod(self.data(), [self, ok, error, signature, chains, podChains] {
            if (self)
                self->finished(ok, error, signature, chains, podChains);
        }, Qt::QueuedConnection);
    });
    return true;
}

void NetworkPolicyEnforcer::finished(bool ok, const QString &error, const QByteArray &signature, const QStringList &chains, int podChains)
{
    writing_ = false;
    if (stopped_)
        return;
    if (ok) {
        applied_ = signature;
        written_ = chains;
        jumpsPresent_ = true;
        queue_.forget(kKey);
        emit applied(podChains);
    } else {
        qCWarning(lcNetworkPolicy).noquote() << "writing the rules:" << error;
        applied_.clear();
        written_.clear();
        jumpsPresent_ = false;
        queue_.addRateLimited(kKey);
        return;
    }
    if (again_) {
        again_ = false;
        queue_.add(kKey);
    }
}

}  // namespace timoneiro::network
