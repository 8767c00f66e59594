#pragma once
// Enforces NetworkPolicy on this machine's local nodes: informers on
// policies, pods and namespaces feed one key into a work queue; reconcile
// compiles the whole state (network_policy_rules.h) and, when it changed,
// writes it with one iptables-restore --noflush off the event loop. Events
// that arrive during a write coalesce into the next one, so a change lands
// within a second. All local nodes share the host's network namespace,
// hence one enforcer for all of them. stop() removes every chain.
#include "client/client.h"
#include "client/work_queue.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace timoneiro::client {
class Informer;
}

namespace timoneiro::network {

class NetworkPolicyEnforcer : public QObject {
    Q_OBJECT
public:
    // client needs list/watch on pods, namespaces and networkpolicies (a node's identity has them).
    explicit NetworkPolicyEnforcer(client::Client &client, QObject *parent = nullptr);
    ~NetworkPolicyEnforcer() override;

    // Clears what a crashed run left, then starts watching.
    void start();
    // Blocking, bounded: no more writes; every chain of ours removed.
    void stop();

signals:
    // A write landed: podChains pod chains are in place.
    void applied(int podChains);

private:
    bool reconcile();
    void finished(bool ok, const QString &error, const QByteArray &signature, const QStringList &chains, int podChains);

    client::Client &client_;
    QList<client::Informer *> informers_;
    client::WorkQueue queue_;
    QTimer resync_;
    QThreadPool writer_;
    QByteArray applied_;       // the rules last written (without the FORWARD hunks)
    QStringList written_;      // the chains last written
    QStringList warnings_;
    bool jumpsPresent_ = false;
    bool writing_ = false;
    bool again_ = false;       // something changed while writing
    bool force_ = false;       // periodic rewrite: repairs chains someone else flushed
    bool stopped_ = false;
};

}  // namespace timoneiro::network
