// Service admission: ClusterIP from the service range and NodePorts from
// 30000-32767, allocated when a Service is written and released when it goes.
#include "apiserver_p.h"

#include "object_meta.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

const QString kSpec = QStringLiteral("spec");
const QString kClusterIP = QStringLiteral("clusterIP");
const QString kClusterIPs = QStringLiteral("clusterIPs");
const QString kPorts = QStringLiteral("ports");
const QString kNodePort = QStringLiteral("nodePort");

bool usesNodePorts(const QJsonObject &spec)
{
    const QString type = spec.value(QStringLiteral("type")).toString();
    return type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer");
}

bool hasClusterIP(const QString &ip)
{
    return !ip.isEmpty() && ip != QLatin1String("None");
}

api::ApiError invalidField(const QJsonObject &svc, const QString &field, const QString &value, const QString &detail)
{
    return api::ApiError::invalid(QString(), QStringLiteral("Service"),
                                  metadataOf(svc).value(QStringLiteral("name")).toString(),
                                  {api::invalidCause(field, value, detail)});
}

}  // namespace

void ApiServer::Private::loadAllocators()
{
    if (allocatorsLoaded)
        return;
    allocatorsLoaded = true;
    const api::ResourceInfo *services = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("services"));
    auto rows = store.list(services->storePrefix());
    if (!rows)
        return;
    for (const store::KeyValue &kv : rows->items) {
        const QJsonObject spec = decodeStored(kv.value, kv.revision).value(kSpec).toObject();
        const QString ip = spec.value(kClusterIP).toString();
        if (hasClusterIP(ip))
            serviceIps.allocate(ip);
        for (const QJsonValue &p : spec.value(kPorts).toArray())
            if (int port = p.toObject().value(kNodePort).toInt())
                nodePorts.allocate(port);
    }
}

std::optional<api::ApiError> ApiServer::Private::admitService(QJsonObject &svc, const QJsonObject *old, bool dryRun)
{
    loadAllocators();
    QJsonObject spec = svc.value(kSpec).toObject();
    const QJsonObject oldSpec = old ? old->value(kSpec).toObject() : QJsonObject();
    const QString type = spec.value(QStringLiteral("type")).toString();
    QStringList newIps;   // allocated by this call, released again on failure or dry run
    QList<int> newPorts;
    auto rollback = [&] {
        for (const QString &ip : newIps)
            serviceIps.release(ip);
        for (int port : newPorts)
            nodePorts.release(port);
    };

    QString ip = spec.value(kClusterIP).toString();
    const QString oldIp = oldSpec.value(kClusterIP).toString();
    if (type == QLatin1String("ExternalName")) {
        spec.remove(kClusterIP);
        spec.remove(kClusterIPs);
    } else {
        if (ip.isEmpty() && old)
            ip = oldIp;  // an update that leaves clusterIP out keeps it
        if (ip.isEmpty()) {
            auto next = serviceIps.allocateNext();
            if (!next)
                return api::ApiError::internal(QStringLiteral("failed to allocate a serviceIP: range is full"));
            ip = *next;
            newIps << ip;
        } else if (ip != QLatin1String("None") && ip != oldIp) {
            const QString shown = QStringLiteral("[]string{\"%1\"}").arg(ip);
            if (!serviceIps.contains(ip))
                return invalidField(svc, QStringLiteral("spec.clusterIPs"), shown,
                                    QStringLiteral("failed to allocate IP %1: the provided IP (%1) is not in the valid "
                                                   "range. The range of valid IPs is %2")
                                        .arg(ip, serviceIps.cidr()));
            if (!serviceIps.allocate(ip))
                return invalidField(svc, QStringLiteral("spec.clusterIPs"), shown,
                                    QStringLiteral("failed to allocate IP %1: provided IP is already allocated").arg(ip));
            newIps << ip;
        }
        spec.insert(kClusterIP, ip);
        spec.insert(kClusterIPs, QJsonArray{ip});
    }

    QJsonArray ports = spec.value(kPorts).toArray();
    const QJsonArray oldPorts = oldSpec.value(kPorts).toArray();
    auto oldNodePortFor = [&](int port) {
        for (const QJsonValue &p : oldPorts)
            if (p.toObject().value(QStringLiteral("port")).toInt() == port)
                return p.toObject().value(kNodePort).toInt();
        return 0;
    };
    QSet<int> oldNodePorts;
    for (const QJsonValue &p : oldPorts)
        if (int n = p.toObject().value(kNodePort).toInt())
            oldNodePorts.insert(n);
    for (int i = 0; i < ports.size(); ++i) {
        QJsonObject port = ports[i].toObject();
        if (!usesNodePorts(spec)) {
            port.remove(kNodePort);
            ports[i] = port;
            continue;
        }
        int nodePort = port.value(kNodePort).toInt();
        if (nodePort == 0)
            nodePort = oldNodePortFor(port.value(QStringLiteral("port")).toInt());
        const QString field = QStringLiteral("spec.ports[%1].nodePort").arg(i);
        if (nodePort == 0) {
            auto next = nodePorts.allocateNext();
            if (!next) {
                rollback();
                return api::ApiError::internal(QStringLiteral("failed to allocate a nodePort: range is full"));
            }
            nodePort = *next;
            newPorts << nodePort;
        } else if (!oldNodePorts.contains(nodePort)) {
            if (!nodePorts.contains(nodePort)) {
                rollback();
                return invalidField(svc, field, QString::number(nodePort),
                                    QStringLiteral("provided port is not in the valid range. The range of valid ports "
                                                   "is %1")
                                        .arg(nodePorts.range()));
            }
            if (!nodePorts.allocate(nodePort)) {
                rollback();
                return invalidField(svc, field, QString::number(nodePort),
                                    QStringLiteral("provided port is already allocated"));
            }
            newPorts << nodePort;
        }
        port.insert(kNodePort, nodePort);
        ports[i] = port;
    }
    if (!ports.isEmpty())
        spec.insert(kPorts, ports);
    svc.insert(kSpec, spec);

    if (dryRun) {
        rollback();
        return std::nullopt;
    }
    // What the old spec held and the new one no longer does goes back to the pools.
    if (old) {
        if (hasClusterIP(oldIp) && oldIp != spec.value(kClusterIP).toString())
            serviceIps.release(oldIp);
        QSet<int> kept;
        for (const QJsonValue &p : ports)
            kept.insert(p.toObject().value(kNodePort).toInt());
        for (int n : oldNodePorts)
            if (!kept.contains(n))
                nodePorts.release(n);
    }
    return std::nullopt;
}

void ApiServer::Private::releaseService(const QJsonObject &svc)
{
    loadAllocators();
    const QJsonObject spec = svc.value(kSpec).toObject();
    const QString ip = spec.value(kClusterIP).toString();
    if (hasClusterIP(ip))
        serviceIps.release(ip);
    for (const QJsonValue &p : spec.value(kPorts).toArray())
        if (int port = p.toObject().value(kNodePort).toInt())
            nodePorts.release(port);
}

}  // namespace timoneiro::apiserver
