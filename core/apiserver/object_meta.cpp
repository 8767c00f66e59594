#include "object_meta.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace timoneiro::apiserver {

QString newUid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString nowRfc3339()
{
    return rfc3339(QDateTime::currentDateTimeUtc());
}

QString generatedName(const QString &prefix)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString name = prefix.left(58);
    for (int i = 0; i < 5; ++i)
        name.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]));
    return name;
}

QJsonObject metadataOf(const QJsonObject &obj)
{
    return obj.value(QStringLiteral("metadata")).toObject();
}

void setMetadataField(QJsonObject &obj, const QString &field, const QJsonValue &value)
{
    QJsonObject meta = metadataOf(obj);
    meta.insert(field, value);
    obj.insert(QStringLiteral("metadata"), meta);
}

void removeMetadataField(QJsonObject &obj, const QString &field)
{
    QJsonObject meta = metadataOf(obj);
    meta.remove(field);
    obj.insert(QStringLiteral("metadata"), meta);
}

QJsonObject withResourceVersion(QJsonObject obj, qint64 revision)
{
    setMetadataField(obj, QStringLiteral("resourceVersion"), QString::number(revision));
    return obj;
}

QJsonObject decodeStored(const QByteArray &value, qint64 revision)
{
    return withResourceVersion(QJsonDocument::fromJson(value).object(), revision);
}

QByteArray encodeForStore(QJsonObject obj)
{
    removeMetadataField(obj, QStringLiteral("resourceVersion"));
    return QJsonDocument(obj).toJson(QJsonDocument::Compact);
}

}  // namespace timoneiro::apiserver
