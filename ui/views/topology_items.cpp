#include "topology_items.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace timoneiro::ui {

using namespace topology;

namespace topology {

QColor healthColour(PodHealth health)
{
    switch (health) {
    case PodHealth::Ready: return QColor(0x2e, 0x9d, 0x4f);
    case PodHealth::NotReady: return QColor(0xe8, 0x73, 0x0c);
    case PodHealth::Pending: return QColor(0xd9, 0xa4, 0x00);
    case PodHealth::Succeeded: return QColor(0x5f, 0x7a, 0x99);
    case PodHealth::Failed: return QColor(0xd1, 0x3b, 0x3b);
    case PodHealth::Terminating: return QColor(0x9a, 0xa0, 0xa6);
    case PodHealth::Unknown: break;
    }
    return QColor(0x8e, 0x44, 0xad);
}

QColor containerColour(const TopologyContainer &c)
{
    if (c.ready || (c.init && c.state == QLatin1String("Completed")))
        return healthColour(PodHealth::Ready);
    if (c.state == QLatin1String("running"))
        return healthColour(PodHealth::NotReady);
    if (c.state.contains(QLatin1String("BackOff")) || c.state.contains(QLatin1String("Err")) || c.state == QLatin1String("Error"))
        return healthColour(PodHealth::Failed);
    if (c.state == QLatin1String("Completed"))
        return healthColour(PodHealth::Succeeded);
    return healthColour(PodHealth::Pending);
}

}  // namespace topology

namespace {

QFont font(qreal points, bool bold = false)
{
    QFont f;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Draws text elided to width, baseline at y.
void text(QPainter *p, qreal x, qreal y, qreal width, const QString &s, const QFont &f, const QColor &colour)
{
    p->setFont(f);
    p->setPen(colour);
    p->drawText(QPointF(x, y), QFontMetricsF(f).elidedText(s, Qt::ElideMiddle, width));
}

QColor tint(const QColor &c, int percent)  // percent of c over white
{
    return QColor(255 - (255 - c.red()) * percent / 100, 255 - (255 - c.green()) * percent / 100,
                  255 - (255 - c.blue()) * percent / 100);
}

const QColor kText{0x1d, 0x26, 0x30}, kSubtle{0x55, 0x60, 0x6c}, kSelection{0x00, 0x78, 0xd4};

}  // namespace

TopologyItem::TopologyItem(const TopologyElement &element) : element_(element)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(2);
}

void TopologyItem::setElement(const TopologyElement &element)
{
    element_ = element;
    setToolTip(describe());
    update();
}

bool TopologyItem::detailed(QPainter *p)
{
    return QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform()) > 0.3;
}

void TopologyItem::paintCard(QPainter *p, const QColor &accent, const QColor &fill, bool dashed) const
{
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r(QPointF(0, 0), size_);
    QPen border(isSelected() ? kSelection : accent, isSelected() ? 3 : 1.4);
    if (dashed)
        border.setStyle(Qt::DashLine);
    p->setPen(border);
    p->setBrush(fill);
    p->drawRoundedRect(r, 7, 7);
    // The accent strip on the left says the kind (or the pod's health) at a glance.
    p->setPen(Qt::NoPen);
    p->setBrush(accent);
    QPainterPath strip;
    strip.addRoundedRect(QRectF(0, 0, 14, size_.height()), 7, 7);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 6, size_.height()));
    p->drawPath(strip.intersected(clip));
}

PodItem::PodItem(const TopologyElement &element) : TopologyItem(element)
{
    size_ = QSizeF(kPodWidth, kPodHeight);
    setElement(element);
}

QString PodItem::describe() const
{
    const TopologyElement &e = element_;
    QString where = e.nodeName.isEmpty() ? tr("Not scheduled yet: no node has been chosen for it.")
                                         : tr("Runs on node %1.").arg(e.nodeName);
    QStringList containers;
    for (const TopologyContainer &c : e.containers)
        containers << (c.init ? tr("%1 (init): %2").arg(c.name, c.state) : tr("%1: %2").arg(c.name, c.state));
    return tr("<b>Pod %1</b> in namespace %2<br>%3<br>Status: %4 (phase %5, %6)<br>Pod IP: %7<br>Containers: %8")
        .arg(e.name.toHtmlEscaped(), e.namespaceName, where, e.status, e.phase.isEmpty() ? tr("none") : e.phase,
             e.ready ? tr("ready: Services send it traffic") : tr("not ready: Services send it no traffic"),
             e.podIP.isEmpty() ? tr("none yet") : e.podIP, containers.join(QStringLiteral(", ")).toHtmlEscaped());
}

void PodItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyElement &e = element_;
    const QColor accent = healthColour(e.health);
    paintCard(p, accent, tint(accent, 12), e.health == PodHealth::Terminating);
    if (!detailed(p))
        return;
    const qreal x = 12, w = size_.width() - x - 8;
    text(p, x, 18, w, e.name, font(8.5, true), kText);
    text(p, x, 33, w, e.podIP.isEmpty() ? tr("no IP yet") : tr("IP %1").arg(e.podIP), font(7.5), kSubtle);
    int readyCount = 0, mainCount = 0;
    for (const TopologyContainer &c : e.containers)
        if (!c.init) {
            ++mainCount;
            readyCount += c.ready ? 1 : 0;
        }
    text(p, x, 48, w, tr("%1 · %2/%3 ready").arg(e.status).arg(readyCount).arg(mainCount), font(7.5, true), accent.darker(130));
    // Containers as chips: the pod is their shared sandbox (one IP).
    const QFont chipFont = font(6.5);
    const QFontMetricsF fm(chipFont);
    qreal cx = x;
    const qreal cy = 56, ch = 17, right = size_.width() - 8;
    p->setFont(chipFont);
    for (qsizetype i = 0; i < e.containers.size(); ++i) {
        const TopologyContainer &c = e.containers[i];
        const QString label = c.init ? tr("init: %1").arg(c.name) : c.name;
        const qreal cw = std::min(fm.horizontalAdvance(label) + 16, right - cx);
        const bool last = cx + cw + 30 > right && i + 1 < e.containers.size();
        if (cw < 24 || last) {
            text(p, cx, cy + 12, right - cx, tr("+%n more", nullptr, int(e.containers.size() - i)), chipFont, kSubtle);
            break;
        }
        const QColor cc = containerColour(c);
        p->setPen(QPen(cc, 1));
        p->setBrush(Qt::white);
        p->drawRoundedRect(QRectF(cx, cy, cw, ch), 4, 4);
        p->setPen(Qt::NoPen);
        p->setBrush(cc);
        p->drawEllipse(QRectF(cx + 4, cy + 5.5, 6, 6));
        text(p, cx + 13, cy + 12, cw - 15, label, chipFont, kText);
        cx += cw + 4;
    }
}

ServiceItem::ServiceItem(const TopologyElement &element) : TopologyItem(element)
{
    size_ = QSizeF(kServiceWidth, kServiceHeight);
    setElement(element);
}

QString ServiceItem::describe() const
{
    const TopologyElement &e = element_;
    QString how = tr("A stable address: connections to %1 go to one of the ready pods it is linked to.").arg(e.clusterIP);
    if (!e.nodePorts.isEmpty()) {
        QStringList ports;
        for (int p : e.nodePorts)
            ports << QString::number(p);
        how += QStringLiteral("<br>") + tr("Also reachable on every node's IP at port(s) %1 (NodePort).").arg(ports.join(QStringLiteral(", ")));
    }
    return tr("<b>Service %1</b> in namespace %2<br>Type %3, ports %4<br>%5")
        .arg(e.name.toHtmlEscaped(), e.namespaceName, e.serviceType, e.ports.join(QStringLiteral(", ")), how);
}

void ServiceItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyElement &e = element_;
    paintCard(p, kServiceColour, tint(kServiceColour, 10));
    if (!detailed(p))
        return;
    const qreal x = 12, w = size_.width() - x - 8;
    const QFont badge = font(6.5, true);
    const qreal bw = QFontMetricsF(badge).horizontalAdvance(e.serviceType) + 10;
    p->setPen(Qt::NoPen);
    p->setBrush(kServiceColour);
    p->drawRoundedRect(QRectF(size_.width() - bw - 6, 6, bw, 15), 4, 4);
    text(p, size_.width() - bw - 1, 17, bw, e.serviceType, badge, Qt::white);
    text(p, x, 18, w - bw - 6, tr("Service %1").arg(e.name), font(8.5, true), kText);
    text(p, x, 36, w, e.serviceType == QLatin1String("ExternalName") ? tr("name %1").arg(e.clusterIP)
                      : tr("ClusterIP %1").arg(e.clusterIP.isEmpty() ? tr("none") : e.clusterIP), font(7.5), kText);
    text(p, x, 52, w, tr("ports %1").arg(e.ports.isEmpty() ? tr("none") : e.ports.join(QStringLiteral(", "))), font(7.5), kSubtle);
    if (!e.nodePorts.isEmpty()) {
        QStringList ports;
        for (int port : e.nodePorts)
            ports << QString::number(port);
        text(p, x, 66, w, tr("NodePort %1 on every node").arg(ports.join(QStringLiteral(", "))), font(7, true), kServiceColour);
    }
}

