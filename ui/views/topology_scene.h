#pragma once
// The topology as a QGraphicsScene: a legend, a band of Services, the nodes
// as a grid of regions with their pods inside, a region of pods not yet
// scheduled, and a band of workloads (ReplicaSets, Deployments); lines from
// Services to the pods behind them and from owners to what they own.
//
// It follows the model's per-element signals: an item is created once per
// object and updated in place; a change of place (a pod scheduled, a node
// added) asks for a layout, coalesced so a burst of events costs one pass,
// and items glide to their new places (one animation drives them all).
#include "models/topology_element.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <QVariantAnimation>

namespace timoneiro::ui {

class TopologyModel;
class TopologyItem;
class NodeRegion;
class LinkItem;
class LegendItem;
class BandTitle;

class TopologyScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TopologyScene(TopologyModel &model, QObject *parent = nullptr);
    ~TopologyScene() override;

    void setNamespace(const QString &ns);  // "" = all
    QString namespaceFilter() const { return namespace_; }
    // Animate changes (off for exports and hidden views).
    void setAnimated(bool animated) { animated_ = animated; }
    // Lays out now what is waiting and ends any animation (exports, tests).
    void settle();
    // The view was shown: a layout put off while it was hidden runs now.
    void shown();

    // The item showing the object with this uid (a card or a node region), or nullptr.
    QGraphicsItem *itemFor(const QString &uid) const;
    LinkItem *linkItem(const TopologyLink &link) const { return links_.value(link.id()); }
    // The node region a pod card sits in now (by its position), or nullptr.
    NodeRegion *regionAt(const QGraphicsItem *item) const;
    NodeRegion *pendingRegion() const { return pending_; }
    int layoutPasses() const { return layoutPasses_; }
    // The bounds of everything once laid out.
    QRectF contentRect() const { return content_; }

    // Selects the object's item (without announcing it); false when it is not shown.
    bool select(const QString &uid);

signals:
    void objectSelected(const QJsonObject &obj);
    // After each layout pass (the content's bounds may have changed).
    void laidOut();

private:
    void added(const TopologyElement &e);
    void updated(const TopologyElement &before, const TopologyElement &after);
    void removed(const TopologyElement &e);
    void linkAdded(const TopologyLink &link);
    void linkUpdated(const TopologyLink &link);
    void linkRemoved(const TopologyLink &link);
    void onSelectionChanged();

    bool shown(const TopologyElement &e) const;
    void refreshLink(LinkItem *link);
    void refreshLinksOf(const QString &uid);
    void requestLayout();
    void layout();  // topology_scene_layout.cpp

    // Moves (animated or not) an item to where the layout wants it.
    void place(QGraphicsItem *item, const QPointF &target, bool fresh);
    void fadeOut(QGraphicsItem *item);
    void step(qreal t);
    void finishAnimation();

    // Beyond this many moving items at once, jump instead of animating.
    static constexpr int kMaxAnimated = 400;

    TopologyModel &model_;
    QString namespace_;
    bool animated_ = true;
    bool selecting_ = false;

    QHash<QString, NodeRegion *> nodes_;        // uid -> region
    QHash<QString, NodeRegion *> nodesByName_;
    QHash<QString, TopologyItem *> cards_;      // uid -> pod, Service or owner card
    QHash<QString, LinkItem *> links_;          // link id -> line
    QHash<QString, QSet<LinkItem *>> linksAt_;  // uid -> lines at that card
    QSet<QGraphicsItem *> fresh_;               // created since the last layout: fade in where they land
    NodeRegion *pending_;
    LegendItem *legend_;
    BandTitle *servicesTitle_, *nodesTitle_, *workloadsTitle_;

    QTimer layoutTimer_;
    int layoutPasses_ = 0;
    qint64 lastLayoutMs_ = 0;
    bool layoutPutOff_ = false;  // asked for while no view showed the scene
    QRectF content_;

    struct Motion {
        QPointF from, to;
    };
    struct Fade {
        qreal from, to;
        bool remove;
    };
    QVariantAnimation animation_;
    QHash<QGraphicsItem *, Motion> motions_;
    QHash<QGraphicsItem *, Fade> fades_;
    QHash<QGraphicsItem *, QPointF> targets_;  // where each item is going (or is)
};

}  // namespace timoneiro::ui
