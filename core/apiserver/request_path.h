#pragma once
// What a URL path names: /api/v1/namespaces/ns/pods/name/status, the legacy
// /api/v1/watch/... form, or a cluster-scoped resource.
#include <QString>

namespace timoneiro::apiserver {

struct RequestPath {
    bool isResource = false;   // false: not a /api or /apis resource path
    QString group;             // "" for core
    QString version;
    QString namespaceName;     // "" for cluster-wide
    QString resource;          // plural
    QString name;
    QString subresource;
    bool legacyWatch = false;  // /api/v1/watch/...
};

// Parses /api/<v>/... and /apis/<g>/<v>/...; isResource is false for
// anything else (discovery paths, /version, unknown).
RequestPath parseRequestPath(const QString &path);

}  // namespace timoneiro::apiserver
