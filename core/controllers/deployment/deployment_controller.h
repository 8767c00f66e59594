#pragma once
// Deployment: owns one ReplicaSet per pod template (named by the
// template's hash), and moves replicas from the old ones to the new one --
// all at once (Recreate) or within maxSurge/maxUnavailable (RollingUpdate).
// Keeps revisions (so `kubectl rollout history|undo` work), honours pause,
// and reports replicas and the Available and Progressing conditions that
// `kubectl rollout status` reads.
#include "controllers/controller.h"

namespace timoneiro::controllers {

// The pod-template-hash of a template, as Kubernetes derives it (FNV-32a,
// safe-encoded).
QString podTemplateHash(const QJsonObject &podTemplate);
// maxSurge / maxUnavailable against replicas: an int, or a percentage
// (surge rounds up, unavailable rounds down).
int resolveIntOrPercent(const QJsonValue &value, int replicas, bool roundUp);

class DeploymentController final : public Controller {
    Q_OBJECT
public:
    explicit DeploymentController(client::Client &client, QObject *parent = nullptr);

protected:
    bool reconcile(const QString &key) override;

private:
    QList<QJsonObject> ownedSets(const QJsonObject &d) const;
    void createNewSet(const QJsonObject &d, const QString &hash, int replicas, int revision);
    void scaleSet(const QJsonObject &d, const QJsonObject &rs, int replicas);
    void setRevision(const QJsonObject &rs, int revision);
    void updateStatus(const QJsonObject &d, const QList<QJsonObject> &sets, const QJsonObject *newSet);

    client::Informer &deployments_;
    client::Informer &sets_;
    QSet<QString> creating_;  // "ns/name" of ReplicaSets being created
};

}  // namespace timoneiro::controllers
