// Kubernetes' name rules (k8s.io/apimachinery/pkg/util/validation) with
// their exact messages, which kubectl shows to users.
#include "validation.h"

#include "resource.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>

namespace timoneiro::api {

namespace {

QString maxLen(int n)
{
    return QStringLiteral("must be no more than %1 characters").arg(n);
}

const QRegularExpression &re(const char *pattern)
{
    // A few patterns, built once each.
    static QHash<const char *, QRegularExpression> cache;
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QStringLiteral("^(?:%1)$").arg(QLatin1String(pattern))));
    return *it;
}

const char *const kLabel = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const char *const kSubdomain = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const char *const kDns1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
const char *const kQualifiedName = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const char *const kLabelValue = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

QStringList dns1035Label(const QString &value)
{
    QStringList errs;
    if (value.size() > 63)
        errs << maxLen(63);
    if (!re(kDns1035).match(value).hasMatch())
        errs << QStringLiteral("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
                               "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
                               "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    return errs;
}

QStringList pathSegment(const QString &value)
{
    if (value == QLatin1String(".") || value == QLatin1String(".."))
        return {QStringLiteral("may not be '%1'").arg(value)};
    for (const char *bad : {"/", "%"})
        if (value.contains(QLatin1String(bad)))
            return {QStringLiteral("may not contain '%1'").arg(QLatin1String(bad))};
    return {};
}

}  // namespace

QStringList validateDnsLabel(const QString &value)
{
    QStringList errs;
    if (value.size() > 63)
        errs << maxLen(63);
    if (!re(kLabel).match(value).hasMatch())
        errs << QStringLiteral("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                               "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                               "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    return errs;
}

QStringList validateDnsSubdomain(const QString &value)
{
    QStringList errs;
    if (value.size() > 253)
        errs << maxLen(253);
    if (!re(kSubdomain).match(value).hasMatch())
        errs << QStringLiteral("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
                               "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
                               "regex used for validation is "
                               "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    return errs;
}

QStringList validateLabelKey(const QString &key)
{
    QStringList errs;
    QString name = key;
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString prefix = key.left(slash);
        name = key.mid(slash + 1);
        if (prefix.isEmpty())
            errs << QStringLiteral("prefix part must be non-empty");
        else
            for (const QString &e : validateDnsSubdomain(prefix))
                errs << QStringLiteral("prefix part ") + e;
        if (name.contains(QLatin1Char('/')))
            return {QStringLiteral("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and "
                                   "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  "
                                   "or '123-abc', regex used for validation is "
                                   "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix "
                                   "and '/' (e.g. 'example.com/MyName')")};
    }
    if (name.isEmpty())
        errs << QStringLiteral("name part must be non-empty");
    else if (name.size() > 63)
        errs << QStringLiteral("name part ") + maxLen(63);
    if (!name.isEmpty() && !re(kQualifiedName).match(name).hasMatch())
        errs << QStringLiteral("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                               "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
                               "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    return errs;
}

QStringList validateLabelValue(const QString &value)
{
    QStringList errs;
    if (value.size() > 63)
        errs << maxLen(63);
    if (!re(kLabelValue).match(value).hasMatch())
        errs << QStringLiteral("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
                               "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
                               "'my_value',  or '12345', regex used for validation is "
                               "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    return errs;
}

QStringList validateName(const ResourceInfo &resource, const QString &name)
{
    const QString &kind = resource.kind;
    if (resource.group.isEmpty() && kind == QLatin1String("Namespace"))
        return validateDnsLabel(name);
    if (resource.group.isEmpty() && kind == QLatin1String("Service"))
        return dns1035Label(name);
    if (resource.group == QLatin1String("rbac.authorization.k8s.io") || (resource.group.isEmpty() && kind == QLatin1String("Event")))
        return pathSegment(name);
    return validateDnsSubdomain(name);
}

}  // namespace timoneiro::api
