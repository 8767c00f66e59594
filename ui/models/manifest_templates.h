#pragma once
// New manifests start from a template per kind (resources/templates/,
// compiled in under :/templates/): "Pod", "Deployment", "Service (NodePort)", ...
#include <QString>
#include <QStringList>

namespace timoneiro::ui {

// The kinds there is a template for, workloads first, as a user would look for them.
QStringList manifestTemplateKinds();
// The template's text; empty when there is none. "Service" alone is the ClusterIP one.
QString manifestTemplate(const QString &kind);

}  // namespace timoneiro::ui
