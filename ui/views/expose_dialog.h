#pragma once
// The options of kubectl expose for a pod or a workload: the Service's
// name, type (ClusterIP, NodePort, LoadBalancer, ExternalName), port,
// target port and protocol; a node port or an external name where the
// type takes one.
#include "models/object_actions.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace timoneiro::ui {

class ExposeDialog : public QDialog {
    Q_OBJECT
public:
    // target: the object to expose (its name and first container port are the defaults).
    explicit ExposeDialog(const QJsonObject &target, QWidget *parent = nullptr);

    ExposeOptions options() const;

private:
    void typeChanged();

    QLineEdit *name_;
    QComboBox *type_;
    QSpinBox *port_;
    QLineEdit *targetPort_;
    QComboBox *protocol_;
    QSpinBox *nodePort_;
    QLineEdit *externalName_;
};

}  // namespace timoneiro::ui
