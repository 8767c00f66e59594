// ValidateX for the built-in kinds: metadata for all, then per kind.
#include "validation_p.h"

#include "quantity.h"
#include "resource.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace timoneiro::api {

namespace validation {

QString shown(const QJsonValue &v)
{
    if (v.isString())
        return quote(v.toString());
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return QString::fromUtf8(QJsonDocument(v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
                                 .toJson(QJsonDocument::Compact));
}

void Causes::immutable(const QString &field, const QJsonValue &value)
{
    invalid(field, shown(value), QStringLiteral("field is immutable"));
}

void validateLabelsMap(Causes &c, const QJsonObject &labels, const QString &path)
{
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        c.invalidString(path, it.key(), validateLabelKey(it.key()));
        if (!it.value().isString()) {
            c.invalid(path + QLatin1Char('.') + it.key(), shown(it.value()), QStringLiteral("must be a string"));
            continue;
        }
        c.invalidString(path, it.value().toString(), validateLabelValue(it.value().toString()));
    }
}

void validatePort(Causes &c, const QJsonValue &port, const QString &path)
{
    const int p = port.toInt(-1);
    if (!port.isDouble() || p < 1 || p > 65535 || port.toDouble() != p)
        c.invalid(path, shown(port), QStringLiteral("must be between 1 and 65535, inclusive"));
}

void validateLabelSelector(Causes &c, const QJsonObject &selector, const QString &path)
{
    validateLabelsMap(c, selector.value(QStringLiteral("matchLabels")).toObject(), path + QStringLiteral(".matchLabels"));
    const QJsonArray exprs = selector.value(QStringLiteral("matchExpressions")).toArray();
    for (qsizetype i = 0; i < exprs.size(); ++i) {
        const QJsonObject e = exprs[i].toObject();
        const QString p = QStringLiteral("%1.matchExpressions[%2]").arg(path).arg(i);
        const QString op = e.value(QStringLiteral("operator")).toString();
        const qsizetype n = e.value(QStringLiteral("values")).toArray().size();
        if (op == QLatin1String("In") || op == QLatin1String("NotIn")) {
            if (n == 0)
                c.required(p + QStringLiteral(".values"));
        } else if (op == QLatin1String("Exists") || op == QLatin1String("DoesNotExist")) {
            if (n > 0)
                c.forbidden(p + QStringLiteral(".values"), QStringLiteral("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        } else {
            c.invalid(p + QStringLiteral(".operator"), quote(op), QStringLiteral("not a valid selector operator"));
        }
        c.invalidString(p + QStringLiteral(".key"), e.value(QStringLiteral("key")).toString(),
                        validateLabelKey(e.value(QStringLiteral("key")).toString()));
    }
}

void validateResources(Causes &c, const QJsonObject &resources, const QString &path)
{
    QHash<QString, Quantity> limits;
    for (const char *part : {"limits", "requests"}) {
        const QJsonObject list = resources.value(QLatin1String(part)).toObject();
        for (auto it = list.begin(); it != list.end(); ++it) {
            const QString field = QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(part), it.key());
            const QString text = it.value().isDouble() ? QString::number(it.value().toDouble(), 'g', 17) : it.value().toString();
            auto q = Quantity::parse(text);
            if (!q) {
                c.invalid(field, quote(text), quantityErrorMessage());
                continue;
            }
            if (q->amount < 0)
                c.invalid(field, quote(text), QStringLiteral("must be greater than or equal to 0"));
            if (QLatin1String(part) == QLatin1String("limits")) {
                limits.insert(it.key(), *q);
            } else if (limits.contains(it.key()) && q->amount > limits.value(it.key()).amount) {
                const QJsonValue limit = resources.value(QStringLiteral("limits")).toObject().value(it.key());
                c.invalid(field, quote(text),
                          QStringLiteral("must be less than or equal to %1 limit of %2")
                              .arg(it.key(), limit.isString() ? limit.toString() : shown(limit)));
            }
        }
    }
}

}  // namespace validation

using namespace validation;

namespace {

void validateMetadata(Causes &c, const ResourceInfo &resource, const QJsonObject &meta)
{
    const QString name = meta.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        c.required(QStringLiteral("metadata.name"));
    else
        c.invalidString(QStringLiteral("metadata.name"), name, validateName(resource, name));
    const QString ns = meta.value(QStringLiteral("namespace")).toString();
    if (resource.namespaced && !ns.isEmpty())
        c.invalidString(QStringLiteral("metadata.namespace"), ns, validateDnsLabel(ns));
    validateLabelsMap(c, meta.value(QStringLiteral("labels")).toObject(), QStringLiteral("metadata.labels"));
    const QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
    qsizetype total = 0;
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        c.invalidString(QStringLiteral("metadata.annotations"), it.key(), validateLabelKey(it.key()));
        if (!it.value().isString())
            c.invalid(QStringLiteral("metadata.annotations.") + it.key(), shown(it.value()), QStringLiteral("must be a string"));
        total += it.key().size() + it.value().toString().size();
    }
    if (total > 256 * 1024)
        c.list.append({QStringLiteral("FieldValueTooLong"),
                       QStringLiteral("Too long: must have at most 262144 bytes"), QStringLiteral("metadata.annotations")});
}

void validateDataKeys(Causes &c, const QJsonObject &obj, std::initializer_list<const char *> fields)
{
    static const QRegularExpression key(QStringLiteral("^[-._a-zA-Z0-9]+$"));
    for (const char *f : fields) {
        const QJsonObject data = obj.value(QLatin1String(f)).toObject();
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (!key.match(it.key()).hasMatch() || it.key().size() > 253)
                c.invalid(QStringLiteral("%1[%2]").arg(QLatin1String(f), it.key()), quote(it.key()),
                          QStringLiteral("a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
                                         "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation "
                                         "is '[-._a-zA-Z0-9]+')"));
            if (!it.value().isString())
                c.invalid(QStringLiteral("%1[%2]").arg(QLatin1String(f), it.key()), shown(it.value()),
                          QStringLiteral("must be a string"));
        }
    }
}

