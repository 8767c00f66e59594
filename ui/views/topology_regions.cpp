#include "topology_regions.h"

#include "topology_paint.h"

#include <QStyleOptionGraphicsItem>

namespace timoneiro::ui {

using namespace topology;

NodeRegion::NodeRegion(const TopologyElement &element, bool pendingPool) : element_(element), pendingPool_(pendingPool)
{
    setZValue(0);
    setFlag(ItemIsSelectable, !pendingPool);
    describe();
}

void NodeRegion::setElement(const TopologyElement &element)
{
    element_ = element;
    describe();
    update();
}

void NodeRegion::describe()
{
    if (pendingPool_) {
        setToolTip(tr("Pods waiting for the scheduler to choose a node. If one stays here, select it: its events say why "
                      "no node fits (not enough CPU or memory, taints, selectors)."));
        return;
    }
    const TopologyElement &e = element_;
    QString tip = tr("<b>Node %1</b>: a machine of the cluster. The boxes inside are the pods running on it.<br>"
                     "Internal IP %2<br>Pod network %3: each pod here gets an IP from it")
                      .arg(e.name.toHtmlEscaped(), e.internalIP.isEmpty() ? tr("unknown") : e.internalIP,
                           e.podCIDR.isEmpty() ? tr("not assigned yet") : e.podCIDR);
    if (!e.bridge.isEmpty())
        tip += QStringLiteral("<br>") + tr("Bridge %1: the virtual switch the pods on this node are plugged into").arg(e.bridge);
    if (!e.gateway.isEmpty())
        tip += QStringLiteral("<br>")
               + tr("Gateway %1: the pods here send traffic for %2 to it, and this machine routes it to the other "
                    "nodes' bridges and Services without NAT, so every pod sees the real address of the other side")
                     .arg(e.gateway, e.podRoutes.join(QStringLiteral(", ")));
    if (e.simulated)
        tip += QStringLiteral("<br>") + tr("Simulated node: pods are marked Running but no container runs.");
    setToolTip(tip);
}

void NodeRegion::setSize(const QSizeF &size)
{
    if (size == size_)
        return;
    prepareGeometryChange();
    size_ = size;
}

void NodeRegion::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    const TopologyElement &e = element_;
    const QRectF r(QPointF(0, 0), size_);
    const bool notReady = !pendingPool_ && e.readyStatus != QLatin1String("True");
    const QColor frame = pendingPool_ ? healthColour(PodHealth::Pending)
                         : notReady  ? healthColour(PodHealth::Failed)
                         : e.simulated ? QColor(0x8e, 0x6c, 0xc0) : QColor(0x4f, 0x63, 0x78);
    QPen pen(isSelected() ? kSelection : frame, isSelected() ? 3 : 1.6);
    if (pendingPool_ || e.simulated)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    QColor fill = pendingPool_ ? tint(frame, 6) : e.simulated ? QColor(0xf6, 0xf2, 0xfb) : QColor(0xf1, 0xf4, 0xf8);
    fill.setAlpha(190);
    p->setBrush(fill);
    p->drawRoundedRect(r, 10, 10);
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform()) < 0.15)
        return;
    const qreal x = kNodePadding, w = size_.width() - 2 * kNodePadding;
    if (pendingPool_) {
        text(p, x, 24, w, tr("Not scheduled yet"), font(10, true), kText);
        text(p, x, 42, w, tr("Pending: waiting for a node"), font(7.5), kSubtle);
        return;
    }
    // Badges right of the name: what kind of machine, and whether it is healthy.
    QStringList badges;
    if (e.simulated)
        badges << tr("SIMULATED");
    if (notReady)
        badges << (e.readyStatus.isEmpty() ? tr("NOT READY") : tr("READY: %1").arg(e.readyStatus.toUpper()));
    if (e.unschedulable)
        badges << tr("CORDONED");
    const QFont badgeFont = font(7, true);
    const QFontMetricsF bm(badgeFont);
    qreal bx = size_.width() - kNodePadding;
    for (const QString &b : badges) {
        const qreal bw = bm.horizontalAdvance(b) + 12;
        bx -= bw;
        p->setPen(Qt::NoPen);
        p->setBrush(b == badges.first() && e.simulated ? QColor(0x8e, 0x6c, 0xc0) : healthColour(PodHealth::Failed));
        p->drawRoundedRect(QRectF(bx, 9, bw, 17), 4, 4);
        text(p, bx + 6, 21.5, bw, b, badgeFont, Qt::white);
        bx -= 6;
    }
    text(p, x, 23, bx - x - 4, tr("Node %1").arg(e.name), font(10.5, true), kText);
    QStringList facts;
    facts << tr("IP %1").arg(e.internalIP.isEmpty() ? tr("?") : e.internalIP)
          << tr("pod network %1").arg(e.podCIDR.isEmpty() ? tr("not assigned") : e.podCIDR);
    if (!e.bridge.isEmpty())
        facts << tr("bridge %1").arg(e.bridge);
    text(p, x, 41, w, facts.join(QStringLiteral("  ·  ")), font(7.5), kSubtle);
    if (e.simulated)
        text(p, x, 53, w, tr("simulated: pods are marked Running, no container runs"), font(6.5), QColor(0x6d, 0x4f, 0x9c));
    else if (!e.gateway.isEmpty())
        text(p, x, 53, w, tr("gateway %1 · routes %2 · no NAT").arg(e.gateway, e.podRoutes.join(QStringLiteral(", "))), font(6.5), kSubtle);
}

