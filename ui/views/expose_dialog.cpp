#include "expose_dialog.h"

#include "api/object.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace timoneiro::ui {

namespace {
// The first container port of the pod or of the workload's template (kubectl's default).
int firstContainerPort(const QJsonObject &target)
{
    QJsonObject podSpec = api::specOf(target);
    if (target.value(QStringLiteral("kind")).toString() != QLatin1String("Pod"))
        podSpec = podSpec.value(QStringLiteral("template")).toObject().value(QStringLiteral("spec")).toObject();
    for (const QJsonValue &c : podSpec.value(QStringLiteral("containers")).toArray())
        for (const QJsonValue &p : c.toObject().value(QStringLiteral("ports")).toArray())
            return p.toObject().value(QStringLiteral("containerPort")).toInt();
    return 0;
}
}  // namespace

ExposeDialog::ExposeDialog(const QJsonObject &target, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Expose %1 %2").arg(target.value(QStringLiteral("kind")).toString(), api::nameOf(target)));
    name_ = new QLineEdit(api::nameOf(target));
    type_ = new QComboBox;
    for (const char *t : {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"})
        type_->addItem(QLatin1String(t), QLatin1String(t));
    const int containerPort = firstContainerPort(target);
    port_ = new QSpinBox;
    port_->setRange(1, 65535);
    port_->setValue(containerPort > 0 ? containerPort : 80);
    targetPort_ = new QLineEdit(containerPort > 0 ? QString::number(containerPort) : QString());
    targetPort_->setPlaceholderText(tr("same as the port, or a named port"));
    protocol_ = new QComboBox;
    protocol_->addItems({QStringLiteral("TCP"), QStringLiteral("UDP"), QStringLiteral("SCTP")});
    nodePort_ = new QSpinBox;
    nodePort_->setRange(0, 65535);
    nodePort_->setSpecialValueText(tr("allocated by the cluster"));
    externalName_ = new QLineEdit;
    externalName_->setPlaceholderText(tr("e.g. db.example.com"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Service name:"), name_);
    form->addRow(tr("Type:"), type_);
    form->addRow(tr("Port:"), port_);
    form->addRow(tr("Target port:"), targetPort_);
    form->addRow(tr("Protocol:"), protocol_);
    form->addRow(tr("Node port:"), nodePort_);
    form->addRow(tr("External name:"), externalName_);
    auto *hint = new QLabel(tr("The Service selects the pods with the target's labels (a Deployment's selector), "
                               "as kubectl expose does."));
    hint->setWordWrap(true);
    form->addRow(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(type_, &QComboBox::currentIndexChanged, this, &ExposeDialog::typeChanged);
    typeChanged();
}

void ExposeDialog::typeChanged()
{
    const QString type = type_->currentData().toString();
    nodePort_->setEnabled(type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer"));
    externalName_->setEnabled(type == QLatin1String("ExternalName"));
}

ExposeOptions ExposeDialog::options() const
{
    ExposeOptions o;
    o.name = name_->text().trimmed();
    o.type = type_->currentData().toString();
    o.port = port_->value();
    o.targetPort = targetPort_->text().trimmed();
    o.protocol = protocol_->currentText();
    o.nodePort = nodePort_->isEnabled() ? nodePort_->value() : 0;
    o.externalName = externalName_->text().trimmed();
    return o;
}

}  // namespace timoneiro::ui
