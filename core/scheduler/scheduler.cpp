#include "scheduler.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::scheduler {

namespace {
QString nodeNameOf(const QJsonObject &pod)
{
    return pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString();
}
bool terminal(const QJsonObject &pod)
{
    const QString phase = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
}
}  // namespace

Scheduler::Scheduler(client::Client &client, QObject *parent)
    : QObject(parent),
      client_(client),
      pods_(client, api::builtinResource(QString(), QStringLiteral("pods"))),
      nodes_(client, api::builtinResource(QString(), QStringLiteral("nodes"))),
      events_(client, QStringLiteral("default-scheduler"))
{
    connect(&pods_, &client::Informer::added, this, [this](const QJsonObject &pod) {
        trackPod(pod);
        if (responsibleFor(pod))
            queue_.add(client::Informer::keyOf(pod));
    });
    connect(&pods_, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &pod) {
        const QString key = client::Informer::keyOf(pod);
        if (!nodeNameOf(pod).isEmpty())
            assumed_.remove(key);
        trackPod(pod);
        if (nodeNameOf(pod).isEmpty() && responsibleFor(pod) && !unschedulable_.contains(key))
            queue_.add(key);
    });
    // Freed room or new nodes may make waiting pods fit.
    connect(&pods_, &client::Informer::deleted, this, [this](const QJsonObject &pod) {
        const QString key = client::Informer::keyOf(pod);
        assumed_.remove(key);
        cache_.removePod(key);
        unschedulable_.remove(key);
        reported_.remove(key);
        decisions_.remove(key);
        requeueUnschedulable();
    });
    connect(&nodes_, &client::Informer::added, this, [this](const QJsonObject &node) {
        cache_.addNode(node);
        requeueUnschedulable();
    });
    connect(&nodes_, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &node) {
        cache_.updateNode(node);
        requeueUnschedulable();
    });
    connect(&nodes_, &client::Informer::deleted, this, [this](const QJsonObject &node) {
        cache_.removeNode(node.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString());
    });
    queue_.setProcessor([this](const QString &key) { return scheduleKey(key); });
}

void Scheduler::start()
{
    nodes_.start();
    pods_.start();
}

std::optional<SchedulingDecision> Scheduler::decision(const QString &podKey) const
{
    auto it = decisions_.find(podKey);
    if (it == decisions_.end())
        return std::nullopt;
    return *it;
}

bool Scheduler::responsibleFor(const QJsonObject &pod) const
{
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    const QString name = spec.value(QStringLiteral("schedulerName")).toString(QStringLiteral("default-scheduler"));
    return nodeNameOf(pod).isEmpty() && name == QLatin1String("default-scheduler") && !terminal(pod)
        && !pod.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("deletionTimestamp"));
}

void Scheduler::requeueUnschedulable()
{
    const QSet<QString> waiting = std::exchange(unschedulable_, {});
    for (const QString &key : waiting)
        queue_.add(key);
}

void Scheduler::trackPod(const QJsonObject &pod)
{
    // Where the pod counts: its node, else where it is assumed; terminal pods use nothing.
    const QString key = client::Informer::keyOf(pod);
    QString node = terminal(pod) ? QString() : nodeNameOf(pod);
    if (node.isEmpty() && !terminal(pod))
        node = assumed_.value(key);
    cache_.setPod(key, PodInfo::from(pod), node);
}

