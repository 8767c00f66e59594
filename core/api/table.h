#pragma once
// Server-side printing: the meta.k8s.io/v1 Table that `kubectl get` prints,
// with the columns a real cluster gives for each kind.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace timoneiro::api {

struct ResourceInfo;

// columnDefinitions: [{name,type,format,description,priority}], priority 1 = -o wide.
QJsonArray tableColumns(const ResourceInfo &resource);
// The cells of one object's row, in column order (Age computed from now).
QJsonArray tableCells(const ResourceInfo &resource, const QJsonObject &obj, const QDateTime &now);
// Kubernetes' duration.HumanDuration ("4s", "5m10s", "3h", "2d5h", "45d", "2y"),
// as printed in AGE columns.
QString humanDuration(qint64 seconds);

// A whole Table for objects; rows[].object is the PartialObjectMetadata of
// each (kind, apiVersion meta.k8s.io/v1, full metadata). includeHeaders=false
// sets columnDefinitions to null (watch events after the first).
QJsonObject buildTable(const ResourceInfo &resource, const QList<QJsonObject> &objects,
                       const QString &resourceVersion, const QString &continueToken,
                       const QDateTime &now, bool includeHeaders = true);

}  // namespace timoneiro::api
