#pragma once
// The three patch types kubectl sends (plus apply-patch bodies, which are
// whole objects): RFC 7386 JSON merge patch, RFC 6902 JSON patch, and
// Kubernetes' strategic merge patch with the merge keys of the built-in kinds.
#include "result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace timoneiro::api {

struct ResourceInfo;

// RFC 7386: objects merge recursively, null deletes, anything else replaces.
Result<QJsonObject> applyMergePatch(const QJsonObject &target, const QJsonObject &patch);

// RFC 6902: add, remove, replace, move, copy, test. A failed test or a bad
// path is a 422 (Invalid is what Kubernetes answers is not right; it answers
// 500/422 depending) -- here: BadRequest for malformed operations, 422
// Invalid with reason for a failed test or path that does not exist.
Result<QJsonObject> applyJsonPatch(const QJsonObject &target, const QJsonArray &operations);

// Strategic merge patch for the kind described by gvk (apiVersion + kind).
// Lists with a merge key (containers by name, ports by containerPort,
// volumes by name, env by name, ...) merge element-wise; other lists
// replace. Directives: $patch (replace, merge, delete), $retainKeys,
// $setElementOrder/<field>, $deleteFromPrimitiveList/<field>; null deletes.
Result<QJsonObject> applyStrategicMergePatch(const QJsonObject &target, const QJsonObject &patch,
                                             const QString &apiVersion, const QString &kind);

}  // namespace timoneiro::api
