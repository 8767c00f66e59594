#include "http_server.h"

#include "api/status.h"
#include "authenticator.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHttp, "timoneiro.apiserver.http", QtInfoMsg)

namespace timoneiro::apiserver {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

void writeHead(QTcpSocket *socket, int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    head += "\r\n";
    socket->write(head);
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// Refuses a request whose declared body is over the limit before it is read
// into memory: Qt HttpServer buffers bodies whole.
// A socket whose request asked for a protocol upgrade: the upgrade path
// reads it from then on.
const char *const kUpgraded = "timoneiro.upgraded";

void guardBodySize(QTcpSocket *socket, qint64 maxBody, std::function<bool(QTcpSocket *)> upgrade)
{
    // Bytes of an oversized body still to be read and dropped: the client
    // keeps sending until it sees the answer, and closing under it would
    // reset the connection before it reads the 413.
    auto draining = std::make_shared<qint64>(-1);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, maxBody, draining, upgrade] {
        if (socket->property(kUpgraded).toBool())
            return;
        if (*draining >= 0) {
            *draining -= socket->readAll().size();
            if (*draining <= 0)
                socket->disconnectFromHost();
            return;
        }
        // Before Qt's parser, which cannot hand over upgrades with our subprotocols.
        if (upgrade && upgrade(socket)) {
            socket->setProperty(kUpgraded, true);
            return;
        }
        const QByteArray head = socket->peek(16384).toLower();
        int at = head.indexOf("\r\ncontent-length:");
        int end = head.indexOf("\r\n\r\n");
        if (at < 0 || end < 0 || at > end)
            return;
        int eol = head.indexOf("\r\n", at + 2);
        if (eol < 0)
            return;
        const qint64 length = head.mid(at + 17, eol - at - 17).trimmed().toLongLong();
        if (length <= maxBody)
            return;
        api::ApiError e = api::ApiError::requestEntityTooLarge(
            QStringLiteral("the request body is %1 bytes; the limit is %2").arg(length).arg(maxBody));
        api::ApiResponse r;
        r.status = e.code;
        r.body = QJsonDocument(e.toStatus()).toJson(QJsonDocument::Compact);
        r.headers = {{"Connection", "close"}, {"Cache-Control", "no-cache, private"}};
        writeResponse(socket, r, false);
        *draining = length + end + 4 - socket->readAll().size();
        if (*draining <= 0)
            socket->disconnectFromHost();
        // Never wait for a slow client forever.
        QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
    });
}

class GuardedTcpServer final : public QTcpServer {
public:
    GuardedTcpServer(qint64 maxBody, std::function<bool(QTcpSocket *)> upgrade, QObject *parent)
        : QTcpServer(parent), maxBody_(maxBody), upgrade_(std::move(upgrade))
    {
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(fd)) {
            delete socket;
            return;
        }
        guardBodySize(socket, maxBody_, upgrade_);
        addPendingConnection(socket);
    }

private:
    qint64 maxBody_;
    std::function<bool(QTcpSocket *)> upgrade_;
};

}  // namespace

void writeResponse(QTcpSocket *socket, const api::ApiResponse &r, bool head)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", r.contentType},
                                                 {"Content-Length", QByteArray::number(r.body.size())}};
    if (!r.headers.isEmpty())
        headers.append(r.headers);
    else
        headers.emplaceBack("Cache-Control", "no-cache, private");
    writeHead(socket, r.status, headers);
    if (!head)
        socket->write(r.body);
}

QList<QByteArray> peerChainDer(QTcpSocket *socket)
{
    QList<QByteArray> chain;
    if (auto *tls = qobject_cast<QSslSocket *>(socket)) {
        for (const QSslCertificate &c : tls->peerCertificateChain())
            chain.append(c.toDer());
    }
    return chain;
}

