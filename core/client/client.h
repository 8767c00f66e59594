#pragma once
// One client for every component and the desktop app: typed verbs over a
// Transport (in process or HTTPS). Results arrive through callbacks on the
// caller's event loop.
#include "transport.h"

#include "api/resource.h"
#include "api/result.h"

#include <QJsonObject>

namespace timoneiro::client {

using ObjectCallback = std::function<void(const api::Result<QJsonObject> &)>;

struct ListOptions {
    QString labelSelector;
    QString fieldSelector;
    qint64 limit = 0;
    QString continueToken;
    QString resourceVersion;      // for watches: start after this revision
    bool allowWatchBookmarks = false;
    int timeoutSeconds = 0;
};

enum class PatchType { Merge, Json, Strategic, Apply };

class Client : public QObject {
    Q_OBJECT
public:
    // Takes ownership of transport.
    explicit Client(Transport *transport, QObject *parent = nullptr);

    // The in-process client of a component, acting as user.
    static Client *inProcess(api::Handler &handler, const api::UserInfo &user, QObject *parent = nullptr);

    Transport &transport() { return *transport_; }

    // The path of a collection or object: /api/v1/namespaces/ns/pods[/name[/sub]].
    static QString path(const api::ResourceInfo &r, const QString &ns, const QString &name = {}, const QString &sub = {});

    void get(const api::ResourceInfo &r, const QString &ns, const QString &name, ObjectCallback done);
    void list(const api::ResourceInfo &r, const QString &ns, const ListOptions &options, ObjectCallback done);
    void create(const api::ResourceInfo &r, const QString &ns, const QJsonObject &obj, ObjectCallback done);
    void update(const api::ResourceInfo &r, const QJsonObject &obj, ObjectCallback done);
    void updateStatus(const api::ResourceInfo &r, const QJsonObject &obj, ObjectCallback done);
    void patch(const api::ResourceInfo &r, const QString &ns, const QString &name, PatchType type, const QByteArray &body,
               ObjectCallback done, const QString &subresource = {});
    void remove(const api::ResourceInfo &r, const QString &ns, const QString &name, ObjectCallback done,
                const QJsonObject &deleteOptions = {});
    // Any subresource POST (binding, eviction, token) or PUT (finalize).
    void post(const QString &path, const QJsonObject &body, ObjectCallback done);
    void put(const QString &path, const QJsonObject &body, ObjectCallback done);

    std::unique_ptr<WatchHandle> watch(const api::ResourceInfo &r, const QString &ns, const ListOptions &options,
                                       EventCallback onEvent, EndCallback onEnd);

    // A GET of path whose body streams as bytes (pods/log with follow=true).
    std::unique_ptr<WatchHandle> streamGet(const QString &path, const QList<QPair<QString, QString>> &query,
                                           DataCallback onData, EndCallback onEnd);

    // The field manager recorded for this client's writes (its actor in history).
    void setFieldManager(const QString &manager) { fieldManager_ = manager; }

private:
    void call(api::ApiRequest request, ObjectCallback done);
    api::ApiRequest request(const QByteArray &method, const QString &path, const QJsonObject &body = {}) const;

    Transport *transport_;
    QString fieldManager_;
};

}  // namespace timoneiro::client
