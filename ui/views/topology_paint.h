#pragma once
// Small drawing helpers the topology's items share: fonts, elided text,
// tints, and the text colours.
#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

namespace timoneiro::ui::topology {

inline QFont font(qreal points, bool bold = false)
{
    QFont f;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Draws text elided to width, baseline at y.
inline void text(QPainter *p, qreal x, qreal y, qreal width, const QString &s, const QFont &f, const QColor &colour)
{
    p->setFont(f);
    p->setPen(colour);
    p->drawText(QPointF(x, y), QFontMetricsF(f).elidedText(s, Qt::ElideMiddle, width));
}

inline QColor tint(const QColor &c, int percent)  // percent of c over white
{
    return QColor(255 - (255 - c.red()) * percent / 100, 255 - (255 - c.green()) * percent / 100,
                  255 - (255 - c.blue()) * percent / 100);
}

inline const QColor kText{0x1d, 0x26, 0x30}, kSubtle{0x55, 0x60, 0x6c}, kSelection{0x00, 0x78, 0xd4};

}  // namespace timoneiro::ui::topology