LegendItem::LegendItem()
{
    setZValue(3);
    width_ = draw(nullptr);
}

QRectF LegendItem::boundingRect() const
{
    return QRectF(0, 0, width_, 64);
}

void LegendItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(QColor(0xc8, 0xd0, 0xd8), 1));
    p->setBrush(QColor(0xfb, 0xfc, 0xfd));
    p->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    draw(p);
}

qreal LegendItem::draw(QPainter *p) const
{
    const QFont f = font(7.5), bold = font(7.5, true);
    const QFontMetricsF fm(f);
    if (p)
        text(p, 12, 20, 80, tr("Pods:"), bold, kText);
    const std::pair<PodHealth, QString> healths[] = {
        {PodHealth::Ready, tr("running, ready")}, {PodHealth::NotReady, tr("running, not ready")},
        {PodHealth::Pending, tr("pending")}, {PodHealth::Failed, tr("failed / crashing")},
        {PodHealth::Succeeded, tr("completed")}, {PodHealth::Terminating, tr("terminating")}};
    const qreal start = 16 + std::max(QFontMetricsF(bold).horizontalAdvance(tr("Pods:")),
                                      QFontMetricsF(bold).horizontalAdvance(tr("Lines:")));
    qreal x = start, widest = 0;
    for (const auto &[health, label] : healths) {
        const QColor c = healthColour(health);
        if (p) {
            p->setPen(QPen(c, 1.2));
            p->setBrush(tint(c, 25));
            p->drawRoundedRect(QRectF(x, 10, 18, 13), 3, 3);
            text(p, x + 23, 20, 400, label, f, kText);
        }
        x += 23 + fm.horizontalAdvance(label) + 14;
    }
    widest = x;
    if (p)
        text(p, 12, 46, 80, tr("Lines:"), bold, kText);
    const std::pair<QPen, QString> lines[] = {
        {QPen(kServiceColour, 1.8), tr("Service sends traffic to a ready pod")},
        {QPen(kNotReadyLinkColour, 1.8, Qt::DashLine), tr("endpoint not ready: no traffic")},
        {QPen(kReplicaSetColour, 1.5, Qt::DotLine), tr("owns (Deployment → ReplicaSet → Pod)")}};
    x = start;
    for (const auto &[pen, label] : lines) {
        if (p) {
            p->setPen(pen);
            p->drawLine(QPointF(x, 42), QPointF(x + 30, 42));
            text(p, x + 36, 46, 600, label, f, kText);
        }
        x += 36 + fm.horizontalAdvance(label) + 20;
    }
    return std::max(widest, x);
}

BandTitle::BandTitle(const QString &title, const QString &explanation) : title_(title), explanation_(explanation)
{
    setZValue(3);
}

void BandTitle::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    const qreal tw = QFontMetricsF(font(12, true)).horizontalAdvance(title_);
    const qreal ew = std::min(900 - tw - 14, QFontMetricsF(font(8)).horizontalAdvance(explanation_));
    // Lines pass under the title, never through its letters.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 230));
    p->drawRoundedRect(QRectF(-4, 0, tw + 14 + ew + 8, 26), 4, 4);
    text(p, 0, 18, 300, title_, font(12, true), kText);
    text(p, tw + 14, 18, ew + 1, explanation_, font(8), kSubtle);
}

}  // namespace timoneiro::ui
