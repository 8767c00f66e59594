#pragma once
// A pod's log, as kubectl logs [-f] -c C shows it: pick the container,
// follow or not; the text streams in as the server sends it. When the
// server refuses (no kubelet serves the pod's log yet, 403, the pod is
// gone) the tab says so in a banner.
#include <QJsonObject>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace timoneiro::api {
struct ApiError;
}
namespace timoneiro::client {
class Client;
class LogStream;
}

namespace timoneiro::ui {

class LogsView : public QWidget {
    Q_OBJECT
public:
    explicit LogsView(client::Client &client, QWidget *parent = nullptr);
    ~LogsView() override;

    // Shows pod's containers; streams only once start() is called (the tab is shown).
    void setPod(const QJsonObject &pod);
    void start();
    void stop();

    QString text() const;
    QString errorText() const;  // "" when the last stream was not refused
    bool streaming() const;
    QStringList containers() const;
    void setContainer(const QString &name);

private:
    void finished(const std::optional<api::ApiError> &error);
    static constexpr int kMaxBlocks = 20000;  // lines kept; older ones scroll away

    client::Client &client_;
    QString namespace_;
    QString pod_;
    QComboBox *containers_;
    QCheckBox *follow_;
    QPushButton *restart_;
    QLabel *banner_;
    QPlainTextEdit *text_;
    std::unique_ptr<client::LogStream> stream_;
};

}  // namespace timoneiro::ui
