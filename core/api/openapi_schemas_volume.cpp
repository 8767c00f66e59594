// Component schemas of core/v1 volumes and the volume sources a lab uses.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

using namespace Qt::StringLiterals;

namespace {

QJsonObject opaque(const QString &d)
{
    return QJsonObject{{u"type"_s, u"object"_s}, {u"description"_s, d}, {u"x-kubernetes-preserve-unknown-fields"_s, true}};
}

}  // namespace

void addCoreVolumeSchemas(QJsonObject &s)
{
    s.insert(core(u"Volume"_s), obj(u"Volume represents a named volume in a pod that may be accessed by any container in the pod."_s, {
        {u"name"_s, str(u"name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"_s)},
        {u"emptyDir"_s, ref(core(u"EmptyDirVolumeSource"_s), u"emptyDir represents a temporary directory that shares a pod's lifetime. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir"_s)},
        {u"hostPath"_s, ref(core(u"HostPathVolumeSource"_s), u"hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container."_s)},
        {u"configMap"_s, ref(core(u"ConfigMapVolumeSource"_s), u"configMap represents a configMap that should populate this volume"_s)},
        {u"secret"_s, ref(core(u"SecretVolumeSource"_s), u"secret represents a secret that should populate this volume. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret"_s)},
        {u"persistentVolumeClaim"_s, ref(core(u"PersistentVolumeClaimVolumeSource"_s), u"persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace."_s)},
        {u"projected"_s, ref(core(u"ProjectedVolumeSource"_s), u"projected items for all in one resources secrets, configmaps, and downward API"_s)},
        {u"downwardAPI"_s, opaque(u"downwardAPI represents downward API about the pod that should populate this volume"_s)},
        {u"nfs"_s, opaque(u"nfs represents an NFS mount on the host that shares a pod's lifetime"_s)},
    }, {u"name"_s}));

    s.insert(core(u"EmptyDirVolumeSource"_s), obj(u"Represents an empty directory for a pod. Empty directory volumes support ownership management and SELinux relabeling."_s, {
        {u"medium"_s, str(u"medium represents what type of storage medium should back this directory. The default is \"\" which means to use the node's default medium. Must be an empty string (default) or Memory."_s)},
        {u"sizeLimit"_s, quantity(u"sizeLimit is the total amount of local storage required for this EmptyDir volume."_s)},
    }));
    s.insert(core(u"HostPathVolumeSource"_s), obj(u"Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling."_s, {
        {u"path"_s, str(u"path of the directory on the host. If the path is a symlink, it will follow the link to the real path."_s)},
        {u"type"_s, str(u"type for HostPath Volume. Defaults to \"\"."_s)},
    }, {u"path"_s}));
    s.insert(core(u"KeyToPath"_s), obj(u"Maps a string key to a path within a volume."_s, {
        {u"key"_s, str(u"key is the key to project."_s)},
        {u"path"_s, str(u"path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element '..'. May not start with the string '..'."_s)},
        {u"mode"_s, int32(u"mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511."_s)},
    }, {u"key"_s, u"path"_s}));
    s.insert(core(u"ConfigMapVolumeSource"_s), obj(u"Adapts a ConfigMap into a volume. The contents of the target ConfigMap's Data field will be presented in a volume as files using the keys in the Data field as the file names."_s, {
        {u"name"_s, str(u"Name of the referent."_s)},
        {u"items"_s, listOf(core(u"KeyToPath"_s), u"items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value."_s)},
        {u"defaultMode"_s, int32(u"defaultMode is optional: mode bits used to set permissions on created files by default. Defaults to 0644."_s)},
        {u"optional"_s, boolean(u"optional specify whether the ConfigMap or its keys must be defined"_s)},
    }));
    s.insert(core(u"SecretVolumeSource"_s), obj(u"Adapts a Secret into a volume. The contents of the target Secret's Data field will be presented in a volume as files using the keys in the Data field as the file names."_s, {
        {u"secretName"_s, str(u"secretName is the name of the secret in the pod's namespace to use. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret"_s)},
        {u"items"_s, listOf(core(u"KeyToPath"_s), u"items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value."_s)},
        {u"defaultMode"_s, int32(u"defaultMode is Optional: mode bits used to set permissions on created files by default. Defaults to 0644."_s)},
        {u"optional"_s, boolean(u"optional field specify whether the Secret or its keys must be defined"_s)},
    }));
    s.insert(core(u"PersistentVolumeClaimVolumeSource"_s), obj(u"PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace."_s, {
        {u"claimName"_s, str(u"claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume."_s)},
        {u"readOnly"_s, boolean(u"readOnly Will force the ReadOnly setting in VolumeMounts. Default false."_s)},
    }, {u"claimName"_s}));
    s.insert(core(u"ProjectedVolumeSource"_s), obj(u"Represents a projected volume source"_s, {
        {u"sources"_s, listOf(core(u"VolumeProjection"_s), u"sources is the list of volume projections. Each entry in this list handles one source."_s)},
        {u"defaultMode"_s, int32(u"defaultMode are the mode bits used to set permissions on created files by default."_s)},
    }));
    s.insert(core(u"VolumeProjection"_s), obj(u"Projection that may be projected along with other supported volume types. Exactly one of these fields must be set."_s, {
        {u"configMap"_s, opaque(u"configMap information about the configMap data to project"_s)},
        {u"secret"_s, opaque(u"secret information about the secret data to project"_s)},
        {u"downwardAPI"_s, opaque(u"downwardAPI information about the downwardAPI data to project"_s)},
        {u"serviceAccountToken"_s, obj(u"serviceAccountToken is information about the serviceAccountToken data to project"_s, {
            {u"audience"_s, str(u"audience is the intended audience of the token."_s)},
            {u"expirationSeconds"_s, int64(u"expirationSeconds is the requested duration of validity of the service account token."_s)},
            {u"path"_s, str(u"path is the path relative to the mount point of the file to project the token into."_s)},
        }, {u"path"_s})},
    }));

    s.insert(core(u"PersistentVolumeClaim"_s), kindObj(u"PersistentVolumeClaim is a user's request for and claim to a persistent volume"_s, {
        {u"spec"_s, obj(u"spec defines the desired characteristics of a volume requested by a pod author."_s, {
            {u"accessModes"_s, strList(u"accessModes contains the desired access modes the volume should have: ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod."_s)},
            {u"resources"_s, ref(core(u"ResourceRequirements"_s), u"resources represents the minimum resources the volume should have."_s)},
            {u"storageClassName"_s, str(u"storageClassName is the name of the StorageClass required by the claim."_s)},
            {u"volumeName"_s, str(u"volumeName is the binding reference to the PersistentVolume backing this claim."_s)},
            {u"volumeMode"_s, str(u"volumeMode defines what type of volume is required by the claim: Filesystem or Block."_s)},
            {u"selector"_s, ref(meta(u"LabelSelector"_s), u"selector is a label query over volumes to consider for binding."_s)},
        })},
        {u"status"_s, obj(u"status represents the current information/status of a persistent volume claim. Read-only."_s, {
            {u"phase"_s, str(u"phase represents the current phase of PersistentVolumeClaim: Pending, Bound or Lost."_s)},
            {u"accessModes"_s, strList(u"accessModes contains the actual access modes the volume backing the PVC has."_s)},
            {u"capacity"_s, quantityMap(u"capacity represents the actual resources of the underlying volume."_s)},
        })},
    }));
    s.insert(core(u"PersistentVolume"_s), kindObj(u"PersistentVolume (PV) is a storage resource provisioned by an administrator. It is analogous to a node."_s, {
        {u"spec"_s, obj(u"spec defines a specification of a persistent volume owned by the cluster. Provisioned by an administrator."_s, {
            {u"capacity"_s, quantityMap(u"capacity is the description of the persistent volume's resources and capacity."_s)},
            {u"accessModes"_s, strList(u"accessModes contains all ways the volume can be mounted."_s)},
            {u"persistentVolumeReclaimPolicy"_s, str(u"persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim: Retain, Delete or Recycle."_s)},
            {u"storageClassName"_s, str(u"storageClassName is the name of StorageClass to which this persistent volume belongs."_s)},
            {u"hostPath"_s, ref(core(u"HostPathVolumeSource"_s), u"hostPath represents a directory on the host."_s)},
            {u"claimRef"_s, opaque(u"claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim."_s)},
        })},
        {u"status"_s, obj(u"status represents the current information/status for the persistent volume. Read-only."_s, {
            {u"phase"_s, str(u"phase indicates if a volume is available, bound to a claim, or released by a claim."_s)},
            {u"message"_s, str(u"message is a human-readable message indicating details about why the volume is in this state."_s)},
        })},
    }));
}

}  // namespace timoneiro::api::oas
