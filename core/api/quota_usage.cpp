#include "quota_usage.h"

#include "object.h"
#include "quantity.h"

namespace timoneiro::api {

namespace {

bool isCpu(const QString &resource)
{
    return resource == QLatin1String("cpu") || resource.endsWith(QLatin1String(".cpu"));
}

qint64 quantity(const QJsonValue &v, bool milli)
{
    auto q = Quantity::parse(v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toString());
    return q ? (milli ? q->milliValue() : q->value()) : 0;
}

}  // namespace

Usage usageOf(const QString &group, const QString &kind, const QString &plural, const QJsonObject &obj)
{
    Usage u;
    u.insert(QStringLiteral("count/") + (group.isEmpty() ? plural : plural + QLatin1Char('.') + group), 1);
    if (!group.isEmpty())
        return u;
    if (kind == QLatin1String("Pod")) {
        const QString phase = statusOf(obj).value(QStringLiteral("phase")).toString();
        if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            return {};
        u.insert(QStringLiteral("pods"), 1);
        for (const QJsonValue &c : specOf(obj).value(QStringLiteral("containers")).toArray()) {
            const QJsonObject resources = c.toObject().value(QStringLiteral("resources")).toObject();
            for (const char *part : {"requests", "limits"}) {
                const QJsonObject list = resources.value(QLatin1String(part)).toObject();
                for (auto it = list.begin(); it != list.end(); ++it) {
                    const qint64 v = quantity(it.value(), isCpu(it.key()));
                    u[QLatin1String(part) + QLatin1Char('.') + it.key()] += v;
                    if (QLatin1String(part) == QLatin1String("requests"))
                        u[it.key()] += v;  // "cpu" and "memory" mean requests
                }
            }
        }
    } else if (kind == QLatin1String("Service")) {
        u.insert(QStringLiteral("services"), 1);
        const QString type = specOf(obj).value(QStringLiteral("type")).toString();
        if (type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer"))
            u.insert(type == QLatin1String("NodePort") ? QStringLiteral("services.nodeports")
                                                      : QStringLiteral("services.loadbalancers"),
                     1);
    } else if (kind == QLatin1String("ConfigMap")) {
        u.insert(QStringLiteral("configmaps"), 1);
    } else if (kind == QLatin1String("Secret")) {
        u.insert(QStringLiteral("secrets"), 1);
    } else if (kind == QLatin1String("ResourceQuota")) {
        u.insert(QStringLiteral("resourcequotas"), 1);
    }
    return u;
}

void addUsage(Usage &total, const Usage &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        total[it.key()] += it.value();
}

Usage parseHard(const QJsonObject &hard)
{
    Usage u;
    for (auto it = hard.begin(); it != hard.end(); ++it)
        u.insert(it.key(), quantity(it.value(), isCpu(it.key())));
    return u;
}

QString formatQuantity(const QString &resource, qint64 value)
{
    if (isCpu(resource))
        return value % 1000 == 0 ? QString::number(value / 1000) : QStringLiteral("%1m").arg(value);
    const bool bytes = resource.contains(QLatin1String("memory")) || resource.contains(QLatin1String("storage"));
    if (bytes && value != 0) {
        static const struct { const char *suffix; qint64 factor; } units[] = {
            {"Ti", 1LL << 40}, {"Gi", 1LL << 30}, {"Mi", 1LL << 20}, {"Ki", 1LL << 10}};
        for (const auto &unit : units)
            if (value % unit.factor == 0)
                return QString::number(value / unit.factor) + QLatin1String(unit.suffix);
    }
    return QString::number(value);
}

}  // namespace timoneiro::api
