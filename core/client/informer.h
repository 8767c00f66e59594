#pragma once
// An informer: a local cache of one resource kept current by list + watch,
// as client-go's. It relists when the watch ends with 410 Expired (history
// compacted) and re-watches from the last revision otherwise. Handlers are
// Qt signals on the owner's thread.
#include "client.h"

#include <QHash>
#include <QSet>
#include <QTimer>

namespace timoneiro::client {

class Informer : public QObject {
    Q_OBJECT
public:
    Informer(Client &client, const api::ResourceInfo &resource, const QString &namespaceName = {},
             const ListOptions &selectors = {}, QObject *parent = nullptr);
    ~Informer() override;

    void start();
    bool hasSynced() const { return synced_; }
    const api::ResourceInfo &resource() const { return resource_; }

    // "ns/name" for namespaced objects, "name" otherwise.
    static QString keyOf(const QJsonObject &obj);
    std::optional<QJsonObject> get(const QString &key) const;
    QList<QJsonObject> list(const QString &namespaceName = {}) const;
    QString lastResourceVersion() const { return resourceVersion_; }

signals:
    void added(const QJsonObject &obj);
    void updated(const QJsonObject &oldObj, const QJsonObject &newObj);
    void deleted(const QJsonObject &obj);
    void synced();
    // Why the cache had to be rebuilt (410) or the watch failed.
    void watchError(const QString &message);

private:
    void relist();
    void startWatch();
    void onEvent(const api::WatchEvent &event);
    void onEnd(const std::optional<api::ApiError> &error);
    void listPage(const QString &continueToken, QHash<QString, QJsonObject> *fresh);

    Client &client_;
    api::ResourceInfo resource_;
    QString namespace_;
    ListOptions selectors_;
    void rebuildNamespaceIndex();
    void indexObject(const QString &key);
    void unindexObject(const QString &key);

    QHash<QString, QJsonObject> cache_;
    // client-go's namespace indexer: namespace -> keys of the cache's objects
    // in it, so list(ns) costs that namespace's objects, not the whole cache.
    QHash<QString, QSet<QString>> byNamespace_;
    QString resourceVersion_;
    std::unique_ptr<WatchHandle> watch_;
    std::unique_ptr<WatchHandle> ended_;
    QTimer retry_;
    int failures_ = 0;
    bool synced_ = false;
};

}  // namespace timoneiro::client
