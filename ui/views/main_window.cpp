#include "main_window.h"

#include "details_panel.h"
#include "models/resource_filter_model.h"
#include "models/resource_table_model.h"

#include "client/client.h"
#include "client/informer.h"
#include "api/object.h"

#include <QComboBox>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace timoneiro::ui {

namespace {
constexpr int kGroupRole = Qt::UserRole + 1;
constexpr int kPluralRole = Qt::UserRole + 2;
}  // namespace

MainWindow::MainWindow(client::Client &client, const QString &clusterName, QWidget *parent)
    : QMainWindow(parent), client_(client)
{
    setWindowTitle(tr("Timoneiro — %1").arg(clusterName));
    browser_ = new QTreeWidget;
    browser_->setHeaderHidden(true);
    buildBrowser();

    namespaces_ = new QComboBox;
    namespaces_->addItem(tr("All namespaces"), QString());
    filter_ = new QLineEdit;
    filter_->setPlaceholderText(tr("Filter by text"));
    filter_->setClearButtonEnabled(true);
    selector_ = new QLineEdit;
    selector_->setPlaceholderText(tr("Label selector, e.g. app=web,tier!=db"));
    selector_->setClearButtonEnabled(true);
    table_ = new QTableView;
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table_, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    count_ = new QLabel;
    statusBar()->addPermanentWidget(count_);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Namespace:")));
    filters->addWidget(namespaces_);
    filters->addWidget(filter_, 1);
    filters->addWidget(selector_, 1);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(filters);
    details_ = new DetailsPanel(client_);
    auto *tableAndDetails = new QSplitter(Qt::Vertical);
    tableAndDetails->addWidget(table_);
    tableAndDetails->addWidget(details_);
    tableAndDetails->setStretchFactor(0, 3);
    tableAndDetails->setStretchFactor(1, 2);
    rightLayout->addWidget(tableAndDetails);
    auto *split = new QSplitter;
    split->addWidget(browser_);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    resize(1200, 700);

    connect(browser_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kPluralRole).toString().isEmpty())
            showResource(item->data(0, kGroupRole).toString(), item->data(0, kPluralRole).toString());
    });
    connect(namespaces_, &QComboBox::currentIndexChanged, this, [this] {
        if (proxy_)
            proxy_->setNamespace(namespaces_->currentData().toString());
        updateCount();
    });
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (proxy_)
            proxy_->setText(text);
        updateCount();
    });
    connect(selector_, &QLineEdit::textChanged, this, [this](const QString &text) {
        QString error;
        if (proxy_ && !proxy_->setLabelSelector(text, &error))
            statusBar()->showMessage(error, 5000);
        else
            statusBar()->clearMessage();
        updateCount();
    });

    // The namespace list follows the cluster.
    const api::ResourceInfo *ns = api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("namespaces"));
    namespaceInformer_ = std::make_unique<client::Informer>(client_, *ns);
    connect(namespaceInformer_.get(), &client::Informer::added, this, [this](const QJsonObject &obj) {
        const QString name = obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
        if (namespaces_->findData(name) < 0)
            namespaces_->addItem(name, name);
    });
    connect(namespaceInformer_.get(), &client::Informer::deleted, this, [this](const QJsonObject &obj) {
        const int at = namespaces_->findData(obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString());
        if (at > 0)
            namespaces_->removeItem(at);
    });
    connect(namespaceInformer_.get(), &client::Informer::watchError, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Cluster: %1").arg(message), 10000); });
    namespaceInformer_->start();
    showResource(QString(), QStringLiteral("pods"));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildBrowser()
{
    struct Entry {
        const char *group;
        const char *plural;
        const char *label;
    };
    const QList<QPair<QString, QList<Entry>>> groups{
        {tr("Workloads"), {{"", "pods", QT_TR_NOOP("Pods")}, {"apps", "deployments", QT_TR_NOOP("Deployments")},
                           {"apps", "replicasets", QT_TR_NOOP("ReplicaSets")}}},
        {tr("Network"), {{"", "services", QT_TR_NOOP("Services")}, {"", "endpoints", QT_TR_NOOP("Endpoints")},
                         {"discovery.k8s.io", "endpointslices", QT_TR_NOOP("EndpointSlices")},
                         {"networking.k8s.io", "networkpolicies", QT_TR_NOOP("NetworkPolicies")}}},
        {tr("Config"), {{"", "configmaps", QT_TR_NOOP("ConfigMaps")}, {"", "secrets", QT_TR_NOOP("Secrets")}}},
        {tr("Cluster"), {{"", "nodes", QT_TR_NOOP("Nodes")}, {"", "namespaces", QT_TR_NOOP("Namespaces")},
                         {"", "resourcequotas", QT_TR_NOOP("ResourceQuotas")}, {"", "events", QT_TR_NOOP("Events")}}},
    };
    for (const auto &[title, entries] : groups) {
        auto *top = new QTreeWidgetItem(browser_, {title});
        for (const Entry &e : entries) {
            auto *item = new QTreeWidgetItem(top, {tr(e.label)});
            item->setData(0, kGroupRole, QLatin1String(e.group));
            item->setData(0, kPluralRole, QLatin1String(e.plural));
        }
        top->setExpanded(true);
    }
}

void MainWindow::showResource(const QString &group, const QString &plural)
{
    const api::ResourceInfo *r = nullptr;
    for (const api::ResourceInfo &info : api::ResourceRegistry::builtin().all())
        if (info.group == group && info.plural == plural)
            r = &info;
    if (!r)
        return;
    table_->setModel(nullptr);
    proxy_.reset();
    model_.reset();
    informer_ = std::make_unique<client::Informer>(client_, *r);
    model_ = std::make_unique<ResourceTableModel>(*informer_);
    proxy_ = std::make_unique<ResourceFilterModel>();
    proxy_->setSourceModel(model_.get());
    proxy_->setNamespace(namespaces_->currentData().toString());
    proxy_->setText(filter_->text());
    proxy_->setLabelSelector(selector_->text());
    table_->setModel(proxy_.get());
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            details_->showObject(model_->objectAt(proxy_->mapToSource(current).row()));
    });
    // The details follow the object as it changes.
    connect(model_.get(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const QModelIndex current = table_->currentIndex();
        if (!current.isValid())
            return;
        const int row = proxy_->mapToSource(current).row();
        if (row >= from.row() && row <= to.row())
            details_->showObject(model_->objectAt(row));
    });
    connect(model_.get(), &QAbstractItemModel::rowsInserted, this, [this] {
        // Fit the columns while the table is small enough for it to be cheap.
        if (model_->rowCount() < 200)
            table_->resizeColumnsToContents();
        updateCount();
    });
    connect(model_.get(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
    informer_->start();
    table_->sortByColumn(r->namespaced ? 1 : 0, Qt::AscendingOrder);
    updateCount();
}

QJsonObject MainWindow::selectedObject() const
{
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid() || !proxy_)
        return {};
    return model_->objectAt(proxy_->mapToSource(current).row());
}

