#pragma once
// Details of the selected object: an overview of its facts (owner chain,
// containers, IPs, node, conditions; each owner a link), an explanation in
// plain words (what it is, who controls it, what just happened and why),
// its events as they happen, a pod's logs, and its YAML as the API server
// has it.
#include "models/owner_chain.h"

#include <QJsonObject>
#include <QTabWidget>

#include <memory>

class QPlainTextEdit;
class QTextBrowser;
class QTreeWidget;

namespace timoneiro::client {
class Client;
class Informer;
}

namespace timoneiro::ui {

class LogsView;

class DetailsPanel : public QTabWidget {
    Q_OBJECT
public:
    // events: the cluster's events informer (shared with the window; not owned).
    DetailsPanel(client::Client &client, client::Informer &events, QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void showObject(const QJsonObject &obj);
    const QJsonObject &shown() const { return shown_; }
    int eventCount() const;
    QString overviewHtml() const;
    QString explainHtml() const;
    const QList<OwnerLink> &owners() const { return owners_->chain(); }
    LogsView *logs() const { return logs_; }
    // Follows a timoneiro:select link of the overview, as a click does.
    void openLink(const QUrl &url);

signals:
    // A link to another object was clicked (an owner, the pod's node).
    void objectLinkActivated(const timoneiro::ui::OwnerLink &target);

private:
    void refreshEvents();
    void refreshTexts();
    QList<QJsonObject> eventsOfShown() const;
    bool isAbout(const QJsonObject &event) const;

    client::Informer &eventInformer_;
    QTextBrowser *overview_;
    QTextBrowser *explain_;
    QTreeWidget *events_;
    LogsView *logs_;
    QPlainTextEdit *yaml_;
    std::unique_ptr<OwnerChain> owners_;
    QString uid_;
    QJsonObject shown_;
};

}  // namespace timoneiro::ui
