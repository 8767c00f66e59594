#include "details_panel.h"

#include "logs_view.h"
#include "models/object_description.h"
#include "models/object_explainer.h"

#include "api/object.h"
#include "api/table.h"
#include "api/yaml.h"
#include "client/informer.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTreeWidget>

namespace timoneiro::ui {

namespace {
QTextBrowser *htmlView()
{
    auto *view = new QTextBrowser;
    view->setOpenLinks(false);  // timoneiro:select links are followed by the window
    return view;
}

void setHtmlKeepingScroll(QTextBrowser *view, const QString &html)
{
    const int at = view->verticalScrollBar()->value();
    view->setHtml(html);
    view->verticalScrollBar()->setValue(at);
}
}  // namespace

DetailsPanel::DetailsPanel(client::Client &client, client::Informer &events, QWidget *parent)
    : QTabWidget(parent), eventInformer_(events)
{
    overview_ = htmlView();
    explain_ = htmlView();
    events_ = new QTreeWidget;
    events_->setHeaderLabels({tr("Type"), tr("Reason"), tr("Age"), tr("From"), tr("Message")});
    events_->setRootIsDecorated(false);
    logs_ = new LogsView(client);
    yaml_ = new QPlainTextEdit;
    yaml_->setObjectName(QStringLiteral("yaml"));
    yaml_->setReadOnly(true);
    yaml_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    addTab(overview_, tr("Overview"));
    addTab(explain_, tr("Explain"));
    addTab(events_, tr("Events"));
    addTab(logs_, tr("Logs"));
    addTab(yaml_, tr("YAML"));
    setTabVisible(indexOf(logs_), false);
    owners_ = std::make_unique<OwnerChain>(client);
    connect(owners_.get(), &OwnerChain::resolved, this, &DetailsPanel::refreshTexts);
    for (QTextBrowser *view : {overview_, explain_})
        connect(view, &QTextBrowser::anchorClicked, this, &DetailsPanel::openLink);
    // Only the shown object's events redraw the panel, not every event of the cluster.
    const auto mine = [this](const QJsonObject &e) {
        if (isAbout(e))
            refreshEvents();
    };
    connect(&eventInformer_, &client::Informer::added, this, mine);
    connect(&eventInformer_, &client::Informer::deleted, this, mine);
    connect(&eventInformer_, &client::Informer::updated, this, [mine](const QJsonObject &, const QJsonObject &e) { mine(e); });
    // Logs stream only while their tab is shown: a follow is a connection held open.
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (widget(index) == logs_)
            logs_->start();
        else
            logs_->stop();
    });
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::showObject(const QJsonObject &obj)
{
    if (obj == shown_)
        return;  // unchanged: keep the reader's scroll position
    const bool sameObject = api::uidOf(obj) == uid_ && !uid_.isEmpty();
    shown_ = obj;
    uid_ = api::uidOf(obj);
    const bool pod = obj.value(QStringLiteral("kind")).toString() == QLatin1String("Pod");
    setTabVisible(indexOf(logs_), pod);
    if (pod) {
        logs_->setPod(obj);
        if (currentWidget() == logs_ && !sameObject)
            logs_->start();
    } else {
        logs_->stop();
    }
    const int yamlAt = yaml_->verticalScrollBar()->value();
    yaml_->setPlainText(QString::fromUtf8(api::toYaml(obj)));
    yaml_->verticalScrollBar()->setValue(sameObject ? yamlAt : 0);
    refreshTexts();  // at once with the known owners, again when the chain resolves
    owners_->resolve(obj);
    refreshEvents();
}

void DetailsPanel::openLink(const QUrl &url)
{
    if (auto target = OwnerLink::fromUrl(url))
        emit objectLinkActivated(*target);
}

int DetailsPanel::eventCount() const
{
    return events_->topLevelItemCount();
}

QString DetailsPanel::overviewHtml() const
{
    return overview_->toHtml();
}

QString DetailsPanel::explainHtml() const
{
    return explain_->toHtml();
}

bool DetailsPanel::isAbout(const QJsonObject &event) const
{
    if (uid_.isEmpty())
        return false;
    const QJsonObject involved = event.value(QStringLiteral("involvedObject")).toObject();
    const QString uid = involved.value(QStringLiteral("uid")).toString();
    if (!uid.isEmpty())
        return uid == uid_;
    // Events written without the uid (by hand, by older tools) name the object instead.
    return involved.value(QStringLiteral("kind")).toString() == shown_.value(QStringLiteral("kind")).toString()
        && involved.value(QStringLiteral("name")).toString() == api::nameOf(shown_)
        && involved.value(QStringLiteral("namespace")).toString() == api::namespaceOf(shown_);
}

QList<QJsonObject> DetailsPanel::eventsOfShown() const
{
    QList<QJsonObject> mine;
    if (uid_.isEmpty())
        return mine;
    const QString ns = api::namespaceOf(shown_);
    for (const QJsonObject &e : eventInformer_.list(ns))
        if (isAbout(e))
            mine.append(e);
    return mine;
}

void DetailsPanel::refreshTexts()
{
    QList<OwnerLink> chain = owners_->chain();
    if (chain.isEmpty() || chain.last().name != api::nameOf(shown_) || chain.last().kind != shown_.value(QStringLiteral("kind")).toString())
        chain = {OwnerLink::of(shown_)};  // the chain of a previous object is still resolving
    setHtmlKeepingScroll(overview_, describeObject(shown_, chain));
    setHtmlKeepingScroll(explain_, explainObject(shown_, eventsOfShown(), chain));
}

void DetailsPanel::refreshEvents()
{
    events_->clear();
    QList<QJsonObject> mine = eventsOfShown();
    std::sort(mine.begin(), mine.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("lastTimestamp")).toString() < b.value(QStringLiteral("lastTimestamp")).toString();
    });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonObject &e : mine) {
        const QDateTime last = QDateTime::fromString(e.value(QStringLiteral("lastTimestamp")).toString(), Qt::ISODate);
        new QTreeWidgetItem(events_, {e.value(QStringLiteral("type")).toString(), e.value(QStringLiteral("reason")).toString(),
                                      last.isValid() ? api::humanDuration(last.secsTo(now)) : QString(),
                                      e.value(QStringLiteral("source")).toObject().value(QStringLiteral("component")).toString(),
                                      e.value(QStringLiteral("message")).toString()});
    }
    events_->header()->resizeSections(QHeaderView::ResizeToContents);
    if (!uid_.isEmpty())
        refreshTexts();  // "what just happened" follows the events
}

}  // namespace timoneiro::ui
