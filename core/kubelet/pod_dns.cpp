#include "pod_dns.h"

#include "json_fields.h"

#include <QFile>

namespace timoneiro::kubelet {

namespace {

constexpr int kMaxNameservers = 3;   // glibc's MAXNS
constexpr int kMaxSearches = 32;     // the kubelet's MaxDNSSearchPaths
const QString kSystemdStub = QStringLiteral("127.0.0.53");
const QString kSystemdUpstream = QStringLiteral("/run/systemd/resolve/resolv.conf");

void appendUnique(QStringList *to, const QStringList &more)
{
    for (const QString &s : more)
        if (!s.isEmpty() && !to->contains(s))
            to->append(s);
}

QString optionName(const QString &option)
{
    return option.section(QLatin1Char(':'), 0, 0);
}

// dnsConfig's options replace the base's of the same name, as the kubelet's mergeDNSOptions.
QStringList mergeOptions(const QStringList &base, const QJsonArray &extra)
{
    QStringList out = base;
    for (const QJsonValue &v : extra) {
        const QJsonObject o = v.toObject();
        const QString name = str(o, "name");
        if (name.isEmpty())
            continue;
        const QString value = o.value(QStringLiteral("value")).toString();
        const QString option = value.isEmpty() ? name : name + QLatin1Char(':') + value;
        bool replaced = false;
        for (QString &existing : out) {
            if (optionName(existing) == name) {
                existing = option;
                replaced = true;
            }
        }
        if (!replaced)
            out << option;
    }
    return out;
}

QStringList strings(const QJsonArray &a)
{
    QStringList out;
    for (const QJsonValue &v : a)
        out << v.toString();
    return out;
}

}  // namespace

ResolvConf parseResolvConf(const QByteArray &text)
{
    ResolvConf out;
    for (const QByteArray &raw : text.split('\n')) {
        QByteArray line = raw;
        if (const int hash = line.indexOf('#'); hash >= 0)
            line.truncate(hash);
        if (const int semi = line.indexOf(';'); semi >= 0)
            line.truncate(semi);
        const QStringList fields = QString::fromUtf8(line).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        const QString key = fields.first();
        if (key == QLatin1String("nameserver") && fields.size() > 1)
            appendUnique(&out.servers, {fields[1]});
        else if (key == QLatin1String("search") || key == QLatin1String("domain"))
            out.searches = fields.mid(1);  // the last search or domain line wins, as in resolv.conf(5)
        else if (key == QLatin1String("options"))
            out.options.append(fields.mid(1));
    }
    return out;
}

ResolvConf hostResolvConf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    ResolvConf conf = parseResolvConf(file.read(64 * 1024));
    if (conf.servers == QStringList{kSystemdStub} && QFile::exists(kSystemdUpstream)) {
        QFile upstream(kSystemdUpstream);
        if (upstream.open(QIODevice::ReadOnly))
            conf = parseResolvConf(upstream.read(64 * 1024));
    }
    return conf;
}

cri::v1::DNSConfig podDnsConfig(const QJsonObject &pod, const PodDnsSettings &settings, QString *warning)
{
    const QJsonObject spec = obj(pod, "spec");
    const QString ns = str(obj(pod, "metadata"), "namespace");
    QString policy = str(spec, "dnsPolicy");
    if (policy.isEmpty())
        policy = QStringLiteral("ClusterFirst");
    if (policy == QLatin1String("ClusterFirst") && spec.value(QStringLiteral("hostNetwork")).toBool())
        policy = QStringLiteral("Default");  // a host-network pod asks for ClusterFirstWithHostNet
    if ((policy == QLatin1String("ClusterFirst") || policy == QLatin1String("ClusterFirstWithHostNet")) && settings.clusterDns.isEmpty()) {
        if (warning)
            *warning = QStringLiteral("kubelet does not have ClusterDNS IP configured and cannot create Pod using \"%1\" policy. "
                                      "Falling back to \"Default\" policy.").arg(policy);
        policy = QStringLiteral("Default");
    }
    ResolvConf conf;
    if (policy == QLatin1String("Default")) {
        conf = hostResolvConf(settings.resolvConf);
    } else if (policy != QLatin1String("None")) {
        const ResolvConf host = hostResolvConf(settings.resolvConf);
        const QString domain = settings.clusterDomain;
        conf.servers = settings.clusterDns;
        conf.searches = {ns + QStringLiteral(".svc.") + domain, QStringLiteral("svc.") + domain, domain};
        appendUnique(&conf.searches, host.searches);
        conf.options = {QStringLiteral("ndots:5")};
    }
    const QJsonObject dnsConfig = obj(spec, "dnsConfig");
    appendUnique(&conf.servers, strings(dnsConfig.value(QStringLiteral("nameservers")).toArray()));
    appendUnique(&conf.searches, strings(dnsConfig.value(QStringLiteral("searches")).toArray()));
    conf.options = mergeOptions(conf.options, dnsConfig.value(QStringLiteral("options")).toArray());
    cri::v1::DNSConfig out;
    for (const QString &s : conf.servers.mid(0, kMaxNameservers))
        out.add_servers(s.toStdString());
    for (const QString &s : conf.searches.mid(0, kMaxSearches))
        out.add_searches(s.toStdString());
    for (const QString &o : conf.options)
        out.add_options(o.toStdString());
    return out;
}

QByteArray resolvConfText(const cri::v1::DNSConfig &config)
{
    QByteArray out;
    for (const auto &s : config.servers())
        out += "nameserver " + QByteArray::fromStdString(s) + '\n';
    if (config.searches_size() > 0) {
        out += "search";
        for (const auto &s : config.searches())
            out += ' ' + QByteArray::fromStdString(s);
        out += '\n';
    }
    if (config.options_size() > 0) {
        out += "options";
        for (const auto &o : config.options())
            out += ' ' + QByteArray::fromStdString(o);
        out += '\n';
    }
    return out;
}

}  // namespace timoneiro::kubelet
