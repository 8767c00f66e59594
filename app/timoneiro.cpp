// timoneiro: the desktop app. Opens the cluster of a kubeconfig context
// (--kubeconfig, --context) or starts the default local cluster.
#include "local_cluster.h"

#include "client/client.h"
#include "client/http_transport.h"
#include "client/kubeconfig.h"
#include "views/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTranslator>

#include <memory>

namespace {

std::unique_ptr<timoneiro::ui::MainWindow> window;
std::unique_ptr<timoneiro::client::Client> clusterClient;

bool openCluster(const QStringList &kubeconfigs, const QString &context)
{
    auto config = timoneiro::client::Kubeconfig::load(kubeconfigs);
    auto server = config ? config->serverConfig(context) : timoneiro::api::Result<timoneiro::client::ServerConfig>(config.error());
    if (!server) {
        QMessageBox::critical(nullptr, QObject::tr("Timoneiro"),
                              QObject::tr("Cannot open the cluster: %1").arg(server.error().message));
        return false;
    }
    clusterClient = std::make_unique<timoneiro::client::Client>(new timoneiro::client::HttpTransport(*server));
    const QString name = context.isEmpty() ? config->currentContext : context;
    window = std::make_unique<timoneiro::ui::MainWindow>(*clusterClient, name);
    window->show();
    return true;
}

}  // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("timoneiro"));
    QApplication::setApplicationVersion(QStringLiteral(TIMONEIRO_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("timoneiro"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Timoneiro: a desktop Kubernetes lab."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption kubeconfigOpt(QStringLiteral("kubeconfig"), QObject::tr("Open the cluster of this kubeconfig."),
                                     QStringLiteral("file"));
    QCommandLineOption contextOpt(QStringLiteral("context"), QObject::tr("The kubeconfig context to open."), QStringLiteral("name"));
    parser.addOptions({kubeconfigOpt, contextOpt});
    parser.process(app);

    if (parser.isSet(kubeconfigOpt) || parser.isSet(contextOpt)) {
        const QStringList files = parser.isSet(kubeconfigOpt) ? QStringList{parser.value(kubeconfigOpt)}
                                                              : timoneiro::client::Kubeconfig::defaultPaths();
        if (!openCluster(files, parser.value(contextOpt)))
            return 1;
        return app.exec();
    }

    LocalCluster local;
    QProgressDialog progress;
    progress.setRange(0, 0);
    progress.setCancelButton(nullptr);
    QObject::connect(&local, &LocalCluster::progress, &progress, [&progress](const QString &m) {
        progress.setLabelText(m);
        progress.show();
    });
    QObject::connect(&local, &LocalCluster::ready, &app, [&](const QString &kubeconfig) {
        progress.hide();
        if (!openCluster({kubeconfig}, {}))
            app.exit(1);
    });
    QObject::connect(&local, &LocalCluster::failed, &app, [&](const QString &message) {
        progress.hide();
        QMessageBox::critical(nullptr, QObject::tr("Timoneiro"), message);
        app.exit(1);
    });
    local.start();
    const int rc = app.exec();
    window.reset();
    clusterClient.reset();
    return rc;
}
