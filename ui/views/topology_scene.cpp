#include "topology_scene.h"

#include "models/topology_model.h"
#include "topology_regions.h"

#include <QEasingCurve>
#include <QElapsedTimer>
#include <QGraphicsView>

namespace timoneiro::ui {

namespace {
// Layout waits for more events, so a burst is laid out once: at least this
// long, and longer when passes are slow (a big cluster), so layout never takes
// more than about a fifth of the time.
constexpr int kLayoutDelayMs = 30, kMaxLayoutDelayMs = 300;
constexpr int kAnimationMs = 380;
}  // namespace

TopologyScene::TopologyScene(TopologyModel &model, QObject *parent) : QGraphicsScene(parent), model_(model)
{
    setBackgroundBrush(Qt::white);
    // A BSP index costs more to keep current than it saves while items glide.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    pending_ = new NodeRegion({}, true);
    pending_->setVisible(false);
    addItem(pending_);
    legend_ = new LegendItem;
    addItem(legend_);
    servicesTitle_ = new BandTitle(tr("Services"), tr("stable addresses in front of pods; a line goes to each pod behind one"));
    nodesTitle_ = new BandTitle(tr("Nodes"), tr("the machines of the cluster; each card inside a node is a pod running there"));
    workloadsTitle_ = new BandTitle(tr("Workloads"), tr("a Deployment manages ReplicaSets, and a ReplicaSet creates the pods"));
    for (BandTitle *t : {servicesTitle_, nodesTitle_, workloadsTitle_})
        addItem(t);

    layoutTimer_.setSingleShot(true);
    connect(&layoutTimer_, &QTimer::timeout, this, [this] {
        // A hidden topology (another tab) is laid out when it is shown or
        // asked about: with thousands of pods a pass takes long enough to be felt.
        if (!views().isEmpty() && !views().first()->isVisible()) {
            layoutPutOff_ = true;
            return;
        }
        layoutPutOff_ = false;
        QElapsedTimer took;
        took.start();
        layout();
        lastLayoutMs_ = took.elapsed();
    });
    animation_.setStartValue(0.0);
    animation_.setEndValue(1.0);
    animation_.setDuration(kAnimationMs);
    animation_.setEasingCurve(QEasingCurve::OutCubic);
    connect(&animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) { step(v.toReal()); });
    connect(&animation_, &QVariantAnimation::finished, this, &TopologyScene::finishAnimation);

    connect(&model_, &TopologyModel::elementAdded, this, &TopologyScene::added);
    connect(&model_, &TopologyModel::elementUpdated, this, &TopologyScene::updated);
    connect(&model_, &TopologyModel::elementRemoved, this, &TopologyScene::removed);
    connect(&model_, &TopologyModel::linkAdded, this, &TopologyScene::linkAdded);
    connect(&model_, &TopologyModel::linkUpdated, this, &TopologyScene::linkUpdated);
    connect(&model_, &TopologyModel::linkRemoved, this, &TopologyScene::linkRemoved);
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::onSelectionChanged);

    // What the model holds already (a view opened after the informers synced).
    for (const TopologyElement &e : model_.elements())
        added(e);
    for (const TopologyLink &l : model_.links())
        linkAdded(l);
    layout();
}

TopologyScene::~TopologyScene()
{
    animation_.stop();
}

QGraphicsItem *TopologyScene::itemFor(const QString &uid) const
{
    if (TopologyItem *card = cards_.value(uid))
        return card;
    return nodes_.value(uid);
}

NodeRegion *TopologyScene::regionAt(const QGraphicsItem *item) const
{
    const QPointF at = targets_.value(const_cast<QGraphicsItem *>(item), item->pos()) + QPointF(1, 1);
    if (pending_->isVisible() && QRectF(targets_.value(pending_), pending_->size()).contains(at))
        return pending_;
    for (NodeRegion *region : nodes_)
        if (QRectF(targets_.value(region, region->pos()), region->size()).contains(at))
            return region;
    return nullptr;
}

