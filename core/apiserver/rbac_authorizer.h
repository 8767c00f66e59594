#pragma once
// RBAC as Kubernetes evaluates it: the rules of the Roles and ClusterRoles
// bound to the user, one of their groups, or their ServiceAccount, read
// from the store (cached until an RBAC object changes). system:masters
// bypasses it, as in Kubernetes.
#include "request_attributes.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>

#include <atomic>
#include <memory>

namespace timoneiro::store {
class Store;
class Watch;
}

namespace timoneiro::apiserver {

struct Decision {
    bool allowed = false;
    QString reason;  // which binding allowed it, for auth can-i and audit
};

// One PolicyRule evaluated against attributes (pure; tested on its own).
bool ruleAllows(const QJsonObject &rule, const RequestAttributes &a);
// Whether a binding's subjects include the user.
bool subjectsMatch(const QJsonArray &subjects, const api::UserInfo &user, const QString &bindingNamespace);

class RbacAuthorizer {
public:
    explicit RbacAuthorizer(store::Store &store);
    ~RbacAuthorizer();

    Decision authorize(const RequestAttributes &a);
    // Every rule that applies to the user in ns (self-subject rules review).
    QList<QJsonObject> rulesFor(const api::UserInfo &user, const QString &ns);

private:
    struct Snapshot;
    std::shared_ptr<const Snapshot> snapshot();

    store::Store &store_;
    QMutex mutex_;
    std::shared_ptr<const Snapshot> snapshot_;
    std::shared_ptr<std::atomic<bool>> dirty_;
    std::unique_ptr<store::Watch> watch_;
};

}  // namespace timoneiro::apiserver
