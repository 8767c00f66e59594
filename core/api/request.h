#pragma once
// The API server's handler chain speaks ApiRequest -> ApiResponse. HTTP is one
// transport onto it; in-process components call it directly (DESIGN.md:
// same admission, validation and watch semantics, no HTTP).
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace timoneiro::api {

// Who is asking: the authenticated user, also the actor the store records.
struct UserInfo {
    QString name = QStringLiteral("system:anonymous");
    QStringList groups;
};

struct ApiRequest {
    QByteArray method;                       // GET, POST, PUT, PATCH, DELETE
    QString path;                            // decoded path, e.g. /api/v1/namespaces/default/pods
    QList<QPair<QString, QString>> query;    // decoded query items, in order ('+' already a space)
    QList<QPair<QByteArray, QByteArray>> headers;  // names lower-case
    QByteArray body;
    UserInfo user;
    QString userAgent;                       // recorded as the actor when no fieldManager is given

    QString queryValue(const QString &key, const QString &fallback = {}) const;
    bool hasQuery(const QString &key) const;
    QByteArray header(const QByteArray &lowerName) const;
};

// One event of a watch, already encoded for the client (a JSON line, or
// the object for in-process clients).
struct WatchEvent {
    QString type;        // ADDED MODIFIED DELETED BOOKMARK ERROR
    QJsonObject object;  // the object as the client asked for it (full object or Table)
};

// A running watch. The handler pushes events; a transport drains them.
// Thread-safe: events may be pushed from the writer's thread while a
// transport drains on its own.
class WatchStream {
public:
    virtual ~WatchStream() = default;
    // Takes the events queued so far.
    virtual QList<WatchEvent> take() = 0;
    // True once the server ended the stream (timeoutSeconds, shutdown, error);
    // a transport ends its response after draining.
    virtual bool finished() const = 0;
    // Called (on any thread) when new events or the end are available.
    // Set before the first take(); called at most once per batch.
    virtual void setNotifier(std::function<void()> notify) = 0;
    // The client went away: stop producing.
    virtual void cancel() = 0;
    // A BOOKMARK event at the newest revision this stream has seen, or
    // nothing when the client did not ask for bookmarks
    // (allowWatchBookmarks). Transports call it about once a minute.
    virtual std::optional<WatchEvent> bookmark() = 0;
    // timeoutSeconds of the request (0 = none): the transport ends the
    // stream after it.
    virtual int timeoutSeconds() const = 0;
};

struct ApiResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;  // extra headers (Warning, Etag, ...)
    std::shared_ptr<WatchStream> watch;            // set for watch=true: the body is the stream
    // Set when the answer is a session on the connection rather than a body
    // (pods/log?follow=true, an accepted exec/attach/portforward upgrade):
    // the HTTP transport hands its socket over, on the socket's thread, and
    // writes nothing itself. In-process callers see status and body only.
    std::function<void(QTcpSocket *socket)> takeOver;
};

class Handler {
public:
    virtual ~Handler() = default;
    virtual ApiResponse handle(const ApiRequest &request) = 0;
};

}  // namespace timoneiro::api
