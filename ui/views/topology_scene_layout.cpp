// Where everything goes. One pass places every shown item (O(n log n): a
// sort per group); it runs once per burst of events, never per event, and
// moves only the items whose place changed.
//
//   legend
//   Services        (each near the pods behind it)
//   Nodes           (a grid of regions, pods inside; "not scheduled yet" on the right)
//   Workloads       (ReplicaSets under their pods, Deployments under their ReplicaSets)
#include "models/topology_model.h"
#include "topology_regions.h"
#include "topology_scene.h"

#include <QGraphicsView>

#include <cmath>

namespace timoneiro::ui {

using namespace topology;

namespace {

constexpr qreal kGridGap = 28, kBandGap = 56, kTitleHeight = 40, kRowGap = 18, kCardGap = 16;

// sim-node-2 before sim-node-10, as a person counts (QCollator's numeric
// mode needs ICU, which not every Qt has).
bool byName(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            qsizetype si = i, sj = j;  // leading zeros do not count
            while (si + 1 < ei && a[si] == QLatin1Char('0'))
                ++si;
            while (sj + 1 < ej && b[sj] == QLatin1Char('0'))
                ++sj;
            const QStringView ta = QStringView(a).mid(si, ei - si), tb = QStringView(b).mid(sj, ej - sj);
            if (ta.size() != tb.size())
                return ta.size() < tb.size();
            if (const int c = ta.compare(tb); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

struct Placed {
    QList<QPointF> at;  // per item, relative to the band's top left
    qreal height = 0;
};

// A band of equal cards, each as near as it can be to the x it wants (the
// middle of what it links to; NaN: no wish), never overlapping; more rows
// when they do not fit in width.
Placed placeBand(const QList<qreal> &wanted, QSizeF card, qreal width)
{
    Placed out;
    const int n = int(wanted.size());
    if (n == 0)
        return out;
    const int perRow = std::max(1, int((width + kCardGap) / (card.width() + kCardGap)));
    out.at.resize(n);
    if (n > perRow) {
        for (int i = 0; i < n; ++i)
            out.at[i] = QPointF((i % perRow) * (card.width() + kCardGap), (i / perRow) * (card.height() + kRowGap));
        out.height = ((n - 1) / perRow + 1) * (card.height() + kRowGap) - kRowGap;
        return out;
    }
    QList<qreal> x(n);
    qreal right = -kCardGap;
    for (int i = 0; i < n; ++i) {
        const qreal want = std::isnan(wanted[i]) ? right + kCardGap : wanted[i] - card.width() / 2;
        x[i] = std::max({want, right + kCardGap, qreal(0)});
        right = x[i] + card.width();
    }
    qreal limit = std::max(width, card.width());
    for (int i = n - 1; i >= 0; --i) {
        x[i] = std::min(x[i], limit - card.width());
        limit = x[i] - kCardGap;
    }
    for (int i = 0; i < n; ++i)
        out.at[i] = QPointF(std::max<qreal>(0, x[i]), 0);
    out.height = card.height();
    return out;
}

}  // namespace

void TopologyScene::layout()
{
    ++layoutPasses_;
    // A pass during an animation starts the new motions where items are now.
    for (auto m = motions_.begin(); m != motions_.end(); ++m)
        m->from = m.key()->pos();
    for (auto f = fades_.begin(); f != fades_.end(); ++f)
        f->from = f.key()->opacity();

    QHash<QString, QList<TopologyItem *>> podsOn;
    QList<TopologyItem *> pendingPods, services, replicaSets, deployments;
    for (TopologyItem *card : cards_) {
        if (!card->isVisible())
            continue;
        const TopologyElement &e = card->element();
        switch (e.kind) {
        case TopologyKind::Pod:
            if (nodesByName_.contains(e.nodeName))
                podsOn[e.nodeName].append(card);
            else
                pendingPods.append(card);
            break;
        case TopologyKind::Service: services.append(card); break;
        case TopologyKind::ReplicaSet: replicaSets.append(card); break;
        case TopologyKind::Deployment: deployments.append(card); break;
        case TopologyKind::Node: break;
        }
    }
    auto cardOrder = [](const TopologyItem *a, const TopologyItem *b) {
        return a->element().key() != b->element().key() ? byName(a->element().key(), b->element().key())
                                                        : a->element().uid < b->element().uid;
    };
    QList<NodeRegion *> regions = nodes_.values();
    std::sort(regions.begin(), regions.end(),
              [](const NodeRegion *a, const NodeRegion *b) { return byName(a->element().name, b->element().name); });

    // Node regions: all as wide as the fullest needs, so the grid stays a grid.
    qsizetype most = 1;
    for (auto &pods : podsOn) {
        std::sort(pods.begin(), pods.end(), cardOrder);
        most = std::max(most, pods.size());
    }
    std::sort(pendingPods.begin(), pendingPods.end(), cardOrder);
    const int podColumns = std::clamp(int(std::ceil(std::sqrt(double(most)))), 2, 6);
    const qreal nodeWidth = 2 * kNodePadding + podColumns * kPodWidth + (podColumns - 1) * kPodGap;
    auto regionHeight = [&](qsizetype pods) {
        const qsizetype rows = std::max<qsizetype>(1, (pods + podColumns - 1) / podColumns);
        return kNodeHeader + rows * (kPodHeight + kPodGap) - kPodGap + kNodePadding;
    };
    const int n = int(regions.size());
    // Aim for a landscape picture: about 1.8 times wider than tall.
    const qreal typical = regionHeight(most);
    const int gridColumns = n <= 4 ? std::max(1, n)
                                   : std::clamp(int(std::ceil(std::sqrt(n * 1.8 * typical / nodeWidth))), 1, n);
    const qreal gridWidth = n == 0 ? 0 : gridColumns * nodeWidth + (gridColumns - 1) * kGridGap;

    // Pod x positions first (relative to the grid), for where Services and owners go.
    QHash<const QGraphicsItem *, QPointF> gridAt;  // relative to the grid's top left
    QList<qreal> rowTops{0};
    for (int row = 0; row * gridColumns < n; ++row) {
        qreal tallest = 0;
        for (int col = 0; col < gridColumns && row * gridColumns + col < n; ++col) {
            NodeRegion *region = regions[row * gridColumns + col];
            const QList<TopologyItem *> pods = podsOn.value(region->element().name);
            region->setSize(QSizeF(nodeWidth, regionHeight(pods.size())));
            tallest = std::max(tallest, region->size().height());
            const QPointF origin(col * (nodeWidth + kGridGap), rowTops.last());
            gridAt.insert(region, origin);
            for (qsizetype i = 0; i < pods.size(); ++i)
                gridAt.insert(pods[i], origin + QPointF(kNodePadding + (i % podColumns) * (kPodWidth + kPodGap),
                                                        kNodeHeader + (i / podColumns) * (kPodHeight + kPodGap)));
        }
        rowTops.append(rowTops.last() + tallest + kGridGap);
    }
    qreal gridHeight = n == 0 ? 0 : rowTops.last() - kGridGap;
    qreal gridRight = gridWidth;
    if (!pendingPods.isEmpty()) {
        const int columns = pendingPods.size() > 1 ? 2 : 1;
        const qreal width = 2 * kNodePadding + columns * kPodWidth + (columns - 1) * kPodGap;
        const qsizetype rows = (pendingPods.size() + columns - 1) / columns;
        const QPointF origin(n == 0 ? 0 : gridWidth + 2 * kGridGap, 0);
        pending_->setSize(QSizeF(width, kNodeHeader + rows * (kPodHeight + kPodGap) - kPodGap + kNodePadding));
        gridAt.insert(pending_, origin);
        for (qsizetype i = 0; i < pendingPods.size(); ++i)
            gridAt.insert(pendingPods[i], origin + QPointF(kNodePadding + (i % columns) * (kPodWidth + kPodGap),
                                                           kNodeHeader + (i / columns) * (kPodHeight + kPodGap)));
        gridRight = origin.x() + width;
        gridHeight = std::max(gridHeight, pending_->size().height());
    }
    const qreal width = std::max<qreal>(gridRight, legend_->boundingRect().width());

    // The middle x of what a card links to (Endpoint lines from a Service, Owner lines from an owner).
    QHash<const QGraphicsItem *, QPointF> bandAt;
    auto wantedX = [&](const TopologyItem *card, const QHash<const QGraphicsItem *, QPointF> &known, qreal cardWidth) {
        qreal sum = 0;
        int count = 0;
        for (const LinkItem *line : linksAt_.value(card->element().uid)) {
            if (line->link().from != card->element().uid)
                continue;
            const TopologyItem *to = cards_.value(line->link().to);
            auto at = known.constFind(to);
            if (to && to->isVisible() && at != known.cend()) {
                sum += at->x() + cardWidth / 2;
                ++count;
            }
        }
        return count ? sum / count : std::nan("");
    };
    auto band = [&](QList<TopologyItem *> &cards, const QHash<const QGraphicsItem *, QPointF> &known, qreal childWidth,
                    QSizeF size, qreal top) {
        QList<std::pair<qreal, TopologyItem *>> order;
        for (TopologyItem *card : cards)
            order.append({wantedX(card, known, childWidth), card});
        std::stable_sort(order.begin(), order.end(), [&](const auto &a, const auto &b) {
            if (std::isnan(a.first) != std::isnan(b.first))
                return !std::isnan(a.first);
            if (!std::isnan(a.first) && a.first != b.first)
                return a.first < b.first;
            return cardOrder(a.second, b.second);
        });
        QList<qreal> wanted;
        for (const auto &o : order)
            wanted.append(o.first);
        const Placed placed = placeBand(wanted, size, width);
        for (qsizetype i = 0; i < order.size(); ++i)
            bandAt.insert(order[i].second, placed.at[i] + QPointF(0, top));
        return placed.height;
    };

    // Top to bottom.
    const qreal legendHeight = legend_->boundingRect().height();
    const qreal servicesTop = legendHeight + 28;
    const qreal servicesHeight = std::max<qreal>(band(services, gridAt, kPodWidth, {kServiceWidth, kServiceHeight}, servicesTop + kTitleHeight), 20);
    const qreal nodesTop = servicesTop + kTitleHeight + servicesHeight + kBandGap;
    const qreal gridTop = nodesTop + kTitleHeight;
    const QPointF gridOrigin(0, gridTop);
    const qreal workloadsTop = gridTop + gridHeight + kBandGap;
    QHash<const QGraphicsItem *, QPointF> podsAbsolute;
    for (auto it = gridAt.cbegin(); it != gridAt.cend(); ++it)
        podsAbsolute.insert(it.key(), it.value() + gridOrigin);
    const qreal rsTop = workloadsTop + kTitleHeight;
    const qreal rsHeight = band(replicaSets, podsAbsolute, kPodWidth, {kOwnerWidth, kOwnerHeight}, rsTop);
    const qreal deploymentsTop = rsTop + (rsHeight > 0 ? rsHeight + kBandGap : 0);
    const qreal deploymentsHeight = band(deployments, bandAt, kOwnerWidth, {kOwnerWidth, kOwnerHeight}, deploymentsTop);

    // Move what changed.
    place(legend_, {0, 0}, false);
    place(servicesTitle_, {0, servicesTop}, false);
    place(nodesTitle_, {0, nodesTop}, false);
    place(workloadsTitle_, {0, workloadsTop}, false);
    const bool pendingWasHidden = !pending_->isVisible();
    pending_->setVisible(!pendingPods.isEmpty());
    for (auto it = podsAbsolute.cbegin(); it != podsAbsolute.cend(); ++it) {
        auto *item = const_cast<QGraphicsItem *>(it.key());
        place(item, it.value(), fresh_.contains(item) || (item == pending_ && pendingWasHidden));
    }
    for (auto it = bandAt.cbegin(); it != bandAt.cend(); ++it) {
        auto *item = const_cast<QGraphicsItem *>(it.key());
        place(item, it.value(), fresh_.contains(item));
    }
    // Fresh items hidden by the namespace filter wait, unplaced, until shown.
    for (auto it = fresh_.begin(); it != fresh_.end();)
        it = targets_.contains(*it) ? fresh_.erase(it) : std::next(it);

    content_ = QRectF(0, 0, width, deploymentsTop + std::max<qreal>(deploymentsHeight, kOwnerHeight)).adjusted(-40, -40, 40, 40);
    setSceneRect(content_);
    if (motions_.size() + fades_.size() > kMaxAnimated) {
        finishAnimation();
    } else if (!motions_.isEmpty() || !fades_.isEmpty()) {
        animation_.stop();
        animation_.start();
    }
    for (LinkItem *line : links_)
        refreshLink(line);
    emit laidOut();
}

}  // namespace timoneiro::ui
