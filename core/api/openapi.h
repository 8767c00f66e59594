#pragma once
// OpenAPI v3 as kubectl needs it: the /openapi/v3 index and one document per
// group-version, with a PATCH operation per kind that lists fieldValidation
// (so kubectl validates server-side) and component schemas with
// x-kubernetes-group-version-kind (so `kubectl explain` works).
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace timoneiro::api {

class ResourceRegistry;

// {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=H"},...}}
QJsonObject openApiIndex(const ResourceRegistry &registry);
// The document for "api/v1" or "apis/apps/v1"; empty object if unknown.
QJsonObject openApiDocument(const ResourceRegistry &registry, const QString &groupVersionPath);
// The hash used in serverRelativeURL and Etag (stable for a build).
QString openApiHash(const ResourceRegistry &registry, const QString &groupVersionPath);

}  // namespace timoneiro::api
