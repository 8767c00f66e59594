#include "taint_toleration.h"

#include <QJsonArray>

namespace timoneiro::scheduler {

namespace {
QJsonArray taintsOf(const NodeInfo &node)
{
    return node.node.value(QStringLiteral("spec")).toObject().value(QStringLiteral("taints")).toArray();
}
}  // namespace

bool tolerates(const QJsonObject &toleration, const QJsonObject &taint)
{
    const QString effect = toleration.value(QStringLiteral("effect")).toString();
    if (!effect.isEmpty() && effect != taint.value(QStringLiteral("effect")).toString())
        return false;
    const QString key = toleration.value(QStringLiteral("key")).toString();
    const QString op = toleration.value(QStringLiteral("operator")).toString(QStringLiteral("Equal"));
    // An empty key with Exists tolerates everything.
    if (key.isEmpty())
        return op == QLatin1String("Exists");
    if (key != taint.value(QStringLiteral("key")).toString())
        return false;
    if (op == QLatin1String("Exists"))
        return true;
    return op == QLatin1String("Equal")
        && toleration.value(QStringLiteral("value")).toString() == taint.value(QStringLiteral("value")).toString();
}

QJsonObject firstUntolerated(const QJsonArray &taints, const QJsonArray &tolerations, const QStringList &effects)
{
    for (const QJsonValue &t : taints) {
        const QJsonObject taint = t.toObject();
        if (!effects.contains(taint.value(QStringLiteral("effect")).toString()))
            continue;
        bool ok = false;
        for (const QJsonValue &tol : tolerations)
            ok = ok || tolerates(tol.toObject(), taint);
        if (!ok)
            return taint;
    }
    return {};
}

PluginStatus TaintToleration::filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    const QJsonObject taint = firstUntolerated(taintsOf(node), pod.spec().value(QStringLiteral("tolerations")).toArray(),
                                               {QStringLiteral("NoSchedule"), QStringLiteral("NoExecute")});
    if (taint.isEmpty())
        return PluginStatus::success();
    return PluginStatus::unresolvable(QStringLiteral("node(s) had untolerated taint {%1: %2}")
                                          .arg(taint.value(QStringLiteral("key")).toString(),
                                               taint.value(QStringLiteral("value")).toString()));
}

qint64 TaintToleration::score(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    // The untolerated PreferNoSchedule taints; normalizeScores reverses them against the worst node.
    qint64 c = 0;
    const QJsonArray tolerations = pod.spec().value(QStringLiteral("tolerations")).toArray();
    for (const QJsonValue &t : taintsOf(node)) {
        const QJsonObject taint = t.toObject();
        if (taint.value(QStringLiteral("effect")).toString() != QLatin1String("PreferNoSchedule"))
            continue;
        bool ok = false;
        for (const QJsonValue &tol : tolerations)
            ok = ok || tolerates(tol.toObject(), taint);
        c += ok ? 0 : 1;
    }
    return c;
}

void TaintToleration::normalizeScores(const PodInfo &, QList<qint64> &scores) const
{
    defaultNormalizeScores(scores, true);
}

}  // namespace timoneiro::scheduler
