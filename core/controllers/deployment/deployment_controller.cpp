#include "deployment_controller.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace timoneiro::controllers {

namespace {

const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");
const QString kHashLabel = QStringLiteral("pod-template-hash");

int revisionOf(const QJsonObject &rs)
{
    return metaOf(rs).value(QStringLiteral("annotations")).toObject().value(kRevision).toString().toInt();
}

int specReplicas(const QJsonObject &obj)
{
    return api::specOf(obj).value(QStringLiteral("replicas")).toInt(1);
}

int statusInt(const QJsonObject &obj, const char *field)
{
    return api::statusOf(obj).value(QLatin1String(field)).toInt();
}

// The template without the hash label, for comparing a ReplicaSet's with a Deployment's.
QJsonObject comparable(QJsonObject tmpl)
{
    QJsonObject meta = tmpl.value(QStringLiteral("metadata")).toObject();
    QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
    labels.remove(kHashLabel);
    meta.insert(QStringLiteral("labels"), labels);
    meta.remove(QStringLiteral("creationTimestamp"));
    tmpl.insert(QStringLiteral("metadata"), meta);
    return tmpl;
}

QJsonObject condition(const char *type, const char *status, const QString &reason, const QString &message)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("status"), QLatin1String(status)},
            {QStringLiteral("reason"), reason}, {QStringLiteral("message"), message},
            {QStringLiteral("lastUpdateTime"), now}, {QStringLiteral("lastTransitionTime"), now}};
}

}  // namespace

QString podTemplateHash(const QJsonObject &podTemplate)
{
    const QByteArray text = QJsonDocument(comparable(podTemplate)).toJson(QJsonDocument::Compact);
    quint32 h = 2166136261u;
    for (const char c : text) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (const QChar c : QString::number(h))
        out += QLatin1Char(alphabet[c.unicode() % 27]);
    return out;
}

int resolveIntOrPercent(const QJsonValue &value, int replicas, bool roundUp)
{
    if (value.isDouble())
        return value.toInt();
    QString text = value.toString();
    if (!text.endsWith(QLatin1Char('%')))
        return text.toInt();
    text.chop(1);
    const double v = text.toDouble() * replicas / 100.0;
    return int(roundUp ? std::ceil(v) : std::floor(v));
}

DeploymentController::DeploymentController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("deployment-controller"), parent),
      deployments_(watch("apps", "deployments")),
      sets_(watch("apps", "replicasets", [](const QJsonObject &rs) {
          const QJsonObject ref = controllerRef(rs);
          if (ref.value(QStringLiteral("kind")).toString() != QLatin1String("Deployment"))
              return QStringList();
          return QStringList{namespaceOf(rs) + QLatin1Char('/') + ref.value(QStringLiteral("name")).toString()};
      }))
{
}

QList<QJsonObject> DeploymentController::ownedSets(const QJsonObject &d) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &rs : sets_.list(namespaceOf(d)))
        if (controllerRef(rs).value(QStringLiteral("uid")).toString() == uidOf(d))
            out.append(rs);
    std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) { return revisionOf(a) < revisionOf(b); });
    return out;
}