QList<QPair<QString, QString>> decodeQuery(const QByteArray &rawQuery)
{
    QList<QPair<QString, QString>> items;
    for (const QByteArray &part : rawQuery.split('&')) {
        if (part.isEmpty())
            continue;
        int eq = part.indexOf('=');
        QByteArray key = eq < 0 ? part : part.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

HttpServer::HttpServer(api::Handler &handler, qint64 maxBodyBytes, QObject *parent)
    : QAbstractHttpServer(parent), handler_(handler), maxBodyBytes_(maxBodyBytes)
{
}

HttpServer::~HttpServer() = default;

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    QTcpServer *server = nullptr;
    auto upgrade = [this](QTcpSocket *socket) { return serveUpgrade(socket); };
    if (tls_) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*tls_);
        const qint64 maxBody = maxBodyBytes_;
        connect(ssl, &QSslServer::startedEncryptionHandshake, this,
                [maxBody, upgrade](QSslSocket *socket) { guardBodySize(socket, maxBody, upgrade); });
        connect(ssl, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCDebug(lcHttp).noquote() << "TLS handshake failed:" << socket->errorString();
        });
        server = ssl;
    } else {
        server = new GuardedTcpServer(maxBodyBytes_, upgrade, this);
    }
    if (!server->listen(address, port)) {
        qCCritical(lcHttp).noquote() << "cannot listen on" << address.toString() << port << ":" << server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

void HttpServer::setTls(const QSslConfiguration &configuration)
{
    tls_ = configuration;
}

void HttpServer::setAuthenticator(const Authenticator *authenticator)
{
    authenticator_ = authenticator;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    api::ApiRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path();
    req.query = decodeQuery(request.url().query(QUrl::FullyEncoded).toUtf8());
    for (const auto &h : request.headers())
        req.headers.emplaceBack(h.first.toLower(), h.second);
    req.userAgent = QString::fromUtf8(request.value("User-Agent"));
    req.body = request.body();

    api::ApiResponse resp;
    Authentication auth;
    if (authenticator_)
        auth = authenticator_->authenticate(peerChainDer(socket), request.value("Authorization"));
    req.user = auth.user;
    if (auth.outcome == Authentication::Outcome::Rejected) {
        resp.status = 401;
        resp.body = QJsonDocument(api::ApiError::unauthorized().toStatus()).toJson(QJsonDocument::Compact);
    } else if (req.body.size() > maxBodyBytes_) {
        api::ApiError e = api::ApiError::requestEntityTooLarge(
            QStringLiteral("the request body is %1 bytes; the limit is %2").arg(req.body.size()).arg(maxBodyBytes_));
        resp.status = e.code;
        resp.body = QJsonDocument(e.toStatus()).toJson(QJsonDocument::Compact);
    } else {
        resp = handler_.handle(req);
    }
    qCDebug(lcHttp).noquote() << req.method << request.url().toString(QUrl::FullyEncoded) << resp.status
                              << timer.elapsed() << "ms";
    if (resp.takeOver) {
        QMetaObject::invokeMethod(
            this, [socket = QPointer<QTcpSocket>(socket), takeOver = resp.takeOver] {
                if (socket)
                    takeOver(socket);
            },
            Qt::QueuedConnection);
        return true;
    }
    if (resp.watch) {
        writeHead(socket, resp.status, {{"Content-Type", "application/json"},
                                        {"Transfer-Encoding", "chunked"},
                                        {"Cache-Control", "no-cache, private"}});
        startWatch(socket, resp.watch);
        return true;
    }
    // Answered from the event loop, after the store's pending group commit
    // (posted before this): a client hears of a write once it is on disk.
    QMetaObject::invokeMethod(
        this, [socket = QPointer<QTcpSocket>(socket), resp, head = req.method == "HEAD"] {
            if (socket)
                writeResponse(socket, resp, head);
        },
        Qt::QueuedConnection);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    api::ApiResponse r;
    r.status = 404;
    r.body = QJsonDocument(api::ApiError::pathNotFound().toStatus()).toJson(QJsonDocument::Compact);
    writeResponse(socket, r, false);
}

// Pumps one watch stream into its socket: events as JSON lines in chunks,
// a BOOKMARK about once a minute, the end after timeoutSeconds.
class WatchPump final : public QObject {
public:
    WatchPump(QTcpSocket *socket, std::shared_ptr<api::WatchStream> stream)
        : QObject(socket), socket_(socket), stream_(std::move(stream))
    {
        connect(&bookmarkTimer_, &QTimer::timeout, this, [this] {
            if (auto b = stream_->bookmark())
                write({*b});
        });
        bookmarkTimer_.start(60000);
        if (int t = stream_->timeoutSeconds(); t > 0)
            QTimer::singleShot(qint64(t) * 1000, this, [this] { end(); });
    }
    ~WatchPump() override { stream_->cancel(); }

    void drain()
    {
        if (done_)
            return;
        write(stream_->take());
        if (stream_->finished())
            end();
    }

private:
    void write(const QList<api::WatchEvent> &events)
    {
        QByteArray out;
        for (const api::WatchEvent &e : events) {
            QJsonObject line{{QStringLiteral("type"), e.type}, {QStringLiteral("object"), e.object}};
            out += chunk(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        }
        if (!out.isEmpty())
            socket_->write(out);
    }
    void end()
    {
        if (done_)
            return;
        done_ = true;
        write(stream_->take());
        socket_->write("0\r\n\r\n");
        stream_->cancel();
        bookmarkTimer_.stop();
    }

    QTcpSocket *socket_;
    std::shared_ptr<api::WatchStream> stream_;
    QTimer bookmarkTimer_;
    bool done_ = false;
};

void HttpServer::startWatch(QTcpSocket *socket, std::shared_ptr<api::WatchStream> stream)
{
    auto *pump = new WatchPump(socket, stream);
    QPointer<WatchPump> guard(pump);
    // The notifier may run on a writer's thread; the drain runs here, on the
    // server's thread, where the pump lives and dies.
    stream->setNotifier([this, guard] {
        QMetaObject::invokeMethod(this, [guard] {
            if (guard)
                guard->drain();
        }, Qt::QueuedConnection);
    });
}

}  // namespace timoneiro::apiserver