bool TopologyScene::shown(const TopologyElement &e) const
{
    return e.kind == TopologyKind::Node || namespace_.isEmpty() || e.namespaceName == namespace_;
}

void TopologyScene::setNamespace(const QString &ns)
{
    if (ns == namespace_)
        return;
    namespace_ = ns;
    for (TopologyItem *card : cards_) {
        const bool show = shown(card->element());
        card->setVisible(show);
        if (!show)
            card->setSelected(false);
    }
    for (LinkItem *link : links_)
        refreshLink(link);
    requestLayout();
}

void TopologyScene::added(const TopologyElement &e)
{
    if (itemFor(e.uid)) {
        updated(e, e);
        return;
    }
    QGraphicsItem *item = nullptr;
    if (e.kind == TopologyKind::Node) {
        auto *region = new NodeRegion(e);
        nodes_.insert(e.uid, region);
        nodesByName_.insert(e.name, region);
        item = region;
    } else {
        TopologyItem *card = nullptr;
        if (e.kind == TopologyKind::Pod)
            card = new PodItem(e);
        else if (e.kind == TopologyKind::Service)
            card = new ServiceItem(e);
        else
            card = new OwnerItem(e);
        card->setVisible(shown(e));
        cards_.insert(e.uid, card);
        item = card;
    }
    // Invisible until laid out, so it never flashes at the origin.
    item->setOpacity(0);
    fresh_.insert(item);
    addItem(item);
    requestLayout();
}

void TopologyScene::updated(const TopologyElement &before, const TopologyElement &after)
{
    if (after.kind == TopologyKind::Node) {
        NodeRegion *region = nodes_.value(after.uid);
        if (!region)
            return added(after);
        if (before.name != after.name) {
            nodesByName_.remove(before.name);
            nodesByName_.insert(after.name, region);
        }
        region->setElement(after);
        return;
    }
    TopologyItem *card = cards_.value(after.uid);
    if (!card)
        return added(after);
    card->setElement(after);
    // Only a change of place needs a layout; a status change repaints one card.
    if (before.nodeName != after.nodeName || before.name != after.name)
        requestLayout();
}

void TopologyScene::removed(const TopologyElement &e)
{
    QGraphicsItem *item = nullptr;
    if (e.kind == TopologyKind::Node) {
        item = nodes_.take(e.uid);
        if (nodesByName_.value(e.name) == item)
            nodesByName_.remove(e.name);
    } else {
        item = cards_.take(e.uid);
        linksAt_.remove(e.uid);
    }
    if (!item)
        return;
    item->setSelected(false);
    item->setFlag(QGraphicsItem::ItemIsSelectable, false);
    fresh_.remove(item);
    fadeOut(item);
    requestLayout();
}

void TopologyScene::linkAdded(const TopologyLink &link)
{
    if (links_.contains(link.id()))
        return linkUpdated(link);
    auto *line = new LinkItem(link);
    links_.insert(link.id(), line);
    linksAt_[link.from].insert(line);
    linksAt_[link.to].insert(line);
    addItem(line);
    refreshLink(line);
    // Services and owners sit above or below the pods they link to.
    requestLayout();
}

void TopologyScene::linkUpdated(const TopologyLink &link)
{
    if (LinkItem *line = links_.value(link.id()))
        line->setLink(link);
}

void TopologyScene::linkRemoved(const TopologyLink &link)
{
    LinkItem *line = links_.take(link.id());
    if (!line)
        return;
    for (const QString &end : {link.from, link.to}) {
        auto at = linksAt_.find(end);
        if (at != linksAt_.end() && (at->remove(line), at->isEmpty()))
            linksAt_.erase(at);
    }
    delete line;
    requestLayout();
}

void TopologyScene::refreshLink(LinkItem *line)
{
    const TopologyItem *from = cards_.value(line->link().from), *to = cards_.value(line->link().to);
    const bool show = from && to && from->isVisible() && to->isVisible();
    line->setVisible(show);
    if (!show)
        return;
    line->attach(from, to);
    // A line fades in and out with its ends.
    line->setOpacity(std::min(from->opacity(), to->opacity()));
}

