// timoneirod: the orchestration core, headless. For now the API server over
// its SQLite store; the control plane and nodes join it in later steps.
#include "apiserver/apiserver.h"
#include "apiserver/http_server.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcMain, "timoneirod", QtInfoMsg)

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int sig)
{
    const char c = char(sig);
    [[maybe_unused]] ssize_t n = ::write(signalPipe[1], &c, 1);
}

QString defaultDataDir(const QString &name)
{
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/timoneiro/") + name;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/timoneiro/") + name;
}

bool writeKubeconfig(const QString &path, const QString &cluster, const QString &server)
{
    const QString context = QStringLiteral("timoneiro-") + cluster;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString text = QStringLiteral(
                             "apiVersion: v1\n"
                             "kind: Config\n"
                             "clusters:\n"
                             "- name: %1\n"
                             "  cluster:\n"
                             "    server: %2\n"
                             "users:\n"
                             "- name: %1\n"
                             "  user: {}\n"
                             "contexts:\n"
                             "- name: %1\n"
                             "  context:\n"
                             "    cluster: %1\n"
                             "    user: %1\n"
                             "    namespace: default\n"
                             "current-context: %1\n")
                             .arg(context, server);
    return f.write(text.toUtf8()) > 0;
}

}  // namespace

int main(int argc, char **argv)
{
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} "
                                      "%{if-debug}D%{endif}%{if-info}I%{endif}%{if-warning}W%{endif}"
                                      "%{if-critical}E%{endif}%{if-fatal}F%{endif} %{category}: %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timoneirod"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIMONEIRO_VERSION " (Kubernetes API v1.32)"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Timoneiro's orchestration core: a Kubernetes-compatible API server over SQLite.\n"
        "Real kubectl drives it with the kubeconfig it writes to <data-dir>/kubeconfig."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("Cluster name; the kubeconfig context is timoneiro-<name>."),
                               QStringLiteral("name"), QStringLiteral("local"));
    QCommandLineOption dataOpt(QStringLiteral("data-dir"), QStringLiteral("Directory for the store and kubeconfig."),
                               QStringLiteral("dir"));
    QCommandLineOption listenOpt(QStringLiteral("listen"), QStringLiteral("Address and port of the API (port 0: any free port)."),
                                 QStringLiteral("addr:port"), QStringLiteral("127.0.0.1:6443"));
    QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("Local containerd nodes to start (0 = API only)."),
                                QStringLiteral("N"), QStringLiteral("0"));
    QCommandLineOption simOpt(QStringLiteral("simulated-nodes"),
                              QStringLiteral("Simulated nodes to register (no containers; for teaching and scale)."),
                              QStringLiteral("N"), QStringLiteral("0"));
    QCommandLineOption verboseOpt(QStringLiteral("v"), QStringLiteral("Log every request (debug level)."));
    parser.addOptions({nameOpt, dataOpt, listenOpt, nodesOpt, simOpt, verboseOpt});
    parser.process(app);

    if (parser.isSet(verboseOpt))
        QLoggingCategory::setFilterRules(QStringLiteral("timoneiro.*.debug=true"));

    const QString name = parser.value(nameOpt);
    const QString dataDir = parser.isSet(dataOpt) ? parser.value(dataOpt) : defaultDataDir(name);
    const QString listen = parser.value(listenOpt);
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const QHostAddress address(colon > 0 ? listen.left(colon) : QString());
    const int port = listen.mid(colon + 1).toInt(&portOk);
    if (colon <= 0 || address.isNull() || !portOk || port < 0 || port > 65535) {
        std::fprintf(stderr, "timoneirod: --listen wants an IP address and a port, like 127.0.0.1:6443 (got \"%s\")\n",
                     qPrintable(listen));
        return 2;
    }
    if (parser.value(nodesOpt).toInt() != 0 || parser.value(simOpt).toInt() != 0) {
        std::fprintf(stderr,
                     "timoneirod: this build serves the API only; --nodes and --simulated-nodes arrive with the "
                     "control plane and local nodes. Start it with --nodes 0 --simulated-nodes 0.\n");
        return 2;
    }
    if (!address.isLoopback())
        qCWarning(lcMain).noquote() << "listening on" << address.toString()
                                    << "- not loopback: other machines can reach this API";

    if (!QDir().mkpath(dataDir) || ::chmod(QFile::encodeName(dataDir).constData(), 0700) != 0) {
        std::fprintf(stderr, "timoneirod: cannot create the data directory %s\n", qPrintable(dataDir));
        return 1;
    }
    auto store = timoneiro::store::Store::open(dataDir + QStringLiteral("/store.db"));
    if (!store) {
        std::fprintf(stderr, "timoneirod: cannot open the store: %s\n", qPrintable(store.error().message));
        return 1;
    }

    timoneiro::apiserver::Config config;
    timoneiro::apiserver::ApiServer api(**store, config);
    timoneiro::apiserver::HttpServer http(api, config.maxBodyBytes);
    const quint16 bound = http.listenOn(address, quint16(port));
    if (bound == 0) {
        std::fprintf(stderr, "timoneirod: cannot listen on %s (is another timoneirod running?)\n", qPrintable(listen));
        return 1;
    }
    const QString server = QStringLiteral("http://%1:%2").arg(address.toString()).arg(bound);
    api.setAdvertiseAddress(QStringLiteral("%1:%2").arg(address.toString()).arg(bound));
    if (auto boot = api.bootstrap(); !boot) {
        std::fprintf(stderr, "timoneirod: cannot create the initial namespaces: %s\n", qPrintable(boot.error().message));
        return 1;
    }
    const QString kubeconfig = dataDir + QStringLiteral("/kubeconfig");
    if (!writeKubeconfig(kubeconfig, name, server)) {
        std::fprintf(stderr, "timoneirod: cannot write %s\n", qPrintable(kubeconfig));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return 1;
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c = 0;
        [[maybe_unused]] ssize_t n = ::read(signalPipe[0], &c, 1);
        qCInfo(lcMain) << "signal" << int(c) << "received, shutting down";
        api.closeWatches();
        app.quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);

    // Compaction as the real API server does it: every five minutes, history
    // older than what was current five minutes ago goes (watches from before
    // it get 410 Expired and relist).
    QTimer compactor;
    qint64 compactTo = 0;
    QObject::connect(&compactor, &QTimer::timeout, &app, [&] {
        if (compactTo > 0) {
            if (auto done = (*store)->compact(compactTo); !done)
                qCWarning(lcMain).noquote() << "compaction failed:" << done.error().message;
        }
        compactTo = (*store)->currentRevision();
    });
    compactor.start(5 * 60 * 1000);

    qCInfo(lcMain).noquote() << "API server listening on" << server << "- data in" << dataDir;
    std::printf("timoneirod %s: API server on %s\n"
                "kubeconfig: %s\n"
                "use it:     kubectl --kubeconfig %s get namespaces\n",
                TIMONEIRO_VERSION, qPrintable(server), qPrintable(kubeconfig), qPrintable(kubeconfig));
    std::fflush(stdout);
    const int rc = app.exec();
    qCInfo(lcMain) << "stopped";
    return rc;
}
