#pragma once
// Presentation mode for projectors: every font of the application scaled
// (1.6x), and exactly the fonts of before restored when it is turned off.
#include <QFont>
#include <QObject>

namespace timoneiro::ui {

class PresentationMode : public QObject {
    Q_OBJECT
public:
    static constexpr double kScale = 1.6;
    using QObject::QObject;
    ~PresentationMode() override;

    bool active() const { return active_; }
    void setActive(bool on);
    // Scales the own fonts of widgets created since it was turned on (a rebuilt view).
    void adoptNewWidgets();

signals:
    void toggled(bool on);

private:
    bool active_ = false;
    QFont appFont_;
};

}  // namespace timoneiro::ui