OwnerItem::OwnerItem(const TopologyElement &element) : TopologyItem(element)
{
    size_ = QSizeF(kOwnerWidth, kOwnerHeight);
    setElement(element);
}

QString OwnerItem::describe() const
{
    const TopologyElement &e = element_;
    if (e.kind == TopologyKind::Deployment)
        return tr("<b>Deployment %1</b> in namespace %2<br>Wants %3 pod(s), %4 ready. It manages ReplicaSets: one per "
                  "version of the pod template, scaling the new one up and the old ones down.")
            .arg(e.name.toHtmlEscaped(), e.namespaceName).arg(e.replicas).arg(e.readyReplicas);
    return tr("<b>ReplicaSet %1</b> in namespace %2<br>Keeps %3 pod(s) running (%4 ready): it creates pods when there "
              "are fewer and deletes some when there are more.%5")
        .arg(e.name.toHtmlEscaped(), e.namespaceName).arg(e.replicas).arg(e.readyReplicas)
        .arg(e.ownerKind.isEmpty() ? QString() : QStringLiteral("<br>") + tr("Owned by %1 %2.").arg(e.ownerKind, e.ownerName));
}

void OwnerItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyElement &e = element_;
    const bool deployment = e.kind == TopologyKind::Deployment;
    const QColor accent = deployment ? kDeploymentColour : kReplicaSetColour;
    // An old ReplicaSet scaled to zero is history (a rollback target), drawn faintly.
    const bool idle = !deployment && e.replicas == 0;
    paintCard(p, idle ? accent.lighter(160) : accent, tint(accent, idle ? 4 : 10), idle);
    if (!detailed(p))
        return;
    const qreal x = 12, w = size_.width() - x - 8;
    text(p, x, 18, w, deployment ? tr("Deployment %1").arg(e.name) : tr("ReplicaSet %1").arg(e.name), font(8.5, true),
         idle ? kSubtle : kText);
    const QString counts = idle ? tr("0 pods (an older version)")
                                : tr("%1 of %2 pod(s) ready").arg(e.readyReplicas).arg(e.replicas);
    text(p, x, 36, w, counts, font(7.5), kSubtle);
}

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
}

LinkItem::LinkItem(const TopologyLink &link)
{
    // Under the node regions, which are translucent: a line shows faintly
    // inside a node and never hides its name or addresses.
    setZValue(-1);
    setLink(link);
}

void LinkItem::setLink(const TopologyLink &link)
{
    link_ = link;
    QPen pen;
    pen.setCosmetic(false);
    if (link.kind == TopologyLinkKind::Owner) {
        pen = QPen(kReplicaSetColour.lighter(115), 1.3, Qt::DotLine);
    } else if (link.ready) {
        pen = QPen(kServiceColour, 1.6);
    } else {
        pen = QPen(kNotReadyLinkColour, 1.6, Qt::DashLine);
    }
    pen.setCapStyle(Qt::RoundCap);
    setPen(pen);
}

void LinkItem::attach(const TopologyItem *from, const TopologyItem *to)
{
    // Services sit above the nodes and owners below: a Service line leaves the
    // Service's bottom for the pod's top, an owner line the owner's top for the
    // owned card's bottom. Vertical curves keep a bundle of lines readable.
    const bool down = link_.kind == TopologyLinkKind::Endpoint;
    const QPointF a = down ? from->bottomAnchor() : from->topAnchor();
    const QPointF b = down ? to->topAnchor() : to->bottomAnchor();
    const qreal bend = std::max<qreal>(40, std::abs(b.y() - a.y()) * 0.4);
    QPainterPath path(a);
    path.cubicTo(a + QPointF(0, down ? bend : -bend), b + QPointF(0, down ? -bend : bend), b);
    setPath(path);
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
