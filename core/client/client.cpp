#include "client.h"

#include "in_process_transport.h"

#include <QJsonDocument>

namespace timoneiro::client {

namespace {
QString nameOf(const QJsonObject &obj, const char *field)
{
    return obj.value(QStringLiteral("metadata")).toObject().value(QLatin1String(field)).toString();
}
}  // namespace

Client::Client(Transport *transport, QObject *parent) : QObject(parent), transport_(transport)
{
    transport_->setParent(this);
}

Client *Client::inProcess(api::Handler &handler, const api::UserInfo &user, QObject *parent)
{
    auto *client = new Client(new InProcessTransport(handler, user), parent);
    client->setFieldManager(user.name.section(QLatin1Char(':'), -1));
    return client;
}

QString Client::path(const api::ResourceInfo &r, const QString &ns, const QString &name, const QString &sub)
{
    QString p = r.group.isEmpty() ? QStringLiteral("/api/") + r.version
                                  : QStringLiteral("/apis/%1/%2").arg(r.group, r.version);
    if (r.namespaced && !ns.isEmpty())
        p += QStringLiteral("/namespaces/") + ns;
    p += QLatin1Char('/') + r.plural;
    if (!name.isEmpty())
        p += QLatin1Char('/') + name;
    if (!sub.isEmpty())
        p += QLatin1Char('/') + sub;
    return p;
}

api::ApiRequest Client::request(const QByteArray &method, const QString &path, const QJsonObject &body) const
{
    api::ApiRequest req;
    req.method = method;
    req.path = path;
    req.headers.emplaceBack("accept", "application/json");
    if (!body.isEmpty()) {
        req.headers.emplaceBack("content-type", "application/json");
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    if (!fieldManager_.isEmpty() && method != "GET" && method != "DELETE")
        req.query.append({QStringLiteral("fieldManager"), fieldManager_});
    return req;
}

void Client::call(api::ApiRequest request, ObjectCallback done)
{
    transport_->send(request, [done = std::move(done)](const api::ApiResponse &r) {
        if (r.status >= 200 && r.status < 300)
            done(QJsonDocument::fromJson(r.body).object());
        else
            done(errorFromResponse(r));
    });
}

void Client::get(const api::ResourceInfo &r, const QString &ns, const QString &name, ObjectCallback done)
{
    call(request("GET", path(r, ns, name)), std::move(done));
}

void Client::list(const api::ResourceInfo &r, const QString &ns, const ListOptions &o, ObjectCallback done)
{
    api::ApiRequest req = request("GET", path(r, ns));
    if (!o.labelSelector.isEmpty())
        req.query.append({QStringLiteral("labelSelector"), o.labelSelector});
    if (!o.fieldSelector.isEmpty())
        req.query.append({QStringLiteral("fieldSelector"), o.fieldSelector});
    if (o.limit > 0)
        req.query.append({QStringLiteral("limit"), QString::number(o.limit)});
    if (!o.continueToken.isEmpty())
        req.query.append({QStringLiteral("continue"), o.continueToken});
    call(req, std::move(done));
}

void Client::create(const api::ResourceInfo &r, const QString &ns, const QJsonObject &obj, ObjectCallback done)
{
    call(request("POST", path(r, ns), obj), std::move(done));
}

void Client::update(const api::ResourceInfo &r, const QJsonObject &obj, ObjectCallback done)
{
    call(request("PUT", path(r, nameOf(obj, "namespace"), nameOf(obj, "name")), obj), std::move(done));
}

void Client::updateStatus(const api::ResourceInfo &r, const QJsonObject &obj, ObjectCallback done)
{
    call(request("PUT", path(r, nameOf(obj, "namespace"), nameOf(obj, "name"), QStringLiteral("status")), obj),
         std::move(done));
}

void Client::patch(const api::ResourceInfo &r, const QString &ns, const QString &name, PatchType type, const QByteArray &body,
                   ObjectCallback done, const QString &subresource)
{
    api::ApiRequest req = request("PATCH", path(r, ns, name, subresource));
    static const char *const types[] = {"application/merge-patch+json", "application/json-patch+json",
                                        "application/strategic-merge-patch+json", "application/apply-patch+yaml"};
    req.headers.emplaceBack("content-type", types[int(type)]);
    req.body = body;
    call(req, std::move(done));
}

void Client::remove(const api::ResourceInfo &r, const QString &ns, const QString &name, ObjectCallback done,
                    const QJsonObject &deleteOptions)
{
    call(request("DELETE", path(r, ns, name), deleteOptions), std::move(done));
}

void Client::post(const QString &p, const QJsonObject &body, ObjectCallback done)
{
    call(request("POST", p, body), std::move(done));
}

void Client::put(const QString &p, const QJsonObject &body, ObjectCallback done)
{
    call(request("PUT", p, body), std::move(done));
}

std::unique_ptr<WatchHandle> Client::watch(const api::ResourceInfo &r, const QString &ns, const ListOptions &o,
                                           EventCallback onEvent, EndCallback onEnd)
{
    api::ApiRequest req = request("GET", path(r, ns));
    req.query.append({QStringLiteral("watch"), QStringLiteral("true")});
    if (!o.resourceVersion.isEmpty())
        req.query.append({QStringLiteral("resourceVersion"), o.resourceVersion});
    if (!o.labelSelector.isEmpty())
        req.query.append({QStringLiteral("labelSelector"), o.labelSelector});
    if (!o.fieldSelector.isEmpty())
        req.query.append({QStringLiteral("fieldSelector"), o.fieldSelector});
    if (o.allowWatchBookmarks)
        req.query.append({QStringLiteral("allowWatchBookmarks"), QStringLiteral("true")});
    if (o.timeoutSeconds > 0)
        req.query.append({QStringLiteral("timeoutSeconds"), QString::number(o.timeoutSeconds)});
    return transport_->watch(req, std::move(onEvent), std::move(onEnd));
}

std::unique_ptr<WatchHandle> Client::streamGet(const QString &p, const QList<QPair<QString, QString>> &query,
                                               DataCallback onData, EndCallback onEnd)
{
    api::ApiRequest req = request("GET", p);
    req.headers.clear();
    req.headers.emplaceBack("accept", "*/*");
    req.query = query;
    return transport_->stream(req, std::move(onData), std::move(onEnd));
}

}  // namespace timoneiro::client
