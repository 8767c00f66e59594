#pragma once
// The cluster's events as they happen, newest first (a dock of the main
// window): type, reason, object and message, filtered by namespace and
// type. Activating a row asks the window to select the event's object.
#include <QJsonObject>
#include <QWidget>

#include <memory>

class QComboBox;
class QTableView;
class QTimer;

namespace timoneiro::client {
class Informer;
}

namespace timoneiro::ui {

class EventsTimelineFilter;
class EventsTimelineModel;

class EventsTimeline : public QWidget {
    Q_OBJECT
public:
    explicit EventsTimeline(client::Informer &events, QWidget *parent = nullptr);
    ~EventsTimeline() override;

    int visibleRows() const;
    // The visible row's event (0 = newest).
    QJsonObject eventAt(int row) const;
    void setNamespace(const QString &ns);
    void setType(const QString &type);
    // What a click on the row does.
    void activateRow(int row);

signals:
    // involvedObject of the activated event (apiVersion, kind, namespace, name, uid).
    void objectActivated(const QJsonObject &involvedObject);

private:
    void addNamespace(const QString &ns);

    std::unique_ptr<EventsTimelineModel> model_;
    std::unique_ptr<EventsTimelineFilter> filter_;
    QComboBox *namespaces_;
    QComboBox *types_;
    QTableView *table_;
    QTimer *ages_;
};

}  // namespace timoneiro::ui
