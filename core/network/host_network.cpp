#include "host_network.h"

#include "iptables.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcHostNetwork, "timoneiro.network", QtInfoMsg)

namespace timoneiro::network {

namespace {

// The routes through the dummy device: a high metric one with no source
// (always there, so nothing of the ranges is ever routed off the machine)
// and, once a bridge exists, a preferred one with the bridge's gateway
// as source.
constexpr int kFallbackMetric = 4000;
constexpr int kPreferredMetric = 100;

bool ip(const QStringList &args, QString *error = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("ip"), args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished(5000);
        if (error)
            *error = QStringLiteral("ip %1: did not finish").arg(args.join(QLatin1Char(' ')));
        return false;
    }
    if (p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("ip %1: %2").arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError().trimmed()));
        return false;
    }
    return true;
}

bool linkExists(const QString &name)
{
    return QFileInfo::exists(QStringLiteral("/sys/class/net/") + name);
}

QString sysctlPath(const QString &key)
{
    return QStringLiteral("/proc/sys/") + QString(key).replace(QLatin1Char('.'), QLatin1Char('/'));
}

QByteArray guardRules()
{
    const QByteArray guard = kGuardChain;
    const QByteArray accept = kAcceptChain;
    return "*filter\n"
           ":" + guard + " - [0:0]\n"
           ":" + accept + " - [0:0]\n"
           "-A " + guard + " -i tmn+ ! -o tmn+ -m comment --comment \"timoneiro: pods never reach other networks\" -j DROP\n"
           "-A " + guard + " ! -i tmn+ -o tmn+ -m comment --comment \"timoneiro: other networks never reach pods\" -j DROP\n"
           "-A " + accept + " -i tmn+ -o tmn+ -m comment --comment \"timoneiro: pod to pod, after NetworkPolicy\" -j ACCEPT\n"
           "-I FORWARD 1 -m comment --comment \"timoneiro: keep pod traffic on this machine\" -j " + guard + "\n"
           "-A FORWARD -m comment --comment \"timoneiro: pod to pod\" -j " + accept + "\n"
           "COMMIT\n";
}

}  // namespace

QString readSysctl(const QString &key)
{
    QFile f(sysctlPath(key));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

bool writeSysctl(const QString &key, const QString &value)
{
    QFile f(sysctlPath(key));
    return f.open(QIODevice::WriteOnly) && f.write(value.toLatin1()) == value.size();
}

bool HostNetwork::isClusterChain(const QString &chain)
{
    static const QStringList exact{QStringLiteral("KUBE-SERVICES"), QStringLiteral("KUBE-EXTERNAL-SERVICES"),
                                   QStringLiteral("KUBE-NODEPORTS"), QStringLiteral("KUBE-POSTROUTING")};
    static const QStringList prefixes{QStringLiteral("KUBE-SVC-"), QStringLiteral("KUBE-SEP-"), QStringLiteral("KUBE-EXT-"),
                                      QStringLiteral("KUBE-FW-"), QStringLiteral("TIMONEIRO-")};
    if (exact.contains(chain))
        return true;
    for (const QString &p : prefixes) {
        if (chain.startsWith(p))
            return true;
    }
    return false;
}

HostNetwork::HostNetwork(HostNetworkConfig config) : config_(std::move(config)) {}

HostNetwork::~HostNetwork()
{
    tearDown();
}

bool HostNetwork::setSysctl(const QString &key, const QString &value, QString *error)
{
    const QString old = readSysctl(key);
    if (old.isEmpty()) {
        *error = QStringLiteral("sysctl %1 does not exist here").arg(key);
        return false;
    }
    if (old == value)
        return true;
    if (!writeSysctl(key, value)) {
        *error = QStringLiteral("cannot set %1 = %2").arg(key, value);
        return false;
    }
    bool known = false;
    for (const auto &c : std::as_const(changed_))
        known = known || c.first == key;
    if (!known)
        changed_.append({key, old});
    saveState();
    return true;
}

void HostNetwork::saveState() const
{
    QJsonArray sysctls;
    for (const auto &c : changed_)
        sysctls.append(QJsonObject{{QStringLiteral("key"), c.first}, {QStringLiteral("old"), c.second}});
    QDir().mkpath(QFileInfo(config_.stateFile).absolutePath());
    QSaveFile f(config_.stateFile);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("sysctls"), sysctls}}).toJson());
        f.commit();
    }
}

