#pragma once
// Records core/v1 Events about objects, the way Kubernetes' event recorder
// does: one Event per (object, reason, message), its count and
// lastTimestamp bumped when it happens again, so `kubectl describe` and the
// desktop app tell what each component did and why.
#include "client.h"

#include <QHash>

namespace timoneiro::client {

class EventRecorder : public QObject {
    Q_OBJECT
public:
    // component: "default-scheduler", "replicaset-controller", "kubelet"...
    EventRecorder(Client &client, QString component, QString host = {}, QObject *parent = nullptr);

    // type: "Normal" or "Warning".
    void record(const QJsonObject &object, const QString &type, const QString &reason, const QString &message);

private:
    struct Seen {
        QString name;
        int count = 0;
    };
    Client &client_;
    QString component_;
    QString host_;
    QHash<QString, Seen> seen_;  // aggregation key -> the Event that holds it
};

}  // namespace timoneiro::client
