#include "topology_view.h"

#include "models/topology_model.h"
#include "topology_scene.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace timoneiro::ui {

namespace {
constexpr qreal kZoomStep = 1.2, kMinZoom = 0.03, kMaxZoom = 4.0;
// Exports bigger than this are drawn smaller: a 100-node cluster is still one image of sane size.
constexpr qreal kMaxExportSide = 8000, kMaxExportPixels = 24e6;
}  // namespace

TopologyCanvas::TopologyCanvas(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::NoDrag);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
}

void TopologyCanvas::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (zoom() > 0)
        scale(target / zoom(), target / zoom());
}

void TopologyCanvas::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return QGraphicsView::wheelEvent(event);
    userMoved_ = true;
    zoomBy(std::pow(kZoomStep, delta / 120.0));
    event->accept();
}

void TopologyCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
        userMoved_ = true;
        zoomBy(kZoomStep);
    } else if (event->key() == Qt::Key_Minus) {
        userMoved_ = true;
        zoomBy(1 / kZoomStep);
    } else {
        QGraphicsView::keyPressEvent(event);
    }
}

// Dragging pans from anywhere, also from a node or a pod (they do not move):
// a press still selects what is under it, a drag then scrolls.
void TopologyCanvas::mousePressEvent(QMouseEvent *event)
{
    pressed_ = event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton;
    pressAt_ = lastAt_ = event->pos();
    panning_ = false;
    if (event->button() == Qt::LeftButton)
        QGraphicsView::mousePressEvent(event);
    else
        event->accept();
}

void TopologyCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (pressed_ && !panning_ && (event->pos() - pressAt_).manhattanLength() >= QApplication::startDragDistance()) {
        panning_ = true;
        userMoved_ = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (panning_) {
        const QPoint d = event->pos() - lastAt_;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        lastAt_ = event->pos();
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (panning_)
        viewport()->unsetCursor();
    panning_ = pressed_ = false;
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyCanvas::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    emit resized();
}

TopologyView::TopologyView(client::Client &client, QWidget *parent, Start start)
    : QWidget(parent), model_(std::make_unique<TopologyModel>(client))
{
    scene_ = new TopologyScene(*model_, this);
    canvas_ = new TopologyCanvas(scene_, this);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(new QLabel(tr("Namespace:"), this));
    namespaces_ = new QComboBox(this);
    namespaces_->setMinimumContentsLength(16);
    namespaces_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    namespaces_->addItem(tr("All namespaces"), QString());
    bar->addWidget(namespaces_);
    auto button = [this, bar](const QString &text, const QString &tip, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setToolTip(tip);
        if (!keys.isEmpty()) {
            action->setShortcut(keys);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
        }
        connect(action, &QAction::triggered, this, slot);
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        bar->addWidget(b);
    };
    button(tr("Zoom in"), tr("Zoom in (+ or the mouse wheel)"), QKeySequence::ZoomIn, [this] { zoomIn(); });
    button(tr("Zoom out"), tr("Zoom out (- or the mouse wheel)"), QKeySequence::ZoomOut, [this] { zoomOut(); });
    button(tr("Fit"), tr("Show the whole cluster"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { fit(); });
    button(tr("Export PNG…"), tr("Save the picture as a PNG image"), {}, [this] { askExport(false); });
    button(tr("Export SVG…"), tr("Save the picture as an SVG drawing"), {}, [this] { askExport(true); });
    bar->addSpacing(12);
    summary_ = new QLabel(this);
    bar->addWidget(summary_, 1);
    error_ = new QLabel(this);
    error_->setStyleSheet(QStringLiteral("color: #c62828"));
    error_->setWordWrap(true);
    error_->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(error_);
    layout->addWidget(canvas_, 1);

    connect(namespaces_, &QComboBox::currentIndexChanged, this,
            [this](int index) { scene_->setNamespace(namespaces_->itemData(index).toString()); });
    connect(scene_, &TopologyScene::objectSelected, this, &TopologyView::objectSelected);
    // Until the user zooms or pans, the picture keeps fitting the window as the cluster grows.
    connect(scene_, &TopologyScene::laidOut, this, [this] {
        refreshSummary();
        if (!canvas_->userMoved())
            canvas_->fitInView(scene_->contentRect(), Qt::KeepAspectRatio);
    });
    connect(canvas_, &TopologyCanvas::resized, this, [this] {
        if (!canvas_->userMoved())
            canvas_->fitInView(scene_->contentRect(), Qt::KeepAspectRatio);
    });
    connect(model_.get(), &TopologyModel::namespacesChanged, this, &TopologyView::refreshNamespaces);
    connect(model_.get(), &TopologyModel::watchError, this, [this](const QString &message) {
        error_->setText(tr("Could not watch the cluster: %1").arg(message));
        error_->show();
    });
    connect(model_.get(), &TopologyModel::synced, error_, &QLabel::hide);
    if (start == Start::Now) {
        started_ = true;
        model_->start();
    }
}

TopologyView::~TopologyView()
{
    // The scene follows the model; it goes before the model does.
    delete scene_;
    scene_ = nullptr;
}

void TopologyView::setNamespace(const QString &ns)
{
    int index = namespaces_->findData(ns);
    if (index < 0) {
        namespaces_->addItem(ns, ns);
        index = namespaces_->count() - 1;
    }
    namespaces_->setCurrentIndex(index);
    scene_->setNamespace(ns);
}

void TopologyView::refreshNamespaces()
{
    const QString current = namespaces_->currentData().toString();
    QStringList wanted = model_->namespaces();
    if (!current.isEmpty() && !wanted.contains(current))
        wanted.append(current);
    wanted.sort();
    const QSignalBlocker blocker(namespaces_);
    while (namespaces_->count() > 1)
        namespaces_->removeItem(1);
    for (const QString &ns : wanted)
        namespaces_->addItem(ns, ns);
    namespaces_->setCurrentIndex(std::max(0, namespaces_->findData(current)));
}

void TopologyView::refreshSummary()
{
    int pods = 0, services = 0;
    for (const TopologyElement &e : model_->elements())
        if (scene_->namespaceFilter().isEmpty() || e.namespaceName == scene_->namespaceFilter()) {
            pods += e.kind == TopologyKind::Pod;
            services += e.kind == TopologyKind::Service;
        }
    summary_->setText(tr("%n node(s)", nullptr, model_->count(TopologyKind::Node)) + QStringLiteral(" · ")
                      + tr("%n pod(s)", nullptr, pods) + QStringLiteral(" · ") + tr("%n Service(s)", nullptr, services));
}

void TopologyView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!started_) {
        started_ = true;
        model_->start();
    }
    scene_->shown();
}

