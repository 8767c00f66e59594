#include "status.h"

#include <QJsonArray>

namespace timoneiro::api {

namespace {
ApiError make(int code, const QString &reason, const QString &message)
{
    ApiError e;
    e.code = code;
    e.reason = reason;
    e.message = message;
    return e;
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// "pods" or "deployments.apps", as Kubernetes names a resource in messages.
QString qualified(const QString &group, const QString &resource)
{
    return group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
}
}  // namespace

QJsonObject ApiError::toStatus() const
{
    QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject{}},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), message},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("code"), code},
    };
    QJsonObject details;
    if (!name.isEmpty())
        details.insert(QStringLiteral("name"), name);
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    if (!kind.isEmpty())
        details.insert(QStringLiteral("kind"), kind);
    if (!causes.isEmpty()) {
        QJsonArray list;
        for (const StatusCause &c : causes) {
            QJsonObject o{{QStringLiteral("reason"), c.reason}, {QStringLiteral("message"), c.message}};
            if (!c.field.isEmpty())
                o.insert(QStringLiteral("field"), c.field);
            list.append(o);
        }
        details.insert(QStringLiteral("causes"), list);
    }
    if (retryAfterSeconds > 0)
        details.insert(QStringLiteral("retryAfterSeconds"), retryAfterSeconds);
    if (!details.isEmpty())
        status.insert(QStringLiteral("details"), details);
    return status;
}

ApiError ApiError::notFound(const QString &group, const QString &resource, const QString &name)
{
    ApiError e = make(404, QStringLiteral("NotFound"),
                      QStringLiteral("%1 %2 not found").arg(qualified(group, resource), quoted(name)));
    e.name = name;
    e.group = group;
    e.kind = resource;
    return e;
}

ApiError ApiError::alreadyExists(const QString &group, const QString &resource, const QString &name)
{
    ApiError e = make(409, QStringLiteral("AlreadyExists"),
                      QStringLiteral("%1 %2 already exists").arg(qualified(group, resource), quoted(name)));
    e.name = name;
    e.group = group;
    e.kind = resource;
    return e;
}

ApiError ApiError::conflict(const QString &group, const QString &resource, const QString &name,
                            const QString &why)
{
    ApiError e = make(409, QStringLiteral("Conflict"),
                      QStringLiteral("Operation cannot be fulfilled on %1 %2: %3")
                          .arg(qualified(group, resource), quoted(name), why));
    e.name = name;
    e.group = group;
    e.kind = resource;
    return e;
}

ApiError ApiError::invalid(const QString &group, const QString &kind, const QString &name,
                           const QList<StatusCause> &causes)
{
    QStringList parts;
    for (const StatusCause &c : causes)
        parts << (c.field.isEmpty() ? c.message : c.field + QStringLiteral(": ") + c.message);
    QString joined = parts.size() == 1 ? parts.first()
                                       : QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    QString kindText = group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    ApiError e = make(422, QStringLiteral("Invalid"),
                      QStringLiteral("%1 %2 is invalid: %3").arg(kindText, quoted(name), joined));
    e.name = name;
    e.group = group;
    e.kind = kind;
    e.causes = causes;
    return e;
}

ApiError ApiError::badRequest(const QString &message) { return make(400, QStringLiteral("BadRequest"), message); }
ApiError ApiError::methodNotAllowed(const QString &message)
{
    return make(405, QStringLiteral("MethodNotAllowed"), message);
}
ApiError ApiError::gone(const QString &message) { return make(410, QStringLiteral("Gone"), message); }
ApiError ApiError::expired(const QString &message) { return make(410, QStringLiteral("Expired"), message); }
ApiError ApiError::unsupportedMediaType(const QString &contentType)
{
    return make(415, QStringLiteral("UnsupportedMediaType"),
                QStringLiteral("the body of the request was in an unknown format (%1) - accepted media types include: "
                               "application/json, application/yaml, application/vnd.kubernetes.protobuf")
                    .arg(contentType));
}
ApiError ApiError::notAcceptable(const QString &message) { return make(406, QStringLiteral("NotAcceptable"), message); }
ApiError ApiError::requestEntityTooLarge(const QString &message)
{
    return make(413, QStringLiteral("RequestEntityTooLarge"), message);
}
ApiError ApiError::forbidden(const QString &message) { return make(403, QStringLiteral("Forbidden"), message); }
ApiError ApiError::unauthorized() { return make(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized")); }
ApiError ApiError::internal(const QString &message)
{
    return make(500, QStringLiteral("InternalError"), QStringLiteral("Internal error occurred: ") + message);
}
ApiError ApiError::pathNotFound()
{
    return make(404, QStringLiteral("NotFound"), QStringLiteral("the server could not find the requested resource"));
}

StatusCause requiredCause(const QString &field)
{
    return {QStringLiteral("FieldValueRequired"), QStringLiteral("Required value"), field};
}

StatusCause invalidCause(const QString &field, const QString &shownValue, const QString &detail)
{
    return {QStringLiteral("FieldValueInvalid"),
            QStringLiteral("Invalid value: %1: %2").arg(shownValue, detail), field};
}

StatusCause notSupportedCause(const QString &field, const QString &shownValue, const QStringList &supported)
{
    QStringList q;
    for (const QString &s : supported)
        q << quoted(s);
    return {QStringLiteral("FieldValueNotSupported"),
            QStringLiteral("Unsupported value: %1: supported values: %2").arg(shownValue, q.join(QStringLiteral(", "))),
            field};
}

StatusCause forbiddenCause(const QString &field, const QString &detail)
{
    return {QStringLiteral("FieldValueForbidden"), QStringLiteral("Forbidden: ") + detail, field};
}

StatusCause duplicateCause(const QString &field, const QString &shownValue)
{
    return {QStringLiteral("FieldValueDuplicate"), QStringLiteral("Duplicate value: ") + shownValue, field};
}

}  // namespace timoneiro::api
