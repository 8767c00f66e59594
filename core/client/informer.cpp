#include "informer.h"

#include <QPointer>

#include <QJsonArray>

namespace timoneiro::client {

namespace {
// Pages keep a huge relist from becoming one huge response.
constexpr qint64 kPageSize = 500;
}

Informer::Informer(Client &client, const api::ResourceInfo &resource, const QString &namespaceName,
                   const ListOptions &selectors, QObject *parent)
    : QObject(parent), client_(client), resource_(resource), namespace_(namespaceName), selectors_(selectors)
{
    retry_.setSingleShot(true);
    connect(&retry_, &QTimer::timeout, this, [this] {
        if (resourceVersion_.isEmpty())
            relist();
        else
            startWatch();
    });
}

Informer::~Informer() = default;

QString Informer::keyOf(const QJsonObject &obj)
{
    const QJsonObject meta = obj.value(QStringLiteral("metadata")).toObject();
    const QString ns = meta.value(QStringLiteral("namespace")).toString();
    const QString name = meta.value(QStringLiteral("name")).toString();
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

std::optional<QJsonObject> Informer::get(const QString &key) const
{
    auto it = cache_.find(key);
    if (it == cache_.end())
        return std::nullopt;
    return *it;
}

QList<QJsonObject> Informer::list(const QString &namespaceName) const
{
    if (namespaceName.isEmpty())
        return cache_.values();
    QList<QJsonObject> out;
    auto keys = byNamespace_.constFind(namespaceName);
    if (keys == byNamespace_.cend())
        return out;
    out.reserve(keys->size());
    for (const QString &key : *keys) {
        auto it = cache_.constFind(key);
        if (it != cache_.cend())
            out.append(*it);
    }
    return out;
}

namespace {
// The namespace part of a cache key ("ns/name"); empty for cluster-scoped.
QString namespaceOfKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : key.left(slash);
}
}  // namespace

void Informer::indexObject(const QString &key)
{
    const QString ns = namespaceOfKey(key);
    if (!ns.isEmpty())
        byNamespace_[ns].insert(key);
}

void Informer::unindexObject(const QString &key)
{
    const QString ns = namespaceOfKey(key);
    auto it = byNamespace_.find(ns);
    if (it == byNamespace_.end())
        return;
    it->remove(key);
    if (it->isEmpty())
        byNamespace_.erase(it);
}

void Informer::rebuildNamespaceIndex()
{
    byNamespace_.clear();
    for (auto it = cache_.cbegin(); it != cache_.cend(); ++it)
        indexObject(it.key());
}

void Informer::start()
{
    relist();
}

void Informer::relist()
{
    ended_.reset();
    watch_.reset();
    listPage({}, new QHash<QString, QJsonObject>());
}

void Informer::listPage(const QString &continueToken, QHash<QString, QJsonObject> *fresh)
{
    ListOptions options = selectors_;
    options.limit = kPageSize;
    options.continueToken = continueToken;
    // The list may answer after this informer is gone (a view switched away over HTTPS).
    client_.list(resource_, namespace_, options, [this, self = QPointer<Informer>(this), fresh](const api::Result<QJsonObject> &page) {
        if (!self) {
            delete fresh;
            return;
        }
        if (!page) {
            delete fresh;
            emit watchError(page.error().message);
            retry_.start(std::min(30000, 500 << std::min(failures_++, 6)));
            return;
        }
        for (const QJsonValue &item : page->value(QStringLiteral("items")).toArray()) {
            QJsonObject obj = item.toObject();
            // List items carry no kind; the cache keeps whole objects.
            obj.insert(QStringLiteral("apiVersion"), resource_.apiVersion());
            obj.insert(QStringLiteral("kind"), resource_.kind);
            fresh->insert(keyOf(obj), obj);
        }
        const QJsonObject meta = page->value(QStringLiteral("metadata")).toObject();
        const QString next = meta.value(QStringLiteral("continue")).toString();
        if (!next.isEmpty()) {
            listPage(next, fresh);
            return;
        }
        // Replace the cache, telling handlers what changed while we were not watching.
        const QHash<QString, QJsonObject> old = std::exchange(cache_, *fresh);
        delete fresh;
        rebuildNamespaceIndex();
        for (auto it = old.begin(); it != old.end(); ++it)
            if (!cache_.contains(it.key()))
                emit deleted(it.value());
        for (auto it = cache_.begin(); it != cache_.end(); ++it) {
            auto before = old.find(it.key());
            if (before == old.end())
                emit added(it.value());
            else if (*before != it.value())
                emit updated(*before, it.value());
        }
        resourceVersion_ = meta.value(QStringLiteral("resourceVersion")).toString();
        failures_ = 0;
        if (!synced_) {
            synced_ = true;
            emit synced();
        }
        startWatch();
    });
}

void Informer::startWatch()
{
    ended_.reset();
    ListOptions options = selectors_;
    options.resourceVersion = resourceVersion_;
    options.allowWatchBookmarks = true;
    // Like client-go, end watches now and then (5-10 minutes) to spread reconnects.
    options.timeoutSeconds = 300 + int(qHash(resource_.plural) % 300);
    watch_ = client_.watch(resource_, namespace_, options, [this](const api::WatchEvent &e) { onEvent(e); },
                           [this](const std::optional<api::ApiError> &error) { onEnd(error); });
}

void Informer::onEvent(const api::WatchEvent &event)
{
    const QJsonObject &obj = event.object;
    const QString rv = obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("resourceVersion")).toString();
    if (!rv.isEmpty())
        resourceVersion_ = rv;
    if (event.type == QLatin1String("BOOKMARK"))
        return;
    const QString key = keyOf(obj);
    if (event.type == QLatin1String("DELETED")) {
        cache_.remove(key);
        unindexObject(key);
        emit deleted(obj);
        return;
    }
    auto it = cache_.find(key);
    if (it == cache_.end()) {
        cache_.insert(key, obj);
        indexObject(key);
        emit added(obj);
    } else {
        const QJsonObject before = *it;
        *it = obj;
        emit updated(before, obj);
    }
}

void Informer::onEnd(const std::optional<api::ApiError> &error)
{
    // The handle is still running this callback: drop it later, from the timer.
    ended_ = std::move(watch_);
    if (error && (error->code == 410 || error->reason == QLatin1String("Expired") || error->reason == QLatin1String("Gone"))) {
        emit watchError(error->message);
        resourceVersion_.clear();
        retry_.start(0);
        return;
    }
    if (error) {
        emit watchError(error->message);
        retry_.start(std::min(30000, 500 << std::min(failures_++, 6)));
        return;
    }
    retry_.start(0);
}

}  // namespace timoneiro::client
