// The main window's resource table and what can be done to its objects:
// browsing kinds, selecting (also by link or event), and the actions of the
// context menu -- each asks first and reports refusals in the window.
#include "main_window.h"

#include "details_panel.h"
#include "expose_dialog.h"
#include "models/node_drain.h"
#include "models/resource_filter_model.h"
#include "models/resource_table_model.h"

#include "api/object.h"
#include "client/client.h"
#include "client/informer.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

namespace timoneiro::ui {

namespace {
constexpr int kGroupRole = Qt::UserRole + 1;
constexpr int kPluralRole = Qt::UserRole + 2;

// List items of a real cluster carry no kind or apiVersion: put them back.
QJsonObject withKind(QJsonObject obj, const api::ResourceInfo &r)
{
    if (!obj.contains(QStringLiteral("kind")))
        obj.insert(QStringLiteral("kind"), r.kind);
    if (!obj.contains(QStringLiteral("apiVersion")))
        obj.insert(QStringLiteral("apiVersion"), r.group.isEmpty() ? r.version : r.group + QLatin1Char('/') + r.version);
    return obj;
}
}  // namespace

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
    if (!client_)
        return;
    const api::ResourceInfo *r = &api::builtinResource(group, plural);
    group_ = group;
    plural_ = plural;
    table_->setModel(nullptr);
    proxy_.reset();
    model_.reset();
    informer_.reset();
    informer_ = std::make_unique<client::Informer>(*client_, *r);
    model_ = std::make_unique<ResourceTableModel>(*informer_);
    proxy_ = std::make_unique<ResourceFilterModel>();
    proxy_->setSourceModel(model_.get());
    proxy_->setNamespace(namespaces_->currentData().toString());
    proxy_->setText(filter_->text());
    proxy_->setLabelSelector(selector_->text());
    table_->setModel(proxy_.get());
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        const QJsonObject obj = withKind(model_->objectAt(proxy_->mapToSource(current).row()), informer_->resource());
        details_->showObject(obj);
        followSelection(obj);
    });
    // The details follow the object as it changes.
    connect(model_.get(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const QModelIndex current = table_->currentIndex();
        if (!current.isValid())
            return;
        const int row = proxy_->mapToSource(current).row();
        if (row >= from.row() && row <= to.row())
            details_->showObject(withKind(model_->objectAt(row), informer_->resource()));
    });
    connect(model_.get(), &ResourceTableModel::agesMoved, table_->viewport(), qOverload<>(&QWidget::update));
    connect(model_.get(), &QAbstractItemModel::rowsInserted, this, [this] {
        // Fit the columns while the table is small enough for it to be cheap.
        if (model_->rowCount() < 200)
            table_->resizeColumnsToContents();
        updateCount();
        trySelectPending();
    });
    connect(model_.get(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
    informer_->start();
    table_->sortByColumn(r->namespaced ? 1 : 0, Qt::AscendingOrder);
    // The browser shows the kind shown (also when a link chose it).
    for (int i = 0; i < browser_->topLevelItemCount(); ++i)
        for (int j = 0; j < browser_->topLevelItem(i)->childCount(); ++j) {
            QTreeWidgetItem *item = browser_->topLevelItem(i)->child(j);
            if (item->data(0, kGroupRole).toString() == group && item->data(0, kPluralRole).toString() == plural
                && browser_->currentItem() != item) {
                QSignalBlocker block(browser_);
                browser_->setCurrentItem(item);
            }
        }
    updateCount();
}

void MainWindow::selectObject(const OwnerLink &target)
{
    const api::ResourceInfo *r = api::ResourceRegistry::builtin().findByKind(target.apiVersion, target.kind);
    if (!r || !client_) {
        showActionMessage(tr("This app does not show %1 objects yet.").arg(target.kind), true);
        return;
    }
    tabs_->setCurrentIndex(tabs_->indexOf(resourcesPage_));
    if (r->group != group_ || r->plural != plural_ || !informer_)
        showResource(r->group, r->plural);
    // Filters that would hide the object are cleared.
    if (!namespaces_->currentData().toString().isEmpty() && namespaces_->currentData().toString() != target.namespaceName)
        namespaces_->setCurrentIndex(0);
    filter_->clear();
    selector_->clear();
    pendingSelection_ = r->namespaced ? target.namespaceName + QLatin1Char('/') + target.name : target.name;
    trySelectPending();
}

void MainWindow::trySelectPending()
{
    if (pendingSelection_.isEmpty() || !proxy_)
        return;
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        const QModelIndex i = proxy_->index(row, 0);
        if (i.data(ResourceTableModel::KeyRole).toString() == pendingSelection_) {
            pendingSelection_.clear();
            table_->setCurrentIndex(i);
            table_->scrollTo(i);
            return;
        }
    }
}

