#include "events_timeline.h"

#include "models/events_timeline_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace timoneiro::ui {

EventsTimeline::EventsTimeline(client::Informer &events, QWidget *parent) : QWidget(parent)
{
    model_ = std::make_unique<EventsTimelineModel>(events);
    filter_ = std::make_unique<EventsTimelineFilter>();
    filter_->setSourceModel(model_.get());
    namespaces_ = new QComboBox;
    namespaces_->addItem(tr("All namespaces"), QString());
    types_ = new QComboBox;
    types_->addItem(tr("All types"), QString());
    types_->addItem(tr("Normal"), QStringLiteral("Normal"));
    types_->addItem(tr("Warning"), QStringLiteral("Warning"));
    table_ = new QTableView;
    table_->setModel(filter_.get());
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    table_->setToolTip(tr("Click an event to select its object"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Namespace:")));
    filters->addWidget(namespaces_);
    filters->addWidget(new QLabel(tr("Type:")));
    filters->addWidget(types_);
    filters->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(filters);
    layout->addWidget(table_);

    connect(namespaces_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setNamespace(namespaces_->currentData().toString()); });
    connect(types_, &QComboBox::currentIndexChanged, this, [this] { filter_->setType(types_->currentData().toString()); });
    connect(table_, &QAbstractItemView::clicked, this, [this](const QModelIndex &i) { activateRow(i.row()); });
    connect(model_.get(), &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        for (int r = first; r <= last; ++r)
            addNamespace(model_->index(r, 0).data(EventsTimelineModel::NamespaceRole).toString());
        if (model_->rowCount() < 300)
            table_->resizeColumnsToContents();
    });
    for (int r = 0; r < model_->rowCount(); ++r)
        addNamespace(model_->index(r, 0).data(EventsTimelineModel::NamespaceRole).toString());
    table_->resizeColumnsToContents();
    ages_ = new QTimer(this);
    connect(ages_, &QTimer::timeout, model_.get(), &EventsTimelineModel::refreshAges);
    ages_->start(10000);
}

EventsTimeline::~EventsTimeline()
{
    table_->setModel(nullptr);
}

void EventsTimeline::addNamespace(const QString &ns)
{
    if (ns.isEmpty() || namespaces_->findData(ns) >= 0)
        return;
    // Kept sorted after "All namespaces".
    int at = 1;
    while (at < namespaces_->count() && namespaces_->itemData(at).toString() < ns)
        ++at;
    namespaces_->insertItem(at, ns, ns);
}

int EventsTimeline::visibleRows() const
{
    return filter_->rowCount();
}

QJsonObject EventsTimeline::eventAt(int row) const
{
    return filter_->index(row, 0).data(EventsTimelineModel::EventRole).toJsonObject();
}

void EventsTimeline::setNamespace(const QString &ns)
{
    addNamespace(ns);
    namespaces_->setCurrentIndex(std::max(0, namespaces_->findData(ns)));
}

void EventsTimeline::setType(const QString &type)
{
    types_->setCurrentIndex(std::max(0, types_->findData(type)));
}

void EventsTimeline::activateRow(int row)
{
    const QJsonObject e = eventAt(row);
    if (!e.isEmpty())
        emit objectActivated(e.value(QStringLiteral("involvedObject")).toObject());
}

}  // namespace timoneiro::ui
