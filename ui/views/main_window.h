#pragma once
// The main window: a cluster switcher (the local cluster and every
// kubeconfig context) in the toolbar; a central tab widget whose first tab
// is the resource browser (kinds grouped as Workloads, Network, Config and
// Cluster; namespace, text and label-selector filters; a live table; the
// details panel); the cluster's events timeline as a dock; banners for
// connection problems and refused actions; View menu for presentation mode
// and the language. Everything bound to a cluster is rebuilt when another
// cluster is opened (and on a language change), including the tabs added
// with addClusterTab().
#include "models/cluster_contexts.h"
#include "models/object_actions.h"
#include "models/owner_chain.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;

namespace timoneiro::client {
class Client;
class Informer;
}

namespace timoneiro::ui {

class ClusterSwitcher;
class TopologyView;
class YamlEditor;
class DetailsPanel;
class EventsTimeline;
class NodeDrain;
class PresentationMode;
class ResourceFilterModel;
class ResourceTableModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // No cluster yet: choose one in the switcher.
    explicit MainWindow(QWidget *parent = nullptr);
    // client: the cluster to show (not owned); clusterName: shown in the title.
    MainWindow(client::Client &client, const QString &clusterName, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows a cluster in this window instead of the one shown.
    void openCluster(client::Client &client, const QString &clusterName);
    void openCluster(std::unique_ptr<client::Client> client, const QString &clusterName);
    // Opens a kubeconfig context (its TLS, token or client certificate); the
    // local choice emits localClusterRequested(). False (and a banner) when
    // the context cannot be used.
    bool openChoice(const ClusterChoice &choice);
    client::Client *client() const { return client_; }
    QString clusterName() const { return clusterName_; }
    ClusterSwitcher *clusterSwitcher() const { return switcher_; }

    // Room for more views of the cluster (YAML editor, topology): factory is
    // called with the cluster's client each time a cluster is opened.
    QTabWidget *tabs() const { return tabs_; }
    void addClusterTab(std::function<QString()> title, std::function<QWidget *(client::Client &)> factory);

    // Shows the resource group/plural ("" for core), as a click in the browser does.
    void showResource(const QString &group, const QString &plural);
    int visibleRows() const;
    // Selects row (of the visible rows) and shows its details.
    void selectRow(int row);
    // Shows the object's kind and selects it once it is listed (a link, an event).
    void selectObject(const OwnerLink &target);
    QJsonObject selectedObject() const;
    DetailsPanel *details() const { return details_; }
    EventsTimeline *eventsTimeline() const { return timeline_; }
    PresentationMode *presentation() const { return presentation_; }

    // Actions on the selected object (the context menu asks first; these do it).
    void deleteSelected();
    void scaleSelected(int replicas);
    void restartSelected();
    void cordonSelected(bool unschedulable);
    void drainSelected();
    void exposeSelected(const ExposeOptions &options);
    // Opens the object in the YAML editor tab (the live object, to edit and apply).
    void editInYaml(const QJsonObject &obj);
    TopologyView *topology() const;
    YamlEditor *yamlEditor() const;

    // Switches the interface language live and remembers it.
    bool setLanguage(const QString &code, const QString &translationsDir = QStringLiteral(":/i18n"));

    // What the window tells the user: a connection problem, an action's outcome.
    void showConnectionProblem(const QString &text);
    void showMessage(const QString &text, bool error = false) { showActionMessage(text, error); }
    QString connectionProblem() const;
    QString actionMessage() const;

signals:
    void localClusterRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ClusterTab {
        std::function<QString()> title;
        std::function<QWidget *(client::Client &)> factory;
        QWidget *widget = nullptr;
    };

    void buildChrome();
    void retranslateChrome();
    void buildWorkspace();
    void clearWorkspace();
    void buildBrowser();
    void showContextMenu(const QPoint &at);
    void updateCount();
    void trySelectPending();
    void probe();
    void showActionResult(const QString &action, const api::Result<QJsonObject> &result, const QString &success);
    void showActionError(const QString &action, const api::ApiError &error);
    void showActionMessage(const QString &text, bool error);
    void setClient(client::Client *client, std::unique_ptr<client::Client> owned, const QString &name);
    void addStandardTabs();
    void followNamespace(const QString &ns);
    void followSelection(const QJsonObject &obj);

    client::Client *client_ = nullptr;
    std::unique_ptr<client::Client> ownedClient_;
    QString clusterName_;
    ClusterSwitcher *switcher_;
    QLabel *connectionBanner_;
    QLabel *actionBanner_;
    QTabWidget *tabs_;
    QDockWidget *eventsDock_;
    PresentationMode *presentation_;
    QMenu *fileMenu_ = nullptr;
    QMenu *viewMenu_ = nullptr;
    QMenu *languageMenu_ = nullptr;
    QAction *quit_ = nullptr;
    QAction *presentationAction_ = nullptr;
    QActionGroup *languages_ = nullptr;
    QTimer *probeTimer_;
    QTimer *actionBannerTimer_;
    QList<ClusterTab> clusterTabs_;
    bool retranslatePending_ = false;

    // The workspace: bound to the open cluster.
    QWidget *resourcesPage_ = nullptr;
    QTreeWidget *browser_ = nullptr;
    QComboBox *namespaces_ = nullptr;
    QLineEdit *filter_ = nullptr;
    QLineEdit *selector_ = nullptr;
    QTableView *table_ = nullptr;
    QLabel *count_ = nullptr;
    DetailsPanel *details_ = nullptr;
    EventsTimeline *timeline_ = nullptr;
    std::unique_ptr<client::Informer> eventInformer_;
    std::unique_ptr<client::Informer> informer_;
    std::unique_ptr<client::Informer> namespaceInformer_;
    std::unique_ptr<ResourceTableModel> model_;
    std::unique_ptr<ResourceFilterModel> proxy_;
    std::unique_ptr<NodeDrain> drain_;
    QString group_;
    QString plural_ = QStringLiteral("pods");
    QString pendingSelection_;  // the key to select once its row is listed
    QPointer<TopologyView> topology_;
    QString topologySelection_;  // the uid to select once the topology tab shows
    QPointer<YamlEditor> editor_;
};

}  // namespace timoneiro::ui
