#include "strategy.h"

#include "object_meta.h"

#include "api/resource.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {
const QString kStatus = QStringLiteral("status");
const QString kSpec = QStringLiteral("spec");

bool is(const api::ResourceInfo &r, const char *group, const char *kind)
{
    return r.group == QLatin1String(group) && r.kind == QLatin1String(kind);
}
}  // namespace

bool hasStatusSubresource(const api::ResourceInfo &resource)
{
    return resource.subresource(QStringLiteral("status")) != nullptr;
}

bool tracksGeneration(const api::ResourceInfo &resource)
{
    return is(resource, "apps", "Deployment") || is(resource, "apps", "ReplicaSet")
           || is(resource, "networking.k8s.io", "NetworkPolicy");
}

QString podQosClass(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(kSpec).toObject();
    bool any = false;
    bool guaranteed = true;
    for (const char *list : {"initContainers", "containers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray()) {
            const QJsonObject res = c.toObject().value(QStringLiteral("resources")).toObject();
            const QJsonObject requests = res.value(QStringLiteral("requests")).toObject();
            const QJsonObject limits = res.value(QStringLiteral("limits")).toObject();
            if (!requests.isEmpty() || !limits.isEmpty())
                any = true;
            for (const char *r : {"cpu", "memory"}) {
                const QString name = QLatin1String(r);
                const QJsonValue limit = limits.value(name);
                const QJsonValue request = requests.contains(name) ? requests.value(name) : limit;
                if (limit.isUndefined() || request != limit)
                    guaranteed = false;
            }
        }
    }
    if (!any)
        return QStringLiteral("BestEffort");
    return guaranteed ? QStringLiteral("Guaranteed") : QStringLiteral("Burstable");
}

namespace {

bool needsNodePorts(const QJsonObject &service)
{
    const QString type = service.value(kSpec).toObject().value(QStringLiteral("type")).toString();
    return type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer");
}

QList<int> nodePortsOf(const QJsonObject &service)
{
    QList<int> ports;
    for (const QJsonValue &p : service.value(kSpec).toObject().value(QStringLiteral("ports")).toArray())
        ports << p.toObject().value(QStringLiteral("nodePort")).toInt();
    return ports;
}

// As Kubernetes' dropTypeDependentFields: a Service changed to a type that
// has no node ports (ClusterIP, ExternalName) loses the node ports it was
// given, unless the writer changed them on purpose (then validation says no).
void dropTypeDependentFields(QJsonObject &service, const QJsonObject &old)
{
    if (needsNodePorts(service) || !needsNodePorts(old) || nodePortsOf(service) != nodePortsOf(old))
        return;
    QJsonObject spec = service.value(kSpec).toObject();
    QJsonArray ports;
    for (const QJsonValue &p : spec.value(QStringLiteral("ports")).toArray()) {
        QJsonObject port = p.toObject();
        port.remove(QStringLiteral("nodePort"));
        ports.append(port);
    }
    spec.insert(QStringLiteral("ports"), ports);
    if (spec.value(QStringLiteral("type")).toString() != QLatin1String("LoadBalancer")) {
        spec.remove(QStringLiteral("healthCheckNodePort"));
        spec.remove(QStringLiteral("allocateLoadBalancerNodePorts"));
        spec.remove(QStringLiteral("loadBalancerClass"));
    }
    service.insert(kSpec, spec);
}

}  // namespace

void prepareForCreate(const api::ResourceInfo &resource, QJsonObject &obj)
{
    if (tracksGeneration(resource))
        setMetadataField(obj, QStringLiteral("generation"), 1);
    if (resource.group.isEmpty() && resource.kind == QLatin1String("Pod")) {
        obj.insert(kStatus, QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                                        {QStringLiteral("qosClass"), podQosClass(obj)}});
    } else if (resource.group.isEmpty() && resource.kind == QLatin1String("Namespace")) {
        obj.insert(kStatus, QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}});
    } else if (resource.group.isEmpty() && resource.kind == QLatin1String("Service")) {
        obj.insert(kStatus, QJsonObject{{QStringLiteral("loadBalancer"), QJsonObject{}}});
    } else if (resource.group.isEmpty() && resource.kind == QLatin1String("Node")) {
        // Nodes register with their status (the kubelet's report).
    } else if (hasStatusSubresource(resource)) {
        obj.insert(kStatus, QJsonObject{});
    }
}

void prepareForUpdate(const api::ResourceInfo &resource, QJsonObject &obj, const QJsonObject &old, bool statusWrite)
{
    if (statusWrite) {
        // Only status (and metadata the status writer may touch: none of
        // spec) changes through the status subresource.
        QJsonObject merged = old;
        merged.insert(kStatus, obj.value(kStatus));
        QJsonObject meta = metadataOf(old);
        const QJsonValue rv = metadataOf(obj).value(QStringLiteral("resourceVersion"));
        if (!rv.isUndefined())
            meta.insert(QStringLiteral("resourceVersion"), rv);
        merged.insert(QStringLiteral("metadata"), meta);
        obj = merged;
        return;
    }
    if (resource.group.isEmpty() && resource.kind == QLatin1String("Service"))
        dropTypeDependentFields(obj, old);
    if (hasStatusSubresource(resource)) {
        if (old.contains(kStatus))
            obj.insert(kStatus, old.value(kStatus));
        else
            obj.remove(kStatus);
    }
    if (tracksGeneration(resource)) {
        qint64 generation = metadataOf(old).value(QStringLiteral("generation")).toInteger(1);
        if (obj.value(kSpec) != old.value(kSpec))
            ++generation;
        setMetadataField(obj, QStringLiteral("generation"), generation);
    }
}

void keepAllocatedValues(QJsonObject &svc, const QJsonObject &old)
{
    QJsonObject spec = svc.value(kSpec).toObject();
    const QJsonObject oldSpec = old.value(kSpec).toObject();
    if (spec.value(QStringLiteral("type")).toString() == QLatin1String("ExternalName"))
        return;
    for (const char *field : {"clusterIP", "clusterIPs"}) {
        const QString f = QLatin1String(field);
        if ((spec.value(f).isUndefined() || spec.value(f).toString() == QString()) && spec.value(f).toArray().isEmpty()
            && oldSpec.contains(f))
            spec.insert(f, oldSpec.value(f));
    }
    QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
    const QJsonArray oldPorts = oldSpec.value(QStringLiteral("ports")).toArray();
    // A type without node ports does not get the old ones back.
    for (int i = 0; needsNodePorts(svc) && i < ports.size(); ++i) {
        QJsonObject p = ports[i].toObject();
        if (p.value(QStringLiteral("nodePort")).toInt() != 0)
            continue;
        for (const QJsonValue &o : oldPorts) {
            const QJsonObject op = o.toObject();
            if (op.value(QStringLiteral("port")) == p.value(QStringLiteral("port")) && op.contains(QStringLiteral("nodePort")))
                p.insert(QStringLiteral("nodePort"), op.value(QStringLiteral("nodePort")));
        }
        ports[i] = p;
    }
    if (!ports.isEmpty())
        spec.insert(QStringLiteral("ports"), ports);
    svc.insert(kSpec, spec);
}

}  // namespace timoneiro::apiserver
