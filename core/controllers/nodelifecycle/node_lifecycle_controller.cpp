#include "node_lifecycle_controller.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::controllers {

namespace {

const QString kUnreachable = QStringLiteral("node.kubernetes.io/unreachable");

QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

bool hasUnreachableTaint(const QJsonObject &node)
{
    for (const QJsonValue &t : api::specOf(node).value(QStringLiteral("taints")).toArray())
        if (t.toObject().value(QStringLiteral("key")).toString() == kUnreachable)
            return true;
    return false;
}

}  // namespace

NodeLifecycleController::NodeLifecycleController(client::Client &client, int gracePeriodSeconds, QObject *parent)
    : Controller(client, QStringLiteral("node-controller"), parent),
      grace_(gracePeriodSeconds),
      nodes_(watch("", "nodes")),
      leases_(watch("coordination.k8s.io", "leases", [](const QJsonObject &lease) {
          return namespaceOf(lease) == QLatin1String("kube-node-lease") ? QStringList{nameOf(lease)} : QStringList();
      })),
      pods_(watch("", "pods", [](const QJsonObject &pod) {
          return QStringList{api::specOf(pod).value(QStringLiteral("nodeName")).toString()};
      }))
{
    // Leases that are not renewed make no event: look at every node now and then.
    connect(&monitor_, &QTimer::timeout, this, [this] {
        for (const QJsonObject &n : nodes_.list())
            enqueue(nameOf(n));
    });
    monitor_.start(std::max(1000, grace_ * 1000 / 8));
}

bool NodeLifecycleController::reconcile(const QString &name)
{
    const std::optional<QJsonObject> node = nodes_.get(name);
    if (!node)
        return true;
    const std::optional<QJsonObject> lease = leases_.get(QStringLiteral("kube-node-lease/") + name);
    const QDateTime renewed = lease ? parseTime(api::specOf(*lease).value(QStringLiteral("renewTime")).toString())
                                    : parseTime(metaOf(*node).value(QStringLiteral("creationTimestamp")).toString());
    const bool stale = !renewed.isValid() || renewed.secsTo(QDateTime::currentDateTimeUtc()) > grace_;
    const QString ready = api::conditionStatus(*node, QStringLiteral("Ready"));
    if (stale) {
        if (ready != QLatin1String("Unknown"))
            markUnknown(*node);
        if (!hasUnreachableTaint(*node))
            setTaints(*node, true);
        else
            evictPods(*node);
    } else if (hasUnreachableTaint(*node) && ready == QLatin1String("True")) {
        setTaints(*node, false);
    }
    return true;
}

void NodeLifecycleController::markUnknown(const QJsonObject &node)
{
    QJsonObject status = api::statusOf(node);
    QJsonArray conditions;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (const QJsonValue &c : status.value(QStringLiteral("conditions")).toArray()) {
        QJsonObject cond = c.toObject();
        cond.insert(QStringLiteral("status"), QStringLiteral("Unknown"));
        cond.insert(QStringLiteral("reason"), QStringLiteral("NodeStatusUnknown"));
        cond.insert(QStringLiteral("message"), QStringLiteral("Kubelet stopped posting node status."));
        cond.insert(QStringLiteral("lastTransitionTime"), now);
        conditions.append(cond);
    }
    status.insert(QStringLiteral("conditions"), conditions);
    QJsonObject updated = node;
    updated.insert(QStringLiteral("status"), status);
    client_.updateStatus(builtinResource("", "nodes"), updated, retryOnError(nameOf(node)));
    events_.record(node, QStringLiteral("Normal"), QStringLiteral("NodeNotReady"),
                   QStringLiteral("Node %1 status is now: NodeNotReady").arg(nameOf(node)));
}

void NodeLifecycleController::setTaints(const QJsonObject &node, bool unreachable)
{
    QJsonArray taints;
    for (const QJsonValue &t : api::specOf(node).value(QStringLiteral("taints")).toArray())
        if (t.toObject().value(QStringLiteral("key")).toString() != kUnreachable)
            taints.append(t);
    if (unreachable) {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        taints.append(QJsonObject{{QStringLiteral("key"), kUnreachable}, {QStringLiteral("effect"), QStringLiteral("NoSchedule")},
                                  {QStringLiteral("timeAdded"), now}});
        taints.append(QJsonObject{{QStringLiteral("key"), kUnreachable}, {QStringLiteral("effect"), QStringLiteral("NoExecute")},
                                  {QStringLiteral("timeAdded"), now}});
    }
    const QJsonObject patch{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("taints"), taints}}}};
    client_.patch(builtinResource("", "nodes"), {}, nameOf(node), client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                  retryOnError(nameOf(node)));
}

void NodeLifecycleController::evictPods(const QJsonObject &node)
{
    QDateTime added;
    for (const QJsonValue &t : api::specOf(node).value(QStringLiteral("taints")).toArray())
        if (t.toObject().value(QStringLiteral("key")).toString() == kUnreachable
            && t.toObject().value(QStringLiteral("effect")).toString() == QLatin1String("NoExecute"))
            added = parseTime(t.toObject().value(QStringLiteral("timeAdded")).toString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonObject &pod : pods_.list()) {
        if (api::specOf(pod).value(QStringLiteral("nodeName")).toString() != nameOf(node) || isDeleting(pod)
            || evicted_.contains(uidOf(pod)))
            continue;
        // The pod's toleration of the unreachable NoExecute taint says how long it may stay.
        qint64 allowed = 0;
        bool tolerated = false;
        for (const QJsonValue &t : api::specOf(pod).value(QStringLiteral("tolerations")).toArray()) {
            const QJsonObject tol = t.toObject();
            const bool matches = (tol.value(QStringLiteral("key")).toString() == kUnreachable
                                  || (tol.value(QStringLiteral("key")).toString().isEmpty()
                                      && tol.value(QStringLiteral("operator")).toString() == QLatin1String("Exists")))
                && (tol.value(QStringLiteral("effect")).toString().isEmpty()
                    || tol.value(QStringLiteral("effect")).toString() == QLatin1String("NoExecute"));
            if (!matches)
                continue;
            tolerated = true;
            allowed = tol.contains(QStringLiteral("tolerationSeconds")) ? qint64(tol.value(QStringLiteral("tolerationSeconds")).toDouble())
                                                                         : std::numeric_limits<qint64>::max();
        }
        if (tolerated && (!added.isValid() || added.secsTo(now) < allowed)) {
            if (allowed != std::numeric_limits<qint64>::max())
                queue_.addAfter(nameOf(node), 1000);  // look again when the toleration may have run out
            continue;
        }
        evicted_.insert(uidOf(pod), now.toSecsSinceEpoch());
        events_.record(pod, QStringLiteral("Normal"), QStringLiteral("TaintManagerEviction"),
                       QStringLiteral("Marking for deletion Pod %1/%2").arg(namespaceOf(pod), nameOf(pod)));
        client_.remove(builtinResource("", "pods"), namespaceOf(pod), nameOf(pod), [](const api::Result<QJsonObject> &) {});
    }
    if (evicted_.size() > 10000)
        evicted_.clear();
}

}  // namespace timoneiro::controllers
