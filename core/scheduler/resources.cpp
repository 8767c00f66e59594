#include "resources.h"

#include "api/quantity.h"

#include <QJsonArray>

namespace timoneiro::scheduler {

namespace {

qint64 amount(const QJsonObject &list, const char *name, bool milli)
{
    const QJsonValue v = list.value(QLatin1String(name));
    auto q = api::Quantity::parse(v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toString());
    if (!q)
        return 0;
    return milli ? q->milliValue() : q->value();
}

Resources maxOf(const Resources &a, const Resources &b)
{
    return {std::max(a.milliCpu, b.milliCpu), std::max(a.memory, b.memory),
            std::max(a.ephemeralStorage, b.ephemeralStorage), std::max(a.pods, b.pods)};
}

}  // namespace

Resources Resources::fromList(const QJsonObject &list)
{
    return {amount(list, "cpu", true), amount(list, "memory", false), amount(list, "ephemeral-storage", false),
            amount(list, "pods", false)};
}

Resources Resources::podRequests(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    auto requestsOf = [](const QJsonValue &c) {
        return fromList(c.toObject().value(QStringLiteral("resources")).toObject().value(QStringLiteral("requests")).toObject());
    };
    Resources sum;
    for (const QJsonValue &c : spec.value(QStringLiteral("containers")).toArray())
        sum += requestsOf(c);
    // Init containers run one at a time, before the others: the pod needs
    // the largest of them, or the sum of the regular ones if that is more.
    Resources init;
    for (const QJsonValue &c : spec.value(QStringLiteral("initContainers")).toArray())
        init = maxOf(init, requestsOf(c));
    Resources total = maxOf(sum, init);
    total += fromList(spec.value(QStringLiteral("overhead")).toObject());
    total.pods = 1;
    return total;
}

Resources Resources::nodeAllocatable(const QJsonObject &node)
{
    const QJsonObject status = node.value(QStringLiteral("status")).toObject();
    const QJsonObject allocatable = status.value(QStringLiteral("allocatable")).toObject();
    return fromList(allocatable.isEmpty() ? status.value(QStringLiteral("capacity")).toObject() : allocatable);
}

}  // namespace timoneiro::scheduler
