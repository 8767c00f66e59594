#pragma once
// The HTTPS transport on Qt Network: what the desktop app uses for its own
// cluster and for any real one. Watches are read as they stream (one JSON
// event per line).
#include "transport.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrl>

namespace timoneiro::client {

struct ServerConfig {
    QUrl server;                  // https://127.0.0.1:6443
    QSslConfiguration tls;        // CA, client certificate and key
    bool insecureSkipVerify = false;
    QByteArray bearerToken;
    QString userAgent = QStringLiteral("timoneiro");
    int requestTimeoutMs = 30000;
};

class HttpTransport final : public Transport {
    Q_OBJECT
public:
    explicit HttpTransport(ServerConfig config, QObject *parent = nullptr);

    void send(const api::ApiRequest &request, ResponseCallback done) override;
    std::unique_ptr<WatchHandle> watch(const api::ApiRequest &request, EventCallback onEvent, EndCallback onEnd) override;
    std::unique_ptr<WatchHandle> stream(const api::ApiRequest &request, DataCallback onData, EndCallback onEnd) override;

    const ServerConfig &config() const { return config_; }

private:
    QNetworkRequest networkRequest(const api::ApiRequest &request, bool streaming) const;
    QNetworkAccessManager &streamManager();
    QNetworkReply *sendStreaming(const api::ApiRequest &request);

    ServerConfig config_;
    QNetworkAccessManager nam_;
    QList<QNetworkAccessManager *> streamManagers_;
};

}  // namespace timoneiro::client
