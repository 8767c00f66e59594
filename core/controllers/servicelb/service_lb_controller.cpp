#include "service_lb_controller.h"

#include <QJsonArray>
#include <QSet>

namespace timoneiro::controllers {

ServiceLbController::ServiceLbController(client::Client &client, const QString &pool, QObject *parent)
    : Controller(client, QStringLiteral("service-lb-controller"), parent), services_(watch("", "services")),
      pool_(QHostAddress::parseSubnet(pool))
{
}

bool ServiceLbController::inPool(const QString &ip) const
{
    const QHostAddress a(ip);
    return !a.isNull() && pool_.second > 0 && a.isInSubnet(pool_);
}

QString ServiceLbController::nextFree() const
{
    if (pool_.first.isNull() || pool_.second < 1 || pool_.second > 30)
        return {};
    const QSet<QString> taken(allocated_.cbegin(), allocated_.cend());
    const quint32 base = pool_.first.toIPv4Address();
    const quint32 size = quint32(1) << (32 - pool_.second);
    for (quint32 i = 1; i + 1 < size; ++i) {
        const QString ip = QHostAddress(base + i).toString();
        if (!taken.contains(ip))
            return ip;
    }
    return {};
}

bool ServiceLbController::reconcile(const QString &key)
{
    const std::optional<QJsonObject> svc = services_.get(key);
    const QJsonObject spec = svc ? svc->value(QStringLiteral("spec")).toObject() : QJsonObject();
    // A loadBalancerClass names another implementation, as in Kubernetes.
    const bool wanted = svc && !isDeleting(*svc) && spec.value(QStringLiteral("type")).toString() == QLatin1String("LoadBalancer")
                        && spec.value(QStringLiteral("loadBalancerClass")).toString().isEmpty();
    QJsonObject status = svc ? svc->value(QStringLiteral("status")).toObject() : QJsonObject();
    QStringList current;
    for (const QJsonValue &i : status.value(QStringLiteral("loadBalancer")).toObject().value(QStringLiteral("ingress")).toArray())
        current << i.toObject().value(QStringLiteral("ip")).toString();

    if (!wanted) {
        allocated_.remove(key);
        bool ours = false;
        for (const QString &ip : std::as_const(current))
            ours = ours || inPool(ip);
        if (!svc || !ours)
            return true;
        status.insert(QStringLiteral("loadBalancer"), QJsonObject());
        QJsonObject updated = *svc;
        updated.insert(QStringLiteral("status"), status);
        client_.updateStatus(builtinResource("", "services"), updated, retryOnError(key));
        return true;
    }

    QString ip = allocated_.value(key);
    if (ip.isEmpty()) {
        // After a restart: keep the address the Service already shows, unless another holds it.
        const QSet<QString> taken(allocated_.cbegin(), allocated_.cend());
        for (const QString &c : std::as_const(current)) {
            if (ip.isEmpty() && inPool(c) && !taken.contains(c))
                ip = c;
        }
        if (ip.isEmpty())
            ip = nextFree();
        if (ip.isEmpty()) {
            events_.record(*svc, QStringLiteral("Warning"), QStringLiteral("AllocationFailed"),
                           QStringLiteral("no address left in the LoadBalancer pool %1/%2").arg(pool_.first.toString()).arg(pool_.second));
            return false;
        }
        allocated_.insert(key, ip);
    }
    if (current == QStringList{ip})
        return true;
    status.insert(QStringLiteral("loadBalancer"),
                  QJsonObject{{QStringLiteral("ingress"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}, {QStringLiteral("ipMode"), QStringLiteral("VIP")}}}}});
    QJsonObject updated = *svc;
    updated.insert(QStringLiteral("status"), status);
    client_.updateStatus(builtinResource("", "services"), updated, retryOnError(key));
    events_.record(*svc, QStringLiteral("Normal"), QStringLiteral("EnsuredLoadBalancer"),
                   QStringLiteral("Assigned IP %1 from the local pool").arg(ip));
    return true;
}

}  // namespace timoneiro::controllers