void DeploymentController::createNewSet(const QJsonObject &d, const QString &hash, int replicas, int revision)
{
    const QString name = nameOf(d) + QLatin1Char('-') + hash;
    const QString key = namespaceOf(d) + QLatin1Char('/') + name;
    if (creating_.contains(key))
        return;
    QJsonObject tmpl = api::specOf(d).value(QStringLiteral("template")).toObject();
    QJsonObject tmeta = tmpl.value(QStringLiteral("metadata")).toObject();
    QJsonObject labels = tmeta.value(QStringLiteral("labels")).toObject();
    labels.insert(kHashLabel, hash);
    tmeta.insert(QStringLiteral("labels"), labels);
    tmpl.insert(QStringLiteral("metadata"), tmeta);
    QJsonObject selector = api::specOf(d).value(QStringLiteral("selector")).toObject();
    QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
    matchLabels.insert(kHashLabel, hash);
    selector.insert(QStringLiteral("matchLabels"), matchLabels);
    const int wanted = specReplicas(d);
    const QJsonObject rs{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), namespaceOf(d)},
                     {QStringLiteral("labels"), labels},
                     {QStringLiteral("annotations"),
                      QJsonObject{{kRevision, QString::number(revision)},
                                  {QStringLiteral("deployment.kubernetes.io/desired-replicas"), QString::number(wanted)},
                                  {QStringLiteral("deployment.kubernetes.io/max-replicas"),
                                   QString::number(wanted + resolveIntOrPercent(api::specOf(d).value(QStringLiteral("strategy")).toObject()
                                                                                    .value(QStringLiteral("rollingUpdate")).toObject()
                                                                                    .value(QStringLiteral("maxSurge")), wanted, true))}}},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                             {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                             {QStringLiteral("name"), nameOf(d)},
                                             {QStringLiteral("uid"), uidOf(d)},
                                             {QStringLiteral("controller"), true},
                                             {QStringLiteral("blockOwnerDeletion"), true}}}}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas},
                                             {QStringLiteral("selector"), selector},
                                             {QStringLiteral("template"), tmpl}}}};
    creating_.insert(key);
    client_.create(builtinResource("apps", "replicasets"), namespaceOf(d), rs, [this, key, d, name, replicas](const api::Result<QJsonObject> &r) {
        creating_.remove(key);
        if (!r && r.error().code != 409) {
            queue_.addRateLimited(client::Informer::keyOf(d));
            return;
        }
        events_.record(d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                       QStringLiteral("Scaled up replica set %1 from 0 to %2").arg(name).arg(replicas));
    });
}

void DeploymentController::scaleSet(const QJsonObject &d, const QJsonObject &rs, int replicas)
{
    const int from = specReplicas(rs);
    if (from == replicas)
        return;
    const QJsonObject patch{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}}};
    client_.patch(builtinResource("apps", "replicasets"), namespaceOf(rs), nameOf(rs), client::PatchType::Merge,
                  QJsonDocument(patch).toJson(QJsonDocument::Compact), retryOnError(client::Informer::keyOf(d)));
    events_.record(d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                   QStringLiteral("Scaled %1 replica set %2 from %3 to %4")
                       .arg(replicas > from ? QStringLiteral("up") : QStringLiteral("down"), nameOf(rs))
                       .arg(from)
                       .arg(replicas));
}

void DeploymentController::setRevision(const QJsonObject &rs, int revision)
{
    const QJsonObject patch{{QStringLiteral("metadata"),
                             QJsonObject{{QStringLiteral("annotations"), QJsonObject{{kRevision, QString::number(revision)}}}}}};
    client_.patch(builtinResource("apps", "replicasets"), namespaceOf(rs), nameOf(rs), client::PatchType::Merge,
                  QJsonDocument(patch).toJson(QJsonDocument::Compact), [](const api::Result<QJsonObject> &) {});
}

