#pragma once
// Internal to the OpenAPI builder: a compact way to write component schemas
// the way Kubernetes publishes them (references wrapped in allOf so a field
// can carry its own description, merge lists annotated for strategic merge
// patch), plus the per-group catalogues the documents are assembled from.
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace timoneiro::api {
struct ResourceInfo;
}

namespace timoneiro::api::oas {

struct Prop {
    QString name;
    QJsonObject schema;
};

// Full component names: core("Pod") -> io.k8s.api.core.v1.Pod.
inline QString core(const QString &kind) { return QStringLiteral("io.k8s.api.core.v1.") + kind; }
inline QString apps(const QString &kind) { return QStringLiteral("io.k8s.api.apps.v1.") + kind; }
inline QString meta(const QString &kind) { return QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.") + kind; }
inline QString pkg(const QString &group, const QString &version, const QString &kind)
{
    return QStringLiteral("io.k8s.api.%1.%2.%3").arg(group, version, kind);
}
inline QString quantityName() { return QStringLiteral("io.k8s.apimachinery.pkg.api.resource.Quantity"); }

inline QJsonObject scalar(const char *type, const QString &description, const char *format = nullptr)
{
    QJsonObject s{{QStringLiteral("type"), QLatin1String(type)}};
    if (!description.isEmpty())
        s.insert(QStringLiteral("description"), description);
    if (format)
        s.insert(QStringLiteral("format"), QLatin1String(format));
    return s;
}
inline QJsonObject str(const QString &d = {}) { return scalar("string", d); }
inline QJsonObject int32(const QString &d = {}) { return scalar("integer", d, "int32"); }
inline QJsonObject int64(const QString &d = {}) { return scalar("integer", d, "int64"); }
inline QJsonObject boolean(const QString &d = {}) { return scalar("boolean", d); }
inline QJsonObject number(const QString &d = {}) { return scalar("number", d, "double"); }
inline QJsonObject time(const QString &d = {}) { return scalar("string", d, "date-time"); }

inline QString refPath(const QString &name) { return QStringLiteral("#/components/schemas/") + name; }
// A bare reference (list items, map values, response bodies).
inline QJsonObject refItem(const QString &name)
{
    return {{QStringLiteral("allOf"), QJsonArray{QJsonObject{{QStringLiteral("$ref"), refPath(name)}}}},
            {QStringLiteral("default"), QJsonObject{}}};
}
// A field whose type is another component.
inline QJsonObject ref(const QString &name, const QString &d = {})
{
    QJsonObject s = refItem(name);
    if (!d.isEmpty())
        s.insert(QStringLiteral("description"), d);
    return s;
}
inline QJsonObject quantity(const QString &d = {}) { return ref(quantityName(), d); }
inline QString intOrStringName() { return QStringLiteral("io.k8s.apimachinery.pkg.util.intstr.IntOrString"); }
inline QJsonObject intOrString(const QString &d = {}) { return ref(intOrStringName(), d); }
// Map values are plain references, so explain shows map[string]Quantity.
inline QJsonObject quantityMap(const QString &d = {})
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("additionalProperties"), QJsonObject{{QStringLiteral("$ref"), refPath(quantityName())}}}};
    if (!d.isEmpty())
        s.insert(QStringLiteral("description"), d);
    return s;
}

inline QJsonObject arrayOf(const QJsonObject &items, const QString &d = {}, bool atomic = false)
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
    if (!d.isEmpty())
        s.insert(QStringLiteral("description"), d);
    if (atomic)
        s.insert(QStringLiteral("x-kubernetes-list-type"), QStringLiteral("atomic"));
    return s;
}
inline QJsonObject strList(const QString &d = {}) { return arrayOf(str(), d, true); }
inline QJsonObject listOf(const QString &name, const QString &d = {}, bool atomic = true)
{
    return arrayOf(refItem(name), d, atomic);
}
// A list strategic merge patch merges element by element using `key`.
inline QJsonObject mergeList(const QString &name, const QString &key, const QString &d = {},
                             const QStringList &mapKeys = {})
{
    QJsonObject s = arrayOf(refItem(name), d);
    s.insert(QStringLiteral("x-kubernetes-patch-merge-key"), key);
    s.insert(QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("merge"));
    s.insert(QStringLiteral("x-kubernetes-list-type"), QStringLiteral("map"));
    s.insert(QStringLiteral("x-kubernetes-list-map-keys"),
             QJsonArray::fromStringList(mapKeys.isEmpty() ? QStringList{key} : mapKeys));
    return s;
}
inline QJsonObject mapOf(const QJsonObject &values, const QString &d = {})
{
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("additionalProperties"), values}};
    if (!d.isEmpty())
        s.insert(QStringLiteral("description"), d);
    return s;
}
inline QJsonObject strMap(const QString &d = {}) { return mapOf(str(), d); }

inline QJsonObject obj(const QString &d, std::initializer_list<Prop> props, const QStringList &required = {})
{
    QJsonObject properties;
    for (const Prop &p : props)
        properties.insert(p.name, p.schema);
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!d.isEmpty())
        s.insert(QStringLiteral("description"), d);
    if (!required.isEmpty())
        s.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return s;
}

// A top-level kind: apiVersion, kind and metadata come first, as everywhere.
QJsonObject kindObj(const QString &d, std::initializer_list<Prop> props, const QStringList &required = {});
// The list kind wrapping `itemName`.
QJsonObject listKind(const QString &itemName, const QString &d);
// An object that keeps whatever fields it is given (kinds without a schema).
QJsonObject permissive(const QString &d);

// The standard field descriptions shared by every kind.
QJsonObject apiVersionField();
QJsonObject kindField();
QJsonObject metadataField();

// "io.k8s.api.apps.v1.Deployment" for (apps, v1, Deployment).
QString schemaName(const QString &group, const QString &version, const QString &kind);
// "api/v1" or "apis/apps/v1": the key in the /openapi/v3 index.
QString groupVersionPath(const ResourceInfo &r);
QJsonObject gvkObject(const QString &group, const QString &version, const QString &kind);
// Adds the paths serving `r`; components they name besides the kind and its
// list (a subresource's body such as autoscaling/v1 Scale) go to extraSchemas.
void addResourcePaths(QJsonObject &paths, const ResourceInfo &r, QSet<QString> &extraSchemas);

// The catalogues, keyed by component name.
void addMetaSchemas(QJsonObject &schemas);
void addCoreSchemas(QJsonObject &schemas);
void addCoreWorkloadSchemas(QJsonObject &schemas);
void addCoreContainerSchemas(QJsonObject &schemas);
void addCoreVolumeSchemas(QJsonObject &schemas);
void addAppsSchemas(QJsonObject &schemas);
void addOtherSchemas(QJsonObject &schemas);

}  // namespace timoneiro::api::oas
