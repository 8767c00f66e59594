// Writes: create, update and patch share one path -- decode, server
// metadata, strategy, defaults, validation, admission, store.
#include "apiserver_p.h"
#include "serviceaccount_admission.h"

#include "negotiation.h"
#include "object_meta.h"
#include "strategy.h"

#include "api/defaults.h"
#include "api/patch.h"
#include "api/validation.h"
#include "api/yaml.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::apiserver {

namespace {

const QString kMetadata = QStringLiteral("metadata");

// Kind and apiVersion in a body must name the resource of the URL.
std::optional<api::ApiError> checkTypeMeta(const api::ResourceInfo &resource, QJsonObject &obj)
{
    const QString apiVersion = obj.value(QStringLiteral("apiVersion")).toString();
    const QString kind = obj.value(QStringLiteral("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != resource.apiVersion())
        return api::ApiError::badRequest(
            QStringLiteral("the API version in the data (%1) does not match the expected API version (%2)")
                .arg(apiVersion, resource.apiVersion()));
    if (!kind.isEmpty() && kind != resource.kind)
        return api::ApiError::badRequest(
            QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)").arg(kind, resource.kind));
    obj.insert(QStringLiteral("apiVersion"), resource.apiVersion());
    obj.insert(QStringLiteral("kind"), resource.kind);
    if (!obj.value(kMetadata).isObject() && !obj.value(kMetadata).isUndefined() && !obj.value(kMetadata).isNull())
        return api::ApiError::badRequest(QStringLiteral("metadata must be an object"));
    return std::nullopt;
}

qint64 revisionOf(const QJsonObject &obj)
{
    return metadataOf(obj).value(QStringLiteral("resourceVersion")).toString().toLongLong();
}

}  // namespace

api::Result<QJsonObject> ApiServer::Private::writeObject(RestContext &ctx, QJsonObject obj, const QJsonObject *old,
                                                         qint64 expectedRevision)
{
    const api::ResourceInfo &resource = ctx.resource;
    if (auto err = checkTypeMeta(resource, obj))
        return *err;

    QJsonObject meta = metadataOf(obj);
    const QString ns = ctx.path.namespaceName;
    if (resource.namespaced) {
        const QString bodyNs = meta.value(QStringLiteral("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != ns)
            return api::ApiError::badRequest(
                QStringLiteral("the namespace of the provided object does not match the namespace sent on the request"));
        meta.insert(QStringLiteral("namespace"), ns);
    } else {
        meta.remove(QStringLiteral("namespace"));
    }
    meta.remove(QStringLiteral("managedFields"));
    meta.remove(QStringLiteral("selfLink"));

    QString name = meta.value(QStringLiteral("name")).toString();
    if (!old) {
        if (name.isEmpty() && !meta.value(QStringLiteral("generateName")).toString().isEmpty()) {
            name = generatedName(meta.value(QStringLiteral("generateName")).toString());
            meta.insert(QStringLiteral("name"), name);
        }
        if (name.isEmpty())
            return api::ApiError::invalid(resource.group, resource.kind, name,
                                          {{QStringLiteral("FieldValueRequired"),
                                            QStringLiteral("Required value: name or generateName is required"),
                                            QStringLiteral("metadata.name")}});
        meta.insert(QStringLiteral("uid"), newUid());
        meta.insert(QStringLiteral("creationTimestamp"), nowRfc3339());
        meta.remove(QStringLiteral("resourceVersion"));
        meta.remove(QStringLiteral("deletionTimestamp"));
        meta.remove(QStringLiteral("deletionGracePeriodSeconds"));
        meta.remove(QStringLiteral("generation"));
        obj.insert(kMetadata, meta);
        prepareForCreate(resource, obj);
    } else {
        if (name != ctx.path.name)
            return api::ApiError::badRequest(
                QStringLiteral("the name of the object (%1) does not match the name on the request (%2)")
                    .arg(name, ctx.path.name));
        const qint64 requested = meta.value(QStringLiteral("resourceVersion")).toString().toLongLong();
        if (requested > 0 && requested != revisionOf(*old))
            return api::ApiError::conflict(resource.group, resource.plural, name);
        const QJsonObject oldMeta = metadataOf(*old);
        for (const char *field : {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
                                  "generation", "generateName"}) {
            const QString f = QLatin1String(field);
            if (oldMeta.contains(f))
                meta.insert(f, oldMeta.value(f));
            else
                meta.remove(f);
        }
        obj.insert(kMetadata, meta);
        prepareForUpdate(resource, obj, *old, ctx.statusWrite);
    }

    const bool isService = resource.group.isEmpty() && resource.kind == QLatin1String("Service");
    if (isService && old && !ctx.statusWrite)
        keepAllocatedValues(obj, *old);
    if (!ctx.statusWrite) {
        api::applyDefaults(resource, obj);
        if (!old && resource.group.isEmpty() && resource.kind == QLatin1String("Pod")) {
            admitPodServiceAccount(obj, serviceAccountAutomount(ns, obj));
            if (auto err = admitLimitRanges(resource, obj))
                return *err;
        }
        const QList<api::StatusCause> causes = api::validateObject(resource, obj, old);
        if (!causes.isEmpty())
            return api::ApiError::invalid(resource.group, resource.kind, name, causes);
    }
    if (resource.namespaced) {
        if (auto err = checkNamespace(ns, old == nullptr))
            return *err;
    }
    if (!old && resource.namespaced) {
        if (auto err = admitQuota(resource, obj))
            return *err;
    }
    if (isService && !ctx.statusWrite) {
        if (auto err = admitService(obj, old, ctx.dryRun))
            return *err;
    }

    const QString key = resource.storeKey(ns, name);
    // A no-op update keeps its resourceVersion, as in Kubernetes.
    if (old && encodeForStore(obj) == encodeForStore(*old))
        return *old;
    // The last finalizer gone from an object being deleted completes the deletion.
    const QJsonObject newMeta = metadataOf(obj);
    if (old && newMeta.contains(QStringLiteral("deletionTimestamp"))
        && newMeta.value(QStringLiteral("finalizers")).toArray().isEmpty()) {
        if (ctx.dryRun)
            return obj;
        auto rev = store.remove(key, expectedRevision, ctx.actor);
        if (!rev)
            return resourceError(rev.error(), resource, name);
        if (isService)
            releaseService(obj);
        return withResourceVersion(obj, *rev);
    }
    if (ctx.dryRun)
        return obj;
    auto rev = old ? store.update(key, encodeForStore(obj), expectedRevision, ctx.actor)
                   : store.create(key, encodeForStore(obj), ctx.actor);
    if (!rev) {
        if (!old && isService)
            releaseService(obj);
        return resourceError(rev.error(), resource, name);
    }
    return withResourceVersion(obj, *rev);
}

api::ApiResponse ApiServer::Private::create(RestContext &ctx)
{
    if (ctx.resource.namespaced && ctx.path.namespaceName.isEmpty())
        return errorResponse(api::ApiError::pathNotFound());
    auto body = decodeObjectBody(ctx.request);
    if (!body)
        return errorResponse(body.error());
    QMutexLocker lock(&writeMutex);
    auto result = writeObject(ctx, *body, nullptr, 0);
    if (!result)
        return errorResponse(result.error());
    return jsonResponse(201, *result);
}

api::ApiResponse ApiServer::Private::update(RestContext &ctx)
{
    auto body = decodeObjectBody(ctx.request);
    if (!body)
        return errorResponse(body.error());
    QMutexLocker lock(&writeMutex);
    auto old = getObject(ctx.resource, ctx.path.namespaceName, ctx.path.name);
    if (!old)
        return errorResponse(old.error());
    auto result = writeObject(ctx, *body, &*old, revisionOf(*old));
    if (!result)
        return errorResponse(result.error());
    return jsonResponse(200, *result);
}

api::ApiResponse ApiServer::Private::patch(RestContext &ctx)
{
    const BodyFormat format = bodyFormat(ctx.request.header("content-type"));
    if (format != BodyFormat::MergePatch && format != BodyFormat::JsonPatch
        && format != BodyFormat::StrategicMergePatch && format != BodyFormat::ApplyPatch)
        return errorResponse(api::ApiError::unsupportedMediaType(QString::fromLatin1(ctx.request.header("content-type"))));

    QMutexLocker lock(&writeMutex);
    auto current = getObject(ctx.resource, ctx.path.namespaceName, ctx.path.name);
    if (format == BodyFormat::ApplyPatch) {
        // Server-side apply: the body is the whole applied configuration;
        // a missing object is created from it.
        if (ctx.request.queryValue(QStringLiteral("fieldManager")).isEmpty())
            return errorResponse(api::ApiError::badRequest(
                QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                               "is required for apply patch")));
        auto applied = api::parseObjectBody(ctx.request.body, true);
        if (!applied)
            return errorResponse(applied.error());
        if (!current) {
            if (current.error().code != 404)
                return errorResponse(current.error());
            auto created = writeObject(ctx, *applied, nullptr, 0);
            return created ? jsonResponse(201, *created) : errorResponse(created.error());
        }
        QJsonObject patchObj = *applied;
        patchObj.remove(QStringLiteral("status"));
        auto merged = api::applyStrategicMergePatch(*current, patchObj, ctx.resource.apiVersion(), ctx.resource.kind);
        if (!merged)
            return errorResponse(merged.error());
        auto result = writeObject(ctx, *merged, &*current, revisionOf(*current));
        return result ? jsonResponse(200, *result) : errorResponse(result.error());
    }
    if (!current)
        return errorResponse(current.error());

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(ctx.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("error decoding patch: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)));
    api::Result<QJsonObject> patched = api::ApiError::internal(QStringLiteral("unreachable"));
    if (format == BodyFormat::JsonPatch) {
        if (!doc.isArray())
            return errorResponse(api::ApiError::badRequest(
                QStringLiteral("json: cannot unmarshal object into Go value of type jsonpatch.Patch")));
        patched = api::applyJsonPatch(*current, doc.array());
    } else {
        if (!doc.isObject())
            return errorResponse(api::ApiError::badRequest(QStringLiteral("patch body must be a JSON object")));
        patched = format == BodyFormat::MergePatch
                      ? api::applyMergePatch(*current, doc.object())
                      : api::applyStrategicMergePatch(*current, doc.object(), ctx.resource.apiVersion(),
                                                      ctx.resource.kind);
    }
    if (!patched)
        return errorResponse(patched.error());
    auto result = writeObject(ctx, *patched, &*current, revisionOf(*current));
    if (!result)
        return errorResponse(result.error());
    return jsonResponse(200, *result);
}

}  // namespace timoneiro::apiserver
