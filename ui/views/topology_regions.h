#pragma once
// The large shapes of the topology scene: a node's region (and the pool of
// pods not scheduled yet), the legend, and each band's title.
#include "topology_items.h"

namespace timoneiro::ui {

// A node: the region its pods are laid out in. Also the pool of pods not
// scheduled yet (element empty, pending = true).
class NodeRegion : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::NodeRegion)
public:
    explicit NodeRegion(const TopologyElement &element, bool pendingPool = false);
    const TopologyElement &element() const { return element_; }
    void setElement(const TopologyElement &element);
    bool isPendingPool() const { return pendingPool_; }
    void setSize(const QSizeF &size);
    QSizeF size() const { return size_; }
    QRectF boundingRect() const override { return QRectF(QPointF(-2, -2), size_ + QSizeF(4, 4)); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    void describe();
    TopologyElement element_;
    bool pendingPool_;
    QSizeF size_;
};

// The key to the picture, for someone seeing it for the first time.
class LegendItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::LegendItem)
public:
    LegendItem();
    QRectF boundingRect() const override;
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    // Draws the key (p = nullptr: only measures); returns the width used.
    qreal draw(QPainter *p) const;
    qreal width_;
};

// A band's title and one line saying what it holds.
class BandTitle : public QGraphicsItem {
public:
    BandTitle(const QString &title, const QString &explanation);
    QRectF boundingRect() const override { return QRectF(0, 0, 900, 40); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    QString title_, explanation_;
};

}  // namespace timoneiro::ui