void TopologyView::selectObject(const QString &uid)
{
    scene_->settle();
    scene_->select(uid);
}

void TopologyView::fit()
{
    scene_->settle();
    canvas_->setUserMoved(false);
    canvas_->fitInView(scene_->contentRect(), Qt::KeepAspectRatio);
}

void TopologyView::zoomIn()
{
    canvas_->setUserMoved(true);
    canvas_->zoomBy(kZoomStep);
}

void TopologyView::zoomOut()
{
    canvas_->setUserMoved(true);
    canvas_->zoomBy(1 / kZoomStep);
}

bool TopologyView::exportPng(const QString &path)
{
    scene_->settle();
    const QRectF source = scene_->contentRect();
    const qreal scale = std::min({2.0, kMaxExportSide / std::max(source.width(), source.height()),
                                  std::sqrt(kMaxExportPixels / (source.width() * source.height()))});
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene_->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    return image.save(path, "PNG");
}

bool TopologyView::exportSvg(const QString &path)
{
    scene_->settle();
    const QRectF source = scene_->contentRect();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(tr("Cluster topology"));
    svg.setDescription(tr("Nodes, pods, Services and workloads, drawn by Timoneiro"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
    scene_->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return QFileInfo(path).size() > 0;
}

void TopologyView::askExport(bool svg)
{
    const QString path = QFileDialog::getSaveFileName(this, svg ? tr("Export as SVG") : tr("Export as PNG"),
                                                      svg ? QStringLiteral("topology.svg") : QStringLiteral("topology.png"),
                                                      svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!(svg ? exportSvg(path) : exportPng(path)))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

}  // namespace timoneiro::ui
