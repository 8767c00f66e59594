#include "discovery.h"

#include "api/resource.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject gvk(const QString &group, const QString &version, const QString &kind)
{
    return {{QStringLiteral("group"), group}, {QStringLiteral("version"), version}, {QStringLiteral("kind"), kind}};
}

QJsonObject aggregatedResource(const api::ResourceInfo &r)
{
    QJsonObject o{
        {QStringLiteral("resource"), r.plural},
        {QStringLiteral("responseKind"), gvk(r.group, r.version, r.kind)},
        {QStringLiteral("scope"), r.namespaced ? QStringLiteral("Namespaced") : QStringLiteral("Cluster")},
        {QStringLiteral("singularResource"), r.singular},
        {QStringLiteral("verbs"), strings(r.verbs)},
    };
    if (!r.shortNames.isEmpty())
        o.insert(QStringLiteral("shortNames"), strings(r.shortNames));
    if (!r.categories.isEmpty())
        o.insert(QStringLiteral("categories"), strings(r.categories));
    QJsonArray subs;
    for (const api::SubresourceInfo &s : r.subresources) {
        subs.append(QJsonObject{
            {QStringLiteral("subresource"), s.name},
            {QStringLiteral("responseKind"), gvk(s.group, s.version, s.kind)},
            {QStringLiteral("verbs"), strings(s.verbs)},
        });
    }
    if (!subs.isEmpty())
        o.insert(QStringLiteral("subresources"), subs);
    return o;
}

QStringList groupsInOrder(const api::ResourceRegistry &registry)
{
    QStringList groups;
    for (const api::ResourceInfo &r : registry.all())
        if (!r.group.isEmpty() && !groups.contains(r.group))
            groups.append(r.group);
    return groups;
}

QStringList versionsOf(const api::ResourceRegistry &registry, const QString &group)
{
    QStringList versions;
    for (const api::ResourceInfo &r : registry.all())
        if (r.group == group && !versions.contains(r.version))
            versions.append(r.version);
    return versions;
}

QJsonObject groupVersionDiscovery(const api::ResourceRegistry &registry, const QString &group, const QString &version)
{
    QJsonArray resources;
    for (const api::ResourceInfo &r : registry.all())
        if (r.group == group && r.version == version)
            resources.append(aggregatedResource(r));
    return {{QStringLiteral("version"), version}, {QStringLiteral("resources"), resources},
            {QStringLiteral("freshness"), QStringLiteral("Current")}};
}

QJsonObject groupDiscovery(const api::ResourceRegistry &registry, const QString &group)
{
    QJsonObject meta{{QStringLiteral("creationTimestamp"), QJsonValue::Null}};
    if (!group.isEmpty())
        meta.insert(QStringLiteral("name"), group);
    QJsonArray versions;
    for (const QString &v : versionsOf(registry, group))
        versions.append(groupVersionDiscovery(registry, group, v));
    return {{QStringLiteral("metadata"), meta}, {QStringLiteral("versions"), versions}};
}

QJsonObject groupVersionRef(const QString &group, const QString &version)
{
    return {{QStringLiteral("groupVersion"), group + QLatin1Char('/') + version}, {QStringLiteral("version"), version}};
}

}  // namespace

QJsonObject aggregatedDiscovery(const api::ResourceRegistry &registry, bool core, const QByteArray &version)
{
    QJsonArray items;
    if (core) {
        items.append(groupDiscovery(registry, QString()));
    } else {
        for (const QString &g : groupsInOrder(registry))
            items.append(groupDiscovery(registry, g));
    }
    return {
        {QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
        {QStringLiteral("apiVersion"), QStringLiteral("apidiscovery.k8s.io/") + QString::fromLatin1(version)},
        {QStringLiteral("metadata"), QJsonObject{}},
        {QStringLiteral("items"), items},
    };
}

QJsonObject legacyApiVersions(const QString &serverAddress)
{
    return {
        {QStringLiteral("kind"), QStringLiteral("APIVersions")},
        {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
        {QStringLiteral("serverAddressByClientCIDRs"),
         QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                {QStringLiteral("serverAddress"), serverAddress}}}},
    };
}

QJsonObject legacyApiGroup(const api::ResourceRegistry &registry, const QString &group)
{
    QStringList versions = versionsOf(registry, group);
    if (group.isEmpty() || versions.isEmpty())
        return {};
    QJsonArray list;
    for (const QString &v : versions)
        list.append(groupVersionRef(group, v));
    return {
        {QStringLiteral("kind"), QStringLiteral("APIGroup")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("name"), group},
        {QStringLiteral("versions"), list},
        {QStringLiteral("preferredVersion"), groupVersionRef(group, versions.first())},
    };
}

QJsonObject legacyApiGroupList(const api::ResourceRegistry &registry)
{
    QJsonArray groups;
    for (const QString &g : groupsInOrder(registry)) {
        QJsonObject group = legacyApiGroup(registry, g);
        group.remove(QStringLiteral("kind"));
        group.remove(QStringLiteral("apiVersion"));
        groups.append(group);
    }
    return {{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("groups"), groups}};
}

QJsonObject legacyResourceList(const api::ResourceRegistry &registry, const QString &groupVersion)
{
    QJsonArray resources;
    for (const api::ResourceInfo &r : registry.all()) {
        if (r.apiVersion() != groupVersion)
            continue;
        QJsonObject o{
            {QStringLiteral("name"), r.plural},
            {QStringLiteral("singularName"), r.singular},
            {QStringLiteral("namespaced"), r.namespaced},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("verbs"), strings(r.verbs)},
        };
        if (!r.shortNames.isEmpty())
            o.insert(QStringLiteral("shortNames"), strings(r.shortNames));
        if (!r.categories.isEmpty())
            o.insert(QStringLiteral("categories"), strings(r.categories));
        resources.append(o);
        for (const api::SubresourceInfo &s : r.subresources) {
            QJsonObject sub{
                {QStringLiteral("name"), r.plural + QLatin1Char('/') + s.name},
                {QStringLiteral("singularName"), QString()},
                {QStringLiteral("namespaced"), r.namespaced},
                {QStringLiteral("kind"), s.kind},
                {QStringLiteral("verbs"), strings(s.verbs)},
            };
            if (s.group != r.group || s.version != r.version) {
                sub.insert(QStringLiteral("group"), s.group);
                sub.insert(QStringLiteral("version"), s.version);
            }
            resources.append(sub);
        }
    }
    if (resources.isEmpty())
        return {};
    return {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("groupVersion"), groupVersion},
            {QStringLiteral("resources"), resources}};
}

}  // namespace timoneiro::apiserver
