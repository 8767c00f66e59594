// The cluster's core: store, API server over HTTPS, and (in later steps) the
// control plane and nodes. Runs until SIGTERM or SIGINT.
#include "commands.h"
#include "kubeconfig_text.h"

#include "apiserver/apiserver.h"
#include "apiserver/authenticator.h"
#include "apiserver/http_server.h"
#include "cluster/cluster_network.h"
#include "cluster/control_plane.h"
#include "cluster/local_nodes.h"
#include "network/network_policy_enforcer.h"
#include "runtime/host_claim.h"
#include "security/pki.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
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

// Every name a client may use to reach the API: loopback, this host, the
// listen address, and the in-cluster names of the kubernetes Service.
timoneiro::security::ServingNames servingNames(const QHostAddress &listen, const QString &serviceIp)
{
    timoneiro::security::ServingNames names;
    names.dnsNames = {QStringLiteral("localhost"), QStringLiteral("kubernetes"), QStringLiteral("kubernetes.default"),
                      QStringLiteral("kubernetes.default.svc"), QStringLiteral("kubernetes.default.svc.cluster.local")};
    const QString host = QHostInfo::localHostName();
    if (!host.isEmpty() && !names.dnsNames.contains(host))
        names.dnsNames << host;
    names.addresses = {QHostAddress(QHostAddress::LocalHost), QHostAddress(serviceIp)};
    if (listen != QHostAddress::Any && listen != QHostAddress::AnyIPv4 && listen != QHostAddress::AnyIPv6
        && !names.addresses.contains(listen))
        names.addresses << listen;
    return names;
}

QSslConfiguration tlsConfiguration(const timoneiro::security::Pki &pki)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(pki.serving().certificatePem));
    tls.setPrivateKey(QSslKey(pki.serving().keyPem, QSsl::Ec));
    tls.setCaCertificates({QSslCertificate(pki.caCertificatePem())});
    // Request a client certificate without requiring one (bearer tokens
    // authenticate too); the Authenticator verifies whatever is presented.
    tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

}  // namespace

