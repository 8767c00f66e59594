#pragma once
// What every controller shares: informers that feed keys into a rate-limited
// work queue, and reconcile(key) that makes the world match the object.
// Processing starts once every informer has synced, as in client-go.
#include "api/object.h"
#include "client/event_recorder.h"
#include "client/informer.h"
#include "client/work_queue.h"

#include <QList>

namespace timoneiro::controllers {

using api::isDeleting;
using api::metaOf;
using api::nameOf;
using api::namespaceOf;
using api::uidOf;
inline QJsonObject controllerRef(const QJsonObject &obj) { return api::controllerRefOf(obj); }

using api::builtinResource;

class Controller : public QObject {
    Q_OBJECT
public:
    Controller(client::Client &client, QString name, QObject *parent = nullptr);

    void start();
    const QString &name() const { return name_; }
    bool synced() const;

protected:
    // Brings the object named key to its wanted state. False: retry later
    // (with back-off); true: done until something changes.
    virtual bool reconcile(const QString &key) = 0;

    // Watches a resource; mapKey turns each changed object into the keys to
    // reconcile (its own key when null).
    client::Informer &watch(const char *group, const char *plural,
                            std::function<QStringList(const QJsonObject &)> mapKey = {});
    void enqueue(const QString &key) { queue_.add(key); }
    // A write's completion: on failure the key is retried.
    client::ObjectCallback retryOnError(const QString &key);

    client::Client &client_;
    client::WorkQueue queue_;
    client::EventRecorder events_;

private:
    QString name_;
    QList<client::Informer *> informers_;
};

}  // namespace timoneiro::controllers
