// Deletes: preconditions, finalizers (orphan and foreground propagation add
// theirs), graceful deletion of pods on nodes, namespaces that terminate
// before they go, and deletecollection.
#include "apiserver_p.h"

#include "object_meta.h"

#include "api/selector.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::apiserver {

namespace {

api::Result<QJsonObject> deleteOptions(const api::ApiRequest &request)
{
    QJsonObject options;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError err;
        QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return api::ApiError::badRequest(QStringLiteral("error decoding DeleteOptions: ") + err.errorString());
        options = doc.object();
    }
    // Query parameters mirror the body's fields.
    for (const char *field : {"gracePeriodSeconds", "propagationPolicy", "orphanDependents"}) {
        const QString f = QLatin1String(field);
        if (!request.hasQuery(f) || options.contains(f))
            continue;
        const QString v = request.queryValue(f);
        if (f == QLatin1String("gracePeriodSeconds"))
            options.insert(f, v.toLongLong());
        else if (f == QLatin1String("orphanDependents"))
            options.insert(f, v == QLatin1String("true"));
        else
            options.insert(f, v);
    }
    const QString policy = options.value(QStringLiteral("propagationPolicy")).toString();
    if (!policy.isEmpty() && policy != QLatin1String("Orphan") && policy != QLatin1String("Background")
        && policy != QLatin1String("Foreground"))
        return api::ApiError::badRequest(
            QStringLiteral("DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"%1\": "
                           "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")
                .arg(policy));
    return options;
}

void addFinalizer(QJsonObject &meta, const QString &finalizer)
{
    QJsonArray finalizers = meta.value(QStringLiteral("finalizers")).toArray();
    if (!finalizers.contains(finalizer))
        finalizers.append(finalizer);
    meta.insert(QStringLiteral("finalizers"), finalizers);
}

}  // namespace

api::Result<QJsonObject> ApiServer::Private::deleteObject(RestContext &ctx, const QJsonObject &options, bool *deletedNow)
{
    *deletedNow = false;
    const api::ResourceInfo &resource = ctx.resource;
    const QString name = ctx.path.name;
    auto current = getObject(resource, ctx.path.namespaceName, name);
    if (!current)
        return current.error();
    QJsonObject meta = metadataOf(*current);
    const qint64 revision = meta.value(QStringLiteral("resourceVersion")).toString().toLongLong();

    const QJsonObject pre = options.value(QStringLiteral("preconditions")).toObject();
    const QString preUid = pre.value(QStringLiteral("uid")).toString();
    const QString preRv = pre.value(QStringLiteral("resourceVersion")).toString();
    if (!preUid.isEmpty() && preUid != meta.value(QStringLiteral("uid")).toString())
        return api::ApiError::conflict(resource.group, resource.plural, name,
                                       QStringLiteral("Precondition failed: UID in precondition: %1, UID in object meta: %2")
                                           .arg(preUid, meta.value(QStringLiteral("uid")).toString()));
    if (!preRv.isEmpty() && preRv.toLongLong() != revision)
        return api::ApiError::conflict(
            resource.group, resource.plural, name,
            QStringLiteral("Precondition failed: ResourceVersion in precondition: %1, ResourceVersion in object meta: %2")
                .arg(preRv)
                .arg(revision));

    const bool isPod = resource.group.isEmpty() && resource.kind == QLatin1String("Pod");
    const bool isNamespace = resource.group.isEmpty() && resource.kind == QLatin1String("Namespace");
    const bool hasGrace = options.contains(QStringLiteral("gracePeriodSeconds"));
    qint64 grace = options.value(QStringLiteral("gracePeriodSeconds")).toInteger(0);
    if (isPod) {
        const QJsonObject spec = current->value(QStringLiteral("spec")).toObject();
        if (!hasGrace)
            grace = spec.value(QStringLiteral("terminationGracePeriodSeconds")).toInteger(30);
        // A pod no kubelet runs (unscheduled, or finished) goes at once.
        const QString phase = current->value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
        if (spec.value(QStringLiteral("nodeName")).toString().isEmpty() || phase == QLatin1String("Succeeded")
            || phase == QLatin1String("Failed"))
            grace = 0;
    }

    QString policy = options.value(QStringLiteral("propagationPolicy")).toString();
    if (policy.isEmpty() && options.value(QStringLiteral("orphanDependents")).toBool())
        policy = QStringLiteral("Orphan");
    if (policy == QLatin1String("Orphan"))
        addFinalizer(meta, QStringLiteral("orphan"));
    else if (policy == QLatin1String("Foreground"))
        addFinalizer(meta, QStringLiteral("foregroundDeletion"));

    const bool alreadyDeleting = meta.contains(QStringLiteral("deletionTimestamp"));
    const bool finalizers = !meta.value(QStringLiteral("finalizers")).toArray().isEmpty();
    const bool terminating = isNamespace || finalizers || (isPod && grace > 0);
    if (terminating) {
        if (alreadyDeleting && !(isPod && grace < meta.value(QStringLiteral("deletionGracePeriodSeconds")).toInteger()))
            return *current;
        const qint64 wait = isPod ? grace : 0;
        meta.insert(QStringLiteral("deletionTimestamp"), rfc3339(QDateTime::currentDateTimeUtc().addSecs(wait)));
        meta.insert(QStringLiteral("deletionGracePeriodSeconds"), wait);
        QJsonObject updated = *current;
        updated.insert(QStringLiteral("metadata"), meta);
        if (isNamespace) {
            QJsonObject status = updated.value(QStringLiteral("status")).toObject();
            status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
            updated.insert(QStringLiteral("status"), status);
        }
        if (ctx.dryRun)
            return updated;
        auto rev = store.update(ctx.key(), encodeForStore(updated), revision, ctx.actor);
        if (!rev)
            return resourceError(rev.error(), resource, name);
        return withResourceVersion(updated, *rev);
    }
    if (ctx.dryRun)
        return *current;
    auto rev = store.remove(ctx.key(), revision, ctx.actor);
    if (!rev)
        return resourceError(rev.error(), resource, name);
    if (resource.group.isEmpty() && resource.kind == QLatin1String("Service"))
        releaseService(*current);
    *deletedNow = true;
    return withResourceVersion(*current, *rev);
}

