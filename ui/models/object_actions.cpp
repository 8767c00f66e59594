#include "object_actions.h"

#include "api/object.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::ui {

// The translation context of this file's messages.
class ObjectActions {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::ObjectActions)
};

bool canRestartRollout(const QString &kind)
{
    return kind == QLatin1String("Deployment") || kind == QLatin1String("DaemonSet") || kind == QLatin1String("StatefulSet");
}

bool canExpose(const QString &kind)
{
    return kind == QLatin1String("Pod") || kind == QLatin1String("Deployment") || kind == QLatin1String("ReplicaSet")
        || kind == QLatin1String("ReplicationController") || kind == QLatin1String("Service");
}

QByteArray restartPatch(const QDateTime &now)
{
    const QJsonObject patch{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("template"),
                      QJsonObject{{QStringLiteral("metadata"),
                                   QJsonObject{{QStringLiteral("annotations"),
                                                QJsonObject{{QLatin1String(kRestartedAtAnnotation),
                                                             now.toUTC().toString(Qt::ISODate)}}}}}}}}}};
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

QByteArray cordonPatch(bool unschedulable)
{
    // uncordon removes the field, as kubectl's patch does (false is its zero value).
    return unschedulable ? QByteArray(R"({"spec":{"unschedulable":true}})") : QByteArray(R"({"spec":{"unschedulable":null}})");
}

const api::ResourceInfo *resourceOf(const QJsonObject &obj)
{
    return api::ResourceRegistry::builtin().findByKind(obj.value(QStringLiteral("apiVersion")).toString(),
                                                       obj.value(QStringLiteral("kind")).toString());
}

namespace {

// kubectl's selector for expose: a pod's labels, a controller's matchLabels
// (a selector with expressions cannot be a Service's map selector).
api::Result<QJsonObject> selectorOf(const QJsonObject &target)
{
    const QString kind = target.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("Pod")) {
        const QJsonObject labels = api::metaOf(target).value(QStringLiteral("labels")).toObject();
        if (labels.isEmpty())
            return api::ApiError::badRequest(ObjectActions::tr("the pod %1 has no labels, so no Service can select it").arg(api::nameOf(target)));
        return labels;
    }
    const QJsonValue selector = api::specOf(target).value(QStringLiteral("selector"));
    if (kind == QLatin1String("Service") || kind == QLatin1String("ReplicationController")) {
        if (selector.toObject().isEmpty())
            return api::ApiError::badRequest(ObjectActions::tr("%1 %2 has no selector").arg(kind, api::nameOf(target)));
        return selector.toObject();
    }
    const QJsonObject s = selector.toObject();
    if (!s.value(QStringLiteral("matchExpressions")).toArray().isEmpty())
        return api::ApiError::badRequest(ObjectActions::tr("couldn't convert expressions of the selector of %1 %2 to a Service selector")
                                             .arg(kind, api::nameOf(target)));
    if (s.value(QStringLiteral("matchLabels")).toObject().isEmpty())
        return api::ApiError::badRequest(ObjectActions::tr("%1 %2 has no selector").arg(kind, api::nameOf(target)));
    return s.value(QStringLiteral("matchLabels")).toObject();
}

}  // namespace

api::Result<QJsonObject> serviceFor(const QJsonObject &target, const ExposeOptions &o)
{
    static const QStringList types{QStringLiteral("ClusterIP"), QStringLiteral("NodePort"), QStringLiteral("LoadBalancer"),
                                   QStringLiteral("ExternalName")};
    if (!types.contains(o.type))
        return api::ApiError::badRequest(ObjectActions::tr("unknown Service type \"%1\"").arg(o.type));
    const bool externalName = o.type == QLatin1String("ExternalName");
    if (externalName && o.externalName.trimmed().isEmpty())
        return api::ApiError::badRequest(ObjectActions::tr("an ExternalName Service needs an external name (a DNS name)"));
    if (o.port < 1 || o.port > 65535)
        return api::ApiError::badRequest(ObjectActions::tr("port %1 is not between 1 and 65535").arg(o.port));

    QJsonObject spec{{QStringLiteral("type"), o.type}};
    if (externalName) {
        spec.insert(QStringLiteral("externalName"), o.externalName.trimmed());
    } else {
        auto selector = selectorOf(target);
        if (!selector)
            return selector.error();
        spec.insert(QStringLiteral("selector"), *selector);
    }
    QJsonObject port{{QStringLiteral("protocol"), o.protocol}, {QStringLiteral("port"), o.port}};
    const QString target_ = o.targetPort.trimmed();
    bool numeric = false;
    const int targetNumber = target_.toInt(&numeric);
    if (target_.isEmpty())
        port.insert(QStringLiteral("targetPort"), o.port);
    else if (numeric)
        port.insert(QStringLiteral("targetPort"), targetNumber);
    else
        port.insert(QStringLiteral("targetPort"), target_);
    if (o.nodePort > 0 && (o.type == QLatin1String("NodePort") || o.type == QLatin1String("LoadBalancer")))
        port.insert(QStringLiteral("nodePort"), o.nodePort);
    spec.insert(QStringLiteral("ports"), QJsonArray{port});

    QJsonObject meta{{QStringLiteral("name"), o.name.isEmpty() ? api::nameOf(target) : o.name}};
    const QJsonObject labels = api::metaOf(target).value(QStringLiteral("labels")).toObject();
    if (!labels.isEmpty())
        meta.insert(QStringLiteral("labels"), labels);  // kubectl expose copies the target's labels
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Service")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec}};
}

void restartRollout(client::Client &client, const QJsonObject &obj, client::ObjectCallback done)
{
    const api::ResourceInfo *r = resourceOf(obj);
    if (!r || !canRestartRollout(r->kind)) {
        done(api::ApiError::badRequest(ObjectActions::tr("%1 cannot be restarted").arg(obj.value(QStringLiteral("kind")).toString())));
        return;
    }
    client.patch(*r, api::namespaceOf(obj), api::nameOf(obj), client::PatchType::Merge,
                 restartPatch(QDateTime::currentDateTimeUtc()), std::move(done));
}

void setUnschedulable(client::Client &client, const QString &node, bool unschedulable, client::ObjectCallback done)
{
    client.patch(api::builtinResource(QString(), QStringLiteral("nodes")), QString(), node, client::PatchType::Merge,
                 cordonPatch(unschedulable), std::move(done));
}

void expose(client::Client &client, const QJsonObject &target, const ExposeOptions &options, client::ObjectCallback done)
{
    auto service = serviceFor(target, options);
    if (!service) {
        done(service.error());
        return;
    }
    client.create(api::builtinResource(QString(), QStringLiteral("services")), api::namespaceOf(target), *service,
                  std::move(done));
}

}  // namespace timoneiro::ui
