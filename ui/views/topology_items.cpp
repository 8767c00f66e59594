#include "topology_items.h"

#include "topology_paint.h"

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

}  // namespace timoneiro::ui
