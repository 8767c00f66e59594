// The HTTP transport's upgrade path: a request with Upgrade (websocket for
// exec, attach, portforward; SPDY/3.1 for the port-forward fallback) is read
// from the raw socket before Qt's parser, which would keep websocket
// upgrades to itself and cannot answer with Kubernetes' subprotocols.
#include "http_server.h"

#include "api/status.h"
#include "authenticator.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace timoneiro::apiserver {

// Requests with Upgrade (websocket, SPDY/3.1) are read here, whole, and go
// through the handler chain like any other; an accepted one takes the
// socket over, a refused one gets its Status and the connection's end.
bool HttpServer::serveUpgrade(QTcpSocket *socket)
{
    const QByteArray peeked = socket->peek(16384);
    const int end = peeked.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = peeked.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return false;
    api::ApiRequest req;
    QByteArray authorization;
    for (const QByteArray &line : lines.mid(1)) {
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        req.headers.emplaceBack(name, value);
        if (name == "authorization")
            authorization = value;
        else if (name == "user-agent")
            req.userAgent = QString::fromUtf8(value);
    }
    const QByteArray upgrade = req.header("upgrade").toLower();
    if (upgrade != "websocket" && upgrade != "spdy/3.1")
        return false;
    socket->read(end + 4);
    // Qt's parser never sees this connection again.
    disconnect(socket, &QIODevice::readyRead, this, nullptr);
    const QUrl url(QString::fromUtf8(requestLine[1]));
    req.method = requestLine[0];
    req.path = url.path();
    req.query = decodeQuery(url.query(QUrl::FullyEncoded).toUtf8());
    api::ApiResponse resp;
    Authentication auth;
    if (authenticator_)
        auth = authenticator_->authenticate(peerChainDer(socket), authorization);
    req.user = auth.user;
    if (auth.outcome == Authentication::Outcome::Rejected) {
        resp.status = 401;
        resp.body = QJsonDocument(api::ApiError::unauthorized().toStatus()).toJson(QJsonDocument::Compact);
    } else {
        resp = handler_.handle(req);
    }
    qCDebug(lcHttp).noquote() << req.method << requestLine[1] << "upgrade" << upgrade << (resp.takeOver ? 101 : resp.status);
    if (resp.takeOver) {
        resp.takeOver(socket);
        return true;
    }
    resp.headers.emplaceBack("Connection", "close");
    writeResponse(socket, resp, false);
    socket->disconnectFromHost();
    return true;
}

}  // namespace timoneiro::apiserver
