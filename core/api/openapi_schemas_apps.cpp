// Component schemas of apps/v1: Deployment, ReplicaSet, StatefulSet, DaemonSet.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

using namespace Qt::StringLiterals;

namespace {

QJsonObject selectorField(const QString &what)
{
    return ref(meta(u"LabelSelector"_s), u"Label selector for pods. Existing %1 whose pods are selected by this will be the ones affected. It must match the pod template's labels."_s.arg(what));
}

QJsonObject templateField(const QString &d)
{
    return ref(core(u"PodTemplateSpec"_s), d);
}

QJsonObject conditionSchema(const QString &kind)
{
    return obj(u"%1Condition describes the state of a %2 at a certain point."_s.arg(kind, kind.toLower()), {
        {u"type"_s, str(u"Type of %1 condition."_s.arg(kind.toLower()))},
        {u"status"_s, str(u"Status of the condition, one of True, False, Unknown."_s)},
        {u"lastUpdateTime"_s, time(u"The last time this condition was updated."_s)},
        {u"lastTransitionTime"_s, time(u"Last time the condition transitioned from one status to another."_s)},
        {u"reason"_s, str(u"The reason for the condition's last transition."_s)},
        {u"message"_s, str(u"A human readable message indicating details about the transition."_s)},
    }, {u"type"_s, u"status"_s});
}

void addDeployment(QJsonObject &s)
{
    s.insert(apps(u"Deployment"_s), kindObj(u"Deployment enables declarative updates for Pods and ReplicaSets."_s, {
        {u"spec"_s, ref(apps(u"DeploymentSpec"_s), u"Specification of the desired behavior of the Deployment."_s)},
        {u"status"_s, ref(apps(u"DeploymentStatus"_s), u"Most recently observed status of the Deployment."_s)},
    }));
    s.insert(apps(u"DeploymentSpec"_s), obj(u"DeploymentSpec is the specification of the desired behavior of the Deployment."_s, {
        {u"replicas"_s, int32(u"Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1."_s)},
        {u"selector"_s, selectorField(u"ReplicaSets"_s)},
        {u"template"_s, templateField(u"Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\"."_s)},
        {u"strategy"_s, ref(apps(u"DeploymentStrategy"_s), u"The deployment strategy to use to replace existing pods with new ones."_s)},
        {u"minReadySeconds"_s, int32(u"Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)"_s)},
        {u"revisionHistoryLimit"_s, int32(u"The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10."_s)},
        {u"paused"_s, boolean(u"Indicates that the deployment is paused."_s)},
        {u"progressDeadlineSeconds"_s, int32(u"The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Defaults to 600s."_s)},
    }, {u"selector"_s, u"template"_s}));
    s.insert(apps(u"DeploymentStrategy"_s), obj(u"DeploymentStrategy describes how to replace existing pods with new ones."_s, {
        {u"type"_s, str(u"Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate."_s)},
        {u"rollingUpdate"_s, ref(apps(u"RollingUpdateDeployment"_s), u"Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate."_s)},
    }));
    s.insert(apps(u"RollingUpdateDeployment"_s), obj(u"Spec to control the desired behavior of rolling update."_s, {
        {u"maxUnavailable"_s, intOrString(u"The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%."_s)},
        {u"maxSurge"_s, intOrString(u"The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%."_s)},
    }));
    s.insert(apps(u"DeploymentStatus"_s), obj(u"DeploymentStatus is the most recently observed status of the Deployment."_s, {
        {u"observedGeneration"_s, int64(u"The generation observed by the deployment controller."_s)},
        {u"replicas"_s, int32(u"Total number of non-terminated pods targeted by this deployment (their labels match the selector)."_s)},
        {u"updatedReplicas"_s, int32(u"Total number of non-terminated pods targeted by this deployment that have the desired template spec."_s)},
        {u"readyReplicas"_s, int32(u"readyReplicas is the number of pods targeted by this Deployment with a Ready Condition."_s)},
        {u"availableReplicas"_s, int32(u"Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."_s)},
        {u"unavailableReplicas"_s, int32(u"Total number of unavailable pods targeted by this deployment."_s)},
        {u"conditions"_s, mergeList(apps(u"DeploymentCondition"_s), u"type"_s, u"Represents the latest available observations of a deployment's current state."_s)},
        {u"collisionCount"_s, int32(u"Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet."_s)},
    }));
    s.insert(apps(u"DeploymentCondition"_s), conditionSchema(u"Deployment"_s));
}

void addReplicaSet(QJsonObject &s)
{
    s.insert(apps(u"ReplicaSet"_s), kindObj(u"ReplicaSet ensures that a specified number of pod replicas are running at any given time."_s, {
        {u"spec"_s, ref(apps(u"ReplicaSetSpec"_s), u"Spec defines the specification of the desired behavior of the ReplicaSet."_s)},
        {u"status"_s, ref(apps(u"ReplicaSetStatus"_s), u"Status is the most recently observed status of the ReplicaSet. Populated by the system. Read-only."_s)},
    }));
    s.insert(apps(u"ReplicaSetSpec"_s), obj(u"ReplicaSetSpec is the specification of a ReplicaSet."_s, {
        {u"replicas"_s, int32(u"Replicas is the number of desired pods. Defaults to 1."_s)},
        {u"minReadySeconds"_s, int32(u"Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0."_s)},
        {u"selector"_s, ref(meta(u"LabelSelector"_s), u"Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels."_s)},
        {u"template"_s, templateField(u"Template is the object that describes the pod that will be created if insufficient replicas are detected."_s)},
    }, {u"selector"_s}));
    s.insert(apps(u"ReplicaSetStatus"_s), obj(u"ReplicaSetStatus represents the current status of a ReplicaSet."_s, {
        {u"replicas"_s, int32(u"Replicas is the most recently observed number of non-terminating pods."_s)},
        {u"fullyLabeledReplicas"_s, int32(u"The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset."_s)},
        {u"readyReplicas"_s, int32(u"The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition."_s)},
        {u"availableReplicas"_s, int32(u"The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set."_s)},
        {u"observedGeneration"_s, int64(u"ObservedGeneration reflects the generation of the most recently observed ReplicaSet."_s)},
        {u"conditions"_s, mergeList(apps(u"ReplicaSetCondition"_s), u"type"_s, u"Represents the latest available observations of a replica set's current state."_s)},
    }, {u"replicas"_s}));
    s.insert(apps(u"ReplicaSetCondition"_s), conditionSchema(u"ReplicaSet"_s));
}

void addStatefulSetAndDaemonSet(QJsonObject &s)
{
    s.insert(apps(u"StatefulSet"_s), kindObj(u"StatefulSet represents a set of pods with consistent identities: network (a stable DNS name) and storage (as many VolumeClaims as requested)."_s, {
        {u"spec"_s, obj(u"Spec defines the desired identities of pods in this set."_s, {
            {u"replicas"_s, int32(u"replicas is the desired number of replicas of the given Template. Defaults to 1."_s)},
            {u"selector"_s, selectorField(u"StatefulSets"_s)},
            {u"template"_s, templateField(u"template is the object that describes the pod that will be created if insufficient replicas are detected."_s)},
            {u"serviceName"_s, str(u"serviceName is the name of the service that governs this StatefulSet."_s)},
            {u"podManagementPolicy"_s, str(u"podManagementPolicy controls how pods are created during initial scale up: OrderedReady (default) or Parallel."_s)},
            {u"volumeClaimTemplates"_s, listOf(core(u"PersistentVolumeClaim"_s), u"volumeClaimTemplates is a list of claims that pods are allowed to reference."_s)},
            {u"updateStrategy"_s, obj(u"updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template."_s, {
                {u"type"_s, str(u"Type indicates the type of the StatefulSetUpdateStrategy: RollingUpdate (default) or OnDelete."_s)},
            })},
            {u"revisionHistoryLimit"_s, int32(u"revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. Defaults to 10."_s)},
            {u"minReadySeconds"_s, int32(u"Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available."_s)},
        }, {u"selector"_s, u"template"_s})},
        {u"status"_s, obj(u"Status is the current status of Pods in this StatefulSet."_s, {
            {u"replicas"_s, int32(u"replicas is the number of Pods created by the StatefulSet controller."_s)},
            {u"readyReplicas"_s, int32(u"readyReplicas is the number of pods created for this StatefulSet with a Ready Condition."_s)},
            {u"currentReplicas"_s, int32(u"currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision."_s)},
            {u"updatedReplicas"_s, int32(u"updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision."_s)},
            {u"availableReplicas"_s, int32(u"Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset."_s)},
            {u"observedGeneration"_s, int64(u"observedGeneration is the most recent generation observed for this StatefulSet."_s)},
        }, {u"replicas"_s})},
    }));
    s.insert(apps(u"DaemonSet"_s), kindObj(u"DaemonSet represents the configuration of a daemon set."_s, {
        {u"spec"_s, obj(u"The desired behavior of this daemon set."_s, {
            {u"selector"_s, selectorField(u"DaemonSets"_s)},
            {u"template"_s, templateField(u"An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template's node selector (or on every node if no node selector is specified)."_s)},
            {u"updateStrategy"_s, obj(u"An update strategy to replace existing DaemonSet pods with new pods."_s, {
                {u"type"_s, str(u"Type of daemon set update. Can be \"RollingUpdate\" or \"OnDelete\". Default is RollingUpdate."_s)},
            })},
            {u"minReadySeconds"_s, int32(u"The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available."_s)},
            {u"revisionHistoryLimit"_s, int32(u"The number of old history to retain to allow rollback. Defaults to 10."_s)},
        }, {u"selector"_s, u"template"_s})},
        {u"status"_s, obj(u"The current status of this daemon set."_s, {
            {u"currentNumberScheduled"_s, int32(u"The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."_s)},
            {u"desiredNumberScheduled"_s, int32(u"The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod)."_s)},
            {u"numberReady"_s, int32(u"numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition."_s)},
            {u"numberMisscheduled"_s, int32(u"The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod."_s)},
            {u"numberAvailable"_s, int32(u"The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available."_s)},
            {u"updatedNumberScheduled"_s, int32(u"The total number of nodes that are running updated daemon pod"_s)},
            {u"observedGeneration"_s, int64(u"The most recent generation observed by the daemon set controller."_s)},
        }, {u"currentNumberScheduled"_s, u"desiredNumberScheduled"_s, u"numberMisscheduled"_s, u"numberReady"_s})},
    }));
}

}  // namespace

void addAppsSchemas(QJsonObject &s)
{
    addDeployment(s);
    addReplicaSet(s);
    addStatefulSetAndDaemonSet(s);
}

}  // namespace timoneiro::api::oas