void MainWindow::showContextMenu(const QPoint &at)
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    const QString name = api::nameOf(obj);
    QMenu menu;
    QAction *remove = menu.addAction(tr("Delete %1").arg(name));
    QAction *scale = nullptr;
    const api::ResourceInfo &r = informer_->resource();
    if (r.subresource(QStringLiteral("scale")))
        scale = menu.addAction(tr("Scale…"));
    QAction *chosen = menu.exec(table_->viewport()->mapToGlobal(at));
    if (chosen == remove
        && QMessageBox::question(this, tr("Delete"), tr("Delete %1 %2?").arg(r.kind, name)) == QMessageBox::Yes)
        deleteSelected();
    if (scale && chosen == scale) {
        bool ok = false;
        const int current = api::specOf(obj).value(QStringLiteral("replicas")).toInt(1);
        const int replicas = QInputDialog::getInt(this, tr("Scale"), tr("Replicas of %1:").arg(name), current, 0, 1000, 1, &ok);
        if (ok)
            scaleSelected(replicas);
    }
}

void MainWindow::deleteSelected()
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    client_.remove(informer_->resource(), api::namespaceOf(obj), api::nameOf(obj), [this](const api::Result<QJsonObject> &r) {
        if (!r)
            QMessageBox::warning(this, tr("Delete"), r.error().message);
    });
}

void MainWindow::scaleSelected(int replicas)
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    const QByteArray patch = QStringLiteral(R"({"spec":{"replicas":%1}})").arg(replicas).toUtf8();
    client_.patch(informer_->resource(), api::namespaceOf(obj), api::nameOf(obj), client::PatchType::Merge, patch,
                  [this](const api::Result<QJsonObject> &r) {
                      if (!r)
                          QMessageBox::warning(this, tr("Scale"), r.error().message);
                  },
                  QStringLiteral("scale"));
}

void MainWindow::selectRow(int row)
{
    if (proxy_ && row < proxy_->rowCount())
        table_->setCurrentIndex(proxy_->index(row, 0));
}

int MainWindow::visibleRows() const
{
    return proxy_ ? proxy_->rowCount() : 0;
}

void MainWindow::updateCount()
{
    count_->setText(tr("%n object(s)", nullptr, visibleRows()));
}

}  // namespace timoneiro::ui
