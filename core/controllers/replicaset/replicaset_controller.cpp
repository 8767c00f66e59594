#include "replicaset_controller.h"

#include "api/selector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::controllers {

namespace {

// Kubernetes gives up waiting on expectations after five minutes.
constexpr qint64 kExpectationsTimeoutMs = 5 * 60 * 1000;


bool active(const QJsonObject &pod)
{
    const QString phase = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    return phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed") && !isDeleting(pod);
}

QJsonObject ownerReference(const QJsonObject &rs)
{
    return {{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {QStringLiteral("name"), nameOf(rs)},
            {QStringLiteral("uid"), uidOf(rs)},
            {QStringLiteral("controller"), true},
            {QStringLiteral("blockOwnerDeletion"), true}};
}

}  // namespace

ReplicaSetController::ReplicaSetController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("replicaset-controller"), parent),
      sets_(watch("apps", "replicasets")),
      pods_(watch("", "pods", [this](const QJsonObject &pod) { return ownersOf(pod); }))
{
    // The pods of each namespace, so a reconcile reads its namespace's pods
    // rather than every pod in the cluster.
    connect(&pods_, &client::Informer::added, this, [this](const QJsonObject &pod) {
        podsByNamespace_[namespaceOf(pod)].insert(client::Informer::keyOf(pod));
    });
    connect(&pods_, &client::Informer::deleted, this, [this](const QJsonObject &pod) {
        auto it = podsByNamespace_.find(namespaceOf(pod));
        if (it != podsByNamespace_.end() && it->remove(client::Informer::keyOf(pod)) && it->isEmpty())
            podsByNamespace_.erase(it);
    });
    // Pods seen appearing or going settle what was expected of their owner.
    connect(&pods_, &client::Informer::added, this, [this](const QJsonObject &pod) {
        for (const QString &key : ownersOf(pod))
            if (expectations_.contains(key))
                expectations_[key].adds = std::max(0, expectations_[key].adds - 1);
    });
    connect(&pods_, &client::Informer::updated, this, [this](const QJsonObject &old, const QJsonObject &pod) {
        if (!isDeleting(old) && isDeleting(pod))
            for (const QString &key : ownersOf(pod))
                if (expectations_.contains(key))
                    expectations_[key].deletes = std::max(0, expectations_[key].deletes - 1);
    });
    connect(&pods_, &client::Informer::deleted, this, [this](const QJsonObject &pod) {
        if (!isDeleting(pod))
            for (const QString &key : ownersOf(pod))
                if (expectations_.contains(key))
                    expectations_[key].deletes = std::max(0, expectations_[key].deletes - 1);
    });
}

QStringList ReplicaSetController::ownersOf(const QJsonObject &pod) const
{
    const QJsonObject ref = controllerRef(pod);
    const QString ns = namespaceOf(pod);
    if (!ref.isEmpty())
        return ref.value(QStringLiteral("kind")).toString() == QLatin1String("ReplicaSet")
                   ? QStringList{ns + QLatin1Char('/') + ref.value(QStringLiteral("name")).toString()}
                   : QStringList();
    // An orphan: every ReplicaSet that could adopt it.
    QStringList keys;
    const QJsonObject labels = metaOf(pod).value(QStringLiteral("labels")).toObject();
    for (const QJsonObject &rs : sets_.list(ns)) {
        auto sel = api::LabelSelector::fromJson(rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("selector")).toObject());
        if (sel && !sel->empty() && sel->matches(labels))
            keys << client::Informer::keyOf(rs);
    }
    return keys;
}

bool ReplicaSetController::satisfied(const QString &key) const
{
    auto it = expectations_.find(key);
    if (it == expectations_.end())
        return true;
    return (it->adds <= 0 && it->deletes <= 0) || QDateTime::currentMSecsSinceEpoch() - it->setAtMs > kExpectationsTimeoutMs;
}

QList<QJsonObject> ReplicaSetController::deletionOrder(QList<QJsonObject> pods)
{
    auto rank = [](const QJsonObject &p) {
        const bool scheduled = !p.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString().isEmpty();
        const bool running = p.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString() == QLatin1String("Running");
        return (scheduled ? 4 : 0) + (running ? 2 : 0) + (api::isReady(p) ? 1 : 0);
    };
    std::stable_sort(pods.begin(), pods.end(), [&rank](const QJsonObject &a, const QJsonObject &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        // Newer pods go first.
        return metaOf(a).value(QStringLiteral("creationTimestamp")).toString()
             > metaOf(b).value(QStringLiteral("creationTimestamp")).toString();
    });
    return pods;
}

QJsonObject ReplicaSetController::newPod(const QJsonObject &rs) const
{
    const QJsonObject tmpl = rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("template")).toObject();
    QJsonObject meta = tmpl.value(QStringLiteral("metadata")).toObject();
    meta.remove(QStringLiteral("creationTimestamp"));
    meta.insert(QStringLiteral("generateName"), nameOf(rs) + QLatin1Char('-'));
    meta.insert(QStringLiteral("namespace"), namespaceOf(rs));
    meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(rs)});
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), tmpl.value(QStringLiteral("spec"))}};
}

