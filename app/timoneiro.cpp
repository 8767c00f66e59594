// timoneiro: the desktop app. Opens the cluster of a kubeconfig context
// (--kubeconfig, --context) or starts the default local cluster; the
// window's cluster switcher opens any other context (or the local cluster)
// in the same window.
#include "local_cluster.h"

#include "client/kubeconfig.h"
#include "views/cluster_switcher.h"
#include "views/main_window.h"
#include "views/settings.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("timoneiro"));
    QApplication::setOrganizationName(QStringLiteral("timoneiro"));
    QApplication::setApplicationVersion(QStringLiteral(TIMONEIRO_VERSION));
    // The language chosen in View > Language last time, or the system's.
    timoneiro::ui::Language::apply(timoneiro::ui::Language::saved());

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Timoneiro: a desktop Kubernetes lab."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption kubeconfigOpt(QStringLiteral("kubeconfig"), QObject::tr("Open the cluster of this kubeconfig."),
                                     QStringLiteral("file"));
    QCommandLineOption contextOpt(QStringLiteral("context"), QObject::tr("The kubeconfig context to open."), QStringLiteral("name"));
    parser.addOptions({kubeconfigOpt, contextOpt});
    parser.process(app);

    timoneiro::ui::MainWindow window;
    LocalCluster local;
    bool localStarted = false;
    const auto openLocal = [&window, &local](const QString &kubeconfig) {
        auto config = timoneiro::client::Kubeconfig::load({kubeconfig});
        window.openChoice({config ? config->currentContext : QString(), {kubeconfig}, false, {}});
    };
    QObject::connect(&local, &LocalCluster::progress, &window, [&window](const QString &m) { window.showMessage(m); });
    QObject::connect(&local, &LocalCluster::ready, &window, [&window, openLocal](const QString &kubeconfig) {
        window.clusterSwitcher()->reload();  // timoneirod merged its context into ~/.kube/config
        openLocal(kubeconfig);
    });
    QObject::connect(&local, &LocalCluster::failed, &window,
                     [&window](const QString &message) { window.showConnectionProblem(message); });
    // Chosen in the switcher: start the local cluster once, reopen it after.
    QObject::connect(&window, &timoneiro::ui::MainWindow::localClusterRequested, &window, [&] {
        if (!local.kubeconfig().isEmpty()) {
            openLocal(local.kubeconfig());
        } else if (!localStarted) {
            localStarted = true;
            local.start();
        }
    });

    window.show();
    if (parser.isSet(kubeconfigOpt) || parser.isSet(contextOpt)) {
        const QStringList files = parser.isSet(kubeconfigOpt) ? QStringList{parser.value(kubeconfigOpt)}
                                                              : timoneiro::client::Kubeconfig::defaultPaths();
        window.clusterSwitcher()->reload(parser.isSet(kubeconfigOpt) ? files : QStringList{});
        QString context = parser.value(contextOpt);
        if (context.isEmpty()) {
            auto config = timoneiro::client::Kubeconfig::load(files);
            context = config ? config->currentContext : QString();
        }
        window.openChoice({context, files, false, {}});
    } else {
        localStarted = true;
        local.start();
    }
    return app.exec();
}
