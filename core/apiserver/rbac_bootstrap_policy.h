#pragma once
// The default ClusterRoles and ClusterRoleBindings a cluster starts with
// (cluster-admin, admin, edit, view, and the system roles components and
// every authenticated user need), like Kubernetes' bootstrap policy.
#include <QJsonObject>
#include <QList>

namespace timoneiro::apiserver {

QList<QJsonObject> bootstrapClusterRoles();
QList<QJsonObject> bootstrapClusterRoleBindings();

}  // namespace timoneiro::apiserver
