#pragma once
// Node lifecycle: a node whose Lease stops being renewed for the grace
// period goes Unknown (conditions) and gets the unreachable taints; pods
// that do not tolerate NoExecute for long enough are evicted, so their
// controllers replace them elsewhere. A node that comes back loses the taints.
#include "controllers/controller.h"

#include <QTimer>

namespace timoneiro::controllers {

class NodeLifecycleController final : public Controller {
    Q_OBJECT
public:
    // gracePeriodSeconds: Kubernetes' node-monitor-grace-period (40 s).
    explicit NodeLifecycleController(client::Client &client, int gracePeriodSeconds = 40, QObject *parent = nullptr);

protected:
    bool reconcile(const QString &node) override;

private:
    void markUnknown(const QJsonObject &node);
    void setTaints(const QJsonObject &node, bool unreachable);
    void evictPods(const QJsonObject &node);

    int grace_;
    client::Informer &nodes_;
    client::Informer &leases_;
    client::Informer &pods_;
    QTimer monitor_;
    QHash<QString, qint64> evicted_;  // pod uid -> when deleted
};

}  // namespace timoneiro::controllers
