// Component schemas of core/v1 Container and what hangs off it: ports,
// environment, mounts, resources and probes.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

using namespace Qt::StringLiterals;

namespace {

QJsonObject probeSchema()
{
    return obj(u"Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic."_s, {
        {u"exec"_s, ref(core(u"ExecAction"_s), u"Exec specifies a command to execute in the container."_s)},
        {u"httpGet"_s, ref(core(u"HTTPGetAction"_s), u"HTTPGet specifies an HTTP GET request to perform."_s)},
        {u"tcpSocket"_s, ref(core(u"TCPSocketAction"_s), u"TCPSocket specifies a connection to a TCP port."_s)},
        {u"grpc"_s, ref(core(u"GRPCAction"_s), u"GRPC specifies a GRPC HealthCheckRequest."_s)},
        {u"initialDelaySeconds"_s, int32(u"Number of seconds after the container has started before liveness probes are initiated."_s)},
        {u"timeoutSeconds"_s, int32(u"Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1."_s)},
        {u"periodSeconds"_s, int32(u"How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1."_s)},
        {u"successThreshold"_s, int32(u"Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup."_s)},
        {u"failureThreshold"_s, int32(u"Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1."_s)},
        {u"terminationGracePeriodSeconds"_s, int64(u"Optional duration in seconds the pod needs to terminate gracefully upon probe failure."_s)},
    });
}

}  // namespace

