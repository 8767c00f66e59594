#pragma once
// Writing the compiled NetworkPolicy chains to the filter table, and taking
// them away again (on shutdown, and from `timoneirod --cleanup` after a crash).
#include "network_policy_rules.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace timoneiro::network {

// The FORWARD rules that send pod traffic through TIMONEIRO-NETPOL: one for
// packets coming from a tmn-* device (bridged between two pods of a node,
// or routed to another node or out), one for packets going into one from
// elsewhere, so each packet passes once.
QStringList networkPolicyJumps();

// iptables-restore --noflush input: every chain of rules declared (which
// flushes it) and refilled, staleChains flushed and deleted, and the jumps
// put first in FORWARD (the old ones deleted first when jumpsPresent), all
// in one transaction.
QByteArray networkPolicyRestoreText(const NetworkPolicyRules &rules, const QStringList &staleChains, bool jumpsPresent);

// The TIMONEIRO-NETPOL and TIMONEIRO-NP-* chains of an iptables-save dump.
QStringList networkPolicyChainsIn(const QByteArray &iptablesSave);

// Runs iptables-restore -w --noflush with input; false with *error on failure.
// Blocking, bounded (iptables::restore).
bool runIptablesRestore(const QByteArray &input, QString *error);
// The program: iptables-restore from PATH, /usr/sbin or /sbin.
QString iptablesProgram(const char *name);

// Blocking, bounded: the jumps out of FORWARD, then every TIMONEIRO-NETPOL
// and TIMONEIRO-NP-* chain flushed and deleted. Safe to call when none
// exist; what stays (iptables missing, a chain in use) is in *error.
bool removeNetworkPolicyChains(QString *error = nullptr);

}  // namespace timoneiro::network
