// Component schemas of core/v1 Pod: spec, status, container statuses and the
// pod template other workloads embed.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

using namespace Qt::StringLiterals;

namespace {

void addPodSpec(QJsonObject &s)
{
    s.insert(core(u"PodSpec"_s), obj(u"PodSpec is a description of a pod."_s, {
        {u"containers"_s, mergeList(core(u"Container"_s), u"name"_s, u"List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated."_s)},
        {u"initContainers"_s, mergeList(core(u"Container"_s), u"name"_s, u"List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/"_s)},
        {u"volumes"_s, mergeList(core(u"Volume"_s), u"name"_s, u"List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes"_s)},
        {u"restartPolicy"_s, str(u"Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always."_s)},
        {u"terminationGracePeriodSeconds"_s, int64(u"Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal. Defaults to 30 seconds."_s)},
        {u"activeDeadlineSeconds"_s, int64(u"Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers."_s)},
        {u"dnsPolicy"_s, str(u"Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'."_s)},
        {u"nodeSelector"_s, strMap(u"NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."_s)},
        {u"serviceAccountName"_s, str(u"ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"_s)},
        {u"serviceAccount"_s, str(u"DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead."_s)},
        {u"automountServiceAccountToken"_s, boolean(u"AutomountServiceAccountToken indicates whether a service account token should be automatically mounted."_s)},
        {u"nodeName"_s, str(u"NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod."_s)},
        {u"hostNetwork"_s, boolean(u"Host networking requested for this pod. Use the host's network namespace. Default to false."_s)},
        {u"hostPID"_s, boolean(u"Use the host's pid namespace. Optional: Default to false."_s)},
        {u"hostIPC"_s, boolean(u"Use the host's ipc namespace. Optional: Default to false."_s)},
        {u"securityContext"_s, ref(core(u"PodSecurityContext"_s), u"SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty."_s)},
        {u"imagePullSecrets"_s, mergeList(core(u"LocalObjectReference"_s), u"name"_s, u"ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec."_s)},
        {u"hostname"_s, str(u"Specifies the hostname of the Pod. If not specified, the pod's hostname will be set to a system-defined value."_s)},
        {u"subdomain"_s, str(u"If specified, the fully qualified Pod hostname will be \"<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>\"."_s)},
        {u"affinity"_s, ref(core(u"Affinity"_s), u"If specified, the pod's scheduling constraints"_s)},
        {u"schedulerName"_s, str(u"If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler."_s)},
        {u"tolerations"_s, listOf(core(u"Toleration"_s), u"If specified, the pod's tolerations."_s, false)},
        {u"priorityClassName"_s, str(u"If specified, indicates the pod's priority. \"system-node-critical\" and \"system-cluster-critical\" are two special keywords which indicate the highest priorities."_s)},
        {u"priority"_s, int32(u"The priority value. Various system components use this field to find the priority of the pod. The higher the value, the higher the priority."_s)},
        {u"enableServiceLinks"_s, boolean(u"EnableServiceLinks indicates whether information about services should be injected into pod's environment variables. Optional: Defaults to true."_s)},
        {u"preemptionPolicy"_s, str(u"PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset."_s)},
        {u"shareProcessNamespace"_s, boolean(u"Share a single process namespace between all of the containers in a pod. Optional: Default to false."_s)},
    }, {u"containers"_s}));

    s.insert(core(u"LocalObjectReference"_s), obj(u"LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace."_s, {
        {u"name"_s, str(u"Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"_s)},
    }));
    s.insert(core(u"PodSecurityContext"_s), obj(u"PodSecurityContext holds pod-level security attributes and common container settings."_s, {
        {u"runAsUser"_s, int64(u"The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified."_s)},
        {u"runAsGroup"_s, int64(u"The GID to run the entrypoint of the container process. Uses runtime default if unset."_s)},
        {u"runAsNonRoot"_s, boolean(u"Indicates that the container must run as a non-root user."_s)},
        {u"fsGroup"_s, int64(u"A special supplemental group that applies to all containers in a pod."_s)},
        {u"supplementalGroups"_s, arrayOf(int64(), u"A list of groups applied to the first process run in each container, in addition to the container's primary GID."_s, true)},
    }));
    s.insert(core(u"Toleration"_s), obj(u"The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>."_s, {
        {u"key"_s, str(u"Key is the taint key that the toleration applies to. Empty means match all taint keys."_s)},
        {u"operator"_s, str(u"Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal."_s)},
        {u"value"_s, str(u"Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty."_s)},
        {u"effect"_s, str(u"Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute."_s)},
        {u"tolerationSeconds"_s, int64(u"TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute) tolerates the taint."_s)},
    }));
    QJsonObject affinity = obj(u"Affinity is a group of affinity scheduling rules."_s, {
        {u"nodeAffinity"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, u"Describes node affinity scheduling rules for the pod."_s}, {u"x-kubernetes-preserve-unknown-fields"_s, true}}},
        {u"podAffinity"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, u"Describes pod affinity scheduling rules (e.g. co-locate this pod in the same node, zone, etc. as some other pod(s))."_s}, {u"x-kubernetes-preserve-unknown-fields"_s, true}}},
        {u"podAntiAffinity"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, u"Describes pod anti-affinity scheduling rules (e.g. avoid putting this pod in the same node, zone, etc. as some other pod(s))."_s}, {u"x-kubernetes-preserve-unknown-fields"_s, true}}},
    });
    s.insert(core(u"Affinity"_s), affinity);
}

