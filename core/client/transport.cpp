#include "transport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace timoneiro::client {

namespace {

// A whole response delivered as one streamed piece; cancelled by destruction.
class WholeBodyStream final : public QObject, public WatchHandle {
public:
    WholeBodyStream(Transport &transport, const api::ApiRequest &request, DataCallback onData, EndCallback onEnd)
    {
        QPointer<WholeBodyStream> self(this);
        transport.send(request, [self, onData = std::move(onData), onEnd = std::move(onEnd)](const api::ApiResponse &r) {
            if (!self)
                return;
            if (r.status < 200 || r.status >= 300) {
                onEnd(errorFromResponse(r));
                return;
            }
            if (!r.body.isEmpty())
                onData(r.body);
            if (self)
                onEnd(std::nullopt);
        });
    }
};

}  // namespace

std::unique_ptr<WatchHandle> Transport::stream(const api::ApiRequest &request, DataCallback onData, EndCallback onEnd)
{
    return std::make_unique<WholeBodyStream>(*this, request, std::move(onData), std::move(onEnd));
}

api::ApiError errorFromResponse(const api::ApiResponse &response)
{
    const QJsonObject status = QJsonDocument::fromJson(response.body).object();
    api::ApiError e;
    e.code = response.status;
    if (status.value(QStringLiteral("kind")).toString() == QLatin1String("Status")) {
        e.code = status.value(QStringLiteral("code")).toInt(response.status);
        e.reason = status.value(QStringLiteral("reason")).toString();
        e.message = status.value(QStringLiteral("message")).toString();
        const QJsonObject details = status.value(QStringLiteral("details")).toObject();
        e.name = details.value(QStringLiteral("name")).toString();
        e.group = details.value(QStringLiteral("group")).toString();
        e.kind = details.value(QStringLiteral("kind")).toString();
        for (const QJsonValue &c : details.value(QStringLiteral("causes")).toArray()) {
            const QJsonObject cause = c.toObject();
            e.causes.append({cause.value(QStringLiteral("reason")).toString(), cause.value(QStringLiteral("message")).toString(),
                             cause.value(QStringLiteral("field")).toString()});
        }
        e.retryAfterSeconds = details.value(QStringLiteral("retryAfterSeconds")).toInt();
        return e;
    }
    if (response.status == 0) {
        e.code = 503;
        e.reason = QStringLiteral("ServiceUnavailable");
        e.message = QString::fromUtf8(response.body);
        return e;
    }
    e.reason = QStringLiteral("Unknown");
    e.message = QStringLiteral("the server responded with status %1: %2")
                    .arg(response.status)
                    .arg(QString::fromUtf8(response.body.left(200)));
    return e;
}

}  // namespace timoneiro::client
