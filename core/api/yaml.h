#pragma once
// YAML <-> JSON, with line numbers in errors (manifests are edited by people).
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace timoneiro::api {

// Parses one or more YAML documents ("---" separated; JSON is YAML too).
// Empty documents are skipped. Scalars keep YAML 1.1/1.2 core typing as
// Kubernetes' sigs.k8s.io/yaml does: quoted -> string, true/false -> bool,
// integers and floats -> numbers, null/~ -> null, everything else string.
// Errors are 400 BadRequest with the line and column: "yaml: line 3: ...".
Result<QList<QJsonValue>> parseYamlDocuments(const QByteArray &text);

// A request body that may be JSON or YAML (one document). Must be an object.
Result<QJsonObject> parseObjectBody(const QByteArray &body, bool yaml);

// Renders JSON as block-style YAML, keys in the object's order, strings
// quoted where YAML would misread them ("true", "1", "", ": ").
QByteArray toYaml(const QJsonValue &value);

}  // namespace timoneiro::api
