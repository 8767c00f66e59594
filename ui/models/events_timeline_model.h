#pragma once
// Every event of the cluster, newest first, live from an events informer:
// a new event is inserted at its place, a repeated one (count + 1) moves to
// the top. Filtering by namespace and type is a proxy (EventsTimelineFilter).
#include "client/informer.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace timoneiro::ui {

class EventsTimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LastSeen, Namespace, Type, Reason, Object, Message, ColumnCount };
    enum Role { EventRole = Qt::UserRole + 1, NamespaceRole, TypeRole };

    explicit EventsTimelineModel(client::Informer &events, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QJsonObject eventAt(int row) const { return rows_.value(row).event; }
    // When an event last happened (lastTimestamp, eventTime or creation).
    static QDateTime timeOf(const QJsonObject &event);
    // Ages are relative to now: tells views to repaint that column.
    void refreshAges();

private:
    struct Row {
        QString uid;
        QDateTime time;
        QJsonObject event;
    };
    int insertionRow(const QDateTime &time) const;
    int indexOf(const QString &uid) const;
    void add(const QJsonObject &event);
    void insertOne(const QJsonObject &event);
    void flush();
    void remove(const QJsonObject &event);
    static QString uidOf(const QJsonObject &event);

    QList<Row> rows_;
    // Events that came in this turn of the event loop while the timeline was
    // empty (the first list: thousands at once): sorted and inserted as one range.
    QList<QJsonObject> pending_;
};

class EventsTimelineFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setNamespace(const QString &ns);  // "" = all
    void setType(const QString &type);     // "" = all, Normal, Warning

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString namespace_;
    QString type_;
};

}  // namespace timoneiro::ui
