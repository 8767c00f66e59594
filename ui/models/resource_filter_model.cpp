#include "resource_filter_model.h"

#include "resource_table_model.h"

#include <QJsonObject>

namespace timoneiro::ui {

void ResourceFilterModel::setNamespace(const QString &ns)
{
    namespace_ = ns;
    invalidateFilter();
}

void ResourceFilterModel::setText(const QString &text)
{
    text_ = text.trimmed();
    invalidateFilter();
}

bool ResourceFilterModel::setLabelSelector(const QString &selector, QString *error)
{
    auto parsed = api::LabelSelector::parse(selector);
    if (!parsed) {
        if (error)
            *error = parsed.error().message;
        return false;
    }
    selector_ = *parsed;
    invalidateFilter();
    return true;
}

bool ResourceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex first = m->index(sourceRow, 0, sourceParent);
    if (!namespace_.isEmpty()) {
        const QString ns = m->data(first, ResourceTableModel::NamespaceRole).toString();
        if (!ns.isEmpty() && ns != namespace_)
            return false;
    }
    if (!selector_.empty()
        && !selector_.matches(QJsonObject::fromVariantMap(m->data(first, ResourceTableModel::LabelsRole).toMap())))
        return false;
    if (text_.isEmpty())
        return true;
    for (int c = 0; c < m->columnCount(sourceParent); ++c)
        if (m->data(m->index(sourceRow, c, sourceParent), Qt::DisplayRole).toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

}  // namespace timoneiro::ui
