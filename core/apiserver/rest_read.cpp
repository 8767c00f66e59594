// Reads: get, list (selectors, limit/continue, Tables) and watch.
#include "apiserver_p.h"

#include "object_meta.h"
#include "watch_stream.h"

#include "api/selector.h"
#include "api/table.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::apiserver {

namespace {

struct Selection {
    api::LabelSelector labels;
    api::FieldSelector fields;
};

api::Result<Selection> parseSelection(const RestContext &ctx)
{
    Selection s;
    auto labels = api::LabelSelector::parse(ctx.request.queryValue(QStringLiteral("labelSelector")));
    if (!labels)
        return labels.error();
    s.labels = *labels;
    QString fieldText = ctx.request.queryValue(QStringLiteral("fieldSelector"));
    if (!ctx.path.name.isEmpty())  // GET .../pods/<name>?watch=true watches that one object
        fieldText = fieldText.isEmpty() ? QStringLiteral("metadata.name=") + ctx.path.name
                                        : fieldText + QStringLiteral(",metadata.name=") + ctx.path.name;
    auto fields = api::FieldSelector::parse(fieldText);
    if (!fields)
        return fields.error();
    for (const api::FieldRequirement &r : fields->requirements()) {
        if (r.field != QLatin1String("metadata.name") && r.field != QLatin1String("metadata.namespace")
            && !ctx.resource.selectableFields.contains(r.field))
            return api::ApiError::badRequest(QStringLiteral("field label not supported: ") + r.field);
    }
    s.fields = *fields;
    return s;
}

bool selected(const Selection &s, const QJsonObject &obj)
{
    return s.labels.matches(metadataOf(obj).value(QStringLiteral("labels")).toObject()) && s.fields.matches(obj);
}

QString collectionPrefix(const RestContext &ctx)
{
    const QString prefix = ctx.resource.storePrefix();
    return ctx.path.namespaceName.isEmpty() ? prefix : prefix + ctx.path.namespaceName + QLatin1Char('/');
}

// Continue tokens carry the last key returned, like the real API server's
// base64 {"v","rv","start"} tokens.
QString encodeContinue(qint64 revision, const QString &lastKey)
{
    QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                      {QStringLiteral("rv"), revision},
                      {QStringLiteral("start"), lastKey + QChar(0)}};
    return QString::fromLatin1(QJsonDocument(token).toJson(QJsonDocument::Compact).toBase64());
}

std::optional<QString> decodeContinue(const QString &token)
{
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1()), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    QString start = doc.object().value(QStringLiteral("start")).toString();
    if (start.isEmpty())
        return std::nullopt;
    return start.chopped(1);
}

}  // namespace

api::Result<store::ListResult> ApiServer::Private::singleRow(const QString &key, const QString &startAfter)
{
    auto row = store.get(key);
    store::ListResult result;
    result.revision = store.currentRevision();  // read after: not older than the row
    if (row && row->key > startAfter)
        result.items.append(*row);
    else if (!row && row.error().code != 404)
        return row.error();
    return result;
}

api::ApiResponse ApiServer::Private::get(RestContext &ctx)
{
    auto obj = getObject(ctx.resource, ctx.path.namespaceName, ctx.path.name);
    if (!obj)
        return errorResponse(obj.error());
    if (ctx.table) {
        const QString rv = metadataOf(*obj).value(QStringLiteral("resourceVersion")).toString();
        return jsonResponse(200, api::buildTable(ctx.resource, {*obj}, rv, {}, QDateTime::currentDateTimeUtc()));
    }
    return jsonResponse(200, *obj);
}