void validateRbac(Causes &c, const ResourceInfo &r, const QJsonObject &obj)
{
    if (r.kind.endsWith(QLatin1String("Binding"))) {
        const QJsonObject ref = obj.value(QStringLiteral("roleRef")).toObject();
        if (ref.value(QStringLiteral("name")).toString().isEmpty())
            c.required(QStringLiteral("roleRef.name"));
        const QString kind = ref.value(QStringLiteral("kind")).toString();
        const QStringList kinds = r.kind == QLatin1String("RoleBinding")
                                      ? QStringList{QStringLiteral("Role"), QStringLiteral("ClusterRole")}
                                      : QStringList{QStringLiteral("ClusterRole")};
        if (!kinds.contains(kind))
            c.notSupported(QStringLiteral("roleRef.kind"), kind, kinds);
        const QJsonArray subjects = obj.value(QStringLiteral("subjects")).toArray();
        for (qsizetype i = 0; i < subjects.size(); ++i) {
            const QJsonObject s = subjects[i].toObject();
            const QString k = s.value(QStringLiteral("kind")).toString();
            const QStringList supported{QStringLiteral("ServiceAccount"), QStringLiteral("User"), QStringLiteral("Group")};
            if (!supported.contains(k))
                c.notSupported(QStringLiteral("subjects[%1].kind").arg(i), k, supported);
            if (s.value(QStringLiteral("name")).toString().isEmpty())
                c.required(QStringLiteral("subjects[%1].name").arg(i));
        }
        return;
    }
    const QJsonArray rules = obj.value(QStringLiteral("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i)
        if (rules[i].toObject().value(QStringLiteral("verbs")).toArray().isEmpty())
            c.required(QStringLiteral("rules[%1].verbs").arg(i));
}

}  // namespace

QList<StatusCause> validateObject(const ResourceInfo &resource, const QJsonObject &obj, const QJsonObject *old)
{
    Causes c;
    validateMetadata(c, resource, obj.value(QStringLiteral("metadata")).toObject());
    const QString &kind = resource.kind;
    const QString &group = resource.group;
    const QJsonObject spec = obj.value(QStringLiteral("spec")).toObject();
    if (group.isEmpty()) {
        if (kind == QLatin1String("Pod")) {
            validatePodSpec(c, spec, QStringLiteral("spec"));
            if (old)
                validatePodUpdate(c, obj, *old);
        } else if (kind == QLatin1String("Service")) {
            validateService(c, obj, old);
        } else if (kind == QLatin1String("ConfigMap")) {
            validateDataKeys(c, obj, {"data", "binaryData"});
        } else if (kind == QLatin1String("Secret")) {
            validateDataKeys(c, obj, {"data", "stringData"});
            if (old && obj.value(QStringLiteral("type")) != old->value(QStringLiteral("type")))
                c.immutable(QStringLiteral("type"), obj.value(QStringLiteral("type")));
        } else if (kind == QLatin1String("Endpoints")) {
            const QJsonArray subsets = obj.value(QStringLiteral("subsets")).toArray();
            for (qsizetype i = 0; i < subsets.size(); ++i) {
                const QJsonArray ports = subsets[i].toObject().value(QStringLiteral("ports")).toArray();
                for (qsizetype j = 0; j < ports.size(); ++j)
                    validatePort(c, ports[j].toObject().value(QStringLiteral("port")),
                                 QStringLiteral("subsets[%1].ports[%2].port").arg(i).arg(j));
            }
        } else if (kind == QLatin1String("Event")) {
            if (obj.value(QStringLiteral("involvedObject")).toObject().isEmpty())
                c.required(QStringLiteral("involvedObject"));
        } else if (kind == QLatin1String("ResourceQuota")) {
            validateResources(c, QJsonObject{{QStringLiteral("requests"), spec.value(QStringLiteral("hard"))}},
                              QStringLiteral("spec.hard"));
        }
    } else if (group == QLatin1String("apps")) {
        validateWorkload(c, obj, old, kind == QLatin1String("Deployment"));
    } else if (group == QLatin1String("rbac.authorization.k8s.io")) {
        validateRbac(c, resource, obj);
    } else if (kind == QLatin1String("EndpointSlice")) {
        const QStringList types{QStringLiteral("IPv4"), QStringLiteral("IPv6"), QStringLiteral("FQDN")};
        if (!types.contains(obj.value(QStringLiteral("addressType")).toString()))
            c.notSupported(QStringLiteral("addressType"), obj.value(QStringLiteral("addressType")).toString(), types);
    } else if (kind == QLatin1String("NetworkPolicy")) {
        validateLabelSelector(c, spec.value(QStringLiteral("podSelector")).toObject(), QStringLiteral("spec.podSelector"));
    }
    return c.list;
}

}  // namespace timoneiro::api
