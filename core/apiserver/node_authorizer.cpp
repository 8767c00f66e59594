#include "node_authorizer.h"

#include "object_meta.h"

#include "api/resource.h"
#include "store/store.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

bool oneOf(const QString &verb, std::initializer_list<const char *> verbs)
{
    for (const char *v : verbs)
        if (verb == QLatin1String(v))
            return true;
    return false;
}

Decision allow(const QString &why)
{
    return Decision{true, why};
}

Decision deny(const QString &why)
{
    return Decision{false, why};
}

// Names of objects of one kind a pod spec refers to.
void collectRefs(const QJsonObject &spec, const QString &resource, QStringList &out)
{
    const bool secrets = resource == QLatin1String("secrets");
    const QString volumeKey = secrets ? QStringLiteral("secret") : QStringLiteral("configMap");
    const QString volumeName = secrets ? QStringLiteral("secretName") : QStringLiteral("name");
    for (const QJsonValue &v : spec.value(QStringLiteral("volumes")).toArray()) {
        const QJsonObject vol = v.toObject();
        if (vol.contains(volumeKey))
            out << vol.value(volumeKey).toObject().value(volumeName).toString();
        for (const QJsonValue &src : vol.value(QStringLiteral("projected")).toObject().value(QStringLiteral("sources")).toArray())
            out << src.toObject().value(secrets ? QStringLiteral("secret") : QStringLiteral("configMap"))
                       .toObject().value(QStringLiteral("name")).toString();
    }
    const QString refKey = secrets ? QStringLiteral("secretKeyRef") : QStringLiteral("configMapKeyRef");
    const QString fromKey = secrets ? QStringLiteral("secretRef") : QStringLiteral("configMapRef");
    for (const char *list : {"containers", "initContainers", "ephemeralContainers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray()) {
            const QJsonObject container = c.toObject();
            for (const QJsonValue &e : container.value(QStringLiteral("env")).toArray())
                out << e.toObject().value(QStringLiteral("valueFrom")).toObject().value(refKey).toObject()
                           .value(QStringLiteral("name")).toString();
            for (const QJsonValue &e : container.value(QStringLiteral("envFrom")).toArray())
                out << e.toObject().value(fromKey).toObject().value(QStringLiteral("name")).toString();
        }
    }
    if (secrets)
        for (const QJsonValue &s : spec.value(QStringLiteral("imagePullSecrets")).toArray())
            out << s.toObject().value(QStringLiteral("name")).toString();
}

}  // namespace

QString NodeAuthorizer::nodeNameOf(const api::UserInfo &user)
{
    static const QLatin1String prefix("system:node:");
    if (!user.groups.contains(QStringLiteral("system:nodes")) || !user.name.startsWith(prefix))
        return {};
    return user.name.mid(prefix.size());
}

QList<QJsonObject> NodeAuthorizer::podsOn(const QString &node, const QString &ns) const
{
    QList<QJsonObject> pods;
    const api::ResourceInfo *info = registry_.find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    if (!info)
        return pods;
    auto rows = store_.list(info->storePrefix() + ns + QLatin1Char('/'));
    if (!rows)
        return pods;
    for (const store::KeyValue &kv : rows->items) {
        QJsonObject pod = decodeStored(kv.value, kv.revision);
        if (pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString() == node)
            pods.append(pod);
    }
    return pods;
}

bool NodeAuthorizer::boundTo(const QString &node, const QString &ns, const QString &name) const
{
    // One read of that pod: every kubelet status write asks, so it must not cost a scan of the namespace.
    const api::ResourceInfo *info = registry_.find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    if (!info || name.isEmpty())
        return false;
    auto row = store_.get(info->storeKey(ns, name));
    if (!row)
        return false;
    return decodeStored(row->value, row->revision).value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString() == node;
}

bool NodeAuthorizer::podUses(const QJsonObject &pod, const QString &resource, const QString &name) const
{
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    if (resource == QLatin1String("serviceaccounts")) {
        const QString sa = spec.value(QStringLiteral("serviceAccountName")).toString();
        return (sa.isEmpty() ? QStringLiteral("default") : sa) == name;
    }
    QStringList refs;
    collectRefs(spec, resource, refs);
    return refs.contains(name);
}

std::optional<Decision> NodeAuthorizer::authorize(const RequestAttributes &a) const
{
    const QString node = nodeNameOf(a.user);
    if (node.isEmpty())
        return std::nullopt;
    if (!a.resourceRequest)
        return allow(QStringLiteral("nodes may read discovery and health"));
    const bool read = oneOf(a.verb, {"get", "list", "watch"});
    const QString &r = a.resource;
    const bool core = a.apiGroup.isEmpty();

    if (core && r == QLatin1String("nodes")) {
        if (read && a.subresource.isEmpty())
            return allow(QStringLiteral("nodes read nodes"));
        // A create names the Node in its body, not its path.
        if ((a.name == node && oneOf(a.verb, {"get", "update", "patch"})) || (a.verb == QLatin1String("create") && a.name.isEmpty()))
            return allow(QStringLiteral("a node writes its own Node"));
        return deny(QStringLiteral("node \"%1\" may only modify its own Node").arg(node));
    }
    if (a.apiGroup == QLatin1String("coordination.k8s.io") && r == QLatin1String("leases")) {
        if (a.namespaceName == QLatin1String("kube-node-lease")
            && ((a.name == node && oneOf(a.verb, {"get", "update", "patch", "delete"}))
                || (a.verb == QLatin1String("create") && a.name.isEmpty())))
            return allow(QStringLiteral("a node renews its own Lease"));
        return deny(QStringLiteral("node \"%1\" may only use its own Lease").arg(node));
    }
    if (core && r == QLatin1String("pods")) {
        if (read && a.subresource.isEmpty())
            return allow(QStringLiteral("nodes read pods"));
        if (oneOf(a.verb, {"update", "patch", "delete"}) && (a.subresource.isEmpty() || a.subresource == QLatin1String("status"))) {
            if (boundTo(node, a.namespaceName, a.name))
                return allow(QStringLiteral("the pod is bound to this node"));
            return deny(QStringLiteral("node \"%1\" can only update pods bound to it").arg(node));
        }
        return deny(QStringLiteral("node \"%1\" may not %2 pods").arg(node, a.verb));
    }
    if (core && r == QLatin1String("events") && oneOf(a.verb, {"create", "update", "patch"}))
        return allow(QStringLiteral("nodes record events"));
    if ((core && oneOf(r, {"services", "endpoints", "namespaces"})) && read)
        return allow(QStringLiteral("nodes read services"));
    if (a.apiGroup == QLatin1String("discovery.k8s.io") && read)
        return allow(QStringLiteral("nodes read endpoint slices"));
    if (a.apiGroup == QLatin1String("networking.k8s.io") && r == QLatin1String("networkpolicies") && read)
        return allow(QStringLiteral("nodes enforce network policies"));
    const bool tokenRequest = r == QLatin1String("serviceaccounts") && a.subresource == QLatin1String("token")
        && a.verb == QLatin1String("create");
    if (core && (((r == QLatin1String("secrets") || r == QLatin1String("configmaps")) && a.verb == QLatin1String("get"))
                 || tokenRequest)) {
        for (const QJsonObject &pod : podsOn(node, a.namespaceName))
            if (podUses(pod, r, a.name))
                return allow(QStringLiteral("a pod on this node uses it"));
        return deny(QStringLiteral("no relationship found between node '%1' and this object").arg(node));
    }
    return deny(QStringLiteral("node \"%1\" may not %2 %3").arg(node, a.verb, a.resource));
}

}  // namespace timoneiro::apiserver
