#pragma once
// The iptables calls the node's network plumbing and kube-proxy share: a
// whole table's changes written atomically with `iptables-restore -w
// --noflush` (as kube-proxy writes them), iptables-save read back, and the
// removal of a set of chains together with every jump to them from the
// built-in chains. Blocking and bounded: for setup, teardown and the
// proxier's worker thread, never for the GUI thread.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace timoneiro::network::iptables {

struct Result {
    bool ok = false;
    QString error;  // the tool's stderr when !ok
};

// Writes text (one or more "*table ... COMMIT" blocks) without flushing
// what it does not name.
Result restore(const QByteArray &text);
// `iptables-save -t table`; empty when the table cannot be read.
QByteArray save(const QString &table);

// Chain names declared in an iptables-save dump (":NAME POLICY [p:b]").
QStringList chainsIn(const QByteArray &dump);
// "-A CHAIN ..." lines of the dump whose chain is a built-in one
// (PREROUTING, INPUT, ...) and whose target (-j) matches isOurs.
QStringList builtinJumpsTo(const QByteArray &dump, const std::function<bool(const QString &chain)> &isOurs);

// Restore text for one table that removes the jumps of builtinJumpsTo()
// and then flushes and deletes the chains; empty when there is nothing.
QByteArray removalText(const QString &table, const QByteArray &dump, const std::function<bool(const QString &chain)> &isOurs,
                       QStringList *removed = nullptr);

// The first length characters of base32(sha256(text)) in Go's StdEncoding
// alphabet: how kube-proxy names its per-service and per-endpoint chains
// (length 16), and how the NetworkPolicy chains are named after their pod.
QString hashedName(const QString &text, int length);

// Whether name is a chain the built-in tables start with.
bool isBuiltinChain(const QString &name);

}  // namespace timoneiro::network::iptables
