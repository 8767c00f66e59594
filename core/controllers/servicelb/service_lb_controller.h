#pragma once
// The service load balancer of a local cluster (the role a cloud's
// controller, MetalLB or k3s' ServiceLB plays): every Service of type
// LoadBalancer gets one address of a local pool in
// status.loadBalancer.ingress, which kubectl get svc shows as EXTERNAL-IP
// and kube-proxy DNATs like the ClusterIP. The address is released when
// the Service goes or changes type. The pool is routed to a local device
// (network::HostNetwork), so it is reachable only from this machine.
#include "controllers/controller.h"

#include <QHash>
#include <QHostAddress>

namespace timoneiro::controllers {

class ServiceLbController final : public Controller {
    Q_OBJECT
public:
    // pool: "10.250.0.0/24"; its first and last addresses are never given.
    ServiceLbController(client::Client &client, const QString &pool, QObject *parent = nullptr);

    // The address held for a Service key ("ns/name"), empty when none.
    QString allocated(const QString &key) const { return allocated_.value(key); }

protected:
    bool reconcile(const QString &key) override;

private:
    bool inPool(const QString &ip) const;
    QString nextFree() const;

    client::Informer &services_;
    QPair<QHostAddress, int> pool_;
    QHash<QString, QString> allocated_;  // service key -> address
};

}  // namespace timoneiro::controllers
