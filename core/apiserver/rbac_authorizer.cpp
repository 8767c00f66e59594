#include "rbac_authorizer.h"

#include "object_meta.h"

#include "store/store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::apiserver {

namespace {

const QString kRbacPrefix = QStringLiteral("/registry/rbac.authorization.k8s.io/");

bool hasAny(const QJsonArray &list, const QString &value)
{
    for (const QJsonValue &v : list) {
        const QString s = v.toString();
        if (s == QLatin1String("*") || s == value)
            return true;
    }
    return false;
}

bool resourceMatches(const QJsonArray &resources, const QString &resource, const QString &subresource)
{
    const QString combined = subresource.isEmpty() ? resource : resource + QLatin1Char('/') + subresource;
    for (const QJsonValue &v : resources) {
        const QString r = v.toString();
        if (r == QLatin1String("*") || r == combined)
            return true;
        // "*/scale" matches the scale subresource of any resource.
        if (!subresource.isEmpty() && r == QStringLiteral("*/") + subresource)
            return true;
    }
    return false;
}

bool urlMatches(const QJsonArray &urls, const QString &path)
{
    for (const QJsonValue &v : urls) {
        const QString u = v.toString();
        if (u == QLatin1String("*") || u == path)
            return true;
        if (u.endsWith(QLatin1Char('*')) && path.startsWith(u.chopped(1)))
            return true;
    }
    return false;
}

}  // namespace

bool ruleAllows(const QJsonObject &rule, const RequestAttributes &a)
{
    if (!hasAny(rule.value(QStringLiteral("verbs")).toArray(), a.verb))
        return false;
    if (!a.resourceRequest)
        return urlMatches(rule.value(QStringLiteral("nonResourceURLs")).toArray(), a.path);
    if (!hasAny(rule.value(QStringLiteral("apiGroups")).toArray(), a.apiGroup))
        return false;
    if (!resourceMatches(rule.value(QStringLiteral("resources")).toArray(), a.resource, a.subresource))
        return false;
    const QJsonArray names = rule.value(QStringLiteral("resourceNames")).toArray();
    if (names.isEmpty())
        return true;
    // A rule limited to names cannot allow a request that names no object.
    return !a.name.isEmpty() && names.contains(a.name);
}

bool subjectsMatch(const QJsonArray &subjects, const api::UserInfo &user, const QString &bindingNamespace)
{
    for (const QJsonValue &v : subjects) {
        const QJsonObject s = v.toObject();
        const QString kind = s.value(QStringLiteral("kind")).toString();
        const QString name = s.value(QStringLiteral("name")).toString();
        if (kind == QLatin1String("User") && name == user.name)
            return true;
        if (kind == QLatin1String("Group") && user.groups.contains(name))
            return true;
        if (kind == QLatin1String("ServiceAccount")) {
            QString ns = s.value(QStringLiteral("namespace")).toString();
            if (ns.isEmpty())
                ns = bindingNamespace;
            if (user.name == QStringLiteral("system:serviceaccount:%1:%2").arg(ns, name))
                return true;
        }
    }
    return false;
}

struct RbacAuthorizer::Snapshot {
    QHash<QString, QJsonArray> clusterRoleRules;           // name -> rules
    QHash<QString, QJsonArray> roleRules;                  // ns/name -> rules
    QList<QJsonObject> clusterRoleBindings;
    QList<QJsonObject> roleBindings;
};

RbacAuthorizer::RbacAuthorizer(store::Store &store)
    : store_(store), dirty_(std::make_shared<std::atomic<bool>>(true))
{
    std::weak_ptr<std::atomic<bool>> dirty = dirty_;
    auto w = store_.watch(kRbacPrefix, 0, [dirty](const store::StoreEvent &) {
        if (auto d = dirty.lock())
            d->store(true);
    });
    if (w)
        watch_ = std::move(*w);
}

RbacAuthorizer::~RbacAuthorizer() = default;

