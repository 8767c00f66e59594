#include "iptables.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace timoneiro::network::iptables {

namespace {

QString tool(const char *name)
{
    for (const char *dir : {"/usr/sbin/", "/sbin/", "/usr/bin/"}) {
        const QString path = QLatin1String(dir) + QLatin1String(name);
        if (QFile::exists(path))
            return path;
    }
    return QLatin1String(name);
}

// The target of a rule line: what follows " -j ".
QString targetOf(const QString &line)
{
    static const QRegularExpression jump(QStringLiteral(" -j (\\S+)"));
    const auto m = jump.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

}  // namespace

QString hashedName(const QString &text, int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const QByteArray hash = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : hash) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5 && out.size() < length) {
            out += QLatin1Char(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    // 256 bits give 51 full characters; a longer name gets the padded last one.
    if (bits > 0 && out.size() < length)
        out += QLatin1Char(alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

bool isBuiltinChain(const QString &name)
{
    static const QStringList builtins{QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("FORWARD"),
                                      QStringLiteral("OUTPUT"), QStringLiteral("POSTROUTING")};
    return builtins.contains(name);
}

Result restore(const QByteArray &text)
{
    QProcess p;
    p.start(tool("iptables-restore"), {QStringLiteral("-w"), QStringLiteral("5"), QStringLiteral("--noflush")});
    if (!p.waitForStarted(10000))
        return {false, QStringLiteral("iptables-restore could not be started")};
    p.write(text);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        return {false, QStringLiteral("iptables-restore timed out")};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {false, QString::fromUtf8(p.readAllStandardError().trimmed())};
    return {true, {}};
}

QByteArray save(const QString &table)
{
    QProcess p;
    p.start(tool("iptables-save"), {QStringLiteral("-t"), table});
    if (!p.waitForStarted(10000) || !p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        return {};
    }
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

QStringList chainsIn(const QByteArray &dump)
{
    QStringList chains;
    for (const QByteArray &line : dump.split('\n')) {
        if (line.startsWith(':'))
            chains << QString::fromUtf8(line.mid(1, line.indexOf(' ') - 1));
    }
    return chains;
}

QStringList builtinJumpsTo(const QByteArray &dump, const std::function<bool(const QString &chain)> &isOurs)
{
    QStringList rules;
    for (const QByteArray &raw : dump.split('\n')) {
        if (!raw.startsWith("-A "))
            continue;
        const QString line = QString::fromUtf8(raw);
        const QString chain = line.section(QLatin1Char(' '), 1, 1);
        if (isBuiltinChain(chain) && isOurs(targetOf(line)))
            rules << line;
    }
    return rules;
}

QByteArray removalText(const QString &table, const QByteArray &dump, const std::function<bool(const QString &chain)> &isOurs,
                       QStringList *removed)
{
    const QStringList jumps = builtinJumpsTo(dump, isOurs);
    QStringList chains;
    for (const QString &c : chainsIn(dump)) {
        if (!isBuiltinChain(c) && isOurs(c))
            chains << c;
    }
    if (jumps.isEmpty() && chains.isEmpty())
        return {};
    QByteArray text = "*" + table.toUtf8() + "\n";
    for (const QString &c : chains)
        text += ":" + c.toUtf8() + " - [0:0]\n";  // declaring flushes it
    for (const QString &j : jumps) {
        text += "-D" + j.mid(2).toUtf8() + "\n";
        if (removed)
            *removed << QStringLiteral("%1 rule: %2").arg(table, j);
    }
    for (const QString &c : chains) {
        text += "-X " + c.toUtf8() + "\n";
        if (removed)
            *removed << QStringLiteral("%1 chain %2").arg(table, c);
    }
    return text + "COMMIT\n";
}

}  // namespace timoneiro::network::iptables
