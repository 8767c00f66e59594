#include "node_unschedulable.h"

#include "scheduler/plugins/taint_toleration/taint_toleration.h"

#include <QJsonArray>

namespace timoneiro::scheduler {

PluginStatus NodeUnschedulable::filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const
{
    if (!node.node.value(QStringLiteral("spec")).toObject().value(QStringLiteral("unschedulable")).toBool())
        return PluginStatus::success();
    const QJsonObject taint{{QStringLiteral("key"), QStringLiteral("node.kubernetes.io/unschedulable")},
                            {QStringLiteral("effect"), QStringLiteral("NoSchedule")}};
    for (const QJsonValue &t : pod.spec().value(QStringLiteral("tolerations")).toArray())
        if (tolerates(t.toObject(), taint))
            return PluginStatus::success();
    return PluginStatus::unresolvable(QStringLiteral("node(s) were unschedulable"));
}

}  // namespace timoneiro::scheduler
