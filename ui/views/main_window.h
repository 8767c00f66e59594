#pragma once
// The main window: the resource browser (kinds grouped as Workloads,
// Network, Config and Cluster), a namespace filter, text and label-selector
// filters, and a live table of the chosen kind.
#include <QJsonObject>
#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace timoneiro::client {
class Client;
class Informer;
}

namespace timoneiro::ui {

class DetailsPanel;
class ResourceFilterModel;
class ResourceTableModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // client: the cluster to show (not owned); clusterName: shown in the title.
    MainWindow(client::Client &client, const QString &clusterName, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the resource group/plural ("" for core), as a click in the browser does.
    void showResource(const QString &group, const QString &plural);
    int visibleRows() const;
    // Selects row (of the visible rows) and shows its details.
    void selectRow(int row);
    DetailsPanel *details() const { return details_; }

    // Actions on the selected object (the context menu asks first; these do it).
    void deleteSelected();
    void scaleSelected(int replicas);

private:
    void buildBrowser();
    void showContextMenu(const QPoint &at);
    QJsonObject selectedObject() const;
    void updateCount();

    client::Client &client_;
    QTreeWidget *browser_;
    QComboBox *namespaces_;
    QLineEdit *filter_;
    QLineEdit *selector_;
    QTableView *table_;
    QLabel *count_;
    DetailsPanel *details_;
    std::unique_ptr<client::Informer> informer_;
    std::unique_ptr<client::Informer> namespaceInformer_;
    std::unique_ptr<ResourceTableModel> model_;
    std::unique_ptr<ResourceFilterModel> proxy_;
};

}  // namespace timoneiro::ui
