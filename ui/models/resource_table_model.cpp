#include "resource_table_model.h"

#include "api/table.h"

#include <QColor>
#include <QTimer>

namespace timoneiro::ui {

namespace {
QString ageOf(const QJsonObject &obj)
{
    const QDateTime created = QDateTime::fromString(
        obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("creationTimestamp")).toString(), Qt::ISODate);
    return created.isValid() ? api::humanDuration(created.secsTo(QDateTime::currentDateTimeUtc())) : QStringLiteral("<unknown>");
}
}  // namespace

ResourceTableModel::ResourceTableModel(client::Informer &informer, QObject *parent)
    : QAbstractTableModel(parent), informer_(informer)
{
    const api::ResourceInfo &r = informer.resource();
    if (r.namespaced)
        columns_ << tr("Namespace");
    for (const QJsonValue &c : api::tableColumns(r)) {
        const QString name = c.toObject().value(QStringLiteral("name")).toString();
        if (name == QLatin1String("Status"))
            statusColumn_ = int(columns_.size());
        if (name == QLatin1String("Age"))
            ageColumn_ = int(columns_.size());
        columns_ << name;
    }
    for (const QJsonObject &obj : informer.list())
        rows_.append(rowFor(obj));
    reindexFrom(0);
    connect(&informer, &client::Informer::added, this, &ResourceTableModel::added);
    connect(&informer, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &obj) { updated(obj); });
    connect(&informer, &client::Informer::deleted, this, &ResourceTableModel::removed);
    // AGE columns move with time; other time columns (an event's LAST SEEN)
    // are recomputed while the table is small enough for that to be cheap.
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, [this] {
        emit agesMoved();
        if (rows_.isEmpty() || rows_.size() > 2000)
            return;
        for (Row &row : rows_)
            row.cells = rowFor(row.object).cells;
        emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, int(columns_.size()) - 1), {Qt::DisplayRole});
    });
    ticker->start(5000);
}

ResourceTableModel::Row ResourceTableModel::rowFor(const QJsonObject &obj) const
{
    const api::ResourceInfo &r = informer_.resource();
    QJsonArray cells = api::tableCells(r, obj, QDateTime::currentDateTimeUtc());
    if (r.namespaced)
        cells.prepend(obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")));
    return {client::Informer::keyOf(obj), obj, cells};
}

int ResourceTableModel::indexOf(const QString &key) const
{
    return rowOfKey_.value(key, -1);
}

void ResourceTableModel::reindexFrom(int row)
{
    for (qsizetype i = row; i < rows_.size(); ++i)
        rowOfKey_.insert(rows_[i].key, int(i));
}

void ResourceTableModel::added(const QJsonObject &obj)
{
    const QString key = client::Informer::keyOf(obj);
    if (indexOf(key) >= 0) {
        updated(obj);
        return;
    }
    if (auto it = pendingOfKey_.find(key); it != pendingOfKey_.end()) {
        pending_[*it] = obj;
        return;
    }
    pendingOfKey_.insert(key, int(pending_.size()));
    pending_.append(obj);
    if (pending_.size() == 1)
        QTimer::singleShot(0, this, &ResourceTableModel::insertPending);
}

void ResourceTableModel::insertPending()
{
    if (pending_.isEmpty())
        return;
    const int at = int(rows_.size());
    beginInsertRows({}, at, at + int(pending_.size()) - 1);
    for (const QJsonObject &obj : std::as_const(pending_))
        rows_.append(rowFor(obj));
    pending_.clear();
    pendingOfKey_.clear();
    reindexFrom(at);
    endInsertRows();
}

void ResourceTableModel::updated(const QJsonObject &obj)
{
    const QString key = client::Informer::keyOf(obj);
    const int at = indexOf(key);
    if (at < 0) {
        added(obj);
        return;
    }
    rows_[at] = rowFor(obj);
    emit dataChanged(index(at, 0), index(at, int(columns_.size()) - 1));
}

void ResourceTableModel::removed(const QJsonObject &obj)
{
    const QString key = client::Informer::keyOf(obj);
    if (auto it = pendingOfKey_.find(key); it != pendingOfKey_.end()) {
        // Gone before it was shown: keep the batch's indexes right.
        pending_.removeAt(*it);
        pendingOfKey_.clear();
        for (qsizetype i = 0; i < pending_.size(); ++i)
            pendingOfKey_.insert(client::Informer::keyOf(pending_[i]), int(i));
        return;
    }
    const int at = indexOf(key);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    rows_.removeAt(at);
    rowOfKey_.remove(key);
    reindexFrom(at);
    endRemoveRows();
}

int ResourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int ResourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(columns_.size());
}

QColor ResourceTableModel::statusColour(const QString &status)
{
    static const QStringList good{QStringLiteral("Running"), QStringLiteral("Ready"), QStringLiteral("Active"),
                                  QStringLiteral("Completed"), QStringLiteral("Succeeded")};
    static const QStringList waiting{QStringLiteral("Pending"), QStringLiteral("ContainerCreating"),
                                     QStringLiteral("Terminating"), QStringLiteral("PodInitializing")};
    if (good.contains(status))
        return QColor(0x2e, 0x7d, 0x32);
    if (waiting.contains(status) || status.startsWith(QLatin1String("Init:")))
        return QColor(0xb2, 0x6a, 0x00);
    return QColor(0xc6, 0x28, 0x28);
}

QVariant ResourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const Row &row = rows_[index.row()];
    const QJsonValue cell = row.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ageColumn_)
            return ageOf(row.object);
        return cell.isDouble() ? QVariant(cell.toInteger()) : QVariant(cell.toString());
    case Qt::ForegroundRole:
        if (index.column() == statusColumn_)
            return statusColour(cell.toString());
        return {};
    case KeyRole:
        return row.key;
    case NamespaceRole:
        return row.object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString();
    case LabelsRole:
        return row.object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject().toVariantMap();
    default:
        return {};
    }
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section >= columns_.size())
        return {};
    return columns_[section].toUpper();
}

}  // namespace timoneiro::ui
