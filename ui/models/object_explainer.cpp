#include "object_explainer.h"

#include "api/object.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace timoneiro::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ObjectExplainer", text);
}

QString whatItIs(const QString &kind)
{
    if (kind == QLatin1String("Pod"))
        return tr("A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and "
                  "volumes, placed on one node by the scheduler and run there by that node's kubelet.");
    if (kind == QLatin1String("Deployment"))
        return tr("A Deployment keeps a number of identical pods running and changes them gradually: for each version "
                  "of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old "
                  "ReplicaSets to the new one.");
    if (kind == QLatin1String("ReplicaSet"))
        return tr("A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller "
                  "creates pods from its template when there are too few and deletes some when there are too many.");
    if (kind == QLatin1String("Service"))
        return tr("A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the "
                  "endpoints controller keeps the list of those pods' IPs, and kube-proxy sends traffic to them.");
    if (kind == QLatin1String("Endpoints") || kind == QLatin1String("EndpointSlice"))
        return tr("The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods "
                  "come, go and become ready.");
    if (kind == QLatin1String("Node"))
        return tr("A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the "
                  "lease stops, the node controller marks it Unknown and moves its pods elsewhere.");
    if (kind == QLatin1String("Namespace"))
        return tr("A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes "
                  "everything in it first.");
    return tr("An object stored by the API server; controllers watch objects like it and act on changes.");
}

}  // namespace

QString explainObject(const QJsonObject &obj)
{
    const QString kind = obj.value(QStringLiteral("kind")).toString();
    QString html = QStringLiteral("<h3>%1 %2</h3><p>%3</p>")
                       .arg(kind.toHtmlEscaped(), api::nameOf(obj).toHtmlEscaped(), whatItIs(kind).toHtmlEscaped());
    const QJsonObject owner = api::controllerRefOf(obj);
    if (!owner.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("It was created by the %1 %2, which controls it: delete that and "
                                                   "this goes too.")
                                                    .arg(owner.value(QStringLiteral("kind")).toString(),
                                                         owner.value(QStringLiteral("name")).toString())
                                                    .toHtmlEscaped());
    if (kind == QLatin1String("Pod")) {
        const QString node = api::specOf(obj).value(QStringLiteral("nodeName")).toString();
        const QString phase = api::statusOf(obj).value(QStringLiteral("phase")).toString();
        html += QStringLiteral("<p>%1</p>").arg(
            (node.isEmpty() ? tr("Phase %1: no node yet.").arg(phase)
                            : tr("Phase %1 on node %2, IP %3.")
                                  .arg(phase, node, api::statusOf(obj).value(QStringLiteral("podIP")).toString(tr("(none yet)"))))
                .toHtmlEscaped());
        const QString decisionText = api::metaOf(obj).value(QStringLiteral("annotations")).toObject()
                                         .value(QStringLiteral("scheduler.timoneiro.io/decision")).toString();
        const QJsonObject decision = QJsonDocument::fromJson(decisionText.toUtf8()).object();
        if (!decision.isEmpty()) {
            html += QStringLiteral("<p><b>%1</b></p><ul>").arg(
                decision.contains(QStringLiteral("selected"))
                    ? tr("The scheduler chose %1. Each node it looked at:").arg(decision.value(QStringLiteral("selected")).toString()).toHtmlEscaped()
                    : tr("The scheduler found no node: %1").arg(decision.value(QStringLiteral("message")).toString()).toHtmlEscaped());
            for (const QJsonValue &v : decision.value(QStringLiteral("nodes")).toArray()) {
                const QJsonObject n = v.toObject();
                QString line = n.value(QStringLiteral("node")).toString() + QStringLiteral(": ");
                if (n.value(QStringLiteral("feasible")).toBool()) {
                    QStringList scores;
                    const QJsonObject s = n.value(QStringLiteral("scores")).toObject();
                    for (auto it = s.begin(); it != s.end(); ++it)
                        scores << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
                    line += tr("fits, score %1 (%2)").arg(n.value(QStringLiteral("total")).toInteger()).arg(scores.join(QStringLiteral(", ")));
                } else {
                    QStringList reasons;
                    for (const QJsonValue &f : n.value(QStringLiteral("filters")).toArray())
                        for (const QJsonValue &r : f.toObject().value(QStringLiteral("reasons")).toArray())
                            reasons << f.toObject().value(QStringLiteral("plugin")).toString() + QStringLiteral(": ") + r.toString();
                    line += tr("rejected -- %1").arg(reasons.join(QStringLiteral("; ")));
                }
                html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        }
    }
    return html;
}

}  // namespace timoneiro::ui
