#pragma once
// What a kubelet reports of its machine in Node.status: capacity (cpu from
// the online processors, memory from /proc/meminfo, pods), allocatable,
// nodeInfo (kernel, OS image, container runtime, kubelet version, machine
// and boot ids), addresses and conditions.
#include <QJsonArray>
#include <QJsonObject>

namespace timoneiro::kubelet {

QString kubeletVersion();

// {cpu, memory, pods, ephemeral-storage} of this machine.
QJsonObject machineCapacity(int maxPods, const QString &storageDir);

// runtimeVersion: "containerd://1.6.20" from CRI Version; empty until known.
QJsonObject nodeInfo(const QString &runtimeVersion);

QJsonArray nodeAddresses(const QString &internalIp, const QString &hostname);

// The pressure conditions (none measured: False), ContainerRuntimeUnhealthy
// and Ready. A condition keeps its lastTransitionTime from previous while
// its status stays. ContainerRuntimeUnhealthy is node-problem-detector's
// condition for containerd (its health-checker's type, reasons and
// message): True with reason ContainerdUnhealthy and runtimeProblem while
// the node's supervisor finds containerd down, else False.
QJsonArray nodeConditions(bool ready, const QString &notReadyMessage, const QJsonArray &previous,
                          const QString &runtimeProblem = {});

}  // namespace timoneiro::kubelet