QJsonObject MainWindow::selectedObject() const
{
    const QModelIndex current = table_ ? table_->currentIndex() : QModelIndex();
    if (!current.isValid() || !proxy_)
        return {};
    return withKind(model_->objectAt(proxy_->mapToSource(current).row()), informer_->resource());
}

void MainWindow::showContextMenu(const QPoint &at)
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    const QString name = api::nameOf(obj);
    const api::ResourceInfo &r = informer_->resource();
    QMenu menu;
    QAction *edit = menu.addAction(tr("Edit YAML"));
    QAction *remove = menu.addAction(tr("Delete %1").arg(name));
    QAction *scale = r.subresource(QStringLiteral("scale")) ? menu.addAction(tr("Scale…")) : nullptr;
    QAction *restart = canRestartRollout(r.kind) ? menu.addAction(tr("Restart rollout")) : nullptr;
    QAction *exposeAction = canExpose(r.kind) && r.kind != QLatin1String("Service") ? menu.addAction(tr("Expose as a Service…")) : nullptr;
    QAction *cordon = nullptr;
    QAction *drain = nullptr;
    const bool unschedulable = api::specOf(obj).value(QStringLiteral("unschedulable")).toBool();
    if (r.kind == QLatin1String("Node")) {
        cordon = menu.addAction(unschedulable ? tr("Uncordon (allow new pods)") : tr("Cordon (no new pods)"));
        drain = menu.addAction(tr("Drain (cordon, then evict its pods)"));
    }
    QAction *chosen = menu.exec(table_->viewport()->mapToGlobal(at));
    if (!chosen)
        return;
    if (chosen == edit)
        editInYaml(withKind(obj, r));
    if (chosen == remove
        && QMessageBox::question(this, tr("Delete"), tr("Delete %1 %2?").arg(r.kind, name)) == QMessageBox::Yes)
        deleteSelected();
    if (chosen == scale) {
        bool ok = false;
        const int current = api::specOf(obj).value(QStringLiteral("replicas")).toInt(1);
        const int replicas = QInputDialog::getInt(this, tr("Scale"), tr("Replicas of %1:").arg(name), current, 0, 1000, 1, &ok);
        if (ok)
            scaleSelected(replicas);
    }
    if (chosen == restart
        && QMessageBox::question(this, tr("Restart rollout"),
                                 tr("Restart the pods of %1 %2? They are replaced gradually, as kubectl rollout restart does.")
                                     .arg(r.kind, name))
               == QMessageBox::Yes)
        restartSelected();
    if (chosen == cordon
        && QMessageBox::question(this, tr("Cordon"),
                                 unschedulable ? tr("Allow new pods on node %1 again?").arg(name)
                                               : tr("Stop placing new pods on node %1? Its pods keep running.").arg(name))
               == QMessageBox::Yes)
        cordonSelected(!unschedulable);
    if (chosen == drain
        && QMessageBox::question(this, tr("Drain"),
                                 tr("Drain node %1? It is cordoned, then each of its pods (except DaemonSet and mirror pods) "
                                    "is evicted and recreated elsewhere by its controller.")
                                     .arg(name))
               == QMessageBox::Yes)
        drainSelected();
    if (chosen == exposeAction) {
        ExposeDialog dialog(obj, this);
        if (dialog.exec() == QDialog::Accepted)
            exposeSelected(dialog.options());
    }
}

void MainWindow::showActionMessage(const QString &text, bool error)
{
    if (error) {
        actionBanner_->setText(text);
        actionBanner_->show();
        actionBannerTimer_->start(30000);
    } else {
        actionBanner_->hide();
    }
    statusBar()->showMessage(text, 15000);
}

void MainWindow::showActionError(const QString &action, const api::ApiError &e)
{
    QString why;
    if (e.code == 403)
        why = tr("you are not allowed to do this (403 Forbidden)");
    else if (e.code == 409)
        why = tr("the object changed meanwhile or already exists (409 Conflict)");
    else if (e.code == 422)
        why = tr("the server found the request invalid (422 Invalid)");
    else if (e.code == 429)
        why = tr("the server refused it for now (429, e.g. a PodDisruptionBudget)");
    else
        why = tr("error %1 %2").arg(e.code).arg(e.reason);
    showActionMessage(tr("%1 refused: %2. %3").arg(action, why, e.message), true);
}

