#include "event_recorder.h"

#include <QDateTime>
#include <QJsonDocument>

namespace timoneiro::client {

namespace {
QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}
}  // namespace

EventRecorder::EventRecorder(Client &client, QString component, QString host, QObject *parent)
    : QObject(parent), client_(client), component_(std::move(component)), host_(std::move(host))
{
}

void EventRecorder::record(const QJsonObject &object, const QString &type, const QString &reason, const QString &message)
{
    const QJsonObject meta = object.value(QStringLiteral("metadata")).toObject();
    QString ns = meta.value(QStringLiteral("namespace")).toString();
    if (ns.isEmpty())
        ns = QStringLiteral("default");  // events about cluster-scoped objects live in default
    const QJsonObject involved{{QStringLiteral("kind"), object.value(QStringLiteral("kind"))},
                               {QStringLiteral("namespace"), meta.value(QStringLiteral("namespace"))},
                               {QStringLiteral("name"), meta.value(QStringLiteral("name"))},
                               {QStringLiteral("uid"), meta.value(QStringLiteral("uid"))},
                               {QStringLiteral("apiVersion"), object.value(QStringLiteral("apiVersion"))},
                               {QStringLiteral("resourceVersion"), meta.value(QStringLiteral("resourceVersion"))}};
    const QString key = meta.value(QStringLiteral("uid")).toString() + QLatin1Char('/') + reason + QLatin1Char('/') + message;
    const QString now = nowText();
    auto it = seen_.find(key);
    if (it != seen_.end()) {
        ++it->count;
        const QJsonObject patch{{QStringLiteral("count"), it->count}, {QStringLiteral("lastTimestamp"), now}};
        client_.patch(api::builtinResource(QString(), QStringLiteral("events")), ns, it->name, PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                      [](const api::Result<QJsonObject> &) {});
        return;
    }
    // Kubernetes names events <object>.<hex nanoseconds>.
    const QString name = QStringLiteral("%1.%2").arg(meta.value(QStringLiteral("name")).toString())
                             .arg(QString::number(QDateTime::currentMSecsSinceEpoch() * 1000000 + seen_.size(), 16));
    seen_.insert(key, {name, 1});
    QJsonObject source{{QStringLiteral("component"), component_}};
    if (!host_.isEmpty())
        source.insert(QStringLiteral("host"), host_);
    const QJsonObject event{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                            {QStringLiteral("kind"), QStringLiteral("Event")},
                            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
                            {QStringLiteral("involvedObject"), involved},
                            {QStringLiteral("reason"), reason},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("source"), source},
                            {QStringLiteral("reportingComponent"), component_},
                            {QStringLiteral("reportingInstance"), host_.isEmpty() ? component_ : host_},
                            {QStringLiteral("firstTimestamp"), now},
                            {QStringLiteral("lastTimestamp"), now},
                            {QStringLiteral("count"), 1}};
    client_.create(api::builtinResource(QString(), QStringLiteral("events")), ns, event, [](const api::Result<QJsonObject> &) {});
    // Forget old keys now and then so a long-running component stays small.
    if (seen_.size() > 4096)
        seen_.clear();
}

}  // namespace timoneiro::client
