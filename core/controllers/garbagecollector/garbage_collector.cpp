#include "garbage_collector.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::controllers {

namespace {
const QString kOrphan = QStringLiteral("orphan");
const QString kForeground = QStringLiteral("foregroundDeletion");

QStringList finalizersOf(const QJsonObject &obj)
{
    QStringList out;
    for (const QJsonValue &f : metaOf(obj).value(QStringLiteral("finalizers")).toArray())
        out << f.toString();
    return out;
}
}  // namespace

GarbageCollector::GarbageCollector(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("garbage-collector-controller"), parent)
{
    static const Kind kinds[] = {{"", "pods", "Pod"},
                                 {"apps", "replicasets", "ReplicaSet"},
                                 {"apps", "deployments", "Deployment"},
                                 {"", "services", "Service"},
                                 {"discovery.k8s.io", "endpointslices", "EndpointSlice"}};
    for (const Kind &k : kinds) {
        const QString prefix = QLatin1String(k.group) + QLatin1Char('/') + QLatin1String(k.plural);
        client::Informer &informer = watch(k.group, k.plural, [this, prefix](const QJsonObject &obj) {
            QStringList keys{prefix + QLatin1Char('|') + client::Informer::keyOf(obj)};
            // An owner's change (or its going) concerns its dependents too.
            for (const auto &dep : dependentsOf(uidOf(obj)))
                keys << QLatin1String(dep.first->group.toLatin1()) + QLatin1Char('/') + dep.first->plural + QLatin1Char('|')
                            + client::Informer::keyOf(dep.second);
            // A dependent's going may let its owner finish a foreground deletion.
            for (const QJsonValue &ref : metaOf(obj).value(QStringLiteral("ownerReferences")).toArray()) {
                const QJsonObject r = ref.toObject();
                if (auto owner = ownerByUid(r.value(QStringLiteral("kind")).toString(), r.value(QStringLiteral("uid")).toString())) {
                    const auto *info = api::ResourceRegistry::builtin().findByKind((*owner).value(QStringLiteral("apiVersion")).toString(),
                                                                                   r.value(QStringLiteral("kind")).toString());
                    if (info)
                        keys << info->group + QLatin1Char('/') + info->plural + QLatin1Char('|') + client::Informer::keyOf(*owner);
                }
            }
            return keys;
        });
        byKind_.insert(QLatin1String(k.kind), &informer);
        byPrefix_.insert(prefix, &informer);
        // After the key mapping above (connected first), so it still sees a deleted owner's dependents.
        connect(&informer, &client::Informer::added, this, [this, prefix](const QJsonObject &obj) { index(prefix, obj, true); });
        connect(&informer, &client::Informer::updated, this,
                [this, prefix](const QJsonObject &, const QJsonObject &obj) { index(prefix, obj, true); });
        connect(&informer, &client::Informer::deleted, this, [this, prefix](const QJsonObject &obj) { index(prefix, obj, false); });
    }
}

void GarbageCollector::index(const QString &prefix, const QJsonObject &obj, bool present)
{
    const QString ref = prefix + QLatin1Char('|') + client::Informer::keyOf(obj);
    const QString uid = uidOf(obj);
    for (const QString &owner : ownersOf_.take(ref)) {
        auto it = dependents_.find(owner);
        if (it == dependents_.end())
            continue;
        it->remove(ref);
        if (it->isEmpty())
            dependents_.erase(it);
    }
    if (!present) {
        if (byUid_.value(uid) == ref)
            byUid_.remove(uid);
        return;
    }
    if (!uid.isEmpty())
        byUid_.insert(uid, ref);
    QStringList owners;
    for (const QJsonValue &r : metaOf(obj).value(QStringLiteral("ownerReferences")).toArray()) {
        const QString owner = r.toObject().value(QStringLiteral("uid")).toString();
        if (owner.isEmpty())
            continue;
        owners << owner;
        dependents_[owner].insert(ref);
    }
    if (!owners.isEmpty())
        ownersOf_.insert(ref, owners);
}

std::optional<QJsonObject> GarbageCollector::objectAt(const QString &ref, client::Informer **informer) const
{
    client::Informer *i = byPrefix_.value(ref.section(QLatin1Char('|'), 0, 0));
    if (!i)
        return std::nullopt;
    if (informer)
        *informer = i;
    return i->get(ref.section(QLatin1Char('|'), 1));
}

std::optional<QJsonObject> GarbageCollector::ownerByUid(const QString &kind, const QString &uid) const
{
    client::Informer *informer = byKind_.value(kind);
    if (!informer)
        return QJsonObject{{QStringLiteral("unknown"), true}};  // kinds we do not watch are never collected
    auto it = byUid_.constFind(uid);
    if (it == byUid_.constEnd())
        return std::nullopt;
    client::Informer *holder = nullptr;
    auto obj = objectAt(*it, &holder);
    if (holder != informer)
        return std::nullopt;  // that uid is an object of another kind
    return obj;
}

