#pragma once
// Plain-words explanations for beginners: what an object is, which
// component controls it, and -- for pods -- which controller made it and
// why the scheduler put it where it is. Pure functions over the object's
// JSON (and the scheduler's decision kept on the pod).
#include <QJsonObject>
#include <QString>

namespace timoneiro::ui {

// An HTML fragment for the details panel.
QString explainObject(const QJsonObject &obj);

}  // namespace timoneiro::ui
