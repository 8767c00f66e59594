#pragma once
// A pod's volumes on the node, as the kubelet's volume manager: each volume
// is prepared in the pod's directory (<dataDir>/pod-volumes/<uid>/<plugin>/<name>,
// as /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~<plugin>/<name>) before
// a container starts, and bind-mounted where the container's volumeMounts
// say through CRI Mounts. emptyDir: a directory kept for the pod's life;
// hostPath: the node's path after Kubernetes' type check; configMap, secret,
// downwardAPI and projected: files per key (items, path, mode), written from
// what the kubelet read through the API as the node, always mounted read-only.
#include "container_spec.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace timoneiro::kubelet {

// The ConfigMap and Secret names the pod's volumes refer to (projected
// sources included), for the kubelet to read with its env sources.
QStringList volumeConfigMapRefs(const QJsonObject &pod);
QStringList volumeSecretRefs(const QJsonObject &pod);

// The pod's volume root on the node; removed with the pod.
QString podVolumesDir(const QString &logRoot, const QString &uid);

struct VolumeContext {
    QString podDir;          // podVolumesDir()
    QString nodeName;
    const EnvSources *sources = nullptr;
    // serviceAccountToken sources: the token obtained through
    // serviceaccounts/<name>/token, keyed by volume name; a volume without
    // one gets no token file (the kubelet had none to write yet).
    QHash<QString, QString> tokens;
};

// Prepares every volume of the pod; returns the host path of each by volume
// name, or an empty hash and *error as Kubernetes words it
// (configmap "x" not found, hostPath type check failed: ...).
QHash<QString, QString> prepareVolumes(const QJsonObject &pod, const VolumeContext &context, QString *error);

// The CRI mounts of a container's volumeMounts; false with *error for a
// mount of no volume or a subPath leaving its volume.
bool containerMounts(const QJsonObject &pod, const QJsonObject &container, const QHash<QString, QString> &hostPaths,
                     cri::v1::ContainerConfig *config, QString *error);

}  // namespace timoneiro::kubelet