bool HostNetwork::setUp(QString *error)
{
    if (up_)
        return true;
    up_ = true;  // from here on tearDown undoes whatever was done
    const QString dev = QLatin1String(kServiceDevice);
    // A dummy device; where the kernel has no dummy driver (containers),
    // a bridge without ports, which discards what it is given just as well.
    if (!linkExists(dev) && !ip({QStringLiteral("link"), QStringLiteral("add"), dev, QStringLiteral("type"), QStringLiteral("dummy")})
        && !ip({QStringLiteral("link"), QStringLiteral("add"), dev, QStringLiteral("type"), QStringLiteral("bridge")}, error))
        return false;
    if (!ip({QStringLiteral("link"), QStringLiteral("set"), dev, QStringLiteral("up")}, error))
        return false;
    // The pod range too: a pod address of no node's podCIDR must not leave either.
    for (const QString &range : {config_.clusterCidr, config_.serviceCidr, config_.loadBalancerPool}) {
        if (!ip({QStringLiteral("route"), QStringLiteral("replace"), range, QStringLiteral("dev"), dev, QStringLiteral("metric"),
                 QString::number(kFallbackMetric)}, error))
            return false;
    }
    if (readSysctl(QStringLiteral("net.bridge.bridge-nf-call-iptables")).isEmpty()) {
        QProcess::execute(QStringLiteral("modprobe"), {QStringLiteral("br_netfilter")});
    }
    if (!setSysctl(QStringLiteral("net.bridge.bridge-nf-call-iptables"), QStringLiteral("1"), error))
        return false;
    // A crash may have left the guard: remove it before writing it again, so it is there once.
    const QByteArray dump = iptables::save(QStringLiteral("filter"));
    const auto isGuard = [](const QString &c) { return c == QLatin1String(kGuardChain) || c == QLatin1String(kAcceptChain); };
    if (const QByteArray stale = iptables::removalText(QStringLiteral("filter"), dump, isGuard); !stale.isEmpty())
        iptables::restore(stale);
    if (const auto r = iptables::restore(guardRules()); !r.ok) {
        *error = QStringLiteral("the filter guard chains: %1").arg(r.error);
        return false;
    }
    qCInfo(lcHostNetwork).noquote() << "host network: routes for" << config_.clusterCidr << config_.serviceCidr << config_.loadBalancerPool << "on" << dev
                                    << "- guard chain" << kGuardChain;
    return true;
}

bool HostNetwork::addBridge(const QString &bridge, const QString &gateway, QString *error)
{
    if (!linkExists(bridge)) {
        *error = QStringLiteral("the bridge %1 does not exist").arg(bridge);
        return false;
    }
    const QString conf = QStringLiteral("net.ipv4.conf.") + bridge;
    if (!setSysctl(conf + QStringLiteral(".forwarding"), QStringLiteral("1"), error)
        || !setSysctl(conf + QStringLiteral(".route_localnet"), QStringLiteral("1"), error))
        return false;
    if (sourceGateway_.isEmpty()) {
        for (const QString &range : {config_.serviceCidr, config_.loadBalancerPool}) {
            if (!ip({QStringLiteral("route"), QStringLiteral("replace"), range, QStringLiteral("dev"), QLatin1String(kServiceDevice),
                     QStringLiteral("src"), gateway, QStringLiteral("metric"), QString::number(kPreferredMetric)}, error))
                return false;
        }
        sourceGateway_ = gateway;
    }
    return true;
}

void HostNetwork::tearDown()
{
    if (!up_)
        return;
    up_ = false;
    const QByteArray dump = iptables::save(QStringLiteral("filter"));
    const auto isGuard = [](const QString &c) { return c == QLatin1String(kGuardChain) || c == QLatin1String(kAcceptChain); };
    if (const QByteArray text = iptables::removalText(QStringLiteral("filter"), dump, isGuard); !text.isEmpty()) {
        if (const auto r = iptables::restore(text); !r.ok)
            qCWarning(lcHostNetwork).noquote() << "could not remove the guard chains:" << r.error;
    }
    // Deleting the device takes its routes with it.
    if (linkExists(QLatin1String(kServiceDevice)))
        ip({QStringLiteral("link"), QStringLiteral("del"), QLatin1String(kServiceDevice)});
    for (auto it = changed_.crbegin(); it != changed_.crend(); ++it) {
        if (QFile::exists(sysctlPath(it->first)))  // a bridge's go with the bridge
            writeSysctl(it->first, it->second);
    }
    changed_.clear();
    sourceGateway_.clear();
    QFile::remove(config_.stateFile);
}

QString HostNetwork::liveCluster()
{
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const qint64 pid = entry.toLongLong();
        if (pid <= 0 || pid == QCoreApplication::applicationPid())
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (args.isEmpty() || !args.first().endsWith("timoneirod") || args.contains("--cleanup"))
            continue;
        const qsizetype at = args.indexOf("--nodes");
        // Without --nodes, timoneirod starts containerd nodes where it can.
        if (at < 0 || args.value(at + 1) != "0")
            return QStringLiteral("PID %1").arg(pid);
    }
    return {};
}

QStringList HostNetwork::cleanup(const HostNetworkConfig &config)
{
    QStringList removed;
    for (const char *name : {"nat", "filter"}) {
        const QString table = QLatin1String(name);
        const QByteArray text = iptables::removalText(table, iptables::save(table), isClusterChain, &removed);
        if (!text.isEmpty()) {
            if (const auto r = iptables::restore(text); !r.ok)
                removed << QStringLiteral("FAILED to remove the %1 chains: %2").arg(table, r.error);
        }
    }
    for (const QString &dev : QDir(QStringLiteral("/sys/class/net")).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System)) {
        if (!dev.startsWith(QLatin1String("tmn-")))
            continue;
        QString error;
        removed << (ip({QStringLiteral("link"), QStringLiteral("del"), dev}, &error) ? QStringLiteral("device %1").arg(dev)
                                                                                    : QStringLiteral("FAILED: %1").arg(error));
    }
    QFile f(config.stateFile);
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonArray sysctls = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("sysctls")).toArray();
        for (const QJsonValue &v : sysctls) {
            const QString key = v.toObject().value(QStringLiteral("key")).toString();
            const QString old = v.toObject().value(QStringLiteral("old")).toString();
            if (QFile::exists(sysctlPath(key)) && writeSysctl(key, old))
                removed << QStringLiteral("sysctl %1 = %2 (restored)").arg(key, old);
        }
        f.close();
        f.remove();
    }
    return removed;
}

}  // namespace timoneiro::network