void addCoreContainerSchemas(QJsonObject &s)
{
    s.insert(core(u"Container"_s), obj(u"A single application container that you want to run within a pod."_s, {
        {u"name"_s, str(u"Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated."_s)},
        {u"image"_s, str(u"Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets."_s)},
        {u"imagePullPolicy"_s, str(u"Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated."_s)},
        {u"command"_s, strList(u"Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. Cannot be updated."_s)},
        {u"args"_s, strList(u"Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. Cannot be updated."_s)},
        {u"workingDir"_s, str(u"Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated."_s)},
        {u"ports"_s, mergeList(core(u"ContainerPort"_s), u"containerPort"_s, u"List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Cannot be updated."_s, {u"containerPort"_s, u"protocol"_s})},
        {u"env"_s, mergeList(core(u"EnvVar"_s), u"name"_s, u"List of environment variables to set in the container. Cannot be updated."_s)},
        {u"envFrom"_s, listOf(core(u"EnvFromSource"_s), u"List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. Cannot be updated."_s)},
        {u"resources"_s, ref(core(u"ResourceRequirements"_s), u"Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"_s)},
        {u"volumeMounts"_s, mergeList(core(u"VolumeMount"_s), u"mountPath"_s, u"Pod volumes to mount into the container's filesystem. Cannot be updated."_s)},
        {u"livenessProbe"_s, ref(core(u"Probe"_s), u"Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated."_s)},
        {u"readinessProbe"_s, ref(core(u"Probe"_s), u"Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated."_s)},
        {u"startupProbe"_s, ref(core(u"Probe"_s), u"StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully."_s)},
        {u"lifecycle"_s, ref(core(u"Lifecycle"_s), u"Actions that the management system should take in response to container lifecycle events. Cannot be updated."_s)},
        {u"securityContext"_s, ref(core(u"SecurityContext"_s), u"SecurityContext defines the security options the container should be run with."_s)},
        {u"restartPolicy"_s, str(u"RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is \"Always\"."_s)},
        {u"terminationMessagePath"_s, str(u"Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Defaults to /dev/termination-log. Cannot be updated."_s)},
        {u"terminationMessagePolicy"_s, str(u"Indicate how the termination message should be populated. File will use the contents of terminationMessagePath; FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. Defaults to File. Cannot be updated."_s)},
        {u"stdin"_s, boolean(u"Whether this container should allocate a buffer for stdin in the container runtime. Default is false."_s)},
        {u"stdinOnce"_s, boolean(u"Whether the container runtime should close the stdin channel after it has been opened by a single attach. Default is false."_s)},
        {u"tty"_s, boolean(u"Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false."_s)},
    }, {u"name"_s}));

    s.insert(core(u"ContainerPort"_s), obj(u"ContainerPort represents a network port in a single container."_s, {
        {u"name"_s, str(u"If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services."_s)},
        {u"containerPort"_s, int32(u"Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536."_s)},
        {u"hostPort"_s, int32(u"Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. Most containers do not need this."_s)},
        {u"hostIP"_s, str(u"What host IP to bind the external port to."_s)},
        {u"protocol"_s, str(u"Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\"."_s)},
    }, {u"containerPort"_s}));

    s.insert(core(u"EnvVar"_s), obj(u"EnvVar represents an environment variable present in a Container."_s, {
        {u"name"_s, str(u"Name of the environment variable. Must be a C_IDENTIFIER."_s)},
        {u"value"_s, str(u"Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. Defaults to \"\"."_s)},
        {u"valueFrom"_s, ref(core(u"EnvVarSource"_s), u"Source for the environment variable's value. Cannot be used if value is not empty."_s)},
    }, {u"name"_s}));

    s.insert(core(u"EnvVarSource"_s), obj(u"EnvVarSource represents a source for the value of an EnvVar."_s, {
        {u"configMapKeyRef"_s, ref(core(u"ConfigMapKeySelector"_s), u"Selects a key of a ConfigMap."_s)},
        {u"secretKeyRef"_s, ref(core(u"SecretKeySelector"_s), u"Selects a key of a secret in the pod's namespace"_s)},
        {u"fieldRef"_s, ref(core(u"ObjectFieldSelector"_s), u"Selects a field of the pod: supports metadata.name, metadata.namespace, metadata.labels['<KEY>'], metadata.annotations['<KEY>'], spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs."_s)},
        {u"resourceFieldRef"_s, ref(core(u"ResourceFieldSelector"_s), u"Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported."_s)},
    }));
    const auto keySelector = [](const QString &what) {
        return obj(u"Selects a key from a %1."_s.arg(what), {
            {u"name"_s, str(u"Name of the referent."_s)},
            {u"key"_s, str(u"The key to select."_s)},
            {u"optional"_s, boolean(u"Specify whether the %1 or its key must be defined"_s.arg(what))},
        }, {u"key"_s});
    };
    s.insert(core(u"ConfigMapKeySelector"_s), keySelector(u"ConfigMap"_s));
    s.insert(core(u"SecretKeySelector"_s), keySelector(u"Secret"_s));
    s.insert(core(u"ObjectFieldSelector"_s), obj(u"ObjectFieldSelector selects an APIVersioned field of an object."_s, {
        {u"apiVersion"_s, str(u"Version of the schema the FieldPath is written in terms of, defaults to \"v1\"."_s)},
        {u"fieldPath"_s, str(u"Path of the field to select in the specified API version."_s)},
    }, {u"fieldPath"_s}));
    s.insert(core(u"ResourceFieldSelector"_s), obj(u"ResourceFieldSelector represents container resources (cpu, memory) and their output format"_s, {
        {u"containerName"_s, str(u"Container name: required for volumes, optional for env vars"_s)},
        {u"resource"_s, str(u"Required: resource to select"_s)},
        {u"divisor"_s, quantity(u"Specifies the output format of the exposed resources, defaults to \"1\""_s)},
    }, {u"resource"_s}));
    s.insert(core(u"EnvFromSource"_s), obj(u"EnvFromSource represents the source of a set of ConfigMaps or Secrets"_s, {
        {u"prefix"_s, str(u"Optional text to prepend to the name of each environment variable."_s)},
        {u"configMapRef"_s, ref(core(u"ConfigMapEnvSource"_s), u"The ConfigMap to select from"_s)},
        {u"secretRef"_s, ref(core(u"SecretEnvSource"_s), u"The Secret to select from"_s)},
    }));
    const auto envSource = [](const QString &what) {
        return obj(u"Selects a %1 to populate the environment variables with."_s.arg(what), {
            {u"name"_s, str(u"Name of the referent."_s)},
            {u"optional"_s, boolean(u"Specify whether the %1 must be defined"_s.arg(what))},
        });
    };
    s.insert(core(u"ConfigMapEnvSource"_s), envSource(u"ConfigMap"_s));
    s.insert(core(u"SecretEnvSource"_s), envSource(u"Secret"_s));

    s.insert(core(u"VolumeMount"_s), obj(u"VolumeMount describes a mounting of a Volume within a container."_s, {
        {u"name"_s, str(u"This must match the Name of a Volume."_s)},
        {u"mountPath"_s, str(u"Path within the container at which the volume should be mounted. Must not contain ':'."_s)},
        {u"subPath"_s, str(u"Path within the volume from which the container's volume should be mounted. Defaults to \"\" (volume's root)."_s)},
        {u"readOnly"_s, boolean(u"Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false."_s)},
        {u"mountPropagation"_s, str(u"mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used."_s)},
    }, {u"name"_s, u"mountPath"_s}));

    s.insert(core(u"ResourceRequirements"_s), obj(u"ResourceRequirements describes the compute resource requirements."_s, {
        {u"limits"_s, quantityMap(u"Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"_s)},
        {u"requests"_s, quantityMap(u"Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits."_s)},
    }));

    s.insert(core(u"Probe"_s), probeSchema());
    s.insert(core(u"ExecAction"_s), obj(u"ExecAction describes a \"run in container\" action."_s, {
        {u"command"_s, strList(u"Command is the command line to execute inside the container, the working directory for the command is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy."_s)},
    }));
    s.insert(core(u"HTTPGetAction"_s), obj(u"HTTPGetAction describes an action based on HTTP Get requests."_s, {
        {u"path"_s, str(u"Path to access on the HTTP server."_s)},
        {u"port"_s, intOrString(u"Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME."_s)},
        {u"host"_s, str(u"Host name to connect to, defaults to the pod IP."_s)},
        {u"scheme"_s, str(u"Scheme to use for connecting to the host. Defaults to HTTP."_s)},
        {u"httpHeaders"_s, listOf(core(u"HTTPHeader"_s), u"Custom headers to set in the request. HTTP allows repeated headers."_s)},
    }, {u"port"_s}));
    s.insert(core(u"HTTPHeader"_s), obj(u"HTTPHeader describes a custom header to be used in HTTP probes"_s, {
        {u"name"_s, str(u"The header field name."_s)},
        {u"value"_s, str(u"The header field value"_s)},
    }, {u"name"_s, u"value"_s}));
    s.insert(core(u"TCPSocketAction"_s), obj(u"TCPSocketAction describes an action based on opening a socket"_s, {
        {u"port"_s, intOrString(u"Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME."_s)},
        {u"host"_s, str(u"Optional: Host name to connect to, defaults to the pod IP."_s)},
    }, {u"port"_s}));
    s.insert(core(u"GRPCAction"_s), obj(u"GRPCAction specifies an action involving a GRPC service."_s, {
        {u"port"_s, int32(u"Port number of the gRPC service. Number must be in the range 1 to 65535."_s)},
        {u"service"_s, str(u"Service is the name of the service to place in the gRPC HealthCheckRequest. If this is not specified, the default behavior is defined by gRPC."_s)},
    }, {u"port"_s}));
    s.insert(core(u"Lifecycle"_s), obj(u"Lifecycle describes actions that the management system should take in response to container lifecycle events."_s, {
        {u"postStart"_s, ref(core(u"LifecycleHandler"_s), u"PostStart is called immediately after a container is created. If the handler fails, the container is terminated and restarted according to its restart policy."_s)},
        {u"preStop"_s, ref(core(u"LifecycleHandler"_s), u"PreStop is called immediately before a container is terminated due to an API request or management event."_s)},
    }));
    s.insert(core(u"LifecycleHandler"_s), obj(u"LifecycleHandler defines a specific action that should be taken in a lifecycle hook."_s, {
        {u"exec"_s, ref(core(u"ExecAction"_s), u"Exec specifies a command to execute in the container."_s)},
        {u"httpGet"_s, ref(core(u"HTTPGetAction"_s), u"HTTPGet specifies an HTTP GET request to perform."_s)},
        {u"tcpSocket"_s, ref(core(u"TCPSocketAction"_s), u"Deprecated. TCPSocket is NOT supported as a LifecycleHandler."_s)},
    }));
    s.insert(core(u"SecurityContext"_s), obj(u"SecurityContext holds security configuration that will be applied to a container."_s, {
        {u"runAsUser"_s, int64(u"The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified."_s)},
        {u"runAsGroup"_s, int64(u"The GID to run the entrypoint of the container process. Uses runtime default if unset."_s)},
        {u"runAsNonRoot"_s, boolean(u"Indicates that the container must run as a non-root user."_s)},
        {u"privileged"_s, boolean(u"Run container in privileged mode. Processes in privileged containers are essentially equivalent to root on the host. Defaults to false."_s)},
        {u"readOnlyRootFilesystem"_s, boolean(u"Whether this container has a read-only root filesystem. Default is false."_s)},
        {u"allowPrivilegeEscalation"_s, boolean(u"AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process."_s)},
        {u"capabilities"_s, obj(u"The capabilities to add/drop when running containers."_s, {
            {u"add"_s, strList(u"Added capabilities"_s)},
            {u"drop"_s, strList(u"Removed capabilities"_s)},
        })},
    }));
}

}  // namespace timoneiro::api::oas
