#include "presentation.h"

#include <QApplication>
#include <QWidget>

namespace timoneiro::ui {

namespace {
// A widget with a font of its own (a fixed-width editor) does not follow the
// application font: scale it too, and keep its own font to restore.
constexpr char kOwnFont[] = "timoneiroPresentationOwnFont";

QFont scaled(QFont font, double factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * factor));
    return font;
}
}  // namespace

PresentationMode::~PresentationMode()
{
    if (active_)
        setActive(false);
}

void PresentationMode::setActive(bool on)
{
    if (on == active_)
        return;
    active_ = on;
    if (on) {
        appFont_ = QApplication::font();
        QApplication::setFont(scaled(appFont_, kScale));
        adoptNewWidgets();
    } else {
        QApplication::setFont(appFont_);
        for (QWidget *w : QApplication::allWidgets()) {
            const QVariant own = w->property(kOwnFont);
            if (own.isValid()) {
                w->setFont(own.value<QFont>());
                w->setProperty(kOwnFont, QVariant());
            }
        }
    }
    emit toggled(on);
}

void PresentationMode::adoptNewWidgets()
{
    if (!active_)
        return;
    for (QWidget *w : QApplication::allWidgets()) {
        if (w->testAttribute(Qt::WA_SetFont) && !w->property(kOwnFont).isValid()) {
            w->setProperty(kOwnFont, w->font());
            w->setFont(scaled(w->font(), kScale));
        }
    }
}

}  // namespace timoneiro::ui
