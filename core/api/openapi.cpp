#include "api/openapi.h"

#include "api/openapi_schemas.h"
#include "api/resource.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

namespace timoneiro::api {

namespace {

using namespace oas;

const QString kRef = QStringLiteral("$ref");

const QJsonObject &catalog()
{
    static const QJsonObject schemas = [] {
        QJsonObject s;
        addMetaSchemas(s);
        addCoreSchemas(s);
        addCoreWorkloadSchemas(s);
        addCoreContainerSchemas(s);
        addCoreVolumeSchemas(s);
        addAppsSchemas(s);
        addOtherSchemas(s);
        return s;
    }();
    return schemas;
}

void collectRefs(const QJsonValue &v, QStringList &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == kRef)
                out.append(it.value().toString().section(QLatin1Char('/'), -1));
            else
                collectRefs(it.value(), out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectRefs(e, out);
    }
}

QJsonObject buildDocument(const ResourceRegistry &registry, const QString &gvPath)
{
    QJsonObject paths;
    QSet<QString> extra;
    // Every component that names a served kind (or its list) carries the
    // x-kubernetes-group-version-kind list `kubectl explain` searches for.
    QHash<QString, QJsonObject> gvkByName;
    gvkByName.insert(QStringLiteral("io.k8s.api.autoscaling.v1.Scale"),
                     gvkObject(QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")));
    QJsonObject generated;
    for (const ResourceInfo &r : registry.all()) {
        gvkByName.insert(schemaName(r.group, r.version, r.kind), gvkObject(r.group, r.version, r.kind));
        gvkByName.insert(schemaName(r.group, r.version, r.listKind()), gvkObject(r.group, r.version, r.listKind()));
        if (groupVersionPath(r) != gvPath)
            continue;
        addResourcePaths(paths, r, extra);
        const QString kindName = schemaName(r.group, r.version, r.kind);
        const QString listName = schemaName(r.group, r.version, r.listKind());
        if (!catalog().contains(kindName))
            generated.insert(kindName, permissive(QStringLiteral("%1 is a %2 object.").arg(r.kind, r.apiVersion())));
        if (!catalog().contains(listName))
            generated.insert(listName, listKind(kindName, QStringLiteral("%1 is a list of %2.").arg(r.listKind(), r.kind)));
        extra.insert(kindName);
        extra.insert(listName);
    }
    if (paths.isEmpty())
        return {};

    extra.insert(meta(QStringLiteral("Status")));
    extra.insert(meta(QStringLiteral("DeleteOptions")));
    QStringList pending(extra.begin(), extra.end());
    QJsonObject components;
    while (!pending.isEmpty()) {
        const QString name = pending.takeLast();
        if (components.contains(name))
            continue;
        QJsonObject schema = generated.contains(name) ? generated.value(name).toObject() : catalog().value(name).toObject();
        if (schema.isEmpty())
            schema = permissive(QString());
        if (gvkByName.contains(name))
            schema.insert(QStringLiteral("x-kubernetes-group-version-kind"), QJsonArray{gvkByName.value(name)});
        collectRefs(schema, pending);
        components.insert(name, schema);
    }

    return {{QStringLiteral("openapi"), QStringLiteral("3.0.0")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                                 {QStringLiteral("version"), QStringLiteral("v1.32.4")}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), components}}}};
}

struct CachedDocument {
    QJsonObject document;
    QString hash;
};

// Documents are costly to assemble and never change for a registry, so each
// is built once; the key includes the size so a reused address is not stale.
CachedDocument cachedDocument(const ResourceRegistry &registry, const QString &gvPath)
{
    static QMutex mutex;
    static QHash<QString, CachedDocument> cache;
    const QString key = QStringLiteral("%1/%2/%3")
                            .arg(quintptr(&registry), 0, 16)
                            .arg(registry.all().size())
                            .arg(gvPath);
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    CachedDocument entry;
    entry.document = buildDocument(registry, gvPath);
    if (!entry.document.isEmpty()) {
        const QByteArray json = QJsonDocument(entry.document).toJson(QJsonDocument::Compact);
        entry.hash = QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha512).toHex().toUpper().left(128));
    }
    cache.insert(key, entry);
    return entry;
}

QStringList groupVersionPaths(const ResourceRegistry &registry)
{
    QStringList out;
    for (const ResourceInfo &r : registry.all()) {
        const QString p = groupVersionPath(r);
        if (!out.contains(p))
            out.append(p);
    }
    return out;
}

}  // namespace

QJsonObject openApiIndex(const ResourceRegistry &registry)
{
    QJsonObject paths;
    for (const QString &gv : groupVersionPaths(registry)) {
        const QString url = QStringLiteral("/openapi/v3/%1?hash=%2").arg(gv, openApiHash(registry, gv));
        paths.insert(gv, QJsonObject{{QStringLiteral("serverRelativeURL"), url}});
    }
    return {{QStringLiteral("paths"), paths}};
}

QJsonObject openApiDocument(const ResourceRegistry &registry, const QString &groupVersionPath)
{
    return cachedDocument(registry, groupVersionPath).document;
}

QString openApiHash(const ResourceRegistry &registry, const QString &groupVersionPath)
{
    return cachedDocument(registry, groupVersionPath).hash;
}

}  // namespace timoneiro::api