void TopologyScene::refreshLinksOf(const QString &uid)
{
    auto at = linksAt_.constFind(uid);
    if (at == linksAt_.cend())
        return;
    for (LinkItem *line : *at)
        refreshLink(line);
}

void TopologyScene::onSelectionChanged()
{
    if (selecting_)
        return;
    const QList<QGraphicsItem *> chosen = selectedItems();
    if (chosen.isEmpty())
        return;
    if (auto *card = dynamic_cast<TopologyItem *>(chosen.first()))
        emit objectSelected(card->element().object);
    else if (auto *region = dynamic_cast<NodeRegion *>(chosen.first()))
        emit objectSelected(region->element().object);
}

bool TopologyScene::select(const QString &uid)
{
    QGraphicsItem *item = itemFor(uid);
    selecting_ = true;
    clearSelection();
    if (item && item->isVisible())
        item->setSelected(true);
    selecting_ = false;
    if (!item || !item->isVisible())
        return false;
    for (QGraphicsView *view : views())
        view->centerOn(targets_.value(item, item->pos()) + item->boundingRect().center());
    return true;
}

void TopologyScene::requestLayout()
{
    if (!layoutTimer_.isActive())
        layoutTimer_.start(std::clamp(int(lastLayoutMs_ * 4), kLayoutDelayMs, kMaxLayoutDelayMs));
}

void TopologyScene::shown()
{
    if (layoutPutOff_)
        requestLayout();
}

void TopologyScene::settle()
{
    if (layoutTimer_.isActive() || layoutPutOff_) {
        layoutTimer_.stop();
        layoutPutOff_ = false;
        layout();
    }
    if (animation_.state() == QAbstractAnimation::Running)
        animation_.setCurrentTime(animation_.duration());  // emits finished
    finishAnimation();
}

void TopologyScene::place(QGraphicsItem *item, const QPointF &target, bool fresh)
{
    auto known = targets_.find(item);
    if (known != targets_.end() && *known == target && !fresh)
        return;
    targets_.insert(item, target);
    const bool animate = animated_ && !views().isEmpty() && views().first()->isVisible();
    if (fresh) {
        item->setPos(target);
        if (animate)
            fades_.insert(item, {0.0, 1.0, false});
        else
            item->setOpacity(1);
    } else if (animate) {
        motions_.insert(item, {item->pos(), target});
    } else {
        item->setPos(target);
    }
}

void TopologyScene::fadeOut(QGraphicsItem *item)
{
    motions_.remove(item);
    targets_.remove(item);
    const bool animate = animated_ && !views().isEmpty() && views().first()->isVisible();
    if (!animate) {
        fades_.remove(item);
        delete item;
        return;
    }
    fades_.insert(item, {item->opacity(), 0.0, true});
    if (animation_.state() != QAbstractAnimation::Running)
        animation_.start();
}

void TopologyScene::step(qreal t)
{
    QSet<QString> moved;
    for (auto m = motions_.cbegin(); m != motions_.cend(); ++m) {
        m.key()->setPos(m->from + (m->to - m->from) * t);
        if (auto *card = dynamic_cast<TopologyItem *>(m.key()))
            moved.insert(card->element().uid);
    }
    for (auto f = fades_.cbegin(); f != fades_.cend(); ++f) {
        f.key()->setOpacity(f->from + (f->to - f->from) * t);
        if (auto *card = dynamic_cast<TopologyItem *>(f.key()))
            moved.insert(card->element().uid);
    }
    for (const QString &uid : moved)
        refreshLinksOf(uid);
}

void TopologyScene::finishAnimation()
{
    if (motions_.isEmpty() && fades_.isEmpty())
        return;
    animation_.stop();
    step(1.0);
    const auto fades = std::exchange(fades_, {});
    motions_.clear();
    for (auto f = fades.cbegin(); f != fades.cend(); ++f)
        if (f->remove)
            delete f.key();
}

}  // namespace timoneiro::ui
