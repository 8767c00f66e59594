#pragma once
// Filtering and sorting over a ResourceTableModel: by namespace, by text in
// any column, and by a label selector in kubectl's syntax.
#include "api/selector.h"

#include <QSortFilterProxyModel>

namespace timoneiro::ui {

class ResourceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNamespace(const QString &ns);  // "" = all namespaces
    void setText(const QString &text);
    // False (and the filter unchanged) when the selector does not parse; error says why.
    bool setLabelSelector(const QString &selector, QString *error = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString namespace_;
    QString text_;
    api::LabelSelector selector_;
};

}  // namespace timoneiro::ui