api::ApiResponse ApiServer::Private::remove(RestContext &ctx)
{
    auto options = deleteOptions(ctx.request);
    if (!options)
        return errorResponse(options.error());
    QMutexLocker lock(&writeMutex);
    bool deletedNow = false;
    auto result = deleteObject(ctx, *options, &deletedNow);
    if (!result)
        return errorResponse(result.error());
    return jsonResponse(200, *result);
}

api::ApiResponse ApiServer::Private::removeCollection(RestContext &ctx)
{
    if (!ctx.resource.verbs.contains(QStringLiteral("deletecollection")))
        return errorResponse(api::ApiError::methodNotAllowed(
            QStringLiteral("the server does not allow this method on the requested resource")));
    auto options = deleteOptions(ctx.request);
    if (!options)
        return errorResponse(options.error());
    auto labels = api::LabelSelector::parse(ctx.request.queryValue(QStringLiteral("labelSelector")));
    if (!labels)
        return errorResponse(labels.error());
    auto fields = api::FieldSelector::parse(ctx.request.queryValue(QStringLiteral("fieldSelector")));
    if (!fields)
        return errorResponse(fields.error());
    QMutexLocker lock(&writeMutex);
    const QString prefix = ctx.path.namespaceName.isEmpty()
                               ? ctx.resource.storePrefix()
                               : ctx.resource.storePrefix() + ctx.path.namespaceName + QLatin1Char('/');
    auto rows = store.list(prefix);
    if (!rows)
        return errorResponse(rows.error());
    QJsonArray items;
    for (const store::KeyValue &kv : rows->items) {
        const QJsonObject obj = decodeStored(kv.value, kv.revision);
        const QJsonObject meta = metadataOf(obj);
        if (!labels->matches(meta.value(QStringLiteral("labels")).toObject()) || !fields->matches(obj))
            continue;
        RestContext one{ctx.request, ctx.path, ctx.resource, ctx.actor, ctx.dryRun, false};
        one.path.namespaceName = meta.value(QStringLiteral("namespace")).toString();
        one.path.name = meta.value(QStringLiteral("name")).toString();
        bool deletedNow = false;
        auto result = deleteObject(one, *options, &deletedNow);
        if (result)
            items.append(*result);
        else if (result.error().code != 404)
            return errorResponse(result.error());
    }
    return jsonResponse(200, {{QStringLiteral("kind"), ctx.resource.listKind()},
                              {QStringLiteral("apiVersion"), ctx.resource.apiVersion()},
                              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                                        QString::number(store.currentRevision())}}},
                              {QStringLiteral("items"), items}});
}

}  // namespace timoneiro::apiserver
