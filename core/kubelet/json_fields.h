#pragma once
// Short reads of a pod's JSON by a literal key, for the kubelet's files that
// walk specs field by field.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace timoneiro::kubelet {

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

inline QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

}  // namespace timoneiro::kubelet
