#include "resource_table_model.h"

#include "api/table.h"

#include <QColor>
#include <QTimer>

namespace timoneiro::ui {

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
        columns_ << name;
    }
    for (const QJsonObject &obj : informer.list())
        rows_.append(rowFor(obj));
    connect(&informer, &client::Informer::added, this, &ResourceTableModel::added);
    connect(&informer, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &obj) { updated(obj); });
    connect(&informer, &client::Informer::deleted, this, &ResourceTableModel::removed);
    // AGE columns move with time.
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, [this] {
        for (Row &row : rows_)
            row.cells = rowFor(row.object).cells;
        if (!rows_.isEmpty())
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
    for (qsizetype i = 0; i < rows_.size(); ++i)
        if (rows_[i].key == key)
            return int(i);
    return -1;
}

void ResourceTableModel::added(const QJsonObject &obj)
{
    if (indexOf(client::Informer::keyOf(obj)) >= 0) {
        updated(obj);
        return;
    }
    const int at = int(rows_.size());
    beginInsertRows({}, at, at);
    rows_.append(rowFor(obj));
    endInsertRows();
}

void ResourceTableModel::updated(const QJsonObject &obj)
{
    const int at = indexOf(client::Informer::keyOf(obj));
    if (at < 0) {
        added(obj);
        return;
    }
    rows_[at] = rowFor(obj);
    emit dataChanged(index(at, 0), index(at, int(columns_.size()) - 1));
}

void ResourceTableModel::removed(const QJsonObject &obj)
{
    const int at = indexOf(client::Informer::keyOf(obj));
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    rows_.removeAt(at);
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
