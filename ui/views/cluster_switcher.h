#pragma once
// The cluster switcher of the main window's toolbar: the local cluster and
// every kubeconfig context; choosing one opens it in the same window.
#include "models/cluster_contexts.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace timoneiro::ui {

class ClusterSwitcher : public QWidget {
    Q_OBJECT
public:
    explicit ClusterSwitcher(QWidget *parent = nullptr);

    // Re-reads the kubeconfig files (the default paths when empty).
    void reload(const QStringList &kubeconfigs = {});
    QList<ClusterChoice> choices() const { return choices_; }
    // Shows choice i as the open cluster without emitting chosen().
    void setCurrentIndex(int i);
    int indexOfContext(const QString &context) const;
    int currentIndex() const;
    // What choosing entry i does (as the user picking it).
    void choose(int i);

protected:
    void changeEvent(QEvent *event) override;

signals:
    void chosen(const timoneiro::ui::ClusterChoice &choice);
    // The kubeconfig files could not be read.
    void problem(const QString &message);

private:
    void retranslate();

    QLabel *label_;
    QComboBox *combo_;
    QToolButton *reload_;
    QStringList kubeconfigs_;
    QList<ClusterChoice> choices_;
};

}  // namespace timoneiro::ui
