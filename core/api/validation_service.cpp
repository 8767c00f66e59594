// ValidateService: type, ports, selector, and the immutable clusterIP.
#include "validation_p.h"

#include <QSet>

namespace timoneiro::api::validation {

void validateService(Causes &c, const QJsonObject &svc, const QJsonObject *old)
{
    const QJsonObject spec = svc.value(QStringLiteral("spec")).toObject();
    const QString type = spec.value(QStringLiteral("type")).toString();
    const QStringList types{QStringLiteral("ClusterIP"), QStringLiteral("ExternalName"), QStringLiteral("LoadBalancer"),
                            QStringLiteral("NodePort")};
    if (!types.contains(type)) {
        c.notSupported(QStringLiteral("spec.type"), type, types);
        return;
    }
    const bool externalName = type == QLatin1String("ExternalName");
    const bool headless = spec.value(QStringLiteral("clusterIP")).toString() == QLatin1String("None");
    const QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
    if (externalName) {
        const QString target = spec.value(QStringLiteral("externalName")).toString();
        if (target.isEmpty())
            c.required(QStringLiteral("spec.externalName"));
        else
            c.invalidString(QStringLiteral("spec.externalName"), target, validateDnsSubdomain(target));
    } else if (ports.isEmpty() && !headless) {
        c.required(QStringLiteral("spec.ports"));
    }
    QSet<QString> names;
    QSet<QString> numbers;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QJsonObject p = ports[i].toObject();
        const QString pp = QStringLiteral("spec.ports[%1]").arg(i);
        const QString name = p.value(QStringLiteral("name")).toString();
        if (ports.size() > 1 && name.isEmpty())
            c.required(pp + QStringLiteral(".name"));
        if (!name.isEmpty()) {
            if (names.contains(name))
                c.duplicate(pp + QStringLiteral(".name"), quote(name));
            names.insert(name);
            c.invalidString(pp + QStringLiteral(".name"), name, validateDnsLabel(name));
        }
        validatePort(c, p.value(QStringLiteral("port")), pp + QStringLiteral(".port"));
        const QStringList protocols{QStringLiteral("SCTP"), QStringLiteral("TCP"), QStringLiteral("UDP")};
        const QString proto = p.value(QStringLiteral("protocol")).toString();
        if (!protocols.contains(proto))
            c.notSupported(pp + QStringLiteral(".protocol"), proto, protocols);
        const QString key = QString::number(p.value(QStringLiteral("port")).toInt()) + QLatin1Char('/') + proto;
        if (numbers.contains(key))
            c.duplicate(pp, QStringLiteral("core.ServicePort{Name:\"%1\", Protocol:\"%2\", Port:%3}")
                                .arg(name, proto).arg(p.value(QStringLiteral("port")).toInt()));
        numbers.insert(key);
        const QJsonValue target = p.value(QStringLiteral("targetPort"));
        if (target.isDouble())
            validatePort(c, target, pp + QStringLiteral(".targetPort"));
        else if (target.isString() && (target.toString().isEmpty() || target.toString().size() > 15))
            c.invalid(pp + QStringLiteral(".targetPort"), quote(target.toString()),
                      QStringLiteral("must contain at least one letter (a-z)"));
        if (p.contains(QStringLiteral("nodePort")) && type == QLatin1String("ClusterIP"))
            c.forbidden(pp + QStringLiteral(".nodePort"), QStringLiteral("may not be used when `type` is 'ClusterIP'"));
    }
    const QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
    validateLabelsMap(c, selector, QStringLiteral("spec.selector"));
    const QString affinity = spec.value(QStringLiteral("sessionAffinity")).toString();
    const QStringList affinities{QStringLiteral("ClientIP"), QStringLiteral("None")};
    if (!externalName && !affinities.contains(affinity))
        c.notSupported(QStringLiteral("spec.sessionAffinity"), affinity, affinities);
    if (old) {
        const QJsonObject oldSpec = old->value(QStringLiteral("spec")).toObject();
        const QJsonValue oldIp = oldSpec.value(QStringLiteral("clusterIP"));
        const QJsonValue ip = spec.value(QStringLiteral("clusterIP"));
        const bool wasExternal = oldSpec.value(QStringLiteral("type")).toString() == QLatin1String("ExternalName");
        if (!wasExternal && !externalName && !oldIp.toString().isEmpty() && ip != oldIp)
            c.immutable(QStringLiteral("spec.clusterIPs[0]"), ip);
    }
}

}  // namespace timoneiro::api::validation
