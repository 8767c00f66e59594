#pragma once
// Per-kind write rules, as Kubernetes' registry strategies give them:
// what a create resets, what an update keeps, when generation moves.
#include <QJsonObject>

namespace timoneiro::api {
struct ResourceInfo;
}

namespace timoneiro::apiserver {

bool hasStatusSubresource(const api::ResourceInfo &resource);
// Kinds whose metadata.generation counts spec changes.
bool tracksGeneration(const api::ResourceInfo &resource);

// Create: status as the real strategy leaves it (a Pod starts Pending with
// its QoS class, a Namespace Active, most kinds empty).
void prepareForCreate(const api::ResourceInfo &resource, QJsonObject &obj);
// Update of the main resource: status comes from old, generation moves
// when spec changed. Update of the status subresource: everything but
// status comes from old.
void prepareForUpdate(const api::ResourceInfo &resource, QJsonObject &obj, const QJsonObject &old, bool statusWrite);

// A Service update that leaves clusterIP or nodePorts out keeps the
// allocated ones (Kubernetes' patchAllocatedValues), before validation.
void keepAllocatedValues(QJsonObject &svc, const QJsonObject &old);

// Guaranteed, Burstable or BestEffort, from the containers' requests and limits.
QString podQosClass(const QJsonObject &pod);

}  // namespace timoneiro::apiserver
