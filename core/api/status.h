#pragma once
// Errors returned to API clients, shaped as Kubernetes' metav1.Status so that
// kubectl prints the same lines it prints against a real cluster.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace timoneiro::api {

struct StatusCause {
    QString reason;   // FieldValueRequired, FieldValueInvalid, FieldValueNotSupported, ...
    QString message;  // "Required value", "Invalid value: \"x\": must be ..."
    QString field;    // spec.containers[0].image
};

struct ApiError {
    int code = 500;
    QString reason;   // NotFound, AlreadyExists, Conflict, Invalid, BadRequest, ...
    QString message;
    // details: for most errors kind is the resource (plural); for Invalid it is the Kind.
    QString name;
    QString group;
    QString kind;
    QList<StatusCause> causes;
    int retryAfterSeconds = 0;

    QJsonObject toStatus() const;

    static ApiError notFound(const QString &group, const QString &resource, const QString &name);
    static ApiError alreadyExists(const QString &group, const QString &resource, const QString &name);
    // "Operation cannot be fulfilled on pods \"x\": <why>"
    static ApiError conflict(const QString &group, const QString &resource, const QString &name,
                             const QString &why = QStringLiteral(
                                 "the object has been modified; please apply your changes to the latest version and try again"));
    // 422; kind is the Kind ("Pod"), message built like Kubernetes: The Pod "x" is invalid: ...
    static ApiError invalid(const QString &group, const QString &kind, const QString &name,
                            const QList<StatusCause> &causes);
    static ApiError badRequest(const QString &message);
    static ApiError methodNotAllowed(const QString &message);
    static ApiError gone(const QString &message);
    static ApiError expired(const QString &message);  // 410 reason Expired (too old resource version)
    static ApiError unsupportedMediaType(const QString &contentType);
    static ApiError notAcceptable(const QString &message);
    static ApiError requestEntityTooLarge(const QString &message);
    static ApiError forbidden(const QString &message);
    static ApiError unauthorized();
    static ApiError internal(const QString &message);
    // A generic 404 for paths that name no resource.
    static ApiError pathNotFound();
};

// Field-path helpers for validation causes, in Kubernetes' wording.
StatusCause requiredCause(const QString &field);
StatusCause invalidCause(const QString &field, const QString &shownValue, const QString &detail);
StatusCause notSupportedCause(const QString &field, const QString &shownValue, const QStringList &supported);
StatusCause forbiddenCause(const QString &field, const QString &detail);
StatusCause duplicateCause(const QString &field, const QString &shownValue);

}  // namespace timoneiro::api
