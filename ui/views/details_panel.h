#pragma once
// Details of the selected object: an overview in plain words (what it is,
// who controls it, why it is where it is), its events as they happen, and
// its YAML as the API server has it.
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

class DetailsPanel : public QTabWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(client::Client &client, QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void showObject(const QJsonObject &obj);
    int eventCount() const;

private:
    void refreshEvents();

    QTextBrowser *overview_;
    QTreeWidget *events_;
    QPlainTextEdit *yaml_;
    std::unique_ptr<client::Informer> eventInformer_;
    QString uid_;
    QJsonObject shown_;
};

}  // namespace timoneiro::ui