void MainWindow::showActionResult(const QString &action, const api::Result<QJsonObject> &r, const QString &success)
{
    if (r)
        showActionMessage(success, false);
    else
        showActionError(action, r.error());
}

void MainWindow::deleteSelected()
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    QPointer<MainWindow> self(this);
    const QString what = QStringLiteral("%1 %2").arg(informer_->resource().kind, api::nameOf(obj));
    client_->remove(informer_->resource(), api::namespaceOf(obj), api::nameOf(obj), [self, what](const api::Result<QJsonObject> &r) {
        if (self)
            self->showActionResult(tr("Delete"), r, tr("Deleted %1.").arg(what));
    });
}

void MainWindow::scaleSelected(int replicas)
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    const QByteArray patch = QStringLiteral(R"({"spec":{"replicas":%1}})").arg(replicas).toUtf8();
    QPointer<MainWindow> self(this);
    const QString name = api::nameOf(obj);
    client_->patch(informer_->resource(), api::namespaceOf(obj), name, client::PatchType::Merge, patch,
                   [self, name, replicas](const api::Result<QJsonObject> &r) {
                       if (self)
                           self->showActionResult(tr("Scale"), r, tr("Scaled %1 to %2 replicas.").arg(name).arg(replicas));
                   },
                   QStringLiteral("scale"));
}

void MainWindow::restartSelected()
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    QPointer<MainWindow> self(this);
    const QString name = api::nameOf(obj);
    restartRollout(*client_, obj, [self, name](const api::Result<QJsonObject> &r) {
        if (self)
            self->showActionResult(tr("Restart rollout"), r, tr("Restarting the rollout of %1.").arg(name));
    });
}

void MainWindow::cordonSelected(bool unschedulable)
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty() || obj.value(QStringLiteral("kind")).toString() != QLatin1String("Node"))
        return;
    QPointer<MainWindow> self(this);
    const QString name = api::nameOf(obj);
    setUnschedulable(*client_, name, unschedulable, [self, name, unschedulable](const api::Result<QJsonObject> &r) {
        if (self)
            self->showActionResult(unschedulable ? tr("Cordon") : tr("Uncordon"), r,
                                   unschedulable ? tr("Node %1 cordoned: no new pods go there.").arg(name)
                                                 : tr("Node %1 uncordoned.").arg(name));
    });
}

void MainWindow::drainSelected()
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty() || obj.value(QStringLiteral("kind")).toString() != QLatin1String("Node"))
        return;
    const QString name = api::nameOf(obj);
    drain_ = std::make_unique<NodeDrain>(*client_, name);
    connect(drain_.get(), &NodeDrain::progress, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(drain_.get(), &NodeDrain::finished, this, [this, name](const DrainReport &report) {
        if (report.error) {
            showActionError(tr("Drain"), *report.error);
            return;
        }
        QString text = tr("Node %1 drained: %n pod(s) evicted", nullptr, int(report.evicted.size())).arg(name);
        if (!report.deleted.isEmpty())
            text += QLatin1String("; ") + tr("%n pod(s) DELETED instead of evicted (this server does not serve eviction)", nullptr, int(report.deleted.size()));
        if (!report.skipped.isEmpty())
            text += QLatin1String("; ") + tr("left in place: %1").arg(report.skipped.join(QStringLiteral(", ")));
        if (!report.failed.isEmpty())
            text += QLatin1String("; ") + tr("refused: %1").arg(report.failed.join(QStringLiteral("; ")));
        showActionMessage(text + QLatin1Char('.'), !report.failed.isEmpty() || !report.deleted.isEmpty());
    });
    drain_->start();
}

void MainWindow::exposeSelected(const ExposeOptions &options)
{
    const QJsonObject obj = selectedObject();
    if (obj.isEmpty())
        return;
    QPointer<MainWindow> self(this);
    expose(*client_, obj, options, [self](const api::Result<QJsonObject> &r) {
        if (!self)
            return;
        const QString name = r ? api::nameOf(*r) : QString();
        const QString type = r ? api::specOf(*r).value(QStringLiteral("type")).toString() : QString();
        self->showActionResult(tr("Expose"), r, tr("Service %1 (%2) created.").arg(name, type));
    });
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
    if (count_)
        count_->setText(tr("%n object(s)", nullptr, visibleRows()));
}

}  // namespace timoneiro::ui
