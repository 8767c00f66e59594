#pragma once
// The container names a pod spec lists, for the subresources that name a
// container (log, exec, attach) and their "choose one of" errors.
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace timoneiro::apiserver {

// list: "containers", "initContainers" or "ephemeralContainers".
inline QStringList containerNames(const QJsonObject &spec, const char *list)
{
    QStringList names;
    for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray())
        names << c.toObject().value(QStringLiteral("name")).toString();
    return names;
}

}  // namespace timoneiro::apiserver
