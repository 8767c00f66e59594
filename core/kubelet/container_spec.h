#pragma once
// From a pod's spec to CRI's configs, as the kubelet's kuberuntime does it:
// one sandbox per pod (its network namespace is the pod's IP), then each
// container's command, args, env (with fieldRef, configMapKeyRef and
// secretKeyRef resolved), working dir, ports, labels, log path and cgroup
// resources (cpu shares/quota, memory limit).
#include "kubelet/cri/runtime_client.h"

#include <QHash>
#include <QJsonObject>

namespace timoneiro::kubelet {

// Labels the kubelet puts on sandboxes and containers; a restarted kubelet
// finds its pods by them.
inline const char *kPodUidLabel = "io.kubernetes.pod.uid";
inline const char *kPodNameLabel = "io.kubernetes.pod.name";
inline const char *kPodNamespaceLabel = "io.kubernetes.pod.namespace";
inline const char *kContainerNameLabel = "io.kubernetes.container.name";

// What env valueFrom reads besides the pod: the ConfigMaps and Secrets it
// names (by name, in the pod's namespace) as the API returned them.
struct EnvSources {
    QHash<QString, QJsonObject> configMaps;
    QHash<QString, QJsonObject> secrets;
    QHash<QString, QString> tokens;  // serviceAccountToken projections, by volume name
};

struct PodIdentity {
    QString ns, name, uid;
    static PodIdentity of(const QJsonObject &pod);
};

// logRoot: the node's pod log dir; the sandbox logs under
// <logRoot>/<ns>_<name>_<uid>, as the kubelet's /var/log/pods.
cri::v1::PodSandboxConfig sandboxConfig(const QJsonObject &pod, const QString &logRoot, const QString &cgroupParent,
                                        quint32 attempt);

// The ConfigMap and Secret names a pod's env refers to.
QStringList configMapRefs(const QJsonObject &pod);
QStringList secretRefs(const QJsonObject &pod);

struct ContainerContext {
    QString podIp;
    QString hostIp;
    QString nodeName;
    const EnvSources *sources = nullptr;
};

// Empty optional with *error when a reference cannot be resolved (a missing
// ConfigMap, Secret or key: the kubelet's CreateContainerConfigError).
std::optional<cri::v1::ContainerConfig> containerConfig(const QJsonObject &pod, const QJsonObject &container, quint32 attempt,
                                                        const ContainerContext &context, QString *error);

// Kubernetes' conversions: shares = milliCPU * 1024 / 1000 (at least 2),
// quota = milliCPU * period / 1000 with a 100 ms period.
cri::v1::LinuxContainerResources linuxResources(const QJsonObject &resources);

// A container's log file, relative to its sandbox's log directory.
QString containerLogPath(const QString &containerName, quint32 attempt);

}  // namespace timoneiro::kubelet
