// Admission for ResourceQuota and LimitRange, as Kubernetes' plugins of the
// same names do it: LimitRange fills in container defaults and refuses
// values outside min/max; ResourceQuota refuses a create that would go over
// a quota, with Kubernetes' wording.
#include "apiserver_p.h"
#include "object_meta.h"

#include "api/object.h"
#include "api/quantity.h"
#include "api/quota_usage.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

QList<QJsonObject> objectsIn(store::Store &store, const api::ResourceInfo &r, const QString &ns)
{
    QList<QJsonObject> out;
    if (auto rows = store.list(r.storePrefix() + ns + QLatin1Char('/')))
        for (const store::KeyValue &kv : rows->items)
            out.append(decodeStored(kv.value, kv.revision));
    return out;
}

api::ApiError forbiddenFor(const api::ResourceInfo &r, const QString &name, const QString &why)
{
    api::ApiError e = api::ApiError::forbidden(QStringLiteral("%1 \"%2\" is forbidden: %3").arg(r.qualifiedPlural(), name, why));
    e.name = name;
    e.group = r.group;
    e.kind = r.plural;
    return e;
}

QString joinUsage(const api::Usage &u, const QStringList &keys)
{
    QStringList parts;
    for (const QString &k : keys)
        parts << k + QLatin1Char('=') + api::formatQuantity(k, u.value(k));
    return parts.join(QLatin1Char(','));
}

qint64 amount(const QJsonValue &v, bool cpu)
{
    auto q = api::Quantity::parse(v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toString());
    return q ? (cpu ? q->milliValue() : q->value()) : 0;
}

}  // namespace

std::optional<api::ApiError> ApiServer::Private::admitLimitRanges(const api::ResourceInfo &r, QJsonObject &pod)
{
    const api::ResourceInfo *ranges = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("limitranges"));
    const QString ns = api::namespaceOf(pod);
    QStringList violations;
    QJsonObject spec = api::specOf(pod);
    for (const QJsonObject &range : objectsIn(store, *ranges, ns)) {
        for (const QJsonValue &itemValue : api::specOf(range).value(QStringLiteral("limits")).toArray()) {
            const QJsonObject item = itemValue.toObject();
            if (item.value(QStringLiteral("type")).toString() != QLatin1String("Container"))
                continue;
            const QJsonObject defaults = item.value(QStringLiteral("default")).toObject();
            QJsonObject defaultRequests = item.value(QStringLiteral("defaultRequest")).toObject();
            for (auto it = defaults.begin(); it != defaults.end(); ++it)
                if (!defaultRequests.contains(it.key()))
                    defaultRequests.insert(it.key(), it.value());
            for (const char *list : {"initContainers", "containers"}) {
                QJsonArray containers = spec.value(QLatin1String(list)).toArray();
                for (qsizetype i = 0; i < containers.size(); ++i) {
                    QJsonObject c = containers[i].toObject();
                    QJsonObject res = c.value(QStringLiteral("resources")).toObject();
                    QJsonObject limits = res.value(QStringLiteral("limits")).toObject();
                    QJsonObject requests = res.value(QStringLiteral("requests")).toObject();
                    for (auto it = defaults.begin(); it != defaults.end(); ++it)
                        if (!limits.contains(it.key()))
                            limits.insert(it.key(), it.value());
                    for (auto it = defaultRequests.begin(); it != defaultRequests.end(); ++it)
                        if (!requests.contains(it.key()))
                            requests.insert(it.key(), it.value());
                    if (!limits.isEmpty())
                        res.insert(QStringLiteral("limits"), limits);
                    if (!requests.isEmpty())
                        res.insert(QStringLiteral("requests"), requests);
                    c.insert(QStringLiteral("resources"), res);
                    containers.replace(i, c);
                    const QJsonObject max = item.value(QStringLiteral("max")).toObject();
                    for (auto it = max.begin(); it != max.end(); ++it) {
                        const bool cpu = it.key() == QLatin1String("cpu");
                        const QJsonValue used = limits.contains(it.key()) ? limits.value(it.key()) : requests.value(it.key());
                        if (!used.isUndefined() && amount(used, cpu) > amount(it.value(), cpu))
                            violations << QStringLiteral("maximum %1 usage per Container is %2, but %3 is %4")
                                              .arg(it.key(), it.value().toString(),
                                                   limits.contains(it.key()) ? QStringLiteral("limit") : QStringLiteral("request"),
                                                   used.toString());
                    }
                    const QJsonObject min = item.value(QStringLiteral("min")).toObject();
                    for (auto it = min.begin(); it != min.end(); ++it) {
                        const bool cpu = it.key() == QLatin1String("cpu");
                        const QJsonValue used = requests.value(it.key());
                        if (!used.isUndefined() && amount(used, cpu) < amount(it.value(), cpu))
                            violations << QStringLiteral("minimum %1 usage per Container is %2, but request is %3")
                                              .arg(it.key(), it.value().toString(), used.toString());
                    }
                }
                if (spec.contains(QLatin1String(list)))
                    spec.insert(QLatin1String(list), containers);
            }
        }
    }
    pod.insert(QStringLiteral("spec"), spec);
    if (violations.isEmpty())
        return std::nullopt;
    return forbiddenFor(r, api::nameOf(pod), QLatin1Char('[') + violations.join(QStringLiteral(", ")) + QLatin1Char(']'));
}

