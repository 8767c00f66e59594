#include "object_description.h"

#include "api/object.h"
#include "api/table.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace timoneiro::ui {

// The translation context of this file's texts.
class ObjectDescription {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::ObjectDescription)
};

namespace {


QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString age(const QString &timestamp)
{
    const QDateTime t = QDateTime::fromString(timestamp, Qt::ISODate);
    return t.isValid() ? api::humanDuration(t.secsTo(QDateTime::currentDateTimeUtc())) : QString();
}

QString link(const OwnerLink &l)
{
    return QStringLiteral("<a href=\"%1\">%2 %3</a>").arg(esc(l.url().toString(QUrl::FullyEncoded)), esc(l.kind), esc(l.name));
}

QString row(const QStringList &cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString &c : cells)
        html += QStringLiteral("<%1 align=left>%2</%1>").arg(tag, c);
    return html + QStringLiteral("</tr>");
}

QString table(const QString &title, const QStringList &header, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return {};
    QString html = QStringLiteral("<p><b>%1</b></p><table cellspacing=0 cellpadding=3 border=1>").arg(esc(title)) + row(header, true);
    for (const QStringList &r : rows)
        html += row(r);
    return html + QStringLiteral("</table>");
}

QString conditions(const QJsonObject &obj)
{
    QList<QStringList> rows;
    for (const QJsonValue &v : api::statusOf(obj).value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        rows.append({esc(str(c, "type")), esc(str(c, "status")), esc(str(c, "reason")),
                     esc(age(str(c, "lastTransitionTime"))), esc(str(c, "message"))});
    }
    return table(ObjectDescription::tr("Conditions"), {ObjectDescription::tr("Type"), ObjectDescription::tr("Status"), ObjectDescription::tr("Reason"), ObjectDescription::tr("Since"), ObjectDescription::tr("Message")}, rows);
}

QString containerState(const QJsonObject &status)
{
    const QJsonObject state = status.value(QStringLiteral("state")).toObject();
    if (state.contains(QStringLiteral("running")))
        return ObjectDescription::tr("Running since %1").arg(age(str(state.value(QStringLiteral("running")).toObject(), "startedAt")));
    if (state.contains(QStringLiteral("waiting")))
        return ObjectDescription::tr("Waiting: %1").arg(str(state.value(QStringLiteral("waiting")).toObject(), "reason"));
    if (state.contains(QStringLiteral("terminated"))) {
        const QJsonObject t = state.value(QStringLiteral("terminated")).toObject();
        return ObjectDescription::tr("Terminated: %1 (exit code %2)").arg(str(t, "reason")).arg(t.value(QStringLiteral("exitCode")).toInt());
    }
    return ObjectDescription::tr("not started");
}

QString podFacts(const QJsonObject &pod)
{
    const QJsonObject spec = api::specOf(pod);
    const QJsonObject status = api::statusOf(pod);
    QString html;
    const QString node = str(spec, "nodeName");
    QStringList ips;
    for (const QJsonValue &v : status.value(QStringLiteral("podIPs")).toArray())
        ips << str(v.toObject(), "ip");
    if (ips.isEmpty() && !str(status, "podIP").isEmpty())
        ips << str(status, "podIP");
    html += QStringLiteral("<p>%1: %2<br>%3: %4<br>%5: %6<br>%7: %8</p>")
                .arg(esc(ObjectDescription::tr("Phase")), esc(str(status, "phase")), esc(ObjectDescription::tr("Node")),
                     node.isEmpty() ? esc(ObjectDescription::tr("(not scheduled)")) : link({QStringLiteral("v1"), QStringLiteral("Node"), {}, node, {}}),
                     esc(ObjectDescription::tr("Pod IPs")), esc(ips.isEmpty() ? ObjectDescription::tr("(none yet)") : ips.join(QStringLiteral(", "))),
                     esc(ObjectDescription::tr("Host IP")), esc(str(status, "hostIP")));
    QHash<QString, QJsonObject> statuses;
    for (const char *field : {"containerStatuses", "initContainerStatuses"})
        for (const QJsonValue &v : status.value(QLatin1String(field)).toArray())
            statuses.insert(str(v.toObject(), "name"), v.toObject());
    QList<QStringList> rows;
    for (const char *field : {"initContainers", "containers"}) {
        for (const QJsonValue &v : spec.value(QLatin1String(field)).toArray()) {
            const QJsonObject c = v.toObject();
            QStringList ports;
            for (const QJsonValue &p : c.value(QStringLiteral("ports")).toArray())
                ports << QStringLiteral("%1/%2").arg(p.toObject().value(QStringLiteral("containerPort")).toInt()).arg(str(p.toObject(), "protocol").isEmpty() ? QStringLiteral("TCP") : str(p.toObject(), "protocol"));
            const QJsonObject s = statuses.value(str(c, "name"));
            QString name = esc(str(c, "name"));
            if (QLatin1String(field) == QLatin1String("initContainers"))
                name += QStringLiteral(" <i>(%1)</i>").arg(esc(ObjectDescription::tr("init")));
            rows.append({name, esc(str(c, "image")), esc(ports.join(QStringLiteral(", "))),
                         esc(s.isEmpty() ? ObjectDescription::tr("not started") : containerState(s)),
                         s.value(QStringLiteral("ready")).toBool() ? esc(ObjectDescription::tr("yes")) : esc(ObjectDescription::tr("no")),
                         QString::number(s.value(QStringLiteral("restartCount")).toInt())});
        }
    }
    html += table(ObjectDescription::tr("Containers"), {ObjectDescription::tr("Name"), ObjectDescription::tr("Image"), ObjectDescription::tr("Ports"), ObjectDescription::tr("State"), ObjectDescription::tr("Ready"), ObjectDescription::tr("Restarts")}, rows);
    return html;
}

