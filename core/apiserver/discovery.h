#pragma once
// Discovery documents: aggregated (apidiscovery.k8s.io v2 and v2beta1, what
// kubectl 1.27+ asks for first) and the legacy per-group-version lists.
#include <QJsonObject>
#include <QString>

namespace timoneiro::api {
class ResourceRegistry;
}

namespace timoneiro::apiserver {

// /api (core=true) or /apis as an APIGroupDiscoveryList of the given version.
QJsonObject aggregatedDiscovery(const api::ResourceRegistry &registry, bool core, const QByteArray &version);
// /api: APIVersions
QJsonObject legacyApiVersions(const QString &serverAddress);
// /apis: APIGroupList
QJsonObject legacyApiGroupList(const api::ResourceRegistry &registry);
// /apis/<group>: APIGroup, empty if unknown
QJsonObject legacyApiGroup(const api::ResourceRegistry &registry, const QString &group);
// /api/v1, /apis/<group>/<version>: APIResourceList, empty if unknown
QJsonObject legacyResourceList(const api::ResourceRegistry &registry, const QString &groupVersion);

}  // namespace timoneiro::apiserver
