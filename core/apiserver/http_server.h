#pragma once
// The HTTP transport onto the handler chain, on Qt HttpServer: it parses
// requests, hands them to the api::Handler, writes responses, and streams
// watches as chunked JSON lines.
#include "api/request.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>

#include <optional>

namespace timoneiro::apiserver {

class Authenticator;

class HttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    HttpServer(api::Handler &handler, qint64 maxBodyBytes, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on address:port (0 = a free port); returns the port, 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);
    // Serve HTTPS with this configuration (call before listenOn). Client
    // certificates are requested, not required: tokens authenticate too.
    void setTls(const QSslConfiguration &configuration);
    // Without one every request is anonymous (the API server then answers 401).
    void setAuthenticator(const Authenticator *authenticator);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool serveUpgrade(QTcpSocket *socket);  // http_upgrade.cpp
    void startWatch(QTcpSocket *socket, std::shared_ptr<api::WatchStream> stream);

    api::Handler &handler_;
    qint64 maxBodyBytes_;
    std::optional<QSslConfiguration> tls_;
    const Authenticator *authenticator_ = nullptr;
};

// A whole response (status line, headers, body unless head) on the socket.
void writeResponse(QTcpSocket *socket, const api::ApiResponse &response, bool head);
// The client's certificate chain (DER), empty on plain TCP or without one.
QList<QByteArray> peerChainDer(QTcpSocket *socket);

// Query items of a raw (percent-encoded) query string, decoded; '+' is a
// space, as Go's url.Values encodes it.
QList<QPair<QString, QString>> decodeQuery(const QByteArray &rawQuery);

}  // namespace timoneiro::apiserver
