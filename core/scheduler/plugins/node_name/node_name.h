#pragma once
// NodeName: a pod that names its node (spec.nodeName set before scheduling) fits only there.
#include "scheduler/framework.h"

namespace timoneiro::scheduler {

class NodeName final : public FilterPlugin {
public:
    QString name() const override { return QStringLiteral("NodeName"); }
    PluginStatus filter(const PodInfo &pod, const NodeInfo &node, const Snapshot &) const override
    {
        const QString wanted = pod.spec().value(QStringLiteral("nodeName")).toString();
        if (wanted.isEmpty() || wanted == node.name)
            return PluginStatus::success();
        return PluginStatus::unresolvable(QStringLiteral("node(s) didn't match the requested node name"));
    }
};

}  // namespace timoneiro::scheduler
