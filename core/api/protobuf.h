#pragma once
// Kubernetes' protobuf encoding (application/vnd.kubernetes.protobuf): the
// "k8s\0" magic + runtime.Unknown envelope around the object message.
// kubectl 1.32's typed-client commands (create namespace, deployment,
// configmap, secret, service, serviceaccount) send their bodies this way.
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace timoneiro::api {

// Decodes a protobuf request body into the object's JSON form, as if it had
// been sent as JSON. Supported kinds: Namespace, Pod, Service, ConfigMap,
// Secret, ServiceAccount, Deployment, ReplicaSet, Endpoints, Event, Node,
// ResourceQuota, LimitRange (and the nested types they use). Errors: 400
// BadRequest (malformed), 415 UnsupportedMediaType (a kind not supported).
Result<QJsonObject> decodeProtobufObject(const QByteArray &body);

}  // namespace timoneiro::api
