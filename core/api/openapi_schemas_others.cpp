// Component schemas of the smaller groups: discovery (EndpointSlice),
// coordination (Lease), networking (NetworkPolicy), RBAC and autoscaling Scale.
#include "api/openapi_schemas.h"

namespace timoneiro::api::oas {

using namespace Qt::StringLiterals;

namespace {

QString discovery(const QString &kind) { return pkg(u"discovery"_s, u"v1"_s, kind); }
QString networking(const QString &kind) { return pkg(u"networking"_s, u"v1"_s, kind); }
QString rbac(const QString &kind) { return pkg(u"rbac"_s, u"v1"_s, kind); }

void addEndpointSlice(QJsonObject &s)
{
    s.insert(discovery(u"EndpointSlice"_s), kindObj(u"EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints."_s, {
        {u"addressType"_s, str(u"addressType specifies the type of address carried by this EndpointSlice: IPv4, IPv6 or FQDN. This field is immutable after creation."_s)},
        {u"endpoints"_s, listOf(discovery(u"Endpoint"_s), u"endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints."_s)},
        {u"ports"_s, listOf(discovery(u"EndpointPort"_s), u"ports specifies the list of network ports exposed by each endpoint in this slice."_s)},
    }, {u"addressType"_s, u"endpoints"_s}));
    s.insert(discovery(u"Endpoint"_s), obj(u"Endpoint represents a single logical \"backend\" implementing a service."_s, {
        {u"addresses"_s, [] {
            QJsonObject a = strList(u"addresses of this endpoint. The contents of this field are interpreted according to the corresponding EndpointSlice addressType field."_s);
            a.insert(u"x-kubernetes-list-type"_s, u"set"_s);
            return a;
        }()},
        {u"conditions"_s, obj(u"conditions contains information about the current status of the endpoint."_s, {
            {u"ready"_s, boolean(u"ready indicates that this endpoint is prepared to receive traffic, according to whatever system is managing the endpoint."_s)},
            {u"serving"_s, boolean(u"serving is identical to ready except that it is set regardless of the terminating state of endpoints."_s)},
            {u"terminating"_s, boolean(u"terminating indicates that this endpoint is terminating."_s)},
        })},
        {u"hostname"_s, str(u"hostname of this endpoint."_s)},
        {u"nodeName"_s, str(u"nodeName represents the name of the Node hosting this endpoint."_s)},
        {u"zone"_s, str(u"zone is the name of the Zone this endpoint exists in."_s)},
        {u"targetRef"_s, ref(core(u"ObjectReference"_s), u"targetRef is a reference to a Kubernetes object that represents this endpoint."_s)},
    }, {u"addresses"_s}));
    s.insert(discovery(u"EndpointPort"_s), obj(u"EndpointPort represents a Port used by an EndpointSlice"_s, {
        {u"name"_s, str(u"name represents the name of this port. All ports in an EndpointSlice must have a unique name."_s)},
        {u"port"_s, int32(u"port represents the port number of the endpoint. If this is not specified, ports are not restricted and must be interpreted in the context of the specific consumer."_s)},
        {u"protocol"_s, str(u"protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP."_s)},
        {u"appProtocol"_s, str(u"The application protocol for this port."_s)},
    }));
}

void addLeaseAndNetworkPolicy(QJsonObject &s)
{
    s.insert(pkg(u"coordination"_s, u"v1"_s, u"Lease"_s), kindObj(u"Lease defines a lease concept."_s, {
        {u"spec"_s, obj(u"spec contains the specification of the Lease."_s, {
            {u"holderIdentity"_s, str(u"holderIdentity contains the identity of the holder of a current lease."_s)},
            {u"leaseDurationSeconds"_s, int32(u"leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measured against the time of last observed renewTime."_s)},
            {u"acquireTime"_s, scalar("string", u"acquireTime is a time when the current lease was acquired."_s, "date-time")},
            {u"renewTime"_s, scalar("string", u"renewTime is a time when the current holder of a lease has last updated the lease."_s, "date-time")},
            {u"leaseTransitions"_s, int32(u"leaseTransitions is the number of transitions of a lease between holders."_s)},
        })},
    }));

    s.insert(networking(u"NetworkPolicy"_s), kindObj(u"NetworkPolicy describes what network traffic is allowed for a set of Pods"_s, {
        {u"spec"_s, obj(u"spec represents the specification of the desired behavior for this NetworkPolicy."_s, {
            {u"podSelector"_s, ref(meta(u"LabelSelector"_s), u"podSelector selects the pods to which this NetworkPolicy object applies. An empty podSelector matches all pods in this namespace."_s)},
            {u"policyTypes"_s, strList(u"policyTypes is a list of rule types that the NetworkPolicy relates to: Ingress, Egress."_s)},
            {u"ingress"_s, listOf(networking(u"NetworkPolicyIngressRule"_s), u"ingress is a list of ingress rules to be applied to the selected pods. Traffic is allowed to a pod if there are no NetworkPolicies selecting the pod OR if the traffic source is the pod's local node, OR if the traffic matches at least one ingress rule across all of the NetworkPolicy objects whose podSelector matches the pod."_s)},
            {u"egress"_s, listOf(networking(u"NetworkPolicyEgressRule"_s), u"egress is a list of egress rules to be applied to the selected pods."_s)},
        }, {u"podSelector"_s})},
    }));
    s.insert(networking(u"NetworkPolicyIngressRule"_s), obj(u"NetworkPolicyIngressRule describes a particular set of traffic that is allowed to the pods matched by a NetworkPolicySpec's podSelector."_s, {
        {u"from"_s, listOf(networking(u"NetworkPolicyPeer"_s), u"from is a list of sources which should be able to access the pods selected for this rule. Items in this list are combined using a logical OR operation."_s)},
        {u"ports"_s, listOf(networking(u"NetworkPolicyPort"_s), u"ports is a list of ports which should be made accessible on the pods selected for this rule."_s)},
    }));
    s.insert(networking(u"NetworkPolicyEgressRule"_s), obj(u"NetworkPolicyEgressRule describes a particular set of traffic that is allowed out of pods matched by a NetworkPolicySpec's podSelector."_s, {
        {u"to"_s, listOf(networking(u"NetworkPolicyPeer"_s), u"to is a list of destinations for outgoing traffic of pods selected for this rule."_s)},
        {u"ports"_s, listOf(networking(u"NetworkPolicyPort"_s), u"ports is a list of destination ports for outgoing traffic."_s)},
    }));
    s.insert(networking(u"NetworkPolicyPeer"_s), obj(u"NetworkPolicyPeer describes a peer to allow traffic to/from."_s, {
        {u"podSelector"_s, ref(meta(u"LabelSelector"_s), u"podSelector is a label selector which selects pods."_s)},
        {u"namespaceSelector"_s, ref(meta(u"LabelSelector"_s), u"namespaceSelector selects namespaces using cluster-scoped labels."_s)},
        {u"ipBlock"_s, obj(u"ipBlock defines policy on a particular IPBlock."_s, {
            {u"cidr"_s, str(u"cidr is a string representing the IPBlock. Valid examples are \"192.168.1.0/24\" or \"2001:db8::/64\""_s)},
            {u"except"_s, strList(u"except is a slice of CIDRs that should not be included within an IPBlock."_s)},
        }, {u"cidr"_s})},
    }));
    s.insert(networking(u"NetworkPolicyPort"_s), obj(u"NetworkPolicyPort describes a port to allow traffic on"_s, {
        {u"protocol"_s, str(u"protocol represents the protocol (TCP, UDP, or SCTP) which traffic must match. If not specified, this field defaults to TCP."_s)},
        {u"port"_s, intOrString(u"port represents the port on the given protocol. This can either be a numerical or named port on a pod."_s)},
        {u"endPort"_s, int32(u"endPort indicates that the range of ports from port to endPort if set, inclusive, should be allowed by the policy."_s)},
    }));
}

void addRbac(QJsonObject &s)
{
    s.insert(rbac(u"PolicyRule"_s), obj(u"PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to."_s, {
        {u"verbs"_s, strList(u"Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs."_s)},
        {u"apiGroups"_s, strList(u"APIGroups is the name of the APIGroup that contains the resources. If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed. \"\" represents the core API group and \"*\" represents all API groups."_s)},
        {u"resources"_s, strList(u"Resources is a list of resources this rule applies to. '*' represents all resources."_s)},
        {u"resourceNames"_s, strList(u"ResourceNames is an optional white list of names that the rule applies to. An empty set means that everything is allowed."_s)},
        {u"nonResourceURLs"_s, strList(u"NonResourceURLs is a set of partial urls that a user should have access to. *s are allowed, but only as the full, final step in the path."_s)},
    }, {u"verbs"_s}));
    s.insert(rbac(u"Subject"_s), obj(u"Subject contains a reference to the object or user identities a role binding applies to. This can either hold a direct API object reference, or a value for non-objects such as user and group names."_s, {
        {u"kind"_s, str(u"Kind of object being referenced. Values defined by this API group are \"User\", \"Group\", and \"ServiceAccount\"."_s)},
        {u"apiGroup"_s, str(u"APIGroup holds the API group of the referenced subject. Defaults to \"\" for ServiceAccount subjects. Defaults to \"rbac.authorization.k8s.io\" for User and Group subjects."_s)},
        {u"name"_s, str(u"Name of the object being referenced."_s)},
        {u"namespace"_s, str(u"Namespace of the referenced object. If the object kind is non-namespace, such as \"User\" or \"Group\", and this value is not empty the Authorizer should report an error."_s)},
    }, {u"kind"_s, u"name"_s}));
    s.insert(rbac(u"RoleRef"_s), obj(u"RoleRef contains information that points to the role being used"_s, {
        {u"apiGroup"_s, str(u"APIGroup is the group for the resource being referenced"_s)},
        {u"kind"_s, str(u"Kind is the type of resource being referenced"_s)},
        {u"name"_s, str(u"Name is the name of resource being referenced"_s)},
    }, {u"apiGroup"_s, u"kind"_s, u"name"_s}));
    const QString rules = u"Rules holds all the PolicyRules for this %1"_s;
    s.insert(rbac(u"Role"_s), kindObj(u"Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding."_s, {
        {u"rules"_s, listOf(rbac(u"PolicyRule"_s), rules.arg(u"Role"_s))},
    }));
    s.insert(rbac(u"ClusterRole"_s), kindObj(u"ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding."_s, {
        {u"rules"_s, listOf(rbac(u"PolicyRule"_s), rules.arg(u"ClusterRole"_s))},
        {u"aggregationRule"_s, obj(u"AggregationRule is an optional field that describes how to build the Rules for this ClusterRole. If AggregationRule is set, then the Rules are controller managed and direct changes to Rules will be stomped by the controller."_s, {
            {u"clusterRoleSelectors"_s, listOf(meta(u"LabelSelector"_s), u"ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules."_s)},
        })},
    }));
    const QString subjects = u"Subjects holds references to the objects the role applies to."_s;
    s.insert(rbac(u"RoleBinding"_s), kindObj(u"RoleBinding references a role, but does not contain it. It can reference a Role in the same namespace or a ClusterRole in the global namespace. It adds who information via Subjects and namespace information by which namespace it exists in."_s, {
        {u"subjects"_s, listOf(rbac(u"Subject"_s), subjects)},
        {u"roleRef"_s, ref(rbac(u"RoleRef"_s), u"RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable."_s)},
    }, {u"roleRef"_s}));
    s.insert(rbac(u"ClusterRoleBinding"_s), kindObj(u"ClusterRoleBinding references a ClusterRole, but not contain it. It can reference a ClusterRole in the global namespace, and adds who information via Subject."_s, {
        {u"subjects"_s, listOf(rbac(u"Subject"_s), subjects)},
        {u"roleRef"_s, ref(rbac(u"RoleRef"_s), u"RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable."_s)},
    }, {u"roleRef"_s}));
}

}  // namespace

void addOtherSchemas(QJsonObject &s)
{
    addEndpointSlice(s);
    addLeaseAndNetworkPolicy(s);
    addRbac(s);
    s.insert(pkg(u"autoscaling"_s, u"v1"_s, u"Scale"_s), kindObj(u"Scale represents a scaling request for a resource."_s, {
        {u"spec"_s, obj(u"spec defines the behavior of the scale."_s, {
            {u"replicas"_s, int32(u"replicas is the desired number of instances for the scaled object."_s)},
        })},
        {u"status"_s, obj(u"status is the current status of the scale. Read-only."_s, {
            {u"replicas"_s, int32(u"replicas is the actual number of observed instances of the scaled object."_s)},
            {u"selector"_s, str(u"selector is the label query over pods that should match the replicas count, in the string form of a label selector."_s)},
        }, {u"replicas"_s})},
    }));
}

}  // namespace timoneiro::api::oas
