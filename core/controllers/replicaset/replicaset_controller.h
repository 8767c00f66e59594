#pragma once
// ReplicaSet: keeps spec.replicas pods matching the selector, created from
// the template with an ownerReference to the ReplicaSet; adopts matching
// orphans, releases pods that no longer match, and reports status.
// Expectations (creates and deletes sent, not yet seen) keep it from acting
// twice on a stale cache, as Kubernetes' controller does.
#include "controllers/controller.h"

#include <QSet>

namespace timoneiro::controllers {

class ReplicaSetController final : public Controller {
    Q_OBJECT
public:
    explicit ReplicaSetController(client::Client &client, QObject *parent = nullptr);

    // Which surplus pods go first: unscheduled, pending, not ready, then the newest.
    static QList<QJsonObject> deletionOrder(QList<QJsonObject> pods);

protected:
    bool reconcile(const QString &key) override;

private:
    struct Expectations {
        int adds = 0;
        int deletes = 0;
        qint64 setAtMs = 0;
    };
    QStringList ownersOf(const QJsonObject &pod) const;
    bool satisfied(const QString &key) const;
    QJsonObject newPod(const QJsonObject &rs) const;
    void updateStatus(const QJsonObject &rs, const QList<QJsonObject> &pods);

    client::Informer &sets_;
    client::Informer &pods_;
    QHash<QString, Expectations> expectations_;
    QHash<QString, QSet<QString>> podsByNamespace_;  // namespace -> keys of its pods in pods_
};

}  // namespace timoneiro::controllers
