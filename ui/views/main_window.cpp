#include "main_window.h"

#include "topology_view.h"
#include "yaml_editor.h"

#include "cluster_switcher.h"
#include "details_panel.h"
#include "events_timeline.h"
#include "presentation.h"
#include "settings.h"
#include "models/node_drain.h"
#include "models/resource_filter_model.h"
#include "models/resource_table_model.h"

#include "api/object.h"
#include "client/client.h"
#include "client/http_transport.h"
#include "client/informer.h"

#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace timoneiro::ui {

namespace {
constexpr int kGroupRole = Qt::UserRole + 1;
constexpr int kPluralRole = Qt::UserRole + 2;

QLabel *banner(const char *style)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QLatin1String(style));
    label->hide();
    return label;
}
}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    buildChrome();
    addStandardTabs();
    setWindowTitle(tr("Timoneiro"));
}

MainWindow::MainWindow(client::Client &client, const QString &clusterName, QWidget *parent) : MainWindow(parent)
{
    openCluster(client, clusterName);
}

MainWindow::~MainWindow()
{
    clearWorkspace();
}

void MainWindow::buildChrome()
{
    presentation_ = new PresentationMode(this);
    switcher_ = new ClusterSwitcher;
    auto *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("clusterToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(switcher_);
    connect(switcher_, &ClusterSwitcher::chosen, this, &MainWindow::openChoice);
    connect(switcher_, &ClusterSwitcher::problem, this, [this](const QString &m) { showActionMessage(m, true); });

    connectionBanner_ = banner("QLabel { background: #fdecea; color: #8a1c1c; padding: 8px; border: 1px solid #e0a0a0; }");
    actionBanner_ = banner("QLabel { background: #fff4e5; color: #663c00; padding: 8px; border: 1px solid #f0c080; }");
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(connectionBanner_);
    layout->addWidget(actionBanner_);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);

    eventsDock_ = new QDockWidget;
    eventsDock_->setObjectName(QStringLiteral("eventsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock_);
    resizeDocks({eventsDock_}, {200}, Qt::Vertical);  // the table and details keep most of the height

    fileMenu_ = menuBar()->addMenu(QString());
    quit_ = fileMenu_->addAction(QString(), qApp, &QApplication::closeAllWindows);
    quit_->setShortcut(QKeySequence::Quit);
    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addAction(eventsDock_->toggleViewAction());
    presentationAction_ = viewMenu_->addAction(QString());
    presentationAction_->setCheckable(true);
    presentationAction_->setShortcut(Qt::Key_F11);
    connect(presentationAction_, &QAction::toggled, presentation_, &PresentationMode::setActive);
    connect(presentation_, &PresentationMode::toggled, presentationAction_, &QAction::setChecked);
    languageMenu_ = viewMenu_->addMenu(QString());
    languages_ = new QActionGroup(this);
    for (const auto &[code, name] : Language::available()) {
        QAction *a = languageMenu_->addAction(name);  // each language in its own words
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(code == Language::current());
        languages_->addAction(a);
    }
    connect(languages_, &QActionGroup::triggered, this, [this](QAction *a) { setLanguage(a->data().toString()); });

    probeTimer_ = new QTimer(this);
    probeTimer_->setSingleShot(true);
    connect(probeTimer_, &QTimer::timeout, this, &MainWindow::probe);
    actionBannerTimer_ = new QTimer(this);
    actionBannerTimer_->setSingleShot(true);
    connect(actionBannerTimer_, &QTimer::timeout, actionBanner_, &QWidget::hide);
    retranslateChrome();
    switcher_->reload();
    resize(1280, 800);
}

void MainWindow::retranslateChrome()
{
    setWindowTitle(clusterName_.isEmpty() ? tr("Timoneiro") : tr("Timoneiro — %1").arg(clusterName_));
    fileMenu_->setTitle(tr("&File"));
    quit_->setText(tr("&Quit"));
    viewMenu_->setTitle(tr("&View"));
    eventsDock_->setWindowTitle(tr("Events timeline"));
    presentationAction_->setText(tr("&Presentation mode (large fonts)"));
    languageMenu_->setTitle(tr("&Language"));
    if (!resourcesPage_ && client_ == nullptr)
        tabs_->setToolTip(tr("Choose a cluster in the toolbar"));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange || retranslatePending_)
        return;
    // LanguageChange is sent while Qt walks the widget tree: rebuild after it.
    retranslatePending_ = true;
    QMetaObject::invokeMethod(this, [this] {
        retranslatePending_ = false;
        retranslateChrome();
        for (QAction *a : languages_->actions())
            a->setChecked(a->data().toString() == Language::current());
        if (!client_)
            return;
        const QJsonObject selected = selectedObject();
        buildWorkspace();
        if (!selected.isEmpty())
            pendingSelection_ = client::Informer::keyOf(selected);
        trySelectPending();
    }, Qt::QueuedConnection);
}

bool MainWindow::setLanguage(const QString &code, const QString &translationsDir)
{
    if (!Language::apply(code, translationsDir)) {
        showActionMessage(tr("The translation for %1 could not be loaded.").arg(code), true);
        return false;
    }
    Language::save(code);
    return true;
}

void MainWindow::openCluster(client::Client &client, const QString &clusterName)
{
    setClient(&client, nullptr, clusterName);
}

void MainWindow::openCluster(std::unique_ptr<client::Client> client, const QString &clusterName)
{
    client::Client *raw = client.get();
    setClient(raw, std::move(client), clusterName);
}

bool MainWindow::openChoice(const ClusterChoice &choice)
{
    if (choice.local) {
        showActionMessage(tr("Opening the local cluster…"), false);
        emit localClusterRequested();
        return true;
    }
    auto config = serverConfigOf(choice);
    if (!config) {
        showConnectionProblem(tr("Cannot open the context %1: %2").arg(choice.context, config.error().message));
        return false;
    }
    openCluster(std::make_unique<client::Client>(new client::HttpTransport(*config)), choice.context);
    switcher_->setCurrentIndex(switcher_->indexOfContext(choice.context));
    return true;
}

void MainWindow::setClient(client::Client *client, std::unique_ptr<client::Client> owned, const QString &name)
{
    clearWorkspace();  // the old cluster's informers go before its client
    client_ = client;
    ownedClient_ = std::move(owned);
    clusterName_ = name;
    connectionBanner_->hide();
    actionBanner_->hide();
    retranslateChrome();
    const int at = switcher_->indexOfContext(name);
    if (at >= 0)
        switcher_->setCurrentIndex(at);
    buildWorkspace();
    probe();
}

void MainWindow::addClusterTab(std::function<QString()> title, std::function<QWidget *(client::Client &)> factory)
{
    ClusterTab tab{std::move(title), std::move(factory), nullptr};
    if (client_) {
        tab.widget = tab.factory(*client_);
        tabs_->addTab(tab.widget, tab.title());
    }
    clusterTabs_.append(std::move(tab));
}

void MainWindow::probe()
{
    if (!client_)
        return;
    client::ListOptions options;
    options.limit = 1;
    QPointer<MainWindow> self(this);
    client::Client *asked = client_;
    client_->list(api::builtinResource(QString(), QStringLiteral("namespaces")), QString(), options,
                  [self, asked](const api::Result<QJsonObject> &r) {
                      if (!self || self->client_ != asked)
                          return;  // another cluster was opened meanwhile
                      if (r || r.error().code == 403) {  // reachable; listing namespaces may just be forbidden
                          self->connectionBanner_->hide();
                          return;
                      }
                      self->connectionBanner_->setText(describeConnectionError(self->clusterName_, r.error()));
                      self->connectionBanner_->show();
                      self->statusBar()->showMessage(self->connectionBanner_->text(), 10000);
                      self->probeTimer_->start(5000);  // until it answers; no retry storm
                  });
}

void MainWindow::showConnectionProblem(const QString &text)
{
    connectionBanner_->setText(text);
    connectionBanner_->show();
}

QString MainWindow::connectionProblem() const
{
    return connectionBanner_->isVisibleTo(this) ? connectionBanner_->text() : QString();
}

QString MainWindow::actionMessage() const
{
    return actionBanner_->isVisibleTo(this) ? actionBanner_->text() : statusBar()->currentMessage();
}

void MainWindow::clearWorkspace()
{
    drain_.reset();
    for (ClusterTab &t : clusterTabs_) {
        delete t.widget;
        t.widget = nullptr;
    }
    if (table_)
        table_->setModel(nullptr);
    delete resourcesPage_;
    resourcesPage_ = nullptr;
    browser_ = nullptr;
    namespaces_ = nullptr;
    filter_ = selector_ = nullptr;
    table_ = nullptr;
    details_ = nullptr;
    delete timeline_;
    timeline_ = nullptr;
    delete count_;
    count_ = nullptr;
    proxy_.reset();
    model_.reset();
    informer_.reset();
    namespaceInformer_.reset();
    eventInformer_.reset();
}

void MainWindow::buildWorkspace()
{
    const QString group = group_;
    const QString plural = plural_;
    clearWorkspace();
    eventInformer_ = std::make_unique<client::Informer>(*client_, api::builtinResource(QString(), QStringLiteral("events")));
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
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(filters);
    details_ = new DetailsPanel(*client_, *eventInformer_);
    connect(details_, &DetailsPanel::objectLinkActivated, this, &MainWindow::selectObject);
    auto *tableAndDetails = new QSplitter(Qt::Vertical);
    tableAndDetails->addWidget(table_);
    tableAndDetails->addWidget(details_);
    tableAndDetails->setStretchFactor(0, 1);
    tableAndDetails->setStretchFactor(1, 1);
    tableAndDetails->setSizes({300, 400});  // the details (owners, containers, conditions) need the room
    rightLayout->addWidget(tableAndDetails);
    auto *split = new QSplitter;
    split->addWidget(browser_);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({200, 1000});
    resourcesPage_ = split;
    tabs_->insertTab(0, resourcesPage_, tr("Resources"));
    tabs_->setCurrentIndex(0);
    for (ClusterTab &t : clusterTabs_) {
        t.widget = t.factory(*client_);
        tabs_->addTab(t.widget, t.title());
    }

    timeline_ = new EventsTimeline(*eventInformer_);
    connect(timeline_, &EventsTimeline::objectActivated, this, [this](const QJsonObject &involved) {
        selectObject({involved.value(QStringLiteral("apiVersion")).toString(), involved.value(QStringLiteral("kind")).toString(),
                      involved.value(QStringLiteral("namespace")).toString(), involved.value(QStringLiteral("name")).toString(), {}});
    });
    eventsDock_->setWidget(timeline_);

    connect(browser_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kPluralRole).toString().isEmpty())
            showResource(item->data(0, kGroupRole).toString(), item->data(0, kPluralRole).toString());
    });
    connect(namespaces_, &QComboBox::currentIndexChanged, this, [this] {
        followNamespace(namespaces_->currentData().toString());
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
    namespaceInformer_ = std::make_unique<client::Informer>(*client_, api::builtinResource(QString(), QStringLiteral("namespaces")));
    connect(namespaceInformer_.get(), &client::Informer::added, this, [this](const QJsonObject &obj) {
        const QString name = api::nameOf(obj);
        if (namespaces_->findData(name) < 0)
            namespaces_->addItem(name, name);
    });
    connect(namespaceInformer_.get(), &client::Informer::deleted, this, [this](const QJsonObject &obj) {
        const int at = namespaces_->findData(api::nameOf(obj));
        if (at > 0)
            namespaces_->removeItem(at);
    });
    // A failing watch may mean the cluster went away or the credentials expired: ask why.
    connect(namespaceInformer_.get(), &client::Informer::watchError, this, [this] {
        if (!probeTimer_->isActive())
            probeTimer_->start(0);
    });
    namespaceInformer_->start();
    eventInformer_->start();
    showResource(group, plural);
    presentation_->adoptNewWidgets();
}

}  // namespace timoneiro::ui