std::shared_ptr<const RbacAuthorizer::Snapshot> RbacAuthorizer::snapshot()
{
    QMutexLocker lock(&mutex_);
    // Without a watch (store error) every request reloads: slower, never stale.
    if (snapshot_ && !dirty_->load() && watch_)
        return snapshot_;
    dirty_->store(false);
    auto snap = std::make_shared<Snapshot>();
    auto rows = store_.list(kRbacPrefix);
    if (rows) {
        for (const store::KeyValue &kv : rows->items) {
            const QJsonObject obj = QJsonDocument::fromJson(kv.value).object();
            const QJsonObject meta = metadataOf(obj);
            const QString kind = obj.value(QStringLiteral("kind")).toString();
            const QString name = meta.value(QStringLiteral("name")).toString();
            const QString ns = meta.value(QStringLiteral("namespace")).toString();
            if (kind == QLatin1String("ClusterRole"))
                snap->clusterRoleRules.insert(name, obj.value(QStringLiteral("rules")).toArray());
            else if (kind == QLatin1String("Role"))
                snap->roleRules.insert(ns + QLatin1Char('/') + name, obj.value(QStringLiteral("rules")).toArray());
            else if (kind == QLatin1String("ClusterRoleBinding"))
                snap->clusterRoleBindings.append(obj);
            else if (kind == QLatin1String("RoleBinding"))
                snap->roleBindings.append(obj);
        }
    }
    snapshot_ = snap;
    return snapshot_;
}

namespace {

QJsonArray rulesOfRef(const QJsonObject &binding, const QHash<QString, QJsonArray> &clusterRoles,
                      const QHash<QString, QJsonArray> &roles, const QString &ns)
{
    const QJsonObject ref = binding.value(QStringLiteral("roleRef")).toObject();
    const QString kind = ref.value(QStringLiteral("kind")).toString();
    const QString name = ref.value(QStringLiteral("name")).toString();
    if (kind == QLatin1String("ClusterRole"))
        return clusterRoles.value(name);
    if (kind == QLatin1String("Role"))
        return roles.value(ns + QLatin1Char('/') + name);
    return {};
}

QString bindingName(const QJsonObject &binding)
{
    return metadataOf(binding).value(QStringLiteral("name")).toString();
}

}  // namespace

Decision RbacAuthorizer::authorize(const RequestAttributes &a)
{
    if (a.user.groups.contains(QStringLiteral("system:masters")))
        return {true, QStringLiteral("group system:masters")};
    auto snap = snapshot();
    for (const QJsonObject &b : snap->clusterRoleBindings) {
        if (!subjectsMatch(b.value(QStringLiteral("subjects")).toArray(), a.user, QString()))
            continue;
        for (const QJsonValue &rule : rulesOfRef(b, snap->clusterRoleRules, snap->roleRules, QString()))
            if (ruleAllows(rule.toObject(), a))
                return {true, QStringLiteral("RBAC: allowed by ClusterRoleBinding \"%1\"").arg(bindingName(b))};
    }
    if (a.resourceRequest && !a.namespaceName.isEmpty()) {
        for (const QJsonObject &b : snap->roleBindings) {
            const QString ns = metadataOf(b).value(QStringLiteral("namespace")).toString();
            if (ns != a.namespaceName || !subjectsMatch(b.value(QStringLiteral("subjects")).toArray(), a.user, ns))
                continue;
            for (const QJsonValue &rule : rulesOfRef(b, snap->clusterRoleRules, snap->roleRules, ns))
                if (ruleAllows(rule.toObject(), a))
                    return {true, QStringLiteral("RBAC: allowed by RoleBinding \"%1/%2\"").arg(bindingName(b), ns)};
        }
    }
    return {false, QString()};
}

QList<QJsonObject> RbacAuthorizer::rulesFor(const api::UserInfo &user, const QString &ns)
{
    QList<QJsonObject> rules;
    if (user.groups.contains(QStringLiteral("system:masters"))) {
        rules.append(QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                                 {QStringLiteral("apiGroups"), QJsonArray{QStringLiteral("*")}},
                                 {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}}});
        return rules;
    }
    auto snap = snapshot();
    for (const QJsonObject &b : snap->clusterRoleBindings)
        if (subjectsMatch(b.value(QStringLiteral("subjects")).toArray(), user, QString()))
            for (const QJsonValue &r : rulesOfRef(b, snap->clusterRoleRules, snap->roleRules, QString()))
                rules.append(r.toObject());
    for (const QJsonObject &b : snap->roleBindings) {
        const QString bns = metadataOf(b).value(QStringLiteral("namespace")).toString();
        if (bns == ns && subjectsMatch(b.value(QStringLiteral("subjects")).toArray(), user, bns))
            for (const QJsonValue &r : rulesOfRef(b, snap->clusterRoleRules, snap->roleRules, bns))
                rules.append(r.toObject());
    }
    return rules;
}

}  // namespace timoneiro::apiserver