QList<QPair<const api::ResourceInfo *, QJsonObject>> GarbageCollector::dependentsOf(const QString &uid) const
{
    QList<QPair<const api::ResourceInfo *, QJsonObject>> out;
    if (uid.isEmpty())
        return out;
    for (const QString &ref : dependents_.value(uid)) {
        client::Informer *informer = nullptr;
        if (auto obj = objectAt(ref, &informer))
            out.append({&informer->resource(), *obj});
    }
    return out;
}

bool GarbageCollector::reconcile(const QString &key)
{
    const QString prefix = key.section(QLatin1Char('|'), 0, 0);
    client::Informer *informer = byPrefix_.value(prefix);
    if (!informer)
        return true;
    const std::optional<QJsonObject> obj = informer->get(key.section(QLatin1Char('|'), 1));
    if (!obj)
        return true;
    const QStringList finalizers = finalizersOf(*obj);
    if (isDeleting(*obj) && (finalizers.contains(kOrphan) || finalizers.contains(kForeground)))
        reconcileOwner(informer->resource(), *obj);
    if (!metaOf(*obj).value(QStringLiteral("ownerReferences")).toArray().isEmpty())
        reconcileDependent(informer->resource(), *obj);
    return true;
}

void GarbageCollector::reconcileDependent(const api::ResourceInfo &r, const QJsonObject &obj)
{
    if (isDeleting(obj))
        return;
    bool anyAlive = false;
    bool ownerInForeground = false;
    for (const QJsonValue &ref : metaOf(obj).value(QStringLiteral("ownerReferences")).toArray()) {
        const QJsonObject refObj = ref.toObject();
        auto owner = ownerByUid(refObj.value(QStringLiteral("kind")).toString(), refObj.value(QStringLiteral("uid")).toString());
        if (!owner)
            continue;
        if (isDeleting(*owner) && finalizersOf(*owner).contains(kForeground)
            && refObj.value(QStringLiteral("blockOwnerDeletion")).toBool()) {
            ownerInForeground = true;
            continue;
        }
        anyAlive = true;
    }
    if (anyAlive)
        return;
    const QString policy = ownerInForeground ? QStringLiteral("Foreground") : QStringLiteral("Background");
    client_.remove(r, namespaceOf(obj), nameOf(obj), [](const api::Result<QJsonObject> &) {},
                   QJsonObject{{QStringLiteral("propagationPolicy"), policy}});
}

void GarbageCollector::removeFinalizer(const api::ResourceInfo &r, const QJsonObject &obj, const QString &finalizer)
{
    QJsonArray kept;
    for (const QString &f : finalizersOf(obj))
        if (f != finalizer)
            kept.append(f);
    const QJsonObject patch{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("finalizers"), kept},
                                                                     {QStringLiteral("resourceVersion"),
                                                                      metaOf(obj).value(QStringLiteral("resourceVersion"))}}}};
    client_.patch(r, namespaceOf(obj), nameOf(obj), client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                  [](const api::Result<QJsonObject> &) {});
}

void GarbageCollector::reconcileOwner(const api::ResourceInfo &r, const QJsonObject &owner)
{
    const auto dependents = dependentsOf(uidOf(owner));
    const QStringList finalizers = finalizersOf(owner);
    if (finalizers.contains(kOrphan)) {
        // Free every dependent, then let the owner go.
        for (const auto &dep : dependents) {
            QJsonArray refs;
            for (const QJsonValue &ref : metaOf(dep.second).value(QStringLiteral("ownerReferences")).toArray())
                if (ref.toObject().value(QStringLiteral("uid")).toString() != uidOf(owner))
                    refs.append(ref);
            const QJsonObject patch{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("ownerReferences"), refs}}}};
            client_.patch(*dep.first, namespaceOf(dep.second), nameOf(dep.second), client::PatchType::Merge,
                          QJsonDocument(patch).toJson(QJsonDocument::Compact), [](const api::Result<QJsonObject> &) {});
        }
        if (dependents.isEmpty())
            removeFinalizer(r, owner, kOrphan);
        return;
    }
    // Foreground: dependents that block go first (their own reconciles delete them).
    bool blocked = false;
    for (const auto &dep : dependents) {
        for (const QJsonValue &ref : metaOf(dep.second).value(QStringLiteral("ownerReferences")).toArray())
            if (ref.toObject().value(QStringLiteral("uid")).toString() == uidOf(owner)
                && ref.toObject().value(QStringLiteral("blockOwnerDeletion")).toBool())
                blocked = true;
        reconcileDependent(*dep.first, dep.second);
    }
    if (!blocked)
        removeFinalizer(r, owner, kForeground);
}

}  // namespace timoneiro::controllers
