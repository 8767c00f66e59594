#include "network_policy_iptables.h"

#include "iptables.h"

#include <QStandardPaths>

namespace timoneiro::network {

namespace {

bool isOurs(const QString &chain)
{
    return chain == QLatin1String(kNetworkPolicyChain) || chain.startsWith(QLatin1String(kNetworkPolicyPodChainPrefix));
}

}  // namespace

QStringList networkPolicyJumps()
{
    const QString chain = QString::fromLatin1(kNetworkPolicyChain);
    return {QStringLiteral("-i tmn-+ -m comment --comment \"timoneiro network policies\" -j ") + chain,
            QStringLiteral("! -i tmn-+ -o tmn-+ -m comment --comment \"timoneiro network policies\" -j ") + chain};
}

QByteArray networkPolicyRestoreText(const NetworkPolicyRules &rules, const QStringList &staleChains, bool jumpsPresent)
{
    QByteArray out = "*filter\n";
    for (const IptablesChain &c : rules.chains)
        out += ':' + c.name.toLatin1() + " - [0:0]\n";
    for (const QString &c : staleChains)
        out += ':' + c.toLatin1() + " - [0:0]\n";
    for (const IptablesChain &c : rules.chains) {
        for (const QString &rule : c.rules)
            out += "-A " + c.name.toUtf8() + ' ' + rule.toUtf8() + '\n';
    }
    for (const QString &c : staleChains)
        out += "-X " + c.toLatin1() + '\n';
    const QStringList jumps = networkPolicyJumps();
    if (jumpsPresent) {
        for (const QString &j : jumps)
            out += "-D FORWARD " + j.toLatin1() + '\n';
    }
    // First in FORWARD, ahead of any guard that ACCEPTs: ours only RETURN or DROP.
    for (qsizetype i = 0; i < jumps.size(); ++i)
        out += "-I FORWARD " + QByteArray::number(i + 1) + ' ' + jumps.at(i).toLatin1() + '\n';
    out += "COMMIT\n";
    return out;
}

QStringList networkPolicyChainsIn(const QByteArray &iptablesSave)
{
    QStringList out;
    bool filter = false;
    for (const QByteArray &line : iptablesSave.split('\n')) {
        if (line.startsWith('*'))
            filter = line == "*filter";
        else if (filter && line.startsWith(':')) {
            const QString name = QString::fromLatin1(line.mid(1, line.indexOf(' ') - 1));
            if (isOurs(name))
                out << name;
        }
    }
    return out;
}

QString iptablesProgram(const char *name)
{
    const QString program = QLatin1String(name);
    QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(program, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

bool runIptablesRestore(const QByteArray &input, QString *error)
{
    const iptables::Result r = iptables::restore(input);
    if (!r.ok && error)
        *error = QStringLiteral("iptables-restore failed: %1").arg(r.error);
    return r.ok;
}

bool removeNetworkPolicyChains(QString *error)
{
    if (iptablesProgram("iptables").isEmpty())
        return true;  // no iptables: nothing of ours can exist
    const QByteArray dump = iptables::save(QStringLiteral("filter"));
    if (dump.isEmpty()) {
        if (error)
            *error = QStringLiteral("iptables-save -t filter failed");
        return false;
    }
    // The jumps out of FORWARD first, then the chains, in one transaction.
    const QByteArray text = iptables::removalText(QStringLiteral("filter"), dump, isOurs);
    return text.isEmpty() || runIptablesRestore(text, error);
}

}  // namespace timoneiro::network
