#pragma once
// Internal to validation: a cause collector and the validators each kind's
// file contributes.
#include "validation.h"

#include <QJsonArray>
#include <QJsonObject>

namespace timoneiro::api::validation {

inline QString quote(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

struct Causes {
    QList<StatusCause> list;
    void required(const QString &field) { list.append(requiredCause(field)); }
    void invalid(const QString &field, const QString &shown, const QString &detail)
    {
        list.append(invalidCause(field, shown, detail));
    }
    void invalidString(const QString &field, const QString &value, const QStringList &errors)
    {
        for (const QString &e : errors)
            invalid(field, quote(value), e);
    }
    void notSupported(const QString &field, const QString &value, const QStringList &supported)
    {
        list.append(notSupportedCause(field, quote(value), supported));
    }
    void forbidden(const QString &field, const QString &detail) { list.append(forbiddenCause(field, detail)); }
    void duplicate(const QString &field, const QString &shown) { list.append(duplicateCause(field, shown)); }
    void immutable(const QString &field, const QJsonValue &value);
};

// Shown as Kubernetes shows values in messages: strings quoted, numbers bare.
QString shown(const QJsonValue &v);

void validateLabelsMap(Causes &c, const QJsonObject &labels, const QString &path);
void validatePort(Causes &c, const QJsonValue &port, const QString &path);
void validateLabelSelector(Causes &c, const QJsonObject &selector, const QString &path);

void validatePodSpec(Causes &c, const QJsonObject &spec, const QString &path);
void validatePodUpdate(Causes &c, const QJsonObject &pod, const QJsonObject &old);
void validateService(Causes &c, const QJsonObject &svc, const QJsonObject *old);
void validateWorkload(Causes &c, const QJsonObject &obj, const QJsonObject *old, bool deployment);
void validateResources(Causes &c, const QJsonObject &resources, const QString &path);

}  // namespace timoneiro::api::validation