std::optional<api::ApiError> ApiServer::Private::admitQuota(const api::ResourceInfo &r, const QJsonObject &obj)
{
    const api::ResourceInfo *quotas = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("resourcequotas"));
    const QString ns = api::namespaceOf(obj);
    const QList<QJsonObject> all = objectsIn(store, *quotas, ns);
    if (all.isEmpty())
        return std::nullopt;
    const api::Usage delta = api::usageOf(r.group, r.kind, r.plural, obj);
    api::Usage used;
    bool usedKnown = false;
    for (const QJsonObject &quota : all) {
        const QJsonObject hardJson = api::specOf(quota).value(QStringLiteral("hard")).toObject();
        const api::Usage hard = api::parseHard(hardJson);
        // Compute resources must be stated when a quota limits them.
        if (r.group.isEmpty() && r.kind == QLatin1String("Pod")) {
            QStringList missing;
            for (const QString &k : hard.keys()) {
                if (!k.startsWith(QLatin1String("requests.")) && !k.startsWith(QLatin1String("limits.")))
                    continue;
                const QString part = k.section(QLatin1Char('.'), 0, 0), resource = k.section(QLatin1Char('.'), 1);
                QStringList containers;
                for (const QJsonValue &c : api::specOf(obj).value(QStringLiteral("containers")).toArray())
                    if (!c.toObject().value(QStringLiteral("resources")).toObject().value(part).toObject().contains(resource))
                        containers << c.toObject().value(QStringLiteral("name")).toString();
                if (!containers.isEmpty())
                    missing << QStringLiteral("%1 for: %2").arg(k, containers.join(QLatin1Char(',')));
            }
            if (!missing.isEmpty())
                return forbiddenFor(r, api::nameOf(obj), QStringLiteral("failed quota: %1: must specify %2")
                                                             .arg(api::nameOf(quota), missing.join(QStringLiteral("; "))));
        }
        QStringList exceeded;
        for (auto it = hard.begin(); it != hard.end(); ++it) {
            if (delta.value(it.key()) <= 0)
                continue;
            if (!usedKnown) {
                for (const QJsonObject &o : objectsIn(store, r, ns))
                    api::addUsage(used, api::usageOf(r.group, r.kind, r.plural, o));
                usedKnown = true;
            }
            if (used.value(it.key()) + delta.value(it.key()) > it.value())
                exceeded << it.key();
        }
        if (!exceeded.isEmpty()) {
            exceeded.sort();
            return forbiddenFor(r, api::nameOf(obj),
                                QStringLiteral("exceeded quota: %1, requested: %2, used: %3, limited: %4")
                                    .arg(api::nameOf(quota), joinUsage(delta, exceeded), joinUsage(used, exceeded),
                                         joinUsage(hard, exceeded)));
        }
    }
    return std::nullopt;
}

}  // namespace timoneiro::apiserver