QString nodeFacts(const QJsonObject &node)
{
    const QJsonObject spec = api::specOf(node);
    QStringList addresses;
    for (const QJsonValue &v : api::statusOf(node).value(QStringLiteral("addresses")).toArray())
        addresses << QStringLiteral("%1 %2").arg(str(v.toObject(), "type"), str(v.toObject(), "address"));
    QStringList taints;
    for (const QJsonValue &v : spec.value(QStringLiteral("taints")).toArray())
        taints << QStringLiteral("%1=%2:%3").arg(str(v.toObject(), "key"), str(v.toObject(), "value"), str(v.toObject(), "effect"));
    return QStringLiteral("<p>%1: %2<br>%3: %4<br>%5: %6<br>%7: %8</p>")
        .arg(esc(ObjectDescription::tr("Schedulable")),
             esc(spec.value(QStringLiteral("unschedulable")).toBool() ? ObjectDescription::tr("no (cordoned)") : ObjectDescription::tr("yes")),
             esc(ObjectDescription::tr("Addresses")), esc(addresses.join(QStringLiteral(", "))), esc(ObjectDescription::tr("Pod CIDR")),
             esc(str(spec, "podCIDR")), esc(ObjectDescription::tr("Taints")), esc(taints.isEmpty() ? ObjectDescription::tr("none") : taints.join(QStringLiteral(", "))));
}

QString serviceFacts(const QJsonObject &svc)
{
    const QJsonObject spec = api::specOf(svc);
    QStringList selector;
    const QJsonObject sel = spec.value(QStringLiteral("selector")).toObject();
    for (auto it = sel.begin(); it != sel.end(); ++it)
        selector << it.key() + QLatin1Char('=') + it.value().toString();
    QList<QStringList> rows;
    for (const QJsonValue &v : spec.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject p = v.toObject();
        rows.append({esc(str(p, "name")), QString::number(p.value(QStringLiteral("port")).toInt()),
                     esc(p.value(QStringLiteral("targetPort")).toVariant().toString()),
                     p.value(QStringLiteral("nodePort")).toInt() ? QString::number(p.value(QStringLiteral("nodePort")).toInt()) : QString(),
                     esc(str(p, "protocol"))});
    }
    QString html = QStringLiteral("<p>%1: %2<br>%3: %4<br>%5: %6</p>")
                       .arg(esc(ObjectDescription::tr("Type")), esc(str(spec, "type")), esc(ObjectDescription::tr("Cluster IP")), esc(str(spec, "clusterIP")),
                            esc(ObjectDescription::tr("Selector")), esc(selector.isEmpty() ? ObjectDescription::tr("none") : selector.join(QStringLiteral(", "))));
    if (!str(spec, "externalName").isEmpty())
        html += QStringLiteral("<p>%1: %2</p>").arg(esc(ObjectDescription::tr("External name")), esc(str(spec, "externalName")));
    return html + table(ObjectDescription::tr("Ports"), {ObjectDescription::tr("Name"), ObjectDescription::tr("Port"), ObjectDescription::tr("Target port"), ObjectDescription::tr("Node port"), ObjectDescription::tr("Protocol")}, rows);
}

QString workloadFacts(const QJsonObject &obj)
{
    const QJsonObject spec = api::specOf(obj);
    const QJsonObject status = api::statusOf(obj);
    return QStringLiteral("<p>%1</p>").arg(esc(ObjectDescription::tr("Replicas: %1 wanted, %2 current, %3 ready, %4 up to date")
                                                   .arg(spec.value(QStringLiteral("replicas")).toInt(1))
                                                   .arg(status.value(QStringLiteral("replicas")).toInt())
                                                   .arg(status.value(QStringLiteral("readyReplicas")).toInt())
                                                   .arg(status.value(QStringLiteral("updatedReplicas")).toInt(status.value(QStringLiteral("replicas")).toInt()))));
}

}  // namespace

QString describeObject(const QJsonObject &obj, const QList<OwnerLink> &owners)
{
    const QString kind = str(obj, "kind");
    QString html = QStringLiteral("<h3>%1 %2</h3>").arg(esc(kind), esc(api::nameOf(obj)));
    if (!api::namespaceOf(obj).isEmpty())
        html += QStringLiteral("<p>%1: %2 &nbsp; %3: %4</p>")
                    .arg(esc(ObjectDescription::tr("Namespace")), esc(api::namespaceOf(obj)), esc(ObjectDescription::tr("Age")),
                         esc(age(str(api::metaOf(obj), "creationTimestamp"))));
    if (owners.size() > 1) {
        QStringList parts;
        for (const OwnerLink &l : owners) {
            QString part = (&l == &owners.last()) ? QStringLiteral("<b>%1 %2</b>").arg(esc(l.kind), esc(l.name)) : link(l);
            if (!l.problem.isEmpty())
                part += QStringLiteral(" <i>(%1)</i>").arg(esc(l.problem));
            parts << part;
        }
        html += QStringLiteral("<p>%1: %2</p>").arg(esc(ObjectDescription::tr("Owners")), parts.join(QStringLiteral(" &gt; ")));
    }
    if (kind == QLatin1String("Pod"))
        html += podFacts(obj);
    else if (kind == QLatin1String("Node"))
        html += nodeFacts(obj);
    else if (kind == QLatin1String("Service"))
        html += serviceFacts(obj);
    else if (kind == QLatin1String("Deployment") || kind == QLatin1String("ReplicaSet") || kind == QLatin1String("StatefulSet"))
        html += workloadFacts(obj);
    return html + conditions(obj);
}

}  // namespace timoneiro::ui
