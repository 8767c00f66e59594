#pragma once
// Defaulting, as Kubernetes' SetDefaults_* do for the built-in kinds
// (restartPolicy, dnsPolicy, terminationGracePeriodSeconds, imagePullPolicy,
// ports' protocol, Service type and sessionAffinity, Deployment strategy, ...).
#include <QJsonObject>

namespace timoneiro::api {

struct ResourceInfo;

// Fills defaults into obj in place. Server-owned metadata (uid,
// creationTimestamp, resourceVersion, generation) is the API server's job,
// not this one's.
void applyDefaults(const ResourceInfo &resource, QJsonObject &obj);

}  // namespace timoneiro::api
