#pragma once
// Every namespace gets a `default` ServiceAccount and the kube-root-ca.crt
// ConfigMap holding the cluster CA (what pods' projected token volumes
// read), like the serviceaccount and root-ca-cert-publisher controllers.
#include "controllers/controller.h"

namespace timoneiro::controllers {

class ServiceAccountController final : public Controller {
    Q_OBJECT
public:
    ServiceAccountController(client::Client &client, QByteArray caCertificatePem, QObject *parent = nullptr);

protected:
    bool reconcile(const QString &ns) override;

private:
    QByteArray caPem_;
    client::Informer &namespaces_;
    client::Informer &accounts_;
    client::Informer &configMaps_;
};

}  // namespace timoneiro::controllers