bool ReplicaSetController::reconcile(const QString &key)
{
    const std::optional<QJsonObject> rs = sets_.get(key);
    if (!rs) {
        expectations_.remove(key);
        return true;
    }
    const QString ns = namespaceOf(*rs);
    const QJsonObject spec = rs->value(QStringLiteral("spec")).toObject();
    auto selector = api::LabelSelector::fromJson(spec.value(QStringLiteral("selector")).toObject());
    if (!selector || selector->empty())
        return true;
    QList<QJsonObject> owned;
    for (const QString &podKey : podsByNamespace_.value(ns)) {
        const std::optional<QJsonObject> cached = pods_.get(podKey);
        if (!cached)
            continue;
        const QJsonObject &pod = *cached;
        const QJsonObject ref = controllerRef(pod);
        const bool matches = selector->matches(metaOf(pod).value(QStringLiteral("labels")).toObject());
        if (ref.value(QStringLiteral("uid")).toString() == uidOf(*rs)) {
            if (matches) {
                owned.append(pod);
            } else if (!isDeleting(*rs)) {
                // Released: the pod's labels no longer match.
                QJsonArray refs;
                for (const QJsonValue &r : metaOf(pod).value(QStringLiteral("ownerReferences")).toArray())
                    if (r.toObject().value(QStringLiteral("uid")).toString() != uidOf(*rs))
                        refs.append(r);
                const QJsonObject patch{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("ownerReferences"), refs},
                                                                                 {QStringLiteral("uid"), uidOf(pod)}}}};
                client_.patch(builtinResource("", "pods"), ns, nameOf(pod), client::PatchType::Merge,
                              QJsonDocument(patch).toJson(QJsonDocument::Compact), retryOnError(key));
            }
        } else if (ref.isEmpty() && matches && !isDeleting(*rs) && active(pod)) {
            // Adopted: an orphan that matches.
            QJsonArray refs = metaOf(pod).value(QStringLiteral("ownerReferences")).toArray();
            refs.append(ownerReference(*rs));
            const QJsonObject patch{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("ownerReferences"), refs},
                                                                             {QStringLiteral("uid"), uidOf(pod)}}}};
            client_.patch(builtinResource("", "pods"), ns, nameOf(pod), client::PatchType::Merge,
                          QJsonDocument(patch).toJson(QJsonDocument::Compact), retryOnError(key));
            owned.append(pod);
        }
    }
    QList<QJsonObject> live;
    for (const QJsonObject &p : owned)
        if (active(p))
            live.append(p);
    updateStatus(*rs, owned);
    if (isDeleting(*rs) || !satisfied(key))
        return true;
    const int wanted = spec.value(QStringLiteral("replicas")).toInt(1);
    const int diff = wanted - int(live.size());
    // Kubernetes creates in slow-start batches; a burst limit keeps one reconcile bounded.
    const int burst = 500;
    if (diff > 0) {
        const int n = std::min(diff, burst);
        expectations_[key] = {n, 0, QDateTime::currentMSecsSinceEpoch()};
        for (int i = 0; i < n; ++i) {
            client_.create(builtinResource("", "pods"), ns, newPod(*rs), [this, key, rsCopy = *rs](const api::Result<QJsonObject> &r) {
                if (!r) {
                    expectations_[key].adds = std::max(0, expectations_[key].adds - 1);
                    events_.record(rsCopy, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                                   QStringLiteral("Error creating: %1").arg(r.error().message));
                    queue_.addRateLimited(key);
                    return;
                }
                events_.record(rsCopy, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                               QStringLiteral("Created pod: %1").arg(nameOf(*r)));
            });
        }
    } else if (diff < 0) {
        const QList<QJsonObject> victims = deletionOrder(live).mid(0, std::min(-diff, burst));
        expectations_[key] = {0, int(victims.size()), QDateTime::currentMSecsSinceEpoch()};
        for (const QJsonObject &pod : victims) {
            client_.remove(builtinResource("", "pods"), ns, nameOf(pod), [this, key, rsCopy = *rs, name = nameOf(pod)](const api::Result<QJsonObject> &r) {
                if (!r && r.error().code != 404) {
                    expectations_[key].deletes = std::max(0, expectations_[key].deletes - 1);
                    queue_.addRateLimited(key);
                    return;
                }
                events_.record(rsCopy, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                               QStringLiteral("Deleted pod: %1").arg(name));
            });
        }
    }
    return true;
}

void ReplicaSetController::updateStatus(const QJsonObject &rs, const QList<QJsonObject> &pods)
{
    int replicas = 0, readyCount = 0, labeled = 0;
    const QJsonObject tmplLabels = rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("template")).toObject()
                                       .value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject();
    for (const QJsonObject &p : pods) {
        if (!active(p))
            continue;
        ++replicas;
        readyCount += api::isReady(p) ? 1 : 0;
        const QJsonObject labels = metaOf(p).value(QStringLiteral("labels")).toObject();
        bool all = true;
        for (auto it = tmplLabels.begin(); it != tmplLabels.end(); ++it)
            all = all && labels.value(it.key()) == it.value();
        labeled += all ? 1 : 0;
    }
    QJsonObject status{{QStringLiteral("replicas"), replicas},
                       {QStringLiteral("fullyLabeledReplicas"), labeled},
                       {QStringLiteral("readyReplicas"), readyCount},
                       {QStringLiteral("availableReplicas"), readyCount},
                       {QStringLiteral("observedGeneration"), metaOf(rs).value(QStringLiteral("generation")).toInt(1)}};
    // Zero counts are left out, as Kubernetes' omitempty leaves them out.
    for (const char *k : {"fullyLabeledReplicas", "readyReplicas", "availableReplicas"})
        if (status.value(QLatin1String(k)).toInt() == 0)
            status.remove(QLatin1String(k));
    if (rs.value(QStringLiteral("status")).toObject() == status)
        return;
    QJsonObject updated = rs;
    updated.insert(QStringLiteral("status"), status);
    client_.updateStatus(builtinResource("apps", "replicasets"), updated, retryOnError(client::Informer::keyOf(rs)));
}

}  // namespace timoneiro::controllers
