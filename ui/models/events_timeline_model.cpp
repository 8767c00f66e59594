#include "events_timeline_model.h"

#include "api/object.h"
#include "api/table.h"

#include <QColor>
#include <QTimer>

namespace timoneiro::ui {

EventsTimelineModel::EventsTimelineModel(client::Informer &events, QObject *parent) : QAbstractTableModel(parent)
{
    pending_ = events.list();
    flush();
    connect(&events, &client::Informer::added, this, &EventsTimelineModel::add);
    connect(&events, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &now) { add(now); });
    connect(&events, &client::Informer::deleted, this, &EventsTimelineModel::remove);
}

QDateTime EventsTimelineModel::timeOf(const QJsonObject &e)
{
    for (const char *field : {"lastTimestamp", "eventTime", "firstTimestamp"}) {
        const QDateTime t = QDateTime::fromString(e.value(QLatin1String(field)).toString(), Qt::ISODateWithMs);
        if (t.isValid())
            return t;
    }
    return QDateTime::fromString(api::metaOf(e).value(QStringLiteral("creationTimestamp")).toString(), Qt::ISODate);
}

int EventsTimelineModel::insertionRow(const QDateTime &time) const
{
    // Newest first; among equal times the newest arrival goes on top.
    const auto it = std::lower_bound(rows_.begin(), rows_.end(), time, [](const Row &r, const QDateTime &t) { return r.time > t; });
    return int(it - rows_.begin());
}

int EventsTimelineModel::indexOf(const QString &uid) const
{
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_.at(i).uid == uid)
            return i;
    return -1;
}

QString EventsTimelineModel::uidOf(const QJsonObject &event)
{
    return api::uidOf(event).isEmpty() ? client::Informer::keyOf(event) : api::uidOf(event);
}

void EventsTimelineModel::add(const QJsonObject &event)
{
    if (rows_.isEmpty() || !pending_.isEmpty()) {
        pending_.append(event);
        if (pending_.size() == 1)
            QTimer::singleShot(0, this, &EventsTimelineModel::flush);
        return;
    }
    insertOne(event);
}

void EventsTimelineModel::flush()
{
    const QList<QJsonObject> batch = std::exchange(pending_, {});
    if (!rows_.isEmpty()) {
        for (const QJsonObject &e : batch)
            insertOne(e);
        return;
    }
    // The last word on each uid, newest first; among equal times the later arrival on top.
    QHash<QString, int> latest;
    for (int i = 0; i < batch.size(); ++i)
        latest.insert(uidOf(batch[i]), i);
    QList<Row> rows;
    for (int i = int(batch.size()) - 1; i >= 0; --i)
        if (latest.value(uidOf(batch[i])) == i)
            rows.append({uidOf(batch[i]), timeOf(batch[i]), batch[i]});
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time > b.time; });
    if (rows.isEmpty())
        return;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    rows_ = std::move(rows);
    endInsertRows();
}

void EventsTimelineModel::insertOne(const QJsonObject &event)
{
    const QString uid = uidOf(event);
    const int old = indexOf(uid);
    if (old >= 0) {
        beginRemoveRows({}, old, old);
        rows_.removeAt(old);
        endRemoveRows();
    }
    const Row row{uid, timeOf(event), event};
    const int at = insertionRow(row.time);
    beginInsertRows({}, at, at);
    rows_.insert(at, row);
    endInsertRows();
}

void EventsTimelineModel::remove(const QJsonObject &event)
{
    const QString uid = uidOf(event);
    pending_.removeIf([&uid](const QJsonObject &e) { return uidOf(e) == uid; });
    const int at = indexOf(uid);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    rows_.removeAt(at);
    endRemoveRows();
}

void EventsTimelineModel::refreshAges()
{
    if (!rows_.isEmpty())
        emit dataChanged(index(0, LastSeen), index(int(rows_.size()) - 1, LastSeen), {Qt::DisplayRole});
}

int EventsTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int EventsTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row &r = rows_.at(index.row());
    const QJsonObject &e = r.event;
    const QJsonObject involved = e.value(QStringLiteral("involvedObject")).toObject();
    if (role == EventRole)
        return e;
    if (role == NamespaceRole)
        return api::namespaceOf(e);
    if (role == TypeRole)
        return e.value(QStringLiteral("type")).toString();
    if (role == Qt::ForegroundRole && index.column() == Type && e.value(QStringLiteral("type")).toString() == QLatin1String("Warning"))
        return QColor(0xc6, 0x28, 0x28);
    if (role == Qt::ToolTipRole && index.column() == LastSeen)
        return r.time.toLocalTime().toString(Qt::ISODate);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case LastSeen:
        return r.time.isValid() ? api::humanDuration(r.time.secsTo(QDateTime::currentDateTimeUtc())) : QString();
    case Namespace:
        return api::namespaceOf(e);
    case Type:
        return e.value(QStringLiteral("type")).toString();
    case Reason:
        return e.value(QStringLiteral("reason")).toString();
    case Object:
        return QStringLiteral("%1/%2").arg(involved.value(QStringLiteral("kind")).toString().toLower(),
                                           involved.value(QStringLiteral("name")).toString());
    case Message: {
        const int count = e.value(QStringLiteral("count")).toInt(1);
        const QString message = e.value(QStringLiteral("message")).toString().simplified();
        return count > 1 ? tr("%1 (x%2)").arg(message).arg(count) : message;
    }
    }
    return {};
}

QVariant EventsTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LastSeen: return tr("Last seen");
    case Namespace: return tr("Namespace");
    case Type: return tr("Type");
    case Reason: return tr("Reason");
    case Object: return tr("Object");
    case Message: return tr("Message");
    }
    return {};
}

void EventsTimelineFilter::setNamespace(const QString &ns)
{
    namespace_ = ns;
    invalidateFilter();
}

void EventsTimelineFilter::setType(const QString &type)
{
    type_ = type;
    invalidateFilter();
}

bool EventsTimelineFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!namespace_.isEmpty() && i.data(EventsTimelineModel::NamespaceRole).toString() != namespace_)
        return false;
    return type_.isEmpty() || i.data(EventsTimelineModel::TypeRole).toString() == type_;
}

}  // namespace timoneiro::ui
