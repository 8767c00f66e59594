// Subresources: status (GET/PUT/PATCH), scale (autoscaling/v1 Scale over
// spec.replicas), binding (a pod assigned to a node), eviction.
#include "apiserver_p.h"

#include "negotiation.h"
#include "object_meta.h"

#include "api/patch.h"
#include "api/selector.h"
#include "api/yaml.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::apiserver {

namespace {

const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");

api::ApiResponse statusSuccess(int code, const QJsonObject &details = {})
{
    QJsonObject s{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject{}},
                  {QStringLiteral("status"), QStringLiteral("Success")},
                  {QStringLiteral("code"), code}};
    if (!details.isEmpty())
        s.insert(QStringLiteral("details"), details);
    return jsonResponse(code, s);
}

QJsonObject scaleOf(const QJsonObject &obj)
{
    const QJsonObject meta = metadataOf(obj);
    QJsonObject scaleMeta;
    for (const char *f : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"})
        if (meta.contains(QLatin1String(f)))
            scaleMeta.insert(QLatin1String(f), meta.value(QLatin1String(f)));
    const QJsonObject spec = obj.value(kSpec).toObject();
    const QJsonObject status = obj.value(kStatus).toObject();
    auto selector = api::LabelSelector::fromJson(spec.value(QStringLiteral("selector")).toObject());
    return {{QStringLiteral("kind"), QStringLiteral("Scale")},
            {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
            {QStringLiteral("metadata"), scaleMeta},
            {kSpec, QJsonObject{{QStringLiteral("replicas"), spec.value(QStringLiteral("replicas")).toInt(1)}}},
            {kStatus, QJsonObject{{QStringLiteral("replicas"), status.value(QStringLiteral("replicas")).toInt()},
                                  {QStringLiteral("selector"), selector ? selector->toString() : QString()}}}};
}

// Applies a PATCH body of any JSON patch type to target.
api::Result<QJsonObject> applyPatchBody(const api::ApiRequest &request, const QJsonObject &target,
                                        const QString &apiVersion, const QString &kind)
{
    const BodyFormat format = bodyFormat(request.header("content-type"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (format == BodyFormat::ApplyPatch) {
        auto body = api::parseObjectBody(request.body, true);
        if (!body)
            return body.error();
        return api::applyStrategicMergePatch(target, *body, apiVersion, kind);
    }
    if (err.error != QJsonParseError::NoError)
        return api::ApiError::badRequest(QStringLiteral("error decoding patch: ") + err.errorString());
    switch (format) {
    case BodyFormat::JsonPatch:
        if (!doc.isArray())
            return api::ApiError::badRequest(QStringLiteral("a JSON patch must be an array of operations"));
        return api::applyJsonPatch(target, doc.array());
    case BodyFormat::MergePatch:
        return api::applyMergePatch(target, doc.object());
    case BodyFormat::StrategicMergePatch:
        return api::applyStrategicMergePatch(target, doc.object(), apiVersion, kind);
    default:
        return api::ApiError::unsupportedMediaType(QString::fromLatin1(request.header("content-type")));
    }
}

}  // namespace

api::ApiResponse ApiServer::Private::subresource(RestContext &ctx)
{
    const QString sub = ctx.path.subresource;
    const api::SubresourceInfo *info = ctx.resource.subresource(sub);
    if (!info || ctx.path.name.isEmpty())
        return errorResponse(api::ApiError::pathNotFound());
    const QByteArray &m = ctx.request.method;
    const QString &ns = ctx.path.namespaceName;
    const QString &name = ctx.path.name;

    if (sub == QLatin1String("token") && ctx.resource.plural == QLatin1String("serviceaccounts"))
        return tokenRequest(ctx);
    if (sub == QLatin1String("log") && m == "GET" && ctx.resource.plural == QLatin1String("pods"))
        return podLog(ctx);
    if ((sub == QLatin1String("exec") || sub == QLatin1String("attach") || sub == QLatin1String("portforward"))
        && ctx.resource.plural == QLatin1String("pods"))
        return streamSubresource(ctx);

    if (sub == QLatin1String("finalize") && m == "PUT")
        return finalizeNamespace(ctx);

    if (sub == QLatin1String("status")) {
        if (m == "GET")
            return get(ctx);
        ctx.statusWrite = true;
        QMutexLocker lock(&writeMutex);
        auto current = getObject(ctx.resource, ns, name);
        if (!current)
            return errorResponse(current.error());
        api::Result<QJsonObject> body = m == "PUT" ? decodeObjectBody(ctx.request)
                                        : m == "PATCH" ? applyPatchBody(ctx.request, *current, ctx.resource.apiVersion(),
                                                                        ctx.resource.kind)
                                                       : api::Result<QJsonObject>(api::ApiError::methodNotAllowed(
                                                             QStringLiteral("the server does not allow this method on "
                                                                            "the requested resource")));
        if (!body)
            return errorResponse(body.error());
        const qint64 rev = metadataOf(*current).value(QStringLiteral("resourceVersion")).toString().toLongLong();
        auto result = writeObject(ctx, *body, &*current, rev);
        return result ? jsonResponse(200, *result) : errorResponse(result.error());
    }

    if (sub == QLatin1String("scale")) {
        QMutexLocker lock(&writeMutex);
        auto current = getObject(ctx.resource, ns, name);
        if (!current)
            return errorResponse(current.error());
        const QJsonObject scale = scaleOf(*current);
        if (m == "GET")
            return jsonResponse(200, scale);
        api::Result<QJsonObject> wanted = m == "PUT"     ? decodeObjectBody(ctx.request)
                                          : m == "PATCH" ? applyPatchBody(ctx.request, scale,
                                                                          QStringLiteral("autoscaling/v1"),
                                                                          QStringLiteral("Scale"))
                                                         : api::Result<QJsonObject>(api::ApiError::methodNotAllowed(
                                                               QStringLiteral("the server does not allow this method "
                                                                              "on the requested resource")));
        if (!wanted)
            return errorResponse(wanted.error());
        const QJsonValue replicas = wanted->value(kSpec).toObject().value(QStringLiteral("replicas"));
        if (!replicas.isDouble() || replicas.toInt(-1) < 0)
            return errorResponse(api::ApiError::invalid(
                QStringLiteral("autoscaling"), QStringLiteral("Scale"), name,
                {api::invalidCause(QStringLiteral("spec.replicas"), QString::number(replicas.toInt(-1)),
                                   QStringLiteral("must be greater than or equal to 0"))}));
        QJsonObject updated = *current;
        QJsonObject spec = updated.value(kSpec).toObject();
        spec.insert(QStringLiteral("replicas"), replicas.toInt());
        updated.insert(kSpec, spec);
        const QString wantRv = metadataOf(*wanted).value(QStringLiteral("resourceVersion")).toString();
        if (!wantRv.isEmpty())
            setMetadataField(updated, QStringLiteral("resourceVersion"), wantRv);
        const qint64 rev = metadataOf(*current).value(QStringLiteral("resourceVersion")).toString().toLongLong();
        auto result = writeObject(ctx, updated, &*current, rev);
        return result ? jsonResponse(200, scaleOf(*result)) : errorResponse(result.error());
    }

    if (sub == QLatin1String("binding") && m == "POST") {
        auto body = decodeObjectBody(ctx.request);
        if (!body)
            return errorResponse(body.error());
        const QString node = body->value(QStringLiteral("target")).toObject().value(QStringLiteral("name")).toString();
        if (node.isEmpty())
            return errorResponse(api::ApiError::invalid(QString(), QStringLiteral("Binding"), name,
                                                        {api::requiredCause(QStringLiteral("target.name"))}));
        QMutexLocker lock(&writeMutex);
        auto pod = getObject(ctx.resource, ns, name);
        if (!pod)
            return errorResponse(pod.error());
        QJsonObject spec = pod->value(kSpec).toObject();
        const QString assigned = spec.value(QStringLiteral("nodeName")).toString();
        if (!assigned.isEmpty())
            return errorResponse(api::ApiError::conflict(
                QString(), QStringLiteral("pods/binding"), name,
                QStringLiteral("pod %1 is already assigned to node \"%2\"").arg(name, assigned)));
        if (metadataOf(*pod).contains(QStringLiteral("deletionTimestamp")))
            return errorResponse(api::ApiError::conflict(QString(), QStringLiteral("pods/binding"), name,
                                                         QStringLiteral("pod %1 is being deleted, cannot be assigned to a host").arg(name)));
        spec.insert(QStringLiteral("nodeName"), node);
        QJsonObject updated = *pod;
        updated.insert(kSpec, spec);
        // As Kubernetes' setPodHostAndAnnotations: the Binding's annotations land on the pod.
        const QJsonObject bindingAnnotations = metadataOf(*body).value(QStringLiteral("annotations")).toObject();
        if (!bindingAnnotations.isEmpty()) {
            QJsonObject meta = metadataOf(updated);
            QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
            for (auto it = bindingAnnotations.begin(); it != bindingAnnotations.end(); ++it)
                annotations.insert(it.key(), it.value().isString() ? it.value() : QJsonValue(QString()));
            meta.insert(QStringLiteral("annotations"), annotations);
            updated.insert(QStringLiteral("metadata"), meta);
        }
        QJsonObject status = updated.value(kStatus).toObject();
        QJsonArray conditions;
        for (const QJsonValue &c : status.value(QStringLiteral("conditions")).toArray())
            if (c.toObject().value(QStringLiteral("type")).toString() != QLatin1String("PodScheduled"))
                conditions.append(c);
        conditions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("PodScheduled")},
                                      {QStringLiteral("status"), QStringLiteral("True")},
                                      {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                                      {QStringLiteral("lastTransitionTime"), nowRfc3339()}});
        status.insert(QStringLiteral("conditions"), conditions);
        updated.insert(kStatus, status);
        if (!ctx.dryRun) {
            const qint64 rev = metadataOf(*pod).value(QStringLiteral("resourceVersion")).toString().toLongLong();
            auto written = store.update(ctx.key(), encodeForStore(updated), rev, ctx.actor);
            if (!written)
                return errorResponse(resourceError(written.error(), ctx.resource, name));
        }
        return statusSuccess(201);
    }

    if (sub == QLatin1String("eviction") && m == "POST") {
        auto body = decodeObjectBody(ctx.request);
        if (!body)
            return errorResponse(body.error());
        QMutexLocker lock(&writeMutex);
        bool deletedNow = false;
        auto result = deleteObject(ctx, body->value(QStringLiteral("deleteOptions")).toObject(), &deletedNow);
        if (!result)
            return errorResponse(result.error());
        return statusSuccess(201);
    }

    return errorResponse(api::ApiError::badRequest(
        QStringLiteral("%1/%2 is served once the pod runs on a node with a kubelet; this cluster has none for %3")
            .arg(ctx.resource.plural, sub, name)));
}

// PUT namespaces/<name>/finalize: the namespace controller removes its
// spec.finalizers entry once the namespace is empty; with none left, a
// terminating namespace is gone.
api::ApiResponse ApiServer::Private::finalizeNamespace(RestContext &ctx)
{
    auto body = decodeObjectBody(ctx.request);
    if (!body)
        return errorResponse(body.error());
    QMutexLocker lock(&writeMutex);
    auto current = getObject(ctx.resource, QString(), ctx.path.name);
    if (!current)
        return errorResponse(current.error());
    QJsonObject updated = *current;
    QJsonObject spec = updated.value(kSpec).toObject();
    spec.insert(QStringLiteral("finalizers"), body->value(kSpec).toObject().value(QStringLiteral("finalizers")).toArray());
    updated.insert(kSpec, spec);
    const QJsonObject meta = metadataOf(updated);
    const qint64 rev = meta.value(QStringLiteral("resourceVersion")).toString().toLongLong();
    if (ctx.dryRun)
        return jsonResponse(200, updated);
    if (meta.contains(QStringLiteral("deletionTimestamp")) && spec.value(QStringLiteral("finalizers")).toArray().isEmpty()
        && meta.value(QStringLiteral("finalizers")).toArray().isEmpty()) {
        auto removed = store.remove(ctx.key(), rev, ctx.actor);
        if (!removed)
            return errorResponse(resourceError(removed.error(), ctx.resource, ctx.path.name));
        return jsonResponse(200, updated);
    }
    auto written = store.update(ctx.key(), encodeForStore(updated), rev, ctx.actor);
    if (!written)
        return errorResponse(resourceError(written.error(), ctx.resource, ctx.path.name));
    return jsonResponse(200, withResourceVersion(updated, *written));
}

}  // namespace timoneiro::apiserver
