#pragma once
// What objects use of a ResourceQuota's resources (pods, requests.cpu,
// limits.memory, services.nodeports, count/deployments.apps, ...), shared by
// quota admission in the API server and the ResourceQuota controller that
// keeps status.used.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace timoneiro::api {

// Usage in base units: millicores for CPU, bytes for memory and storage, counts otherwise.
using Usage = QMap<QString, qint64>;

// What one object of kind (Pod, Service, ConfigMap, ...; group for count/...)
// adds to each quota resource. Terminal pods use nothing.
Usage usageOf(const QString &group, const QString &kind, const QString &plural, const QJsonObject &obj);
void addUsage(Usage &total, const Usage &more);

// A quota's hard limits in base units; false when a value is not a quantity.
Usage parseHard(const QJsonObject &hard);
// Base units back to Kubernetes' text ("500m", "2", "128Mi").
QString formatQuantity(const QString &resource, qint64 value);

}  // namespace timoneiro::api
