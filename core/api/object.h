#pragma once
// Reading the common parts of any object's JSON: metadata, spec, status,
// and the metadata fields every component asks for.
#include <QJsonArray>
#include <QJsonObject>

namespace timoneiro::api {

inline QJsonObject metaOf(const QJsonObject &obj) { return obj.value(QStringLiteral("metadata")).toObject(); }
inline QJsonObject specOf(const QJsonObject &obj) { return obj.value(QStringLiteral("spec")).toObject(); }
inline QJsonObject statusOf(const QJsonObject &obj) { return obj.value(QStringLiteral("status")).toObject(); }
inline QString nameOf(const QJsonObject &obj) { return metaOf(obj).value(QStringLiteral("name")).toString(); }
inline QString namespaceOf(const QJsonObject &obj) { return metaOf(obj).value(QStringLiteral("namespace")).toString(); }
inline QString uidOf(const QJsonObject &obj) { return metaOf(obj).value(QStringLiteral("uid")).toString(); }
inline bool isDeleting(const QJsonObject &obj) { return metaOf(obj).contains(QStringLiteral("deletionTimestamp")); }

// The ownerReference that is the object's controller, or an empty object.
inline QJsonObject controllerRefOf(const QJsonObject &obj)
{
    for (const QJsonValue &r : metaOf(obj).value(QStringLiteral("ownerReferences")).toArray())
        if (r.toObject().value(QStringLiteral("controller")).toBool())
            return r.toObject();
    return {};
}

// The status of a condition of the given type ("True", "False", "Unknown"; "" when absent).
inline QString conditionStatus(const QJsonObject &obj, const QString &type)
{
    for (const QJsonValue &c : statusOf(obj).value(QStringLiteral("conditions")).toArray())
        if (c.toObject().value(QStringLiteral("type")).toString() == type)
            return c.toObject().value(QStringLiteral("status")).toString();
    return {};
}

// Whether the object's Ready condition is True (pods, nodes).
inline bool isReady(const QJsonObject &obj)
{
    return conditionStatus(obj, QStringLiteral("Ready")) == QLatin1String("True");
}

}  // namespace timoneiro::api
