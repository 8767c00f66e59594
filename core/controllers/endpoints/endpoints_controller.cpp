#include "endpoints_controller.h"

#include "api/selector.h"

#include <QJsonArray>
#include <QMap>

namespace timoneiro::controllers {

namespace {


// The port number a Service port's targetPort means for this pod (0: none).
int resolvePort(const QJsonObject &servicePort, const QJsonObject &pod)
{
    const QJsonValue target = servicePort.value(QStringLiteral("targetPort"));
    if (target.isDouble())
        return target.toInt();
    const QString name = target.toString();
    if (name.isEmpty())
        return servicePort.value(QStringLiteral("port")).toInt();
    for (const QJsonValue &c : pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray())
        for (const QJsonValue &p : c.toObject().value(QStringLiteral("ports")).toArray())
            if (p.toObject().value(QStringLiteral("name")).toString() == name)
                return p.toObject().value(QStringLiteral("containerPort")).toInt();
    return 0;
}

QJsonObject targetRef(const QJsonObject &pod)
{
    return {{QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("namespace"), namespaceOf(pod)},
            {QStringLiteral("name"), nameOf(pod)},
            {QStringLiteral("uid"), uidOf(pod)}};
}

}  // namespace

EndpointsView computeEndpoints(const QJsonObject &svc, const QList<QJsonObject> &pods)
{
    EndpointsView view;
    const QJsonObject spec = svc.value(QStringLiteral("spec")).toObject();
    auto selector = api::LabelSelector::fromJson(QJsonObject{{QStringLiteral("matchLabels"), spec.value(QStringLiteral("selector"))}});
    const QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
    const bool publishNotReady = spec.value(QStringLiteral("publishNotReadyAddresses")).toBool();
    // Subsets group addresses by the ports they resolve to, as Kubernetes' repacking does.
    QMap<QString, QPair<QJsonArray, QPair<QJsonArray, QJsonArray>>> groups;  // signature -> (ports, (ready, notReady))
    bool slicePortsDone = false;
    for (const QJsonObject &pod : pods) {
        const QString ip = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("podIP")).toString();
        if (!selector || !selector->matches(metaOf(pod).value(QStringLiteral("labels")).toObject()) || ip.isEmpty())
            continue;
        const QString phase = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
        if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            continue;
        const bool terminating = isDeleting(pod);
        const bool ready = (api::isReady(pod) || publishNotReady) && !terminating;
        QJsonArray resolved;
        QStringList signature;
        for (const QJsonValue &pv : ports) {
            const QJsonObject p = pv.toObject();
            const int port = resolvePort(p, pod);
            if (port == 0)
                continue;
            QJsonObject ep{{QStringLiteral("port"), port}, {QStringLiteral("protocol"), p.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"))}};
            if (!p.value(QStringLiteral("name")).toString().isEmpty())
                ep.insert(QStringLiteral("name"), p.value(QStringLiteral("name")));
            resolved.append(ep);
            signature << QString::number(port);
        }
        QJsonObject address{{QStringLiteral("ip"), ip}, {QStringLiteral("targetRef"), targetRef(pod)}};
        const QString node = pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString();
        if (!node.isEmpty())
            address.insert(QStringLiteral("nodeName"), node);
        if (!terminating || ready) {
            auto &g = groups[signature.join(QLatin1Char(','))];
            g.first = resolved;
            (ready ? g.second.first : g.second.second).append(address);
        }
        QJsonObject endpoint{{QStringLiteral("addresses"), QJsonArray{ip}},
                             {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("ready"), ready},
                                                                        {QStringLiteral("serving"), api::isReady(pod)},
                                                                        {QStringLiteral("terminating"), terminating}}},
                             {QStringLiteral("targetRef"), targetRef(pod)}};
        if (!node.isEmpty())
            endpoint.insert(QStringLiteral("nodeName"), node);
        view.endpoints.append(endpoint);
        if (!slicePortsDone) {
            view.slicePorts = resolved;
            slicePortsDone = true;
        }
    }
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        QJsonObject subset;
        if (!it->second.first.isEmpty())
            subset.insert(QStringLiteral("addresses"), it->second.first);
        if (!it->second.second.isEmpty())
            subset.insert(QStringLiteral("notReadyAddresses"), it->second.second);
        if (!it->first.isEmpty())
            subset.insert(QStringLiteral("ports"), it->first);
        view.subsets.append(subset);
    }
    return view;
}

EndpointsController::EndpointsController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("endpoint-controller"), parent),
      services_(watch("", "services")),
      pods_(watch("", "pods", [this](const QJsonObject &pod) { return servicesSelecting(pod); })),
      endpoints_(watch("", "endpoints")),
      slices_(watch("discovery.k8s.io", "endpointslices", [](const QJsonObject &slice) {
          const QString svc = metaOf(slice).value(QStringLiteral("labels")).toObject()
                                  .value(QStringLiteral("kubernetes.io/service-name")).toString();
          return QStringList{svc.isEmpty() ? QString() : namespaceOf(slice) + QLatin1Char('/') + svc};
      }))
{
}

