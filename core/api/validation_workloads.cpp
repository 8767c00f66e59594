// Deployments and ReplicaSets: replicas, selector, template, strategy.
#include "validation_p.h"

#include "selector.h"

namespace timoneiro::api::validation {

void validateWorkload(Causes &c, const QJsonObject &obj, const QJsonObject *old, bool deployment)
{
    const QJsonObject spec = obj.value(QStringLiteral("spec")).toObject();
    const QJsonValue replicas = spec.value(QStringLiteral("replicas"));
    if (replicas.isDouble() && replicas.toDouble() < 0)
        c.invalid(QStringLiteral("spec.replicas"), shown(replicas), QStringLiteral("must be greater than or equal to 0"));
    const QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
    const QJsonObject tmpl = spec.value(QStringLiteral("template")).toObject();
    const QJsonObject labels = tmpl.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject();
    if (selector.value(QStringLiteral("matchLabels")).toObject().isEmpty()
        && selector.value(QStringLiteral("matchExpressions")).toArray().isEmpty()) {
        c.required(QStringLiteral("spec.selector"));
    } else {
        validateLabelSelector(c, selector, QStringLiteral("spec.selector"));
        auto sel = LabelSelector::fromJson(selector);
        if (sel && !sel->matches(labels))
            c.invalid(QStringLiteral("spec.template.metadata.labels"), shown(labels),
                      QStringLiteral("`selector` does not match template `labels`"));
    }
    validateLabelsMap(c, labels, QStringLiteral("spec.template.metadata.labels"));
    validatePodSpec(c, tmpl.value(QStringLiteral("spec")).toObject(), QStringLiteral("spec.template.spec"));
    const QString restart = tmpl.value(QStringLiteral("spec")).toObject().value(QStringLiteral("restartPolicy")).toString();
    if (restart != QLatin1String("Always") && !restart.isEmpty())
        c.notSupported(QStringLiteral("spec.template.spec.restartPolicy"), restart, {QStringLiteral("Always")});
    if (deployment) {
        const QJsonObject strategy = spec.value(QStringLiteral("strategy")).toObject();
        const QString type = strategy.value(QStringLiteral("type")).toString();
        const QStringList types{QStringLiteral("Recreate"), QStringLiteral("RollingUpdate")};
        if (!types.contains(type))
            c.notSupported(QStringLiteral("spec.strategy.type"), type, types);
        if (type == QLatin1String("Recreate") && strategy.contains(QStringLiteral("rollingUpdate")))
            c.forbidden(QStringLiteral("spec.strategy.rollingUpdate"),
                        QStringLiteral("may not be specified when strategy `type` is 'Recreate'"));
        const QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
        auto isZero = [](const QJsonValue &v) {
            return (v.isDouble() && v.toInt() == 0) || v.toString() == QLatin1String("0%") || v.toString() == QLatin1String("0");
        };
        if (type == QLatin1String("RollingUpdate") && isZero(rolling.value(QStringLiteral("maxSurge")))
            && isZero(rolling.value(QStringLiteral("maxUnavailable"))))
            c.invalid(QStringLiteral("spec.strategy.rollingUpdate.maxUnavailable"),
                      shown(rolling.value(QStringLiteral("maxUnavailable"))),
                      QStringLiteral("may not be 0 when `maxSurge` is 0"));
    }
    if (old) {
        const QJsonValue oldSelector = old->value(QStringLiteral("spec")).toObject().value(QStringLiteral("selector"));
        if (oldSelector != spec.value(QStringLiteral("selector")))
            c.immutable(QStringLiteral("spec.selector"), spec.value(QStringLiteral("selector")));
    }
}

}  // namespace timoneiro::api::validation
