#pragma once
// The writes behind the desktop app's actions, each the request kubectl
// makes for the same command: rollout restart (the restartedAt template
// annotation), cordon/uncordon (spec.unschedulable), expose (a Service
// selecting the target's pods). The views ask first; these just do it.
#include "api/result.h"
#include "client/client.h"

#include <QJsonObject>

namespace timoneiro::ui {

struct ExposeOptions {
    QString name;                 // empty: the target's name
    QString type = QStringLiteral("ClusterIP");  // ClusterIP, NodePort, LoadBalancer, ExternalName
    int port = 80;
    QString targetPort;           // a number or a named port; empty: the same as port
    QString protocol = QStringLiteral("TCP");
    int nodePort = 0;             // 0: the API server allocates one (NodePort, LoadBalancer)
    QString externalName;         // ExternalName only
};

// The annotation kubectl rollout restart sets on the pod template.
inline constexpr char kRestartedAtAnnotation[] = "kubectl.kubernetes.io/restartedAt";

// Whether kind's pods can be rolled by a template change (Deployment, DaemonSet, StatefulSet).
bool canRestartRollout(const QString &kind);
// Whether a Service can be built for kind (Pod, Deployment, ReplicaSet, ReplicationController, Service).
bool canExpose(const QString &kind);

// The merge patch of kubectl rollout restart at time now (RFC 3339).
QByteArray restartPatch(const QDateTime &now);
// The merge patch of kubectl cordon (true) or uncordon (false).
QByteArray cordonPatch(bool unschedulable);
// The Service kubectl expose would create for target, or why it cannot.
api::Result<QJsonObject> serviceFor(const QJsonObject &target, const ExposeOptions &options);

// The resource of an object's kind (from its apiVersion and kind), or null.
const api::ResourceInfo *resourceOf(const QJsonObject &obj);

void restartRollout(client::Client &client, const QJsonObject &obj, client::ObjectCallback done);
void setUnschedulable(client::Client &client, const QString &node, bool unschedulable, client::ObjectCallback done);
void expose(client::Client &client, const QJsonObject &target, const ExposeOptions &options, client::ObjectCallback done);

}  // namespace timoneiro::ui
