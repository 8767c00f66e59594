#include "node_affinity.h"

#include <QJsonArray>

namespace timoneiro::scheduler {

namespace {

bool requirementHolds(const QJsonObject &req, const QJsonObject &values, bool fieldsOnly)
{
    const QString key = req.value(QStringLiteral("key")).toString();
    const QString op = req.value(QStringLiteral("operator")).toString();
    QStringList wanted;
    for (const QJsonValue &v : req.value(QStringLiteral("values")).toArray())
        wanted << v.toString();
    const bool has = values.contains(key);
    const QString value = values.value(key).toString();
    if (op == QLatin1String("In"))
        return has && wanted.contains(value);
    if (op == QLatin1String("NotIn"))
        return !has || !wanted.contains(value);
    if (fieldsOnly)
        return false;  // matchFields only knows In and NotIn
    if (op == QLatin1String("Exists"))
        return has;
    if (op == QLatin1String("DoesNotExist"))
        return !has;
    if (op == QLatin1String("Gt") || op == QLatin1String("Lt")) {
        bool okValue = false, okWanted = false;
        const qint64 n = value.toLongLong(&okValue);
        const qint64 bound = wanted.value(0).toLongLong(&okWanted);
        if (!has || !okValue || !okWanted || wanted.size() != 1)
            return false;
        return op == QLatin1String("Gt") ? n > bound : n < bound;
    }
    return false;
}

QJsonObject nodeAffinityOf(const PodInfo &pod)
{
    return pod.spec().value(QStringLiteral("affinity")).toObject().value(QStringLiteral("nodeAffinity")).toObject();
}

}  // namespace

bool nodeSelectorTermMatches(const QJsonObject &term, const NodeInfo &node)
{
    const QJsonArray exprs = term.value(QStringLiteral("matchExpressions")).toArray();
    const QJsonArray fields = term.value(QStringLiteral("matchFields")).toArray();
    if (exprs.isEmpty() && fields.isEmpty())
        return false;  // an empty term matches nothing
    for (const QJsonValue &e : exprs)
        if (!requirementHolds(e.toObject(), node.labels, false))
            return false;
    const QJsonObject nodeFields{{QStringLiteral("metadata.name"), node.name}};
    for (const QJsonValue &f : fields)
        if (!requirementHolds(f.toObject(), nodeFields, true))
            return false;
    return true;
}

PluginStatus NodeAffinity::filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    static const QString reason = QStringLiteral("node(s) didn't match Pod's node affinity/selector");
    const QJsonObject selector = pod.spec().value(QStringLiteral("nodeSelector")).toObject();
    for (auto it = selector.begin(); it != selector.end(); ++it)
        if (!node.labels.contains(it.key()) || node.labels.value(it.key()).toString() != it.value().toString())
            return PluginStatus::unresolvable(reason);
    const QJsonObject required = nodeAffinityOf(pod).value(QStringLiteral("requiredDuringSchedulingIgnoredDuringExecution")).toObject();
    if (required.isEmpty())
        return PluginStatus::success();
    for (const QJsonValue &term : required.value(QStringLiteral("nodeSelectorTerms")).toArray())
        if (nodeSelectorTermMatches(term.toObject(), node))
            return PluginStatus::success();
    return PluginStatus::unresolvable(reason);
}

qint64 NodeAffinity::score(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    // The summed weights of the preferred terms the node matches; normalizeScores scales them to the best node.
    const QJsonArray preferred = nodeAffinityOf(pod).value(QStringLiteral("preferredDuringSchedulingIgnoredDuringExecution")).toArray();
    qint64 sum = 0;
    for (const QJsonValue &p : preferred) {
        const QJsonObject term = p.toObject();
        if (nodeSelectorTermMatches(term.value(QStringLiteral("preference")).toObject(), node))
            sum += term.value(QStringLiteral("weight")).toInt();
    }
    return sum;
}

void NodeAffinity::normalizeScores(const PodInfo &, QList<qint64> &scores) const
{
    defaultNormalizeScores(scores, false);
}

}  // namespace timoneiro::scheduler
