#include "transport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace timoneiro::client {

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
