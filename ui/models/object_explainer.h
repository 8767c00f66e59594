#pragma once
// Plain-words explanations for beginners: what an object is, which
// component controls it, and -- for pods -- which controller made it and
// why the scheduler put it where it is. Pure functions over the object's
// JSON (and the scheduler's decision kept on the pod).
#include "owner_chain.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace timoneiro::ui {

// An HTML fragment for the details panel's Explain tab. events: the
// object's events (for "what just happened"); owners: its owner chain,
// topmost first and the object last (for "who created it").
QString explainObject(const QJsonObject &obj, const QList<QJsonObject> &events = {}, const QList<OwnerLink> &owners = {});

}  // namespace timoneiro::ui
