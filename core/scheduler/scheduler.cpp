#include "scheduler.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::scheduler {

namespace {
const api::ResourceInfo &resource(const char *plural)
{
    return *api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QLatin1String(plural));
}
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
      pods_(client, resource("pods")),
      nodes_(client, resource("nodes")),
      events_(client, QStringLiteral("default-scheduler"))
{
    connect(&pods_, &client::Informer::added, this, [this](const QJsonObject &pod) {
        if (responsibleFor(pod))
            queue_.add(client::Informer::keyOf(pod));
    });
    connect(&pods_, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &pod) {
        const QString key = client::Informer::keyOf(pod);
        if (!nodeNameOf(pod).isEmpty())
            assumed_.remove(key);
        else if (responsibleFor(pod) && !unschedulable_.contains(key))
            queue_.add(key);
    });
    // Freed room or new nodes may make waiting pods fit.
    connect(&pods_, &client::Informer::deleted, this, [this](const QJsonObject &pod) {
        assumed_.remove(client::Informer::keyOf(pod));
        unschedulable_.remove(client::Informer::keyOf(pod));
        reported_.remove(client::Informer::keyOf(pod));
        requeueUnschedulable();
    });
    connect(&nodes_, &client::Informer::added, this, &Scheduler::requeueUnschedulable);
    connect(&nodes_, &client::Informer::updated, this, &Scheduler::requeueUnschedulable);
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

Snapshot Scheduler::snapshot() const
{
    Snapshot s;
    QHash<QString, qsizetype> index;
    for (const QJsonObject &n : nodes_.list()) {
        index.insert(n.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(), s.nodes.size());
        s.nodes.append(NodeInfo::from(n));
    }
    for (const QJsonObject &p : pods_.list()) {
        QString node = nodeNameOf(p);
        if (node.isEmpty())
            node = assumed_.value(client::Informer::keyOf(p));
        if (node.isEmpty() || terminal(p) || !index.contains(node))
            continue;
        s.nodes[index.value(node)].addPod(PodInfo::from(p));
    }
    return s;
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
    client_.patch(resource("pods"), meta.value(QStringLiteral("namespace")).toString(), meta.value(QStringLiteral("name")).toString(),
                  client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                  [](const api::Result<QJsonObject> &) {}, QStringLiteral("status"));
}

void Scheduler::keepDecision(const QString &ns, const QString &name, const QString &key)
{
    auto it = decisions_.find(key);
    if (it == decisions_.end())
        return;
    const QJsonObject patch{{QStringLiteral("metadata"),
                             QJsonObject{{QStringLiteral("annotations"),
                                          QJsonObject{{QStringLiteral("scheduler.timoneiro.io/decision"),
                                                       QString::fromUtf8(QJsonDocument(decisionJson(*it)).toJson(QJsonDocument::Compact))}}}}}};
    client_.patch(resource("pods"), ns, name, client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                  [](const api::Result<QJsonObject> &) {});
}

bool Scheduler::scheduleKey(const QString &key)
{
    const std::optional<QJsonObject> pod = pods_.get(key);
    if (!pod || !responsibleFor(*pod) || assumed_.contains(key))
        return true;
    const PodInfo info = PodInfo::from(*pod);
    SchedulingDecision d = scheduleOne(info, snapshot(), profile_);
    decisions_.insert(key, d);
    emit decided(d);
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
    const QJsonObject binding{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("kind"), QStringLiteral("Binding")},
                              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), info.name},
                                                                       {QStringLiteral("namespace"), info.namespaceName}}},
                              {QStringLiteral("target"), QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                                     {QStringLiteral("kind"), QStringLiteral("Node")},
                                                                     {QStringLiteral("name"), d.selectedNode}}}};
    const QJsonObject podCopy = *pod;
    client_.post(client::Client::path(resource("pods"), info.namespaceName, info.name, QStringLiteral("binding")), binding,
                 [this, key, podCopy, node = d.selectedNode, ns = info.namespaceName, name = info.name](const api::Result<QJsonObject> &r) {
                     if (!r) {
                         assumed_.remove(key);
                         queue_.addRateLimited(key);
                         return;
                     }
                     events_.record(podCopy, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                                    QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, name, node));
                     keepDecision(ns, name, key);
                 });
    return true;
}

}  // namespace timoneiro::scheduler
