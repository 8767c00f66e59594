#include "cluster_switcher.h"

#include "client/kubeconfig.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace timoneiro::ui {

ClusterSwitcher::ClusterSwitcher(QWidget *parent) : QWidget(parent)
{
    label_ = new QLabel;
    combo_ = new QComboBox;
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    reload_ = new QToolButton;
    retranslate();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(combo_);
    layout->addWidget(reload_);
    connect(combo_, &QComboBox::activated, this, &ClusterSwitcher::choose);
    connect(reload_, &QToolButton::clicked, this, [this] { reload(kubeconfigs_); });
}

void ClusterSwitcher::retranslate()
{
    label_->setText(tr("Cluster:"));
    combo_->setToolTip(tr("The cluster shown in this window: the local cluster or a context of your kubeconfig"));
    reload_->setText(tr("Reload"));
    reload_->setToolTip(tr("Read the kubeconfig files again"));
    if (!choices_.isEmpty() && choices_.first().local) {
        combo_->setItemText(0, tr("Local cluster (on this computer)"));
        combo_->setItemData(0, tr("Timoneiro starts it, or attaches to it when it runs"), Qt::ToolTipRole);
    }
}

void ClusterSwitcher::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ClusterSwitcher::reload(const QStringList &kubeconfigs)
{
    kubeconfigs_ = kubeconfigs;
    const QStringList files = kubeconfigs.isEmpty() ? client::Kubeconfig::defaultPaths() : kubeconfigs;
    const QString current = currentIndex() >= 0 ? choices_.value(currentIndex()).context : QString();
    const bool currentLocal = currentIndex() >= 0 && choices_.value(currentIndex()).local;
    QString error;
    choices_ = {ClusterChoice{{}, {}, true, {}}};
    choices_ += kubeconfigClusters(files, &error);
    QSignalBlocker block(combo_);
    combo_->clear();
    for (const ClusterChoice &c : std::as_const(choices_)) {
        combo_->addItem(c.local ? tr("Local cluster (on this computer)") : c.context);
        combo_->setItemData(combo_->count() - 1, c.local ? tr("Timoneiro starts it, or attaches to it when it runs") : c.server,
                            Qt::ToolTipRole);
    }
    combo_->setCurrentIndex(currentLocal ? 0 : std::max(-1, indexOfContext(current)));
    if (!error.isEmpty())
        emit problem(tr("Cannot read the kubeconfig: %1").arg(error));
}

int ClusterSwitcher::indexOfContext(const QString &context) const
{
    for (int i = 0; i < choices_.size(); ++i)
        if (!choices_.at(i).local && choices_.at(i).context == context)
            return i;
    return -1;
}

void ClusterSwitcher::setCurrentIndex(int i)
{
    QSignalBlocker block(combo_);
    combo_->setCurrentIndex(i);
}

int ClusterSwitcher::currentIndex() const
{
    return combo_->currentIndex();
}

void ClusterSwitcher::choose(int i)
{
    if (i < 0 || i >= choices_.size())
        return;
    setCurrentIndex(i);
    emit chosen(choices_.at(i));
}

}  // namespace timoneiro::ui
