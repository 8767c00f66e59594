// The meta.k8s.io/v1 Table for `kubectl get`.
#include "table.h"

#include "resource.h"
#include "selector.h"
#include "table_printers.h"

namespace timoneiro::api {

namespace printers {

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QString since(const QString &rfc3339, const QDateTime &now)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid())
        return QStringLiteral("<unknown>");
    return humanDuration(t.secsTo(now));
}

QString age(const QJsonObject &obj, const QDateTime &now)
{
    return since(meta(obj).value(QStringLiteral("creationTimestamp")).toString(), now);
}

QString mapText(const QJsonObject &labels)
{
    // QJsonObject iterates its keys sorted, as FormatLabels sorts them.
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    return orNone(parts.join(QLatin1Char(',')));
}

QString selectorText(const QJsonObject &labelSelector)
{
    auto sel = LabelSelector::fromJson(labelSelector);
    return sel ? sel->toString() : QStringLiteral("<invalid>");
}

QString listWithMore(const QStringList &shown, qsizetype total, const QString &whenEmpty)
{
    const QString text = shown.join(QLatin1Char(','));
    if (total > shown.size())
        return QStringLiteral("%1 + %2 more...").arg(text).arg(total - shown.size());
    return text.isEmpty() ? whenEmpty : text;
}

const Printer *printerFor(const QString &group, const QString &kind)
{
    if (group.isEmpty())
        return corePrinter(kind);
    return otherPrinter(group, kind);
}

}  // namespace printers

QString humanDuration(qint64 s)
{
    if (s < -1)
        return QStringLiteral("<invalid>");
    if (s < 0)
        return QStringLiteral("0s");
    if (s < 60 * 2)
        return QStringLiteral("%1s").arg(s);
    const qint64 minutes = s / 60;
    if (minutes < 10) {
        const qint64 rest = s % 60;
        return rest == 0 ? QStringLiteral("%1m").arg(minutes) : QStringLiteral("%1m%2s").arg(minutes).arg(rest);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 rest = minutes % 60;
        return rest == 0 ? QStringLiteral("%1h").arg(hours) : QStringLiteral("%1h%2m").arg(hours).arg(rest);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 rest = hours % 24;
        return rest == 0 ? QStringLiteral("%1d").arg(hours / 24) : QStringLiteral("%1d%2h").arg(hours / 24).arg(rest);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 days = (hours / 24) % 365;
        return days == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                         : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(days);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QJsonArray tableColumns(const ResourceInfo &resource)
{
    auto column = [](const printers::Column &c) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(c.name)},
                           {QStringLiteral("type"), QLatin1String(c.type)},
                           {QStringLiteral("format"), QLatin1String(c.format)},
                           {QStringLiteral("description"), QLatin1String(c.description)},
                           {QStringLiteral("priority"), c.priority}};
    };
    const printers::Printer *p = printers::printerFor(resource.group, resource.kind);
    QJsonArray columns;
    if (!p || p->leadingName)
        columns.append(column({"Name", "string", "name", 0, printers::kNameDescription}));
    if (p) {
        for (const printers::Column &c : p->columns)
            columns.append(column(c));
    } else {
        // Kinds without a printer get the default table: NAME and CREATED AT.
        columns.append(column({"Created At", "date", "", 0, printers::kAgeDescription}));
    }
    return columns;
}

QJsonArray tableCells(const ResourceInfo &resource, const QJsonObject &obj, const QDateTime &now)
{
    const printers::Printer *p = printers::printerFor(resource.group, resource.kind);
    QJsonArray cells;
    if (!p || p->leadingName)
        cells.append(printers::meta(obj).value(QStringLiteral("name")));
    if (p) {
        for (const QJsonValue &v : p->cells(obj, now))
            cells.append(v);
    } else {
        cells.append(printers::meta(obj).value(QStringLiteral("creationTimestamp")));
    }
    return cells;
}

QJsonObject buildTable(const ResourceInfo &resource, const QList<QJsonObject> &objects, const QString &resourceVersion,
                       const QString &continueToken, const QDateTime &now, bool includeHeaders)
{
    const printers::Printer *p = printers::printerFor(resource.group, resource.kind);
    QJsonArray rows;
    for (const QJsonObject &obj : objects) {
        QJsonObject partial{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                            {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("metadata"), printers::meta(obj)}};
        QJsonObject row{{QStringLiteral("cells"), tableCells(resource, obj, now)}, {QStringLiteral("object"), partial}};
        if (p && p->conditions) {
            const QJsonArray conditions = p->conditions(obj);
            if (!conditions.isEmpty())
                row.insert(QStringLiteral("conditions"), conditions);
        }
        rows.append(row);
    }
    QJsonObject meta{{QStringLiteral("resourceVersion"), resourceVersion}};
    if (!continueToken.isEmpty())
        meta.insert(QStringLiteral("continue"), continueToken);
    return {{QStringLiteral("kind"), QStringLiteral("Table")},
            {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("columnDefinitions"),
             includeHeaders ? QJsonValue(tableColumns(resource)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("rows"), rows}};
}

}  // namespace timoneiro::api
