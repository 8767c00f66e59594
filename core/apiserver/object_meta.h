#pragma once
// Server-owned metadata: uid, creationTimestamp, generateName, generation,
// resourceVersion, as the real API server fills them.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace timoneiro::apiserver {

QString newUid();
// RFC 3339 in UTC with seconds, as metav1.Time marshals ("2026-11-24T10:00:00Z").
QString rfc3339(const QDateTime &time);
QString nowRfc3339();
// generateName + 5 characters from Kubernetes' alphabet (no vowels, no 0/1/3).
QString generatedName(const QString &prefix);

QJsonObject metadataOf(const QJsonObject &obj);
void setMetadataField(QJsonObject &obj, const QString &field, const QJsonValue &value);
void removeMetadataField(QJsonObject &obj, const QString &field);

// Sets metadata.resourceVersion to revision (objects are stored without it).
QJsonObject withResourceVersion(QJsonObject obj, qint64 revision);
// Parses stored JSON and stamps its resourceVersion.
QJsonObject decodeStored(const QByteArray &value, qint64 revision);
QByteArray encodeForStore(QJsonObject obj);

}  // namespace timoneiro::apiserver