api::ApiResponse ApiServer::Private::list(RestContext &ctx)
{
    auto selection = parseSelection(ctx);
    if (!selection)
        return errorResponse(selection.error());
    bool limitOk = true;
    const QString limitText = ctx.request.queryValue(QStringLiteral("limit"), QStringLiteral("0"));
    qint64 limit = limitText.toLongLong(&limitOk);
    if (!limitOk || limit < 0)
        return errorResponse(api::ApiError::badRequest(QStringLiteral("invalid limit: ") + limitText));
    QString startAfter;
    const QString cont = ctx.request.queryValue(QStringLiteral("continue"));
    if (!cont.isEmpty()) {
        auto key = decodeContinue(cont);
        if (!key)
            return errorResponse(api::ApiError::badRequest(QStringLiteral("continue key is not valid: ") + cont));
        startAfter = *key;
    }
    // metadata.name=<name> selects one object at most: read its key instead of
    // the collection, as Kubernetes' registry does (each kubelet lists its
    // own Node this way; scanning every node for each would be quadratic).
    QString single;
    for (const api::FieldRequirement &r : selection->fields.requirements())
        if (r.equals && r.field == QLatin1String("metadata.name"))
            single = r.value;
    auto rows = !single.isEmpty() && (!ctx.resource.namespaced || !ctx.path.namespaceName.isEmpty())
                    ? singleRow(ctx.resource.storeKey(ctx.path.namespaceName, single), startAfter)
                    : store.list(collectionPrefix(ctx), 0, startAfter);
    if (!rows)
        return errorResponse(rows.error());

    QList<QJsonObject> items;
    QString lastKey;
    QString next;
    for (const store::KeyValue &kv : rows->items) {
        QJsonObject obj = decodeStored(kv.value, kv.revision);
        if (!selected(*selection, obj))
            continue;
        if (limit > 0 && items.size() == limit) {
            // Another match remains: the client continues after the last key sent.
            next = encodeContinue(rows->revision, lastKey);
            break;
        }
        items.append(obj);
        lastKey = kv.key;
    }
    const QString rv = QString::number(rows->revision);
    if (ctx.table)
        return jsonResponse(200, api::buildTable(ctx.resource, items, rv, next, QDateTime::currentDateTimeUtc()));
    QJsonObject meta{{QStringLiteral("resourceVersion"), rv}};
    if (!next.isEmpty())
        meta.insert(QStringLiteral("continue"), next);
    QJsonArray array;
    for (const QJsonObject &o : items)
        array.append(o);
    return jsonResponse(200, {{QStringLiteral("kind"), ctx.resource.listKind()},
                              {QStringLiteral("apiVersion"), ctx.resource.apiVersion()},
                              {QStringLiteral("metadata"), meta},
                              {QStringLiteral("items"), array}});
}

api::ApiResponse ApiServer::Private::watch(RestContext &ctx)
{
    auto selection = parseSelection(ctx);
    if (!selection)
        return errorResponse(selection.error());
    WatchOptions options;
    options.labels = selection->labels;
    options.fields = selection->fields;
    options.table = ctx.table;
    options.bookmarks = ctx.request.queryValue(QStringLiteral("allowWatchBookmarks")) == QLatin1String("true");
    options.timeoutSeconds = ctx.request.queryValue(QStringLiteral("timeoutSeconds")).toInt();

    const QString rvText = ctx.request.queryValue(QStringLiteral("resourceVersion"));
    const QString prefix = collectionPrefix(ctx);
    qint64 from = 0;
    QList<QJsonObject> initial;
    if (rvText.isEmpty() || rvText == QLatin1String("0")) {
        // No resourceVersion: the current objects arrive as ADDED first.
        auto rows = store.list(prefix);
        if (!rows)
            return errorResponse(rows.error());
        from = rows->revision;
        for (const store::KeyValue &kv : rows->items)
            initial.append(decodeStored(kv.value, kv.revision));
    } else {
        bool ok = false;
        from = rvText.toLongLong(&ok);
        if (!ok || from < 0)
            return errorResponse(api::ApiError::badRequest(
                QStringLiteral("invalid resource version: %1").arg(rvText)));
    }

    auto stream = std::make_shared<WatchStreamImpl>(ctx.resource, options, from);
    for (const QJsonObject &o : initial)
        stream->addInitial(o);
    std::weak_ptr<WatchStreamImpl> weak = stream;
    auto sub = store.watch(prefix, from, [weak, decoder = watchDecoder](const store::StoreEvent &e) {
        if (auto s = weak.lock())
            s->onStoreEvent(decoder->decode(e));
    });
    if (!sub) {
        // Like the real API server: the stream opens, then one ERROR event.
        stream->failWith(sub.error().toStatus());
    } else {
        stream->setSubscription(std::move(*sub));
        QMutexLocker lock(&watchesMutex);
        watches.removeIf([](const std::weak_ptr<WatchStreamImpl> &w) { return w.expired(); });
        watches.append(stream);
    }
    api::ApiResponse r;
    r.status = 200;
    r.watch = stream;
    return r;
}

}  // namespace timoneiro::apiserver
