#pragma once
// The cards of the topology scene: a pod with its containers, a Service, a
// ReplicaSet or Deployment, and the lines between them (node regions are in
// topology_regions.h). Items are created once per object and updated in
// place; each paints from the TopologyElement it holds (no JSON while
// painting) and drops its text when zoomed far out, so a thousand pods stay
// cheap to draw.
#include "models/topology_element.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QGraphicsPathItem>

namespace timoneiro::ui {

namespace topology {
// Sizes, in scene units.
constexpr qreal kPodWidth = 176, kPodHeight = 82, kPodGap = 10;
constexpr qreal kNodePadding = 12, kNodeHeader = 58;
constexpr qreal kServiceWidth = 220, kServiceHeight = 72;
constexpr qreal kOwnerWidth = 200, kOwnerHeight = 52;

QColor healthColour(PodHealth health);
QColor containerColour(const TopologyContainer &c);
inline const QColor kServiceColour{0x1f, 0x6f, 0xb2};
inline const QColor kReplicaSetColour{0x7b, 0x4f, 0xa3};
inline const QColor kDeploymentColour{0x4a, 0x3a, 0x8a};
inline const QColor kNotReadyLinkColour{0xe8, 0x73, 0x0c};
}  // namespace topology

// A pod, service or owner card: what selection and links attach to.
class TopologyItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::TopologyItem)
public:
    explicit TopologyItem(const TopologyElement &element);
    const TopologyElement &element() const { return element_; }
    virtual void setElement(const TopologyElement &element);
    QSizeF size() const { return size_; }
    QRectF boundingRect() const override { return QRectF(QPointF(-2, -2), size_ + QSizeF(4, 4)); }
    // Where links attach, in scene coordinates.
    QPointF topAnchor() const { return scenePos() + QPointF(size_.width() / 2, 0); }
    QPointF bottomAnchor() const { return scenePos() + QPointF(size_.width() / 2, size_.height()); }

protected:
    void paintCard(QPainter *p, const QColor &accent, const QColor &fill, bool dashed = false) const;
    static bool detailed(QPainter *p);
    virtual QString describe() const = 0;

    TopologyElement element_;
    QSizeF size_;
};

class PodItem : public TopologyItem {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::PodItem)
public:
    explicit PodItem(const TopologyElement &element);
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override;

protected:
    QString describe() const override;
};

class ServiceItem : public TopologyItem {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::ServiceItem)
public:
    explicit ServiceItem(const TopologyElement &element);
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override;

protected:
    QString describe() const override;
};

class OwnerItem : public TopologyItem {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::OwnerItem)
public:
    explicit OwnerItem(const TopologyElement &element);
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override;

protected:
    QString describe() const override;
};

// A line from a Service down to a pod (solid: ready endpoint; dashed: not
// ready) or from an owner up to what it owns (dotted).
class LinkItem : public QGraphicsPathItem {
public:
    explicit LinkItem(const TopologyLink &link);
    const TopologyLink &link() const { return link_; }
    void setLink(const TopologyLink &link);
    // Redraws between the two cards (from = Service/owner, to = pod/owned).
    void attach(const TopologyItem *from, const TopologyItem *to);

private:
    TopologyLink link_;
};

}  // namespace timoneiro::ui
