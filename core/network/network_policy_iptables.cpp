#include "network_policy_iptables.h"

#include <QProcess>
#include <QStandardPaths>

namespace timoneiro::network {

namespace {

constexpr int kTimeoutMs = 10000;

struct Run {
    bool ok = false;
    QByteArray out;
    QString error;
};

Run run(const char *program, const QStringList &args, const QByteArray &input = {})
{
    Run r;
    const QString path = iptablesProgram(program);
    if (path.isEmpty()) {
        r.error = QStringLiteral("%1 is not installed").arg(QLatin1String(program));
        return r;
    }
    QProcess p;
    p.start(path, args);
    if (!p.waitForStarted(kTimeoutMs)) {
        r.error = QStringLiteral("%1: %2").arg(QLatin1String(program), p.errorString());
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        r.error = QStringLiteral("%1 did not finish in %2 s").arg(QLatin1String(program)).arg(kTimeoutMs / 1000);
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!r.ok)
        r.error = QStringLiteral("%1 failed: %2").arg(QLatin1String(program), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return r;
}

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
    const Run r = run("iptables-restore", {QStringLiteral("-w"), QStringLiteral("--noflush")}, input);
    if (!r.ok && error)
        *error = r.error;
    return r.ok;
}

bool removeNetworkPolicyChains(QString *error)
{
    if (iptablesProgram("iptables").isEmpty())
        return true;  // no iptables: nothing of ours can exist
    for (const QString &jump : networkPolicyJumps()) {
        // iptables splits the comment's quotes itself only through a shell; pass the words.
        QStringList args{QStringLiteral("-w"), QStringLiteral("-D"), QStringLiteral("FORWARD")};
        args += QProcess::splitCommand(jump);
        for (int i = 0; i < 10 && run("iptables", args).ok; ++i) {
        }
    }
    const Run saved = run("iptables-save", {QStringLiteral("-t"), QStringLiteral("filter")});
    if (!saved.ok) {
        if (error)
            *error = saved.error;
        return false;
    }
    const QStringList chains = networkPolicyChainsIn(saved.out);
    if (chains.isEmpty())
        return true;
    QByteArray text = "*filter\n";
    for (const QString &c : chains)
        text += ':' + c.toLatin1() + " - [0:0]\n";
    for (const QString &c : chains)
        text += "-X " + c.toLatin1() + '\n';
    text += "COMMIT\n";
    return runIptablesRestore(text, error);
}

}  // namespace timoneiro::network
