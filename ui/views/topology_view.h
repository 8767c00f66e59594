#pragma once
// The topology view: the cluster drawn as nodes with their pods, the
// Services in front of them and the workloads that own them, live. Zoom
// (wheel, + and -), pan (drag), fit, a namespace filter, export as PNG or
// SVG; selecting a shape announces its object, and selectObject(uid)
// selects one from elsewhere in the app.
#include <QGraphicsView>
#include <QJsonObject>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;

namespace timoneiro::client {
class Client;
}

namespace timoneiro::ui {

class TopologyModel;
class TopologyScene;

// The drawing surface: zoom around the cursor, pan by dragging anywhere.
class TopologyCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit TopologyCanvas(QGraphicsScene *scene, QWidget *parent = nullptr);
    void zoomBy(qreal factor);
    qreal zoom() const { return transform().m11(); }
    bool userMoved() const { return userMoved_; }
    void setUserMoved(bool moved) { userMoved_ = moved; }

signals:
    void resized();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QPoint pressAt_, lastAt_;
    bool panning_ = false, pressed_ = false, userMoved_ = false;
};

class TopologyView : public QWidget {
    Q_OBJECT
public:
    // client: the cluster to show (not owned). Watching starts at once, or,
    // with Start::WhenShown, the first time the view is shown (a tab in the
    // back costs nothing until it is opened).
    enum class Start { Now, WhenShown };
    explicit TopologyView(client::Client &client, QWidget *parent = nullptr, Start start = Start::Now);
    ~TopologyView() override;

    void setNamespace(const QString &ns);  // "" = all
    void selectObject(const QString &uid);
    void fit();
    void zoomIn();
    void zoomOut();
    bool exportPng(const QString &path);
    bool exportSvg(const QString &path);
    TopologyModel &model() { return *model_; }
    TopologyScene &scene() { return *scene_; }
    TopologyCanvas &canvas() { return *canvas_; }

signals:
    void objectSelected(const QJsonObject &obj);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshNamespaces();
    void refreshSummary();
    void askExport(bool svg);

    std::unique_ptr<TopologyModel> model_;
    TopologyScene *scene_;
    TopologyCanvas *canvas_;
    QComboBox *namespaces_;
    QLabel *summary_;
    QLabel *error_;
    bool started_ = false;
};

}  // namespace timoneiro::ui
