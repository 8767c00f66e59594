#pragma once
// The facts of an object for the details panel's overview, as HTML: its
// owner chain (each owner a timoneiro:select link), and per kind what a
// reader looks for first -- a pod's containers, IPs, node and conditions; a
// node's addresses, schedulability and conditions; a Service's ports.
#include "owner_chain.h"

#include <QJsonObject>

namespace timoneiro::ui {

QString describeObject(const QJsonObject &obj, const QList<OwnerLink> &owners);

}  // namespace timoneiro::ui
