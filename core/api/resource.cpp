// Every resource Timoneiro serves, with the facts discovery advertises for
// it in Kubernetes 1.32 (verbs, short names, categories, subresources).
#include "resource.h"

namespace timoneiro::api {

namespace {

const QStringList kAllVerbs{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
                            QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
                            QStringLiteral("update"), QStringLiteral("watch")};
const QStringList kCreateOnly{QStringLiteral("create")};

SubresourceInfo sub(const char *name, const char *group, const char *version, const char *kind, QStringList verbs)
{
    return {QLatin1String(name), QLatin1String(group), QLatin1String(version), QLatin1String(kind), std::move(verbs)};
}

SubresourceInfo statusOf(const char *group, const char *version, const char *kind)
{
    return sub("status", group, version, kind, {QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")});
}

ResourceInfo res(const char *group, const char *version, const char *kind, const char *plural, bool namespaced,
                 QStringList shortNames = {}, QStringList categories = {}, QStringList verbs = kAllVerbs)
{
    ResourceInfo r;
    r.group = QLatin1String(group);
    r.version = QLatin1String(version);
    r.kind = QLatin1String(kind);
    r.plural = QLatin1String(plural);
    r.singular = r.kind.toLower();
    r.namespaced = namespaced;
    r.shortNames = std::move(shortNames);
    r.categories = std::move(categories);
    r.verbs = std::move(verbs);
    return r;
}

ResourceRegistry makeBuiltin()
{
    const QStringList all{QStringLiteral("all")};
    const QStringList getPatchUpdate{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
    ResourceRegistry reg;

    // core/v1
    ResourceInfo bindings = res("", "v1", "Binding", "bindings", true, {}, {}, kCreateOnly);
    reg.add(bindings);
    ResourceInfo cm = res("", "v1", "ConfigMap", "configmaps", true, {QStringLiteral("cm")});
    reg.add(cm);
    ResourceInfo ep = res("", "v1", "Endpoints", "endpoints", true, {QStringLiteral("ep")});
    reg.add(ep);
    ResourceInfo ev = res("", "v1", "Event", "events", true, {QStringLiteral("ev")});
    ev.selectableFields = {QStringLiteral("involvedObject.kind"), QStringLiteral("involvedObject.namespace"),
                           QStringLiteral("involvedObject.name"), QStringLiteral("involvedObject.uid"),
                           QStringLiteral("involvedObject.apiVersion"), QStringLiteral("involvedObject.resourceVersion"),
                           QStringLiteral("involvedObject.fieldPath"), QStringLiteral("reason"),
                           QStringLiteral("reportingComponent"), QStringLiteral("source"), QStringLiteral("type")};
    reg.add(ev);
    ResourceInfo limits = res("", "v1", "LimitRange", "limitranges", true, {QStringLiteral("limits")});
    reg.add(limits);
    ResourceInfo ns = res("", "v1", "Namespace", "namespaces", false, {QStringLiteral("ns")}, {},
                          {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"), QStringLiteral("list"),
                           QStringLiteral("patch"), QStringLiteral("update"), QStringLiteral("watch")});
    ns.subresources = {sub("finalize", "", "v1", "Namespace", {QStringLiteral("update")}), statusOf("", "v1", "Namespace")};
    ns.selectableFields = {QStringLiteral("status.phase")};
    reg.add(ns);
    ResourceInfo nodes = res("", "v1", "Node", "nodes", false, {QStringLiteral("no")});
    nodes.subresources = {sub("proxy", "", "v1", "NodeProxyOptions",
                              {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"),
                               QStringLiteral("patch"), QStringLiteral("update")}),
                          statusOf("", "v1", "Node")};
    nodes.selectableFields = {QStringLiteral("spec.unschedulable")};
    reg.add(nodes);
    ResourceInfo pods = res("", "v1", "Pod", "pods", true, {QStringLiteral("po")}, all);
    pods.subresources = {
        sub("attach", "", "v1", "PodAttachOptions", {QStringLiteral("create"), QStringLiteral("get")}),
        sub("binding", "", "v1", "Binding", kCreateOnly),
        sub("ephemeralcontainers", "", "v1", "Pod", getPatchUpdate),
        sub("eviction", "policy", "v1", "Eviction", kCreateOnly),
        sub("exec", "", "v1", "PodExecOptions", {QStringLiteral("create"), QStringLiteral("get")}),
        sub("log", "", "v1", "Pod", {QStringLiteral("get")}),
        sub("portforward", "", "v1", "PodPortForwardOptions", {QStringLiteral("create"), QStringLiteral("get")}),
        statusOf("", "v1", "Pod")};
    pods.selectableFields = {QStringLiteral("spec.nodeName"), QStringLiteral("spec.restartPolicy"),
                             QStringLiteral("spec.schedulerName"), QStringLiteral("spec.serviceAccountName"),
                             QStringLiteral("spec.hostNetwork"), QStringLiteral("status.phase"),
                             QStringLiteral("status.podIP"), QStringLiteral("status.nominatedNodeName")};
    reg.add(pods);
    ResourceInfo quota = res("", "v1", "ResourceQuota", "resourcequotas", true, {QStringLiteral("quota")});
    quota.subresources = {statusOf("", "v1", "ResourceQuota")};
    reg.add(quota);
    ResourceInfo secrets = res("", "v1", "Secret", "secrets", true);
    secrets.selectableFields = {QStringLiteral("type")};
    reg.add(secrets);
    ResourceInfo sa = res("", "v1", "ServiceAccount", "serviceaccounts", true, {QStringLiteral("sa")});
    sa.subresources = {sub("token", "authentication.k8s.io", "v1", "TokenRequest", kCreateOnly)};
    reg.add(sa);
    ResourceInfo svc = res("", "v1", "Service", "services", true, {QStringLiteral("svc")}, all);
    svc.subresources = {sub("proxy", "", "v1", "ServiceProxyOptions",
                            {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("get"),
                             QStringLiteral("patch"), QStringLiteral("update")}),
                        statusOf("", "v1", "Service")};
    reg.add(svc);

    // The groups follow in the order a real apiserver lists them under /apis
    // (its aggregator's group priorities), so discovery reads the same.
    // apps/v1
    for (auto [kind, plural, shortName] : {std::tuple{"Deployment", "deployments", "deploy"},
                                           std::tuple{"ReplicaSet", "replicasets", "rs"}}) {
        ResourceInfo r = res("apps", "v1", kind, plural, true, {QLatin1String(shortName)}, all);
        r.subresources = {sub("scale", "autoscaling", "v1", "Scale", getPatchUpdate), statusOf("apps", "v1", kind)};
        if (QLatin1String(kind) == QLatin1String("ReplicaSet"))
            r.selectableFields = {QStringLiteral("status.replicas")};
        reg.add(r);
    }

    reg.add(res("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false, {}, {}, kCreateOnly));
    reg.add(res("authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", true, {}, {},
                kCreateOnly));
    reg.add(res("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, {}, {},
                kCreateOnly));
    reg.add(res("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false, {}, {},
                kCreateOnly));
    reg.add(res("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false, {}, {}, kCreateOnly));
    reg.add(res("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, {QStringLiteral("netpol")}));
    reg.add(res("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false));
    reg.add(res("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false));
    reg.add(res("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true));
    reg.add(res("rbac.authorization.k8s.io", "v1", "Role", "roles", true));
    reg.add(res("coordination.k8s.io", "v1", "Lease", "leases", true));
    reg.add(res("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true));
    return reg;
}

}  // namespace

QString ResourceInfo::storePrefix() const
{
    return QStringLiteral("/registry/%1/%2/").arg(group.isEmpty() ? QStringLiteral("core") : group, plural);
}

QString ResourceInfo::storeKey(const QString &ns, const QString &name) const
{
    return namespaced ? storePrefix() + ns + QLatin1Char('/') + name : storePrefix() + name;
}

const SubresourceInfo *ResourceInfo::subresource(const QString &name) const
{
    for (const SubresourceInfo &s : subresources)
        if (s.name == name)
            return &s;
    return nullptr;
}

const ResourceRegistry &ResourceRegistry::builtin()
{
    static const ResourceRegistry registry = makeBuiltin();
    return registry;
}

const ResourceInfo *ResourceRegistry::find(const QString &group, const QString &version, const QString &plural) const
{
    for (const ResourceInfo &r : resources_)
        if (r.group == group && r.version == version && r.plural == plural)
            return &r;
    return nullptr;
}

const ResourceInfo *ResourceRegistry::findByKind(const QString &apiVersion, const QString &kind) const
{
    for (const ResourceInfo &r : resources_)
        if (r.apiVersion() == apiVersion && r.kind == kind)
            return &r;
    return nullptr;
}

const ResourceInfo &builtinResource(const QString &group, const QString &plural)
{
    for (const ResourceInfo &r : ResourceRegistry::builtin().all())
        if (r.group == group && r.plural == plural)
            return r;
    qFatal("no built-in resource %s/%s", qPrintable(group), qPrintable(plural));
}

QStringList ResourceRegistry::groupVersions() const
{
    QStringList out{QStringLiteral("v1")};
    for (const ResourceInfo &r : resources_)
        if (!out.contains(r.apiVersion()))
            out << r.apiVersion();
    return out;
}

}  // namespace timoneiro::api
