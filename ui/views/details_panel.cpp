#include "details_panel.h"

#include "models/object_explainer.h"

#include "api/object.h"
#include "api/table.h"
#include "api/yaml.h"
#include "client/informer.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QTreeWidget>

namespace timoneiro::ui {

DetailsPanel::DetailsPanel(client::Client &client, QWidget *parent) : QTabWidget(parent)
{
    overview_ = new QTextBrowser;
    events_ = new QTreeWidget;
    events_->setHeaderLabels({tr("Type"), tr("Reason"), tr("Age"), tr("From"), tr("Message")});
    events_->setRootIsDecorated(false);
    yaml_ = new QPlainTextEdit;
    yaml_->setReadOnly(true);
    yaml_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    addTab(overview_, tr("Overview"));
    addTab(events_, tr("Events"));
    addTab(yaml_, tr("YAML"));
    const api::ResourceInfo *events = api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("events"));
    eventInformer_ = std::make_unique<client::Informer>(client, *events);
    for (auto signal : {&client::Informer::added, &client::Informer::deleted})
        connect(eventInformer_.get(), signal, this, &DetailsPanel::refreshEvents);
    connect(eventInformer_.get(), &client::Informer::updated, this, &DetailsPanel::refreshEvents);
    eventInformer_->start();
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::showObject(const QJsonObject &obj)
{
    if (obj == shown_)
        return;  // unchanged: keep the reader's scroll position
    shown_ = obj;
    uid_ = api::uidOf(obj);
    overview_->setHtml(explainObject(obj));
    yaml_->setPlainText(QString::fromUtf8(api::toYaml(obj)));
    refreshEvents();
}

int DetailsPanel::eventCount() const
{
    return events_->topLevelItemCount();
}

void DetailsPanel::refreshEvents()
{
    events_->clear();
    if (uid_.isEmpty())
        return;
    QList<QJsonObject> mine;
    for (const QJsonObject &e : eventInformer_->list())
        if (e.value(QStringLiteral("involvedObject")).toObject().value(QStringLiteral("uid")).toString() == uid_)
            mine.append(e);
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
}

}  // namespace timoneiro::ui
