#pragma once
// Media types: what the client accepts (Table, aggregated discovery) and
// what the body is (JSON, YAML, protobuf, the patch types).
#include "api/request.h"
#include "api/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace timoneiro::apiserver {

enum class BodyFormat { Json, Yaml, Protobuf, MergePatch, JsonPatch, StrategicMergePatch, ApplyPatch, Unknown };

// One media range of an Accept header with its parameters (as=Table, g=..., v=...).
struct MediaRange {
    QByteArray type;  // application/json
    QHash<QByteArray, QByteArray> params;
};
QList<MediaRange> parseAccept(const QByteArray &accept);

// True when Accept asks for a meta.k8s.io Table (v1 or v1beta1).
bool acceptsTable(const QByteArray &accept);
// "v2", "v2beta1" or "" (legacy) for /api and /apis.
QByteArray aggregatedDiscoveryVersion(const QByteArray &accept);

BodyFormat bodyFormat(const QByteArray &contentType);

// Decodes an object body (JSON, YAML or protobuf) into JSON.
api::Result<QJsonObject> decodeObjectBody(const api::ApiRequest &request);

}  // namespace timoneiro::apiserver
