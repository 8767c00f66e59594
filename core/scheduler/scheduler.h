#pragma once
// The scheduler: watches pods that name no node, runs one scheduling cycle
// per pod (filter, score, pick), binds through pods/binding, and records
// Scheduled / FailedScheduling events. Pods that fit nowhere wait in the
// unschedulable set until the cluster changes; failed binds back off.
#include "cache.h"
#include "schedule_one.h"

#include "client/event_recorder.h"
#include "client/informer.h"
#include "client/work_queue.h"

#include <QHash>

namespace timoneiro::scheduler {

class Scheduler : public QObject {
    Q_OBJECT
public:
    // client acts as system:kube-scheduler.
    explicit Scheduler(client::Client &client, QObject *parent = nullptr);

    void start();
    // The last decision for "ns/name" (what the desktop app shows).
    std::optional<SchedulingDecision> decision(const QString &podKey) const;

signals:
    void decided(const timoneiro::scheduler::SchedulingDecision &decision);

private:
    bool scheduleKey(const QString &key);
    // Counts the pod in the cache where it is bound or assumed.
    void trackPod(const QJsonObject &pod);
    static QJsonObject decisionAnnotation(const SchedulingDecision &decision);
    bool responsibleFor(const QJsonObject &pod) const;
    void requeueUnschedulable();
    void markUnschedulable(const QJsonObject &pod, const QString &message);
    void keepDecision(const QString &ns, const QString &name, const QString &key);

    client::Client &client_;
    client::Informer pods_;
    client::Informer nodes_;
    client::WorkQueue queue_;
    client::EventRecorder events_;
    Profile profile_ = Profile::defaults();
    QHash<QString, QString> assumed_;  // pod key -> node, until the informer shows the binding
    Cache cache_;
    qsizetype nextStartNodeIndex_ = 0;
    QSet<QString> unschedulable_;
    QHash<QString, QString> reported_;  // pod key -> the FailedScheduling message last written
    QHash<QString, SchedulingDecision> decisions_;
};

}  // namespace timoneiro::scheduler