void addPodStatus(QJsonObject &s)
{
    s.insert(core(u"PodStatus"_s), obj(u"PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane."_s, {
        {u"phase"_s, str(u"The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle: Pending, Running, Succeeded, Failed or Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase"_s)},
        {u"conditions"_s, mergeList(core(u"PodCondition"_s), u"type"_s, u"Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions"_s)},
        {u"message"_s, str(u"A human readable message indicating details about why the pod is in this condition."_s)},
        {u"reason"_s, str(u"A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'"_s)},
        {u"hostIP"_s, str(u"hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet."_s)},
        {u"hostIPs"_s, listOf(core(u"HostIP"_s), u"hostIPs holds the IP addresses allocated to the host."_s, false)},
        {u"podIP"_s, str(u"podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."_s)},
        {u"podIPs"_s, mergeList(core(u"PodIP"_s), u"ip"_s, u"podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field."_s)},
        {u"startTime"_s, time(u"RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod."_s)},
        {u"initContainerStatuses"_s, listOf(core(u"ContainerStatus"_s), u"Statuses of init containers in this pod."_s)},
        {u"containerStatuses"_s, listOf(core(u"ContainerStatus"_s), u"Statuses of containers in this pod. Each container in the pod should have at most one status in this list, and all statuses should be for containers in the pod."_s)},
        {u"qosClass"_s, str(u"The Quality of Service (QOS) classification assigned to the pod based on resource requirements: BestEffort, Burstable or Guaranteed."_s)},
    }));
    s.insert(core(u"PodIP"_s), obj(u"PodIP represents a single IP address allocated to the pod."_s, {
        {u"ip"_s, str(u"IP is the IP address assigned to the pod"_s)},
    }, {u"ip"_s}));
    s.insert(core(u"HostIP"_s), obj(u"HostIP represents a single IP address allocated to the host."_s, {
        {u"ip"_s, str(u"IP is the IP address assigned to the host"_s)},
    }, {u"ip"_s}));
    s.insert(core(u"PodCondition"_s), obj(u"PodCondition contains details for the current condition of this pod."_s, {
        {u"type"_s, str(u"Type is the type of the condition: PodScheduled, Initialized, ContainersReady, Ready, ..."_s)},
        {u"status"_s, str(u"Status is the status of the condition. Can be True, False, Unknown."_s)},
        {u"lastProbeTime"_s, time(u"Last time we probed the condition."_s)},
        {u"lastTransitionTime"_s, time(u"Last time the condition transitioned from one status to another."_s)},
        {u"reason"_s, str(u"Unique, one-word, CamelCase reason for the condition's last transition."_s)},
        {u"message"_s, str(u"Human-readable message indicating details about last transition."_s)},
    }, {u"type"_s, u"status"_s}));
    s.insert(core(u"ContainerStatus"_s), obj(u"ContainerStatus contains details for the current status of this container."_s, {
        {u"name"_s, str(u"Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated."_s)},
        {u"state"_s, ref(core(u"ContainerState"_s), u"State holds details about the container's current condition."_s)},
        {u"lastState"_s, ref(core(u"ContainerState"_s), u"LastTerminationState holds the last termination state of the container to help debug container crashes and restarts."_s)},
        {u"ready"_s, boolean(u"Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing."_s)},
        {u"restartCount"_s, int32(u"RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0."_s)},
        {u"image"_s, str(u"Image is the name of container image that the container is running."_s)},
        {u"imageID"_s, str(u"ImageID is the image ID of the container's image."_s)},
        {u"containerID"_s, str(u"ContainerID is the ID of the container in the format '<type>://<container_id>'."_s)},
        {u"started"_s, boolean(u"Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe."_s)},
    }, {u"name"_s, u"ready"_s, u"restartCount"_s, u"image"_s, u"imageID"_s}));
    s.insert(core(u"ContainerState"_s), obj(u"ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting."_s, {
        {u"waiting"_s, ref(core(u"ContainerStateWaiting"_s), u"Details about a waiting container"_s)},
        {u"running"_s, ref(core(u"ContainerStateRunning"_s), u"Details about a running container"_s)},
        {u"terminated"_s, ref(core(u"ContainerStateTerminated"_s), u"Details about a terminated container"_s)},
    }));
    s.insert(core(u"ContainerStateWaiting"_s), obj(u"ContainerStateWaiting is a waiting state of a container."_s, {
        {u"reason"_s, str(u"(brief) reason the container is not yet running."_s)},
        {u"message"_s, str(u"Message regarding why the container is not yet running."_s)},
    }));
    s.insert(core(u"ContainerStateRunning"_s), obj(u"ContainerStateRunning is a running state of a container."_s, {
        {u"startedAt"_s, time(u"Time at which the container was last (re-)started"_s)},
    }));
    s.insert(core(u"ContainerStateTerminated"_s), obj(u"ContainerStateTerminated is a terminated state of a container."_s, {
        {u"exitCode"_s, int32(u"Exit status from the last termination of the container"_s)},
        {u"signal"_s, int32(u"Signal from the last termination of the container"_s)},
        {u"reason"_s, str(u"(brief) reason from the last termination of the container"_s)},
        {u"message"_s, str(u"Message regarding the last termination of the container"_s)},
        {u"startedAt"_s, time(u"Time at which previous execution of the container started"_s)},
        {u"finishedAt"_s, time(u"Time at which the container last terminated"_s)},
        {u"containerID"_s, str(u"Container's ID in the format '<type>://<container_id>'"_s)},
    }, {u"exitCode"_s}));
}

}  // namespace

void addCoreWorkloadSchemas(QJsonObject &s)
{
    s.insert(core(u"Pod"_s), kindObj(u"Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts."_s, {
        {u"spec"_s, ref(core(u"PodSpec"_s), u"Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"_s)},
        {u"status"_s, ref(core(u"PodStatus"_s), u"Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"_s)},
    }));
    s.insert(core(u"PodTemplateSpec"_s), obj(u"PodTemplateSpec describes the data a pod should have when created from a template"_s, {
        {u"metadata"_s, metadataField()},
        {u"spec"_s, ref(core(u"PodSpec"_s), u"Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"_s)},
    }));
    s.insert(core(u"PodTemplate"_s), kindObj(u"PodTemplate describes a template for creating copies of a predefined pod."_s, {
        {u"template"_s, ref(core(u"PodTemplateSpec"_s), u"Template defines the pods that will be created from this pod template."_s)},
    }));
    addPodSpec(s);
    addPodStatus(s);
}

}  // namespace timoneiro::api::oas
