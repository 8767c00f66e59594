#pragma once
// A live table of one resource, fed by an informer: rows are inserted,
// changed and removed one by one as watch events arrive (never a reset per
// event), with the columns kubectl prints for the kind.
#include "client/informer.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

namespace timoneiro::ui {

class ResourceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Data roles beyond Qt's.
    enum Role { KeyRole = Qt::UserRole + 1, ObjectRole, NamespaceRole, LabelsRole };

    explicit ResourceTableModel(client::Informer &informer, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QJsonObject objectAt(int row) const { return rows_.value(row).object; }
    // The colour a status text stands for (Running green, Pending amber, failures red).
    static QColor statusColour(const QString &status);

signals:
    // The AGE texts moved on with time (they are computed when shown): views
    // repaint; no row changed, so sorting and filtering are left alone.
    void agesMoved();

private:
    struct Row {
        QString key;
        QJsonObject object;
        QJsonArray cells;
    };
    Row rowFor(const QJsonObject &obj) const;
    int indexOf(const QString &key) const;
    void added(const QJsonObject &obj);
    void updated(const QJsonObject &obj);
    void removed(const QJsonObject &obj);
    void insertPending();
    void reindexFrom(int row);

    client::Informer &informer_;
    QStringList columns_;       // column names, NAMESPACE first for namespaced kinds
    int statusColumn_ = -1;
    int ageColumn_ = -1;
    QList<Row> rows_;
    QHash<QString, int> rowOfKey_;
    // Objects added in this turn of the event loop: one insertion for all of
    // them (a relist of 10,000 pods is one rowsInserted, not 10,000).
    QList<QJsonObject> pending_;
    QHash<QString, int> pendingOfKey_;
};

}  // namespace timoneiro::ui