void Scheduler::markUnschedulable(const QJsonObject &pod, const QString &message)
{
    QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    QJsonArray conditions;
    for (const QJsonValue &c : status.value(QStringLiteral("conditions")).toArray())
        if (c.toObject().value(QStringLiteral("type")).toString() != QLatin1String("PodScheduled"))
            conditions.append(c);
    conditions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("PodScheduled")},
                                  {QStringLiteral("status"), QStringLiteral("False")},
                                  {QStringLiteral("reason"), QStringLiteral("Unschedulable")},
                                  {QStringLiteral("message"), message},
                                  {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                                  {QStringLiteral("lastTransitionTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    const QJsonObject patch{{QStringLiteral("status"), QJsonObject{{QStringLiteral("conditions"), conditions}}}};
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    client_.patch(api::builtinResource(QString(), QStringLiteral("pods")), meta.value(QStringLiteral("namespace")).toString(), meta.value(QStringLiteral("name")).toString(),
                  client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                  [](const api::Result<QJsonObject> &) {}, QStringLiteral("status"));
}

QJsonObject Scheduler::decisionAnnotation(const SchedulingDecision &d)
{
    return {{QStringLiteral("scheduler.timoneiro.io/decision"),
             QString::fromUtf8(QJsonDocument(decisionJson(d)).toJson(QJsonDocument::Compact))}};
}

void Scheduler::keepDecision(const QString &ns, const QString &name, const QString &key)
{
    auto it = decisions_.find(key);
    if (it == decisions_.end())
        return;
    const QJsonObject patch{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("annotations"), decisionAnnotation(*it)}}}};
    client_.patch(api::builtinResource(QString(), QStringLiteral("pods")), ns, name, client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                  [](const api::Result<QJsonObject> &) {});
}

bool Scheduler::scheduleKey(const QString &key)
{
    const std::optional<QJsonObject> pod = pods_.get(key);
    if (!pod || !responsibleFor(*pod) || assumed_.contains(key))
        return true;
    const PodInfo info = PodInfo::from(*pod);
    const Snapshot &snapshot = cache_.snapshot();
    SchedulingDecision full = scheduleOne(info, snapshot, profile_, nextStartNodeIndex_);
    if (!snapshot.nodes.isEmpty())
        nextStartNodeIndex_ = (nextStartNodeIndex_ + processedNodes(full)) % snapshot.nodes.size();
    emit decided(full);
    // What is kept (here and on the pod) stays small however many nodes there are.
    const SchedulingDecision d = summarized(full);
    decisions_.insert(key, d);
    if (d.selectedNode.isEmpty()) {
        unschedulable_.insert(key);
        // The same words Kubernetes uses, as an event each attempt (the
        // recorder counts repeats) and on the pod's condition when they change.
        events_.record(*pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"), d.message);
        if (reported_.value(key) != d.message) {
            reported_.insert(key, d.message);
            markUnschedulable(*pod, d.message);
            keepDecision(info.namespaceName, info.name, key);
        }
        return true;
    }
    assumed_.insert(key, d.selectedNode);
    cache_.setPod(key, info, d.selectedNode);  // assumed: the next cycle counts it there
    // The decision rides on the Binding: the API server copies a Binding's
    // annotations onto the pod, so binding and keeping it is one write.
    const QJsonObject binding{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("kind"), QStringLiteral("Binding")},
                              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), info.name},
                                                                       {QStringLiteral("namespace"), info.namespaceName},
                                                                       {QStringLiteral("annotations"), decisionAnnotation(d)}}},
                              {QStringLiteral("target"), QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                                     {QStringLiteral("kind"), QStringLiteral("Node")},
                                                                     {QStringLiteral("name"), d.selectedNode}}}};
    const QJsonObject podCopy = *pod;
    client_.post(client::Client::path(api::builtinResource(QString(), QStringLiteral("pods")), info.namespaceName, info.name, QStringLiteral("binding")), binding,
                 [this, key, podCopy, node = d.selectedNode, ns = info.namespaceName, name = info.name](const api::Result<QJsonObject> &r) {
                     if (!r) {
                         assumed_.remove(key);
                         if (auto fresh = pods_.get(key))
                             trackPod(*fresh);
                         else
                             cache_.removePod(key);
                         queue_.addRateLimited(key);
                         return;
                     }
                     events_.record(podCopy, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                                    QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, name, node));
                 });
    return true;
}

}  // namespace timoneiro::scheduler
