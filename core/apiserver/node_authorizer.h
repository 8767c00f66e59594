#pragma once
// Kubernetes' Node authorizer and NodeRestriction in one: a kubelet
// (user system:node:<name>, group system:nodes) may read what nodes read,
// write only its own Node, its own Lease and the status of pods bound to
// it, and read only the Secrets, ConfigMaps and ServiceAccount tokens its
// pods use.
#include "rbac_authorizer.h"

namespace timoneiro::api {
class ResourceRegistry;
}

namespace timoneiro::apiserver {

class NodeAuthorizer {
public:
    NodeAuthorizer(store::Store &store, const api::ResourceRegistry &registry) : store_(store), registry_(registry) {}

    // Nothing when the user is not a node (RBAC decides); otherwise the decision.
    std::optional<Decision> authorize(const RequestAttributes &a) const;

    // "system:node:worker-1" -> "worker-1", or empty.
    static QString nodeNameOf(const api::UserInfo &user);

private:
    // Pods bound to node in ns.
    QList<QJsonObject> podsOn(const QString &node, const QString &ns) const;
    // Whether the pod ns/name exists and is bound to node.
    bool boundTo(const QString &node, const QString &ns, const QString &name) const;
    bool podUses(const QJsonObject &pod, const QString &resource, const QString &name) const;

    store::Store &store_;
    const api::ResourceRegistry &registry_;
};

}  // namespace timoneiro::apiserver
