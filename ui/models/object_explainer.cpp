#include "object_explainer.h"

#include "api/object.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHash>

#include <algorithm>

namespace timoneiro::ui {

// The translation context of the explanations.
class ObjectExplainer {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::ObjectExplainer)
};

namespace {


QString whatItIs(const QString &kind)
{
    if (kind == QLatin1String("Pod"))
        return ObjectExplainer::tr("A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and "
                  "volumes, placed on one node by the scheduler and run there by that node's kubelet.");
    if (kind == QLatin1String("Deployment"))
        return ObjectExplainer::tr("A Deployment keeps a number of identical pods running and changes them gradually: for each version "
                  "of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old "
                  "ReplicaSets to the new one.");
    if (kind == QLatin1String("ReplicaSet"))
        return ObjectExplainer::tr("A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller "
                  "creates pods from its template when there are too few and deletes some when there are too many.");
    if (kind == QLatin1String("Service"))
        return ObjectExplainer::tr("A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the "
                  "endpoints controller keeps the list of those pods' IPs, and kube-proxy sends traffic to them.");
    if (kind == QLatin1String("Endpoints") || kind == QLatin1String("EndpointSlice"))
        return ObjectExplainer::tr("The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods "
                  "come, go and become ready.");
    if (kind == QLatin1String("Node"))
        return ObjectExplainer::tr("A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the "
                  "lease stops, the node controller marks it Unknown and moves its pods elsewhere.");
    if (kind == QLatin1String("Namespace"))
        return ObjectExplainer::tr("A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes "
                  "everything in it first.");
    return ObjectExplainer::tr("An object stored by the API server; controllers watch objects like it and act on changes.");
}

// The controller that acts for an owner of this kind.
QString controllerOf(const QString &ownerKind)
{
    if (ownerKind == QLatin1String("ReplicaSet"))
        return ObjectExplainer::tr("the replicaset controller");
    if (ownerKind == QLatin1String("Deployment"))
        return ObjectExplainer::tr("the deployment controller");
    if (ownerKind == QLatin1String("DaemonSet"))
        return ObjectExplainer::tr("the daemonset controller");
    if (ownerKind == QLatin1String("StatefulSet"))
        return ObjectExplainer::tr("the statefulset controller");
    if (ownerKind == QLatin1String("Job"))
        return ObjectExplainer::tr("the job controller");
    if (ownerKind == QLatin1String("Node"))
        return ObjectExplainer::tr("the kubelet of that node (a mirror pod)");
    return ObjectExplainer::tr("the controller of %1").arg(ownerKind);
}

// What an event's reason means, in plain words ("" for reasons not explained here).
QString reasonMeaning(const QString &reason)
{
    static const QHash<QString, const char *> meanings{
        {QStringLiteral("Scheduled"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the scheduler chose a node for the pod and bound it there")},
        {QStringLiteral("FailedScheduling"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "no node passed the scheduler's filters; it retries when the cluster changes")},
        {QStringLiteral("SuccessfulCreate"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "a controller saw fewer pods than wanted and created one")},
        {QStringLiteral("SuccessfulDelete"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "a controller saw more pods than wanted and deleted one")},
        {QStringLiteral("ScalingReplicaSet"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the deployment controller moved replicas between its ReplicaSets (a rollout or a scale)")},
        {QStringLiteral("Killing"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the kubelet is stopping a container")},
        {QStringLiteral("Pulling"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the kubelet is fetching the container image")},
        {QStringLiteral("Pulled"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the container image is on the node")},
        {QStringLiteral("Created"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the kubelet created the container")},
        {QStringLiteral("Started"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the container is running")},
        {QStringLiteral("BackOff"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the container keeps failing; the kubelet waits longer before each restart")},
        {QStringLiteral("Unhealthy"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "a probe failed, so the pod is not ready or the container is restarted")},
        {QStringLiteral("NodeNotReady"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the node stopped reporting; the node controller will move its pods")},
        {QStringLiteral("NodeNotSchedulable"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the node was cordoned: no new pods go there")},
        {QStringLiteral("NodeSchedulable"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "the node was uncordoned: new pods may go there again")},
        {QStringLiteral("RegisteredNode"), QT_TRANSLATE_NOOP("timoneiro::ui::ObjectExplainer", "a node joined the cluster")},
    };
    const auto it = meanings.constFind(reason);
    return it == meanings.constEnd() ? QString() : ObjectExplainer::tr(*it);
}

QString creators(const QList<OwnerLink> &owners)
{
    // owners: the topmost first, the object itself last.
    QStringList lines;
    for (qsizetype i = owners.size() - 1; i > 0; --i) {
        const OwnerLink &child = owners.at(i);
        const OwnerLink &owner = owners.at(i - 1);
        QString controller = controllerOf(owner.kind);
        if (!controller.isEmpty())
            controller[0] = controller[0].toUpper();  // it begins the sentence
        lines << ObjectExplainer::tr("%1 created the %2 %3 for the %4 %5.")
                     .arg(controller, child.kind, child.name, owner.kind, owner.name);
    }
    return lines.join(QLatin1Char(' '));
}

QString recentEvents(QList<QJsonObject> events)
{
    if (events.isEmpty())
        return {};
    std::sort(events.begin(), events.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("lastTimestamp")).toString() > b.value(QStringLiteral("lastTimestamp")).toString();
    });
    QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(ObjectExplainer::tr("What just happened (newest first):").toHtmlEscaped());
    for (qsizetype i = 0; i < std::min<qsizetype>(events.size(), 5); ++i) {
        const QJsonObject &e = events.at(i);
        const QString reason = e.value(QStringLiteral("reason")).toString();
        const QString component = e.value(QStringLiteral("source")).toObject().value(QStringLiteral("component")).toString();
        QString line = ObjectExplainer::tr("%1 (by %2): %3").arg(reason, component.isEmpty() ? ObjectExplainer::tr("unknown") : component,
                                                e.value(QStringLiteral("message")).toString());
        const QString meaning = reasonMeaning(reason);
        if (!meaning.isEmpty())
            line += QStringLiteral(" -- ") + meaning;
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    }
    return html + QStringLiteral("</ul>");
}

}  // namespace

QString explainObject(const QJsonObject &obj, const QList<QJsonObject> &events, const QList<OwnerLink> &owners)
{
    const QString kind = obj.value(QStringLiteral("kind")).toString();
    QString html = QStringLiteral("<h3>%1 %2</h3><p>%3</p>")
                       .arg(kind.toHtmlEscaped(), api::nameOf(obj).toHtmlEscaped(), whatItIs(kind).toHtmlEscaped());
    const QJsonObject owner = api::controllerRefOf(obj);
    if (!owner.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(ObjectExplainer::tr("It was created by the %1 %2, which controls it: delete that and "
                                                   "this goes too.")
                                                    .arg(owner.value(QStringLiteral("kind")).toString(),
                                                         owner.value(QStringLiteral("name")).toString())
                                                    .toHtmlEscaped());
    const QString made = creators(owners);
    if (!made.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(made.toHtmlEscaped());
    if (kind == QLatin1String("Node") && api::specOf(obj).value(QStringLiteral("unschedulable")).toBool())
        html += QStringLiteral("<p>%1</p>").arg(ObjectExplainer::tr("This node is cordoned (spec.unschedulable): the scheduler places no new "
                                                   "pods here; the pods already here keep running until drained.")
                                                    .toHtmlEscaped());
    if (kind == QLatin1String("Pod")) {
        const QString node = api::specOf(obj).value(QStringLiteral("nodeName")).toString();
        const QString phase = api::statusOf(obj).value(QStringLiteral("phase")).toString();
        html += QStringLiteral("<p>%1</p>").arg(
            (node.isEmpty() ? ObjectExplainer::tr("Phase %1: no node yet.").arg(phase)
                            : ObjectExplainer::tr("Phase %1 on node %2, IP %3.")
                                  .arg(phase, node, api::statusOf(obj).value(QStringLiteral("podIP")).toString(ObjectExplainer::tr("(none yet)"))))
                .toHtmlEscaped());
        const QString decisionText = api::metaOf(obj).value(QStringLiteral("annotations")).toObject()
                                         .value(QStringLiteral("scheduler.timoneiro.io/decision")).toString();
        const QJsonObject decision = QJsonDocument::fromJson(decisionText.toUtf8()).object();
        if (!decision.isEmpty()) {
            html += QStringLiteral("<p><b>%1</b></p><ul>").arg(
                decision.contains(QStringLiteral("selected"))
                    ? ObjectExplainer::tr("The scheduler chose %1. Each node it looked at:").arg(decision.value(QStringLiteral("selected")).toString()).toHtmlEscaped()
                    : ObjectExplainer::tr("The scheduler found no node: %1").arg(decision.value(QStringLiteral("message")).toString()).toHtmlEscaped());
            for (const QJsonValue &v : decision.value(QStringLiteral("nodes")).toArray()) {
                const QJsonObject n = v.toObject();
                QString line = n.value(QStringLiteral("node")).toString() + QStringLiteral(": ");
                if (n.value(QStringLiteral("feasible")).toBool()) {
                    QStringList scores;
                    const QJsonObject s = n.value(QStringLiteral("scores")).toObject();
                    for (auto it = s.begin(); it != s.end(); ++it)
                        scores << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
                    line += ObjectExplainer::tr("fits, score %1 (%2)").arg(n.value(QStringLiteral("total")).toInteger()).arg(scores.join(QStringLiteral(", ")));
                } else {
                    QStringList reasons;
                    for (const QJsonValue &f : n.value(QStringLiteral("filters")).toArray())
                        for (const QJsonValue &r : f.toObject().value(QStringLiteral("reasons")).toArray())
                            reasons << f.toObject().value(QStringLiteral("plugin")).toString() + QStringLiteral(": ") + r.toString();
                    line += ObjectExplainer::tr("rejected -- %1").arg(reasons.join(QStringLiteral("; ")));
                }
                html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        }
    }
    return html + recentEvents(events);
}

}  // namespace timoneiro::ui
