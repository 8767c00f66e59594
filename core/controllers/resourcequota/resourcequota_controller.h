#pragma once
// ResourceQuota status: status.hard mirrors spec.hard and status.used is
// what the namespace's objects use now, so `kubectl describe quota` shows
// it. (Refusing what goes over is the API server's quota admission.)
#include "controllers/controller.h"

namespace timoneiro::controllers {

class ResourceQuotaController final : public Controller {
    Q_OBJECT
public:
    explicit ResourceQuotaController(client::Client &client, QObject *parent = nullptr);

protected:
    bool reconcile(const QString &key) override;

private:
    QStringList quotasIn(const QString &ns) const;

    client::Informer &quotas_;
    QList<client::Informer *> counted_;
};

}  // namespace timoneiro::controllers
