#include "http_transport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>

namespace timoneiro::client {

namespace {

api::ApiResponse responseOf(QNetworkReply *reply)
{
    api::ApiResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.body = reply->readAll();
    if (r.status == 0)
        r.body = reply->errorString().toUtf8();
    return r;
}

class HttpWatch final : public QObject, public WatchHandle {
public:
    HttpWatch(QNetworkReply *reply, EventCallback onEvent, EndCallback onEnd)
        : reply_(reply), onEvent_(std::move(onEvent)), onEnd_(std::move(onEnd))
    {
        reply_->setParent(this);
        connect(reply_, &QNetworkReply::readyRead, this, &HttpWatch::read);
        connect(reply_, &QNetworkReply::finished, this, &HttpWatch::finish);
    }
    ~HttpWatch() override
    {
        disconnect(reply_, nullptr, this, nullptr);
        reply_->abort();
    }

private:
    void read()
    {
        const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300)
            return;  // the error body is read whole in finish()
        buffer_ += reply_->readAll();
        QPointer<HttpWatch> self(this);
        qsizetype nl;
        while ((nl = buffer_.indexOf('\n')) >= 0) {
            const QByteArray line = buffer_.left(nl);
            buffer_.remove(0, nl + 1);
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            api::WatchEvent e{event.value(QStringLiteral("type")).toString(), event.value(QStringLiteral("object")).toObject()};
            if (e.type == QLatin1String("ERROR")) {
                api::ApiError err;
                err.code = e.object.value(QStringLiteral("code")).toInt(500);
                err.reason = e.object.value(QStringLiteral("reason")).toString();
                err.message = e.object.value(QStringLiteral("message")).toString();
                end(err);
                return;
            }
            onEvent_(e);
            if (!self)
                return;
        }
    }

    void finish()
    {
        const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300 || status == 0) {
            api::ApiResponse r = responseOf(reply_);
            end(errorFromResponse(r));
            return;
        }
        read();
        end(std::nullopt);
    }

    void end(const std::optional<api::ApiError> &error)
    {
        if (ended_)
            return;
        ended_ = true;
        onEnd_(error);
    }

    QNetworkReply *reply_;
    EventCallback onEvent_;
    EndCallback onEnd_;
    QByteArray buffer_;
    bool ended_ = false;
};

// A body read as it streams; an error status is read whole at the end.
class HttpByteStream final : public QObject, public WatchHandle {
public:
    HttpByteStream(QNetworkReply *reply, DataCallback onData, EndCallback onEnd)
        : reply_(reply), onData_(std::move(onData)), onEnd_(std::move(onEnd))
    {
        reply_->setParent(this);
        connect(reply_, &QNetworkReply::readyRead, this, &HttpByteStream::read);
        connect(reply_, &QNetworkReply::finished, this, &HttpByteStream::finish);
    }
    ~HttpByteStream() override
    {
        disconnect(reply_, nullptr, this, nullptr);
        reply_->abort();
    }

private:
    bool failed() const
    {
        const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return status >= 300 || status == 0;
    }
    void read()
    {
        if (failed())
            return;
        const QByteArray data = reply_->readAll();
        if (!data.isEmpty())
            onData_(data);
    }
    void finish()
    {
        if (failed()) {
            onEnd_(errorFromResponse(responseOf(reply_)));
            return;
        }
        QPointer<HttpByteStream> self(this);
        read();
        if (self)
            onEnd_(std::nullopt);
    }

    QNetworkReply *reply_;
    DataCallback onData_;
    EndCallback onEnd_;
};

}  // namespace

HttpTransport::HttpTransport(ServerConfig config, QObject *parent) : Transport(parent), config_(std::move(config))
{
    if (config_.insecureSkipVerify)
        config_.tls.setPeerVerifyMode(QSslSocket::VerifyNone);
}

QNetworkRequest HttpTransport::networkRequest(const api::ApiRequest &request, bool streaming) const
{
    QUrl url = config_.server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + request.path);
    QStringList query;
    for (const auto &q : request.query)
        query << QString::fromLatin1(QUrl::toPercentEncoding(q.first) + '=' + QUrl::toPercentEncoding(q.second));
    if (!query.isEmpty())
        url.setQuery(query.join(QLatin1Char('&')), QUrl::TolerantMode);
    QNetworkRequest req(url);
    if (url.scheme() == QLatin1String("https"))
        req.setSslConfiguration(config_.tls);
    for (const auto &h : request.headers)
        req.setRawHeader(h.first, h.second);
    if (!config_.bearerToken.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + config_.bearerToken);
    req.setHeader(QNetworkRequest::UserAgentHeader, request.userAgent.isEmpty() ? config_.userAgent : request.userAgent);
    if (!streaming)
        req.setTransferTimeout(config_.requestTimeoutMs);
    return req;
}

void HttpTransport::send(const api::ApiRequest &request, ResponseCallback done)
{
    QNetworkReply *reply = nam_.sendCustomRequest(networkRequest(request, false), request.method, request.body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(responseOf(reply));
    });
}

QNetworkAccessManager &HttpTransport::streamManager()
{
    // Qt opens at most 6 connections to a host per manager and queues the
    // rest: a watch holds its connection for minutes, so watches and streams
    // get managers of their own (5 each), and requests are never stuck behind them.
    constexpr int kStreamsPerManager = 5;
    for (QNetworkAccessManager *m : std::as_const(streamManagers_))
        if (m->property("streams").toInt() < kStreamsPerManager)
            return *m;
    auto *m = new QNetworkAccessManager(this);
    streamManagers_.append(m);
    return *m;
}

QNetworkReply *HttpTransport::sendStreaming(const api::ApiRequest &request)
{
    QNetworkAccessManager &m = streamManager();
    QNetworkReply *reply = m.sendCustomRequest(networkRequest(request, true), request.method, request.body);
    m.setProperty("streams", m.property("streams").toInt() + 1);
    connect(reply, &QObject::destroyed, &m, [&m] { m.setProperty("streams", m.property("streams").toInt() - 1); });
    return reply;
}

std::unique_ptr<WatchHandle> HttpTransport::watch(const api::ApiRequest &request, EventCallback onEvent, EndCallback onEnd)
{
    QNetworkReply *reply = sendStreaming(request);
    return std::make_unique<HttpWatch>(reply, std::move(onEvent), std::move(onEnd));
}

std::unique_ptr<WatchHandle> HttpTransport::stream(const api::ApiRequest &request, DataCallback onData, EndCallback onEnd)
{
    QNetworkReply *reply = sendStreaming(request);
    return std::make_unique<HttpByteStream>(reply, std::move(onData), std::move(onEnd));
}

}  // namespace timoneiro::client
