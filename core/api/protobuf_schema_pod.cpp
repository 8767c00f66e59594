// The pod spec and everything in it that kubectl's generators send.
#include "protobuf_schema_p.h"

namespace timoneiro::api::pb {

namespace {

const Message &keySelector()
{
    // ConfigMapKeySelector / SecretKeySelector: the LocalObjectReference is inline.
    static const Message m{{{1, "", Kind::Inline, false, &localObjectReference()}, {2, "key", Kind::String},
                            {3, "optional", Kind::Bool, false, nullptr, true}}};
    return m;
}

const Message &probe()
{
    static const Message exec{{{1, "command", Kind::String, true}}};
    static const Message header{{{1, "name", Kind::String}, {2, "value", Kind::String}}};
    static const Message httpGet{{{1, "path", Kind::String}, {2, "port", Kind::IntOrString}, {3, "host", Kind::String},
                                  {4, "scheme", Kind::String}, {5, "httpHeaders", Kind::Message, true, &header}}};
    static const Message tcp{{{1, "port", Kind::IntOrString}, {2, "host", Kind::String}}};
    static const Message handler{{{1, "exec", Kind::Message, false, &exec}, {2, "httpGet", Kind::Message, false, &httpGet},
                                  {3, "tcpSocket", Kind::Message, false, &tcp}}};
    static const Message m{{{1, "", Kind::Inline, false, &handler}, {2, "initialDelaySeconds", Kind::Int32},
                            {3, "timeoutSeconds", Kind::Int32}, {4, "periodSeconds", Kind::Int32},
                            {5, "successThreshold", Kind::Int32}, {6, "failureThreshold", Kind::Int32},
                            {7, "terminationGracePeriodSeconds", Kind::Int64, false, nullptr, true}}};
    return m;
}

const Message &container()
{
    static const Message port{{{1, "name", Kind::String}, {2, "hostPort", Kind::Int32}, {3, "containerPort", Kind::Int32},
                               {4, "protocol", Kind::String}, {5, "hostIP", Kind::String}}};
    static const Message fieldRef{{{1, "apiVersion", Kind::String}, {2, "fieldPath", Kind::String}}};
    static const Message resourceRef{{{1, "containerName", Kind::String}, {2, "resource", Kind::String},
                                      {3, "divisor", Kind::Quantity}}};
    static const Message valueFrom{{{1, "fieldRef", Kind::Message, false, &fieldRef},
                                    {2, "resourceFieldRef", Kind::Message, false, &resourceRef},
                                    {3, "configMapKeyRef", Kind::Message, false, &keySelector()},
                                    {4, "secretKeyRef", Kind::Message, false, &keySelector()}}};
    static const Message env{{{1, "name", Kind::String}, {2, "value", Kind::String},
                              {3, "valueFrom", Kind::Message, false, &valueFrom}}};
    static const Message envSource{{{1, "", Kind::Inline, false, &localObjectReference()},
                                    {2, "optional", Kind::Bool, false, nullptr, true}}};
    static const Message envFrom{{{1, "prefix", Kind::String}, {2, "configMapRef", Kind::Message, false, &envSource},
                                  {3, "secretRef", Kind::Message, false, &envSource}}};
    static const Message resources{{{1, "limits", Kind::MapQuantity}, {2, "requests", Kind::MapQuantity}}};
    static const Message mount{{{1, "name", Kind::String}, {2, "readOnly", Kind::Bool}, {3, "mountPath", Kind::String},
                                {4, "subPath", Kind::String}, {5, "mountPropagation", Kind::String, false, nullptr, true},
                                {6, "subPathExpr", Kind::String}}};
    static const Message m{{{1, "name", Kind::String}, {2, "image", Kind::String}, {3, "command", Kind::String, true},
                            {4, "args", Kind::String, true}, {5, "workingDir", Kind::String},
                            {6, "ports", Kind::Message, true, &port}, {7, "env", Kind::Message, true, &env},
                            {8, "resources", Kind::Message, false, &resources, true},
                            {9, "volumeMounts", Kind::Message, true, &mount},
                            {10, "livenessProbe", Kind::Message, false, &probe()},
                            {11, "readinessProbe", Kind::Message, false, &probe()},
                            {13, "terminationMessagePath", Kind::String}, {14, "imagePullPolicy", Kind::String},
                            {16, "stdin", Kind::Bool}, {17, "stdinOnce", Kind::Bool}, {18, "tty", Kind::Bool},
                            {19, "envFrom", Kind::Message, true, &envFrom}, {20, "terminationMessagePolicy", Kind::String},
                            {22, "startupProbe", Kind::Message, false, &probe()}}};
    return m;
}

const Message &volume()
{
    static const Message keyToPath{{{1, "key", Kind::String}, {2, "path", Kind::String}, {3, "mode", Kind::Int32, false, nullptr, true}}};
    static const Message hostPath{{{1, "path", Kind::String}, {2, "type", Kind::String, false, nullptr, true}}};
    static const Message emptyDir{{{1, "medium", Kind::String}, {2, "sizeLimit", Kind::Quantity}}};
    static const Message secret{{{1, "secretName", Kind::String}, {2, "items", Kind::Message, true, &keyToPath},
                                 {3, "defaultMode", Kind::Int32, false, nullptr, true},
                                 {4, "optional", Kind::Bool, false, nullptr, true}}};
    static const Message configMap{{{1, "", Kind::Inline, false, &localObjectReference()},
                                    {2, "items", Kind::Message, true, &keyToPath},
                                    {3, "defaultMode", Kind::Int32, false, nullptr, true},
                                    {4, "optional", Kind::Bool, false, nullptr, true}}};
    static const Message pvc{{{1, "claimName", Kind::String}, {2, "readOnly", Kind::Bool}}};
    static const Message source{{{1, "hostPath", Kind::Message, false, &hostPath},
                                 {2, "emptyDir", Kind::Message, false, &emptyDir},
                                 {6, "secret", Kind::Message, false, &secret},
                                 {10, "persistentVolumeClaim", Kind::Message, false, &pvc},
                                 {19, "configMap", Kind::Message, false, &configMap}}};
    static const Message m{{{1, "name", Kind::String}, {2, "", Kind::Inline, false, &source}}};
    return m;
}

const Message &podSpec()
{
    static const Message toleration{{{1, "key", Kind::String}, {2, "operator", Kind::String}, {3, "value", Kind::String},
                                     {4, "effect", Kind::String}, {5, "tolerationSeconds", Kind::Int64, false, nullptr, true}}};
    static const Message m{{{1, "volumes", Kind::Message, true, &volume()},
                            {2, "containers", Kind::Message, true, &container()},
                            {3, "restartPolicy", Kind::String},
                            {4, "terminationGracePeriodSeconds", Kind::Int64, false, nullptr, true},
                            {5, "activeDeadlineSeconds", Kind::Int64, false, nullptr, true},
                            {6, "dnsPolicy", Kind::String}, {7, "nodeSelector", Kind::MapString},
                            {8, "serviceAccountName", Kind::String}, {9, "serviceAccount", Kind::String},
                            {10, "nodeName", Kind::String}, {11, "hostNetwork", Kind::Bool}, {12, "hostPID", Kind::Bool},
                            {13, "hostIPC", Kind::Bool}, {14, "securityContext", Kind::Message, false, &empty()},
                            {15, "imagePullSecrets", Kind::Message, true, &localObjectReference()},
                            {16, "hostname", Kind::String}, {17, "subdomain", Kind::String},
                            {19, "schedulerName", Kind::String}, {20, "initContainers", Kind::Message, true, &container()},
                            {21, "automountServiceAccountToken", Kind::Bool, false, nullptr, true},
                            {22, "tolerations", Kind::Message, true, &toleration},
                            {24, "priorityClassName", Kind::String}, {25, "priority", Kind::Int32, false, nullptr, true},
                            {30, "enableServiceLinks", Kind::Bool, false, nullptr, true},
                            {31, "preemptionPolicy", Kind::String, false, nullptr, true}}};
    return m;
}

}  // namespace

const Message &podTemplateSpec()
{
    static const Message m{{{1, "metadata", Kind::Message, false, &objectMeta()}, {2, "spec", Kind::Message, false, &podSpec()}}};
    return m;
}

const Message &pod()
{
    static const Message m = object({{2, "spec", Kind::Message, false, &podSpec()}, {3, "status", Kind::Message, false, &empty()}});
    return m;
}

}  // namespace timoneiro::api::pb