QStringList EndpointsController::servicesSelecting(const QJsonObject &pod) const
{
    QStringList keys;
    const QJsonObject labels = metaOf(pod).value(QStringLiteral("labels")).toObject();
    for (const QJsonObject &svc : services_.list(namespaceOf(pod))) {
        const QJsonObject selector = svc.value(QStringLiteral("spec")).toObject().value(QStringLiteral("selector")).toObject();
        auto s = api::LabelSelector::fromJson(QJsonObject{{QStringLiteral("matchLabels"), selector}});
        if (!selector.isEmpty() && s && s->matches(labels))
            keys << client::Informer::keyOf(svc);
    }
    return keys;
}

bool EndpointsController::reconcile(const QString &key)
{
    const QString ns = key.section(QLatin1Char('/'), 0, 0);
    const QString name = key.section(QLatin1Char('/'), 1);
    const std::optional<QJsonObject> svc = services_.get(key);
    const std::optional<QJsonObject> current = endpoints_.get(key);
    const bool managed = svc && !svc->value(QStringLiteral("spec")).toObject().value(QStringLiteral("selector")).toObject().isEmpty()
        && svc->value(QStringLiteral("spec")).toObject().value(QStringLiteral("type")).toString() != QLatin1String("ExternalName");
    if (!svc) {
        // The apiserver's own kubernetes Endpoints have no Service selector; others go with their Service.
        if (current && key != QLatin1String("default/kubernetes"))
            client_.remove(builtinResource("", "endpoints"), ns, name, retryOnError(key));
        for (const QJsonObject &slice : slices_.list(ns))
            if (metaOf(slice).value(QStringLiteral("labels")).toObject().value(QStringLiteral("kubernetes.io/service-name")).toString() == name)
                client_.remove(builtinResource("discovery.k8s.io", "endpointslices"), ns, nameOf(slice), retryOnError(key));
        return true;
    }
    if (!managed)
        return true;
    const EndpointsView view = computeEndpoints(*svc, pods_.list(ns));
    QJsonObject wanted{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Endpoints")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), ns},
                                    {QStringLiteral("labels"), metaOf(*svc).value(QStringLiteral("labels"))}}}};
    if (!view.subsets.isEmpty())
        wanted.insert(QStringLiteral("subsets"), view.subsets);
    if (!current) {
        client_.create(builtinResource("", "endpoints"), ns, wanted, retryOnError(key));
    } else if (current->value(QStringLiteral("subsets")) != wanted.value(QStringLiteral("subsets"))
               || metaOf(*current).value(QStringLiteral("labels")) != metaOf(wanted).value(QStringLiteral("labels"))) {
        QJsonObject meta = metaOf(*current);
        meta.insert(QStringLiteral("labels"), metaOf(wanted).value(QStringLiteral("labels")));
        wanted.insert(QStringLiteral("metadata"), meta);
        client_.update(builtinResource("", "endpoints"), wanted, retryOnError(key));
    }
    syncSlice(key, *svc, view);
    return true;
}

void EndpointsController::syncSlice(const QString &key, const QJsonObject &svc, const EndpointsView &view)
{
    const QString ns = namespaceOf(svc), name = nameOf(svc);
    std::optional<QJsonObject> current;
    for (const QJsonObject &slice : slices_.list(ns))
        if (metaOf(slice).value(QStringLiteral("labels")).toObject().value(QStringLiteral("kubernetes.io/service-name")).toString() == name)
            current = slice;
    // A slice being created is not in the cache yet: do not create a second one.
    if (current)
        creating_.remove(key);
    else if (creating_.contains(key))
        return;
    QJsonObject slice = current.value_or(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("discovery.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("EndpointSlice")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("generateName"), name + QLatin1Char('-')},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/service-name"), name},
                                                            {QStringLiteral("endpointslice.kubernetes.io/managed-by"),
                                                             QStringLiteral("endpointslice-controller.k8s.io")}}},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                             {QStringLiteral("kind"), QStringLiteral("Service")},
                                             {QStringLiteral("name"), name},
                                             {QStringLiteral("uid"), uidOf(svc)},
                                             {QStringLiteral("controller"), true},
                                             {QStringLiteral("blockOwnerDeletion"), true}}}}}},
        {QStringLiteral("addressType"), QStringLiteral("IPv4")}});
    const QJsonValue endpoints = view.endpoints.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(view.endpoints);
    if (current && current->value(QStringLiteral("endpoints")) == endpoints
        && current->value(QStringLiteral("ports")) == QJsonValue(view.slicePorts))
        return;
    slice.insert(QStringLiteral("endpoints"), endpoints);
    slice.insert(QStringLiteral("ports"), view.slicePorts);
    if (current)
        client_.update(builtinResource("discovery.k8s.io", "endpointslices"), slice, retryOnError(key));
    else {
        creating_.insert(key);
        client_.create(builtinResource("discovery.k8s.io", "endpointslices"), ns, slice, [this, key](const api::Result<QJsonObject> &r) {
            if (!r) {
                creating_.remove(key);
                queue_.addRateLimited(key);
            }
        });
    }
}

}  // namespace timoneiro::controllers
