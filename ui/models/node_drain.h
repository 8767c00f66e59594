#pragma once
// kubectl drain, step by step: cordon the node, then evict each of its pods
// through the pods/eviction subresource (policy/v1 Eviction) -- except
// DaemonSet pods (their controller would put them straight back), mirror
// pods (the kubelet owns them; the API cannot remove them) and pods no
// controller manages (nothing would recreate them; kubectl wants --force). Pods whose
// eviction the server does not serve are deleted instead, and the report
// says so.
#include "client/client.h"

#include <QObject>
#include <QStringList>

namespace timoneiro::ui {

struct DrainReport {
    QStringList evicted;   // ns/name
    QStringList deleted;   // ns/name, deleted because eviction is not served (the fallback)
    QStringList skipped;   // ns/name (reason)
    QStringList failed;    // ns/name: message
    std::optional<api::ApiError> error;  // the cordon or the pod list failed: nothing was evicted
};

class NodeDrain : public QObject {
    Q_OBJECT
public:
    NodeDrain(client::Client &client, const QString &node, QObject *parent = nullptr);

    void start();
    const DrainReport &report() const { return report_; }

    // Why pod must stay on a drained node ("" when it can be evicted).
    static QString skipReason(const QJsonObject &pod);

signals:
    void progress(const QString &message);
    void finished(const timoneiro::ui::DrainReport &report);

private:
    void listPods();
    void evictNext();
    void finish();

    client::Client &client_;
    QString node_;
    QList<QJsonObject> pending_;
    DrainReport report_;
};

}  // namespace timoneiro::ui
