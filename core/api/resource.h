#pragma once
// The resource registry: every kind the API server serves, with the facts
// discovery, routing, tables and OpenAPI need (group, version, plural, ...).
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::api {

struct SubresourceInfo {
    QString name;         // status, scale, binding, log, exec, attach, portforward, eviction
    QString group;        // group/version/kind of the subresource's body (Scale is autoscaling/v1)
    QString version;
    QString kind;
    QStringList verbs;
};

struct ResourceInfo {
    QString group;        // "" for core
    QString version;      // v1
    QString kind;         // Pod
    QString plural;       // pods
    QString singular;     // pod
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;   // "all" for pods, services, deployments, replicasets, ...
    QStringList verbs;        // create delete deletecollection get list patch update watch
    QList<SubresourceInfo> subresources;
    // Fields a fieldSelector may name besides metadata.name and
    // metadata.namespace (pods: spec.nodeName, status.phase, ...); any other
    // field is a 400 "field label not supported: <field>".
    QStringList selectableFields;

    QString apiVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
    QString listKind() const { return kind + QStringLiteral("List"); }
    // "pods" or "deployments.apps": the resource as it appears in messages.
    QString qualifiedPlural() const { return group.isEmpty() ? plural : plural + QLatin1Char('.') + group; }
    // The key prefix under which the store keeps objects: /registry/<group>/<plural>/
    QString storePrefix() const;
    // The store key of one object (namespace is ignored for cluster-scoped resources).
    QString storeKey(const QString &ns, const QString &name) const;
    const SubresourceInfo *subresource(const QString &name) const;
};

class ResourceRegistry {
public:
    // The built-in registry of every resource Timoneiro serves.
    static const ResourceRegistry &builtin();

    const QList<ResourceInfo> &all() const { return resources_; }
    const ResourceInfo *find(const QString &group, const QString &version, const QString &plural) const;
    const ResourceInfo *findByKind(const QString &apiVersion, const QString &kind) const;
    // Group-versions in discovery order: "v1" first, then "apps/v1", ...
    QStringList groupVersions() const;

    void add(ResourceInfo info) { resources_.append(std::move(info)); }

private:
    QList<ResourceInfo> resources_;
};

// A built-in resource by group ("" for core) and plural, at the version
// served; for names the code itself spells, so a missing one is a bug (fatal).
const ResourceInfo &builtinResource(const QString &group, const QString &plural);

}  // namespace timoneiro::api