bool DeploymentController::reconcile(const QString &key)
{
    const std::optional<QJsonObject> found = deployments_.get(key);
    if (!found || isDeleting(*found))
        return true;
    const QJsonObject &d = *found;
    const QJsonObject spec = api::specOf(d);
    const QList<QJsonObject> sets = ownedSets(d);
    const QJsonObject tmpl = comparable(spec.value(QStringLiteral("template")).toObject());
    const QJsonObject *newSet = nullptr;
    int maxRevision = 0;
    for (const QJsonObject &rs : sets) {
        maxRevision = std::max(maxRevision, revisionOf(rs));
        if (comparable(api::specOf(rs).value(QStringLiteral("template")).toObject()) == tmpl)
            newSet = &rs;
    }
    const int replicas = specReplicas(d);
    if (spec.value(QStringLiteral("paused")).toBool()) {
        updateStatus(d, sets, newSet);
        return true;
    }
    const bool recreate = spec.value(QStringLiteral("strategy")).toObject().value(QStringLiteral("type")).toString()
                          == QLatin1String("Recreate");
    const QJsonObject rolling = spec.value(QStringLiteral("strategy")).toObject().value(QStringLiteral("rollingUpdate")).toObject();
    const int maxSurge = recreate ? 0 : resolveIntOrPercent(rolling.value(QStringLiteral("maxSurge")), replicas, true);
    int maxUnavailable = recreate ? replicas : resolveIntOrPercent(rolling.value(QStringLiteral("maxUnavailable")), replicas, false);
    if (maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;
    int oldPods = 0, oldSpec = 0;
    for (const QJsonObject &rs : sets) {
        if (&rs != newSet) {
            oldPods += statusInt(rs, "replicas");
            oldSpec += specReplicas(rs);
        }
    }
    if (!newSet) {
        // A new template: a new revision. With Recreate, only once the old pods are gone.
        const int initial = recreate ? (oldPods == 0 && oldSpec == 0 ? replicas : 0)
                                     : std::max(0, std::min(replicas, replicas + maxSurge - oldSpec));
        if (recreate)
            for (const QJsonObject &rs : sets)
                scaleSet(d, rs, 0);
        createNewSet(d, podTemplateHash(spec.value(QStringLiteral("template")).toObject()), initial, maxRevision + 1);
        updateStatus(d, sets, nullptr);
        return true;
    }
    // A rollback to an older template makes that ReplicaSet the newest revision.
    int revision = revisionOf(*newSet);
    if (revision < maxRevision) {
        revision = maxRevision + 1;
        setRevision(*newSet, revision);
    }
    // The Deployment carries its current revision, as kubectl's rollout commands expect.
    if (revisionOf(d) != revision) {
        const QJsonObject patch{{QStringLiteral("metadata"),
                                 QJsonObject{{QStringLiteral("annotations"), QJsonObject{{kRevision, QString::number(revision)}}}}}};
        client_.patch(builtinResource("apps", "deployments"), namespaceOf(d), nameOf(d), client::PatchType::Merge,
                      QJsonDocument(patch).toJson(QJsonDocument::Compact), retryOnError(key));
    }
    const int newSpec = specReplicas(*newSet);
    if (recreate) {
        for (const QJsonObject &rs : sets)
            if (&rs != newSet)
                scaleSet(d, rs, 0);
        if (oldPods == 0)
            scaleSet(d, *newSet, replicas);
    } else if (newSpec > replicas || oldSpec == 0) {
        scaleSet(d, *newSet, replicas);
        for (const QJsonObject &rs : sets)
            if (&rs != newSet)
                scaleSet(d, rs, 0);
    } else {
        // Up: the new set grows while the total stays within replicas + maxSurge.
        const int room = replicas + maxSurge - (newSpec + oldSpec);
        if (room > 0)
            scaleSet(d, *newSet, std::min(replicas, newSpec + room));
        // Down: old sets shrink while availability stays at replicas - maxUnavailable.
        // Counted as Kubernetes counts it, from specs (not the lagging statuses):
        // every pod asked for, less the new set's not-yet-available ones.
        const int newUnavailable = std::max(0, newSpec - statusInt(*newSet, "availableReplicas"));
        int canRemove = (newSpec + oldSpec) - (replicas - maxUnavailable) - newUnavailable;
        for (const QJsonObject &rs : sets) {
            if (&rs == newSet || canRemove <= 0)
                continue;
            const int cut = std::min(canRemove, specReplicas(rs));
            if (cut > 0) {
                scaleSet(d, rs, specReplicas(rs) - cut);
                canRemove -= cut;
            }
        }
    }
    // Old revisions beyond revisionHistoryLimit go once they are empty.
    const int limit = spec.value(QStringLiteral("revisionHistoryLimit")).toInt(10);
    QList<QJsonObject> empty;
    for (const QJsonObject &rs : sets)
        if (&rs != newSet && specReplicas(rs) == 0 && statusInt(rs, "replicas") == 0)
            empty.append(rs);
    for (qsizetype i = 0; i + limit < empty.size(); ++i)
        client_.remove(builtinResource("apps", "replicasets"), namespaceOf(empty[i]), nameOf(empty[i]), [](const api::Result<QJsonObject> &) {});
    updateStatus(d, sets, newSet);
    return true;
}

void DeploymentController::updateStatus(const QJsonObject &d, const QList<QJsonObject> &sets, const QJsonObject *newSet)
{
    int replicas = 0, ready = 0, available = 0;
    for (const QJsonObject &rs : sets) {
        replicas += statusInt(rs, "replicas");
        ready += statusInt(rs, "readyReplicas");
        available += statusInt(rs, "availableReplicas");
    }
    const int wanted = specReplicas(d);
    const int updated = newSet ? statusInt(*newSet, "replicas") : 0;
    const QJsonObject rolling = api::specOf(d).value(QStringLiteral("strategy")).toObject().value(QStringLiteral("rollingUpdate")).toObject();
    const int maxUnavailable = resolveIntOrPercent(rolling.value(QStringLiteral("maxUnavailable")), wanted, false);
    const QJsonObject old = api::statusOf(d);
    QJsonArray conditions;
    auto keepTransition = [&old](QJsonObject c) {
        for (const QJsonValue &o : old.value(QStringLiteral("conditions")).toArray())
            if (o.toObject().value(QStringLiteral("type")) == c.value(QStringLiteral("type"))
                && o.toObject().value(QStringLiteral("status")) == c.value(QStringLiteral("status"))) {
                c.insert(QStringLiteral("lastTransitionTime"), o.toObject().value(QStringLiteral("lastTransitionTime")));
                if (o.toObject().value(QStringLiteral("reason")) == c.value(QStringLiteral("reason")))
                    c.insert(QStringLiteral("lastUpdateTime"), o.toObject().value(QStringLiteral("lastUpdateTime")));
            }
        return c;
    };
    conditions.append(keepTransition(available >= wanted - maxUnavailable
                                         ? condition("Available", "True", QStringLiteral("MinimumReplicasAvailable"),
                                                     QStringLiteral("Deployment has minimum availability."))
                                         : condition("Available", "False", QStringLiteral("MinimumReplicasUnavailable"),
                                                     QStringLiteral("Deployment does not have minimum availability."))));
    const QString setName = newSet ? nameOf(*newSet) : nameOf(d);
    const bool complete = newSet && updated == wanted && replicas == wanted && available >= wanted;
    conditions.append(keepTransition(
        api::specOf(d).value(QStringLiteral("paused")).toBool()
            ? condition("Progressing", "Unknown", QStringLiteral("DeploymentPaused"), QStringLiteral("Deployment is paused"))
        : complete ? condition("Progressing", "True", QStringLiteral("NewReplicaSetAvailable"),
                               QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(setName))
                   : condition("Progressing", "True", QStringLiteral("ReplicaSetUpdated"),
                               QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(setName))));
    QJsonObject status{{QStringLiteral("observedGeneration"), metaOf(d).value(QStringLiteral("generation")).toInt(1)},
                       {QStringLiteral("replicas"), replicas},
                       {QStringLiteral("updatedReplicas"), updated},
                       {QStringLiteral("readyReplicas"), ready},
                       {QStringLiteral("availableReplicas"), available},
                       {QStringLiteral("unavailableReplicas"), std::max(0, replicas - available)},
                       {QStringLiteral("conditions"), conditions}};
    for (const char *k : {"replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"})
        if (status.value(QLatin1String(k)).toInt() == 0)
            status.remove(QLatin1String(k));
    if (status == old)
        return;
    QJsonObject next = d;
    next.insert(QStringLiteral("status"), status);
    client_.updateStatus(builtinResource("apps", "deployments"), next, retryOnError(client::Informer::keyOf(d)));
}

}  // namespace timoneiro::controllers