int runDaemon(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Timoneiro's orchestration core: a Kubernetes-compatible API server over SQLite, served over HTTPS.\n"
        "Real kubectl drives it with the kubeconfig it writes to <data-dir>/kubeconfig.\n"
        "timoneirod kubeconfig --help: mint a kubeconfig for another user."));
    parser.addHelpOption();
    // --version only: -v is the verbosity flag, as in Kubernetes' components.
    QCommandLineOption versionOpt(QStringLiteral("version"), QStringLiteral("Displays version information."));
    QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("Cluster name; the kubeconfig context is timoneiro-<name>."),
                               QStringLiteral("name"), QStringLiteral("local"));
    QCommandLineOption dataOpt(QStringLiteral("data-dir"), QStringLiteral("Directory for the store, PKI and kubeconfig."),
                               QStringLiteral("dir"));
    QCommandLineOption listenOpt(QStringLiteral("listen"), QStringLiteral("Address and port of the API (port 0: any free port)."),
                                 QStringLiteral("addr:port"), QStringLiteral("127.0.0.1:6443"));
    QCommandLineOption nodesOpt(QStringLiteral("nodes"),
                                QStringLiteral("Local containerd nodes to start (default: 2 when this machine can run them, "
                                               "otherwise 3 simulated nodes; --nodes 0 --simulated-nodes 0 = API only)."),
                                QStringLiteral("N"));
    QCommandLineOption simOpt(QStringLiteral("simulated-nodes"),
                              QStringLiteral("Simulated nodes to register (no containers; for teaching and scale)."),
                              QStringLiteral("N"), QStringLiteral("0"));
    QCommandLineOption verboseOpt(QStringLiteral("v"), QStringLiteral("Log every request (debug level)."));
    QCommandLineOption cleanupOpt(QStringLiteral("cleanup"),
                                  QStringLiteral("Remove what a crashed timoneirod left of the pod network (tmn-* devices, kube-proxy and "
                                                 "TIMONEIRO-* chains, changed sysctls), print it, and exit."));
    QCommandLineOption lbPoolOpt(QStringLiteral("load-balancer-pool"),
                                 QStringLiteral("Addresses for Services of type LoadBalancer, routed only on this machine."),
                                 QStringLiteral("cidr"), QStringLiteral("10.250.0.0/24"));
    parser.addOptions({versionOpt, nameOpt, dataOpt, listenOpt, nodesOpt, simOpt, verboseOpt, cleanupOpt, lbPoolOpt});
    parser.process(app);

    if (parser.isSet(versionOpt)) {
        std::printf("timoneirod %s\n", TIMONEIRO_VERSION);
        return 0;
    }
    if (parser.isSet(cleanupOpt)) {
        if (const QString live = timoneiro::network::HostNetwork::liveCluster(); !live.isEmpty()) {
            std::fprintf(stderr, "timoneirod: another timoneirod (%s) runs containerd nodes; its network is not stale, so --cleanup "
                                 "leaves it alone (stop that one first)\n", qPrintable(live));
            return 1;
        }
        const QStringList removed = timoneiro::network::HostNetwork::cleanup();
        for (const QString &line : removed)
            std::printf("removed %s\n", qPrintable(line));
        std::printf("%s\n", removed.isEmpty() ? "nothing of the pod network was left" : "done");
        return 0;
    }
    if (QHostAddress::parseSubnet(parser.value(lbPoolOpt)).second < 16) {
        std::fprintf(stderr, "timoneirod: --load-balancer-pool wants an IPv4 range of /16 or smaller, like 10.250.0.0/24\n");
        return 2;
    }
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
    bool simOk = false;
    int simulatedNodes = parser.value(simOpt).toInt(&simOk);
    if (!simOk || simulatedNodes < 0 || simulatedNodes > 5000) {
        std::fprintf(stderr, "timoneirod: --simulated-nodes wants a number from 0 to 5000\n");
        return 2;
    }
    int localNodes = 0;
    QString nodesLine;
    if (parser.isSet(nodesOpt)) {
        bool nodesOk = false;
        localNodes = parser.value(nodesOpt).toInt(&nodesOk);
        if (!nodesOk || localNodes < 0 || localNodes > 20) {
            std::fprintf(stderr, "timoneirod: --nodes wants a number from 0 to 20\n");
            return 2;
        }
        if (QString why; localNodes > 0 && !timoneiro::cluster::LocalNodes::available(&why)) {
            std::fprintf(stderr, "timoneirod: %s, so --nodes cannot start; --simulated-nodes N starts nodes without containers.\n",
                         qPrintable(why));
            return 2;
        }
    } else if (!parser.isSet(simOpt)) {
        // Nothing asked: the default local cluster, with real containers when this machine can run them.
        if (QString why; timoneiro::cluster::LocalNodes::available(&why)) {
            localNodes = 2;
        } else {
            simulatedNodes = 3;
            nodesLine = QStringLiteral("3 simulated nodes (pods are marked Running, no container runs), because %1").arg(why);
        }
    }
    if (nodesLine.isEmpty()) {
        QStringList parts;
        if (localNodes > 0)
            parts << QStringLiteral("%1 containerd node(s)").arg(localNodes);
        if (simulatedNodes > 0)
            parts << QStringLiteral("%1 simulated node(s)").arg(simulatedNodes);
        nodesLine = parts.isEmpty() ? QStringLiteral("none (API only)") : parts.join(QStringLiteral(" and "));
    }
    if (!address.isLoopback())
        qCWarning(lcMain).noquote() << "listening on" << address.toString()
                                    << "- not loopback: other machines can reach this API (TLS and RBAC still apply)";

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
    const QString serviceIp = QStringLiteral("10.96.0.1");
    auto pki = timoneiro::security::Pki::loadOrCreate(dataDir + QStringLiteral("/pki"), servingNames(address, serviceIp));
    if (!pki) {
        std::fprintf(stderr, "timoneirod: %s\n", qPrintable(pki.error().message));
        return 1;
    }
    config.serviceAccountKeyPem = pki->serviceAccountKeyPem();
    config.podLogDir = [dataDir](const QString &node) { return timoneiro::cluster::LocalNodes::podLogDir(dataDir, node); };
    config.nodeStreamUrl = [dataDir](const QString &node, const timoneiro::apiserver::NodeStreamRequest &request) {
        return timoneiro::cluster::LocalNodes::streamUrl(dataDir, node, request);
    };
    timoneiro::apiserver::ApiServer api(**store, config);
    timoneiro::apiserver::Authenticator authenticator(pki->caCertificatePem(), pki->serviceAccountKeyPem());
    timoneiro::apiserver::HttpServer http(api, config.maxBodyBytes);
    http.setTls(tlsConfiguration(*pki));
    http.setAuthenticator(&authenticator);
    const quint16 bound = http.listenOn(address, quint16(port));
    if (bound == 0) {
        std::fprintf(stderr, "timoneirod: cannot listen on %s (is another timoneirod running?)\n", qPrintable(listen));
        return 1;
    }
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    const QString server = QStringLiteral("https://%1:%2").arg(host).arg(bound);
    api.setAdvertiseAddress(QStringLiteral("%1:%2").arg(address.toString()).arg(bound));
    if (auto boot = api.bootstrap(); !boot) {
        std::fprintf(stderr, "timoneirod: cannot create the initial objects: %s\n", qPrintable(boot.error().message));
        return 1;
    }

    // The control plane (scheduler, controllers) and the simulated nodes, as API clients.
    timoneiro::cluster::ControlPlane controlPlane(api, {simulatedNodes, pki->caCertificatePem()});
    controlPlane.start();
    // Local nodes on real containerd: a kubelet each, its containerd once node IPAM gives it a podCIDR.
    // The pod network (host routes, guard chains, kube-proxy, service load balancer) before any pod runs.
    timoneiro::network::HostNetworkConfig netConfig;
    netConfig.loadBalancerPool = parser.value(lbPoolOpt);
    timoneiro::cluster::ClusterNetwork network(api, netConfig);
    timoneiro::cluster::LocalNodesConfig nodesConfig{localNodes, dataDir, timoneiro::cluster::LocalNodes::defaultImageCacheDir()};
    if (localNodes > 0) {
        // Set up once this process holds the machine's local nodes, torn down before it lets go.
        nodesConfig.claimed = [&network](QString *error) { return network.start(error); };
        nodesConfig.podRoutes = network.podRoutes();
        nodesConfig.bridgeReady = [&network](const QString &node, const QString &bridge, const QString &podCidr) {
            network.bridgeReady(node, bridge, podCidr);
        };
        nodesConfig.beforeRelease = [&network] { network.stop(); };
    }
    timoneiro::cluster::LocalNodes nodes(api, nodesConfig);
    nodes.start();
    if (localNodes > 0)
        qCInfo(lcMain).noquote() << localNodes << "containerd node(s):" << timoneiro::cluster::LocalNodes::nodeName(1) << "...";
    // NetworkPolicy for the local nodes' pods: one enforcer, as they share this host's network namespace;
    // it reads as a node does, and its destructor removes its chains. Not while another timoneirod's
    // nodes hold the machine: their chains have the same names.
    std::unique_ptr<timoneiro::client::Client> policyClient;
    std::unique_ptr<timoneiro::network::NetworkPolicyEnforcer> policies;
    if (localNodes > 0 && timoneiro::runtime::HostClaim::holder().isEmpty()) {
        policyClient.reset(timoneiro::client::Client::inProcess(
            api, {QStringLiteral("system:node:") + timoneiro::cluster::LocalNodes::nodeName(1),
                  {QStringLiteral("system:nodes"), QStringLiteral("system:authenticated")}}));
        policies = std::make_unique<timoneiro::network::NetworkPolicyEnforcer>(*policyClient);
        policies->start();
    }
    if (simulatedNodes > 0)
        qCInfo(lcMain).noquote() << simulatedNodes << "simulated node(s): pods on them are marked Running, no container runs";

    // The admin kubeconfig: group system:masters, like kubeadm's admin.conf.
    auto admin = pki->issueClient(QStringLiteral("kubernetes-admin"), {QStringLiteral("system:masters")});
    const QString kubeconfig = dataDir + QStringLiteral("/kubeconfig");
    KubeconfigSpec spec{QStringLiteral("timoneiro-") + name, QStringLiteral("timoneiro-") + name, server,
                        pki->caCertificatePem(), admin ? admin->certificatePem : QByteArray(),
                        admin ? admin->keyPem : QByteArray()};
    if (!admin || !timoneiro::security::writePrivateFile(kubeconfig, kubeconfigText(spec))) {
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
                "nodes:      %s\n"
                "kubeconfig: %s\n"
                "use it:     kubectl --kubeconfig %s get namespaces\n",
                TIMONEIRO_VERSION, qPrintable(server), qPrintable(nodesLine), qPrintable(kubeconfig), qPrintable(kubeconfig));
    std::fflush(stdout);
    const int rc = app.exec();
    // The nodes' pods and containerd stop before the API goes.
    nodes.stop();
    network.stop();
    qCInfo(lcMain) << "stopped";
    return rc;
}
