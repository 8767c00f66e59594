#include "local_nodes.h"

#include "apiserver/node_streaming.h"
#include "client/client.h"
#include "client/event_recorder.h"
#include "kubelet/kubelet.h"
#include "kubelet/pod_sync.h"
#include "kubelet/streaming.h"
#include "network/dns_cluster.h"
#include "runtime/containerd_supervisor.h"
#include "runtime/host_claim.h"
#include "runtime/local_images.h"
#include "runtime/node_runtime_config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QStandardPaths>
#include <QThreadPool>

#include <future>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcLocalNodes, "timoneiro.nodes", QtInfoMsg)

namespace timoneiro::cluster {

namespace {

struct Node {
    QString name;
    std::unique_ptr<client::Client> client;
    std::unique_ptr<kubelet::Kubelet> kubelet;
    std::unique_ptr<runtime::ContainerdSupervisor> supervisor;
    std::unique_ptr<client::EventRecorder> supervisorEvents;  // on the Node: containerd's exits and restarts
    bool imported = false;
};

// The Node as the real kubelet refers to it in its events (uid = name);
// kubectl describe node finds those as well as the ones with the real uid.
QJsonObject nodeReference(const QString &name)
{
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Node")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("uid"), name}}}};
}

void connectSupervisorEvents(QObject *context, Node *node)
{
    // What the supervisor does shows on the Node: an Event for each exit and
    // restart, and the kubelet's NotReady while containerd is down.
    runtime::ContainerdSupervisor *supervisor = node->supervisor.get();
    QObject::connect(supervisor, &runtime::ContainerdSupervisor::restarting, context,
                     [node](int, const QString &, int, const QString &sentence) {
                         qCWarning(lcLocalNodes).noquote() << node->name << sentence;
                         node->supervisorEvents->record(nodeReference(node->name), QStringLiteral("Warning"),
                                                        QStringLiteral("ContainerdExited"), sentence);
                         node->kubelet->setRuntimeDown(sentence);
                     });
    QObject::connect(supervisor, &runtime::ContainerdSupervisor::restarted, context, [node](qint64 pid, int restarts) {
        const QString message = QStringLiteral("containerd restarted (pid %1), restart %2").arg(pid).arg(restarts);
        qCInfo(lcLocalNodes).noquote() << node->name << message;
        node->supervisorEvents->record(nodeReference(node->name), QStringLiteral("Normal"), QStringLiteral("ContainerdRestarted"), message);
        node->kubelet->setRuntimeRestored();
    });
    QObject::connect(supervisor, &runtime::ContainerdSupervisor::failed, context, [node](const QString &reason) {
        qCWarning(lcLocalNodes).noquote() << node->name << reason;
        node->supervisorEvents->record(nodeReference(node->name), QStringLiteral("Warning"), QStringLiteral("ContainerdFailed"),
                                       reason + QStringLiteral("; not restarted again"));
    });
}

bool haveTool(const char *tool)
{
    return !QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()
           || !QStandardPaths::findExecutable(QLatin1String(tool), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty();
}

}  // namespace

struct LocalNodes::Private {
    Private(api::Handler &a, LocalNodesConfig c) : api(a), config(std::move(c)) {}
    api::Handler &api;
    LocalNodesConfig config;
    std::vector<std::unique_ptr<Node>> nodes;
    QThreadPool pool;
    struct BuiltImages {
        std::shared_ptr<runtime::LocalImages> images;
        QString error;  // empty: built
    };
    std::shared_future<BuiltImages> images;
    std::unique_ptr<network::ClusterDns> dns;  // answers the nodes' pods on their gateways
    runtime::HostClaim claim;  // the machine's bridges tmn-node-N and pod range, while the nodes run
    bool stopped = false;
};

LocalNodes::LocalNodes(api::Handler &api, LocalNodesConfig config, QObject *parent)
    : QObject(parent), d(new Private(api, std::move(config)))
{
    if (d->config.imageCacheDir.isEmpty())
        d->config.imageCacheDir = defaultImageCacheDir();
    for (int i = 1; i <= d->config.nodes; ++i) {
        auto node = std::make_unique<Node>();
        node->name = nodeName(i);
        node->client.reset(client::Client::inProcess(
            api, {QStringLiteral("system:node:") + node->name, {QStringLiteral("system:nodes"), QStringLiteral("system:authenticated")}}));
        kubelet::KubeletConfig kc;
        kc.nodeName = node->name;
        kc.dataDir = d->config.dataDir + QStringLiteral("/nodes/") + node->name;
        kc.heartbeatMs = d->config.heartbeatMs;
        kc.leaseSeconds = d->config.leaseSeconds;
        kc.bridge = runtime::bridgeNameFor(node->name);
        kc.dns.clusterDns = {d->config.clusterDns};
        kc.dns.clusterDomain = d->config.clusterDomain;
        node->kubelet = std::make_unique<kubelet::Kubelet>(*node->client, kc);
        node->supervisorEvents = std::make_unique<client::EventRecorder>(*node->client, QStringLiteral("supervisor"), node->name);
        d->nodes.push_back(std::move(node));
    }
}

LocalNodes::~LocalNodes()
{
    stop();
}

QString LocalNodes::nodeName(int i)
{
    return QStringLiteral("node-%1").arg(i);
}

QString LocalNodes::defaultImageCacheDir()
{
    const QString env = qEnvironmentVariable("TIMONEIRO_IMAGE_CACHE");
    return env.isEmpty() ? QStringLiteral("/var/cache/timoneiro/images") : env;
}

QString LocalNodes::podLogDir(const QString &dataDir, const QString &node)
{
    const QString dir = dataDir + QStringLiteral("/nodes/") + node + QStringLiteral("/pods");
    return QFileInfo(dir).isDir() ? dir : QString();
}

api::Result<QString> LocalNodes::streamUrl(const QString &dataDir, const QString &node,
                                           const api::NodeStreamRequest &request)
{
    const QString socket = runtime::NodeRuntimePaths::forDataDir(dataDir + QStringLiteral("/nodes/") + node).socket;
    if (!QFileInfo::exists(socket)) {
        api::ApiError e = api::ApiError::badRequest(
            QStringLiteral("node \"%1\" runs no containers (a simulated node): there is nothing to stream from").arg(node));
        return e;
    }
    kubelet::cri::RuntimeClient runtime(socket, 5000);
    return kubelet::streamingUrl(runtime, request);
}

bool LocalNodes::available(QString *why)
{
    if (::geteuid() != 0) {
        *why = tr("containerd nodes need root (containerd, network namespaces and bridges)");
        return false;
    }
    for (const char *tool : {"containerd", "ctr", "runc", "ip"}) {
        if (!haveTool(tool)) {
            *why = tr("%1 is not installed (installers/install-deps.sh installs it)").arg(QLatin1String(tool));
            return false;
        }
    }
    if (!QFile::exists(QStringLiteral("/usr/lib/cni/bridge"))) {
        *why = tr("the CNI plugins are not installed in /usr/lib/cni (containernetworking-plugins)");
        return false;
    }
    if (const QString holder = runtime::HostClaim::holder(); !holder.isEmpty()) {
        *why = runtime::HostClaim::ownedBySentence(holder);
        return false;
    }
    return true;
}

void LocalNodes::start()
{
    // Another live timoneirod's nodes own the bridges and the pod range
    // (checked by available() too; this closes the race of two starting at once).
    if (QString why; !d->nodes.empty() && !d->claim.acquire(d->config.dataDir, &why)) {
        qCWarning(lcLocalNodes).noquote() << why;
        for (auto &node : d->nodes) {
            node->kubelet->setRuntimeFailed(why);
            node->kubelet->start();
        }
        return;
    }
    if (QString error; !d->nodes.empty() && d->config.claimed && !d->config.claimed(&error)) {
        qCWarning(lcLocalNodes).noquote() << "the pod network cannot be set up:" << error;
        for (auto &node : d->nodes) {
            node->kubelet->setRuntimeFailed(QStringLiteral("the pod network cannot be set up: %1").arg(error));
            node->kubelet->start();
        }
        return;
    }
    if (!d->nodes.empty()) {
        network::ClusterDnsConfig dnsConfig;
        for (const auto &node : d->nodes)
            dnsConfig.nodes << node->name;
        dnsConfig.zone = d->config.clusterDomain;
        dnsConfig.serviceIp = d->config.clusterDns;
        dnsConfig.loopbackPort = d->config.dnsLoopbackPort;
        d->dns = std::make_unique<network::ClusterDns>(d->api, dnsConfig);
        d->dns->start();
    }
    // The images are built once (cached across runs) while the nodes register.
    const QString cacheDir = d->config.imageCacheDir;
    d->images = std::async(std::launch::async, [cacheDir] {
                    runtime::LocalImagesOptions options;
                    options.cacheDir = cacheDir;
                    auto images = std::make_shared<runtime::LocalImages>(options);
                    QStringList errors;
                    const bool ok = images->ensureBuilt(&errors);
                    for (const QString &e : std::as_const(errors))
                        qCWarning(lcLocalNodes).noquote() << "image:" << e;
                    return Private::BuiltImages{images, ok ? QString() : errors.join(QStringLiteral("; "))};
                }).share();
    for (auto &nodePtr : d->nodes) {
        Node *node = nodePtr.get();
        connect(node->kubelet.get(), &kubelet::Kubelet::podCidrAssigned, this, [this, node](const QString &cidr) {
            if (d->stopped || node->supervisor)
                return;
            runtime::NodeRuntimeConfig rc;
            rc.nodeName = node->name;
            rc.dataDir = d->config.dataDir + QStringLiteral("/nodes/") + node->name;
            rc.podCidr = cidr;
            rc.sandboxImage = runtime::LocalImages::pauseReference();
            if (!d->config.podRoutes.isEmpty())
                rc.podRoutes = d->config.podRoutes;
            node->supervisor = std::make_unique<runtime::ContainerdSupervisor>(rc);
            connect(node->supervisor.get(), &runtime::ContainerdSupervisor::failed, node->kubelet.get(),
                    &kubelet::Kubelet::setRuntimeFailed);
            connectSupervisorEvents(this, node);
            connect(node->supervisor.get(), &runtime::ContainerdSupervisor::ready, this, [this, node] {
                if (node->imported || d->stopped)
                    return;
                node->imported = true;
                // Import off the event loop (ctr takes seconds), then the kubelet runs pods.
                const QString socket = node->supervisor->paths().socket;
                const QString snapshotter = node->supervisor->snapshotter();
                auto images = d->images;
                QPointer<LocalNodes> self(this);
                d->pool.start([self, node, socket, snapshotter, images] {
                    const Private::BuiltImages &built = images.get();
                    QString error = built.error;
                    if (error.isEmpty())
                        built.images->importInto(socket, snapshotter, &error);
                    QMetaObject::invokeMethod(self.data(), [self, node, socket, error] {
                        if (!self || self->d->stopped)
                            return;
                        if (!error.isEmpty()) {
                            qCWarning(lcLocalNodes).noquote() << node->name << "images:" << error;
                            node->kubelet->setRuntimeFailed(tr("the node's images could not be imported: %1").arg(error));
                            return;
                        }
                        qCInfo(lcLocalNodes).noquote() << node->name << "containerd ready on" << socket;
                        node->kubelet->setRuntime(socket);
                    }, Qt::QueuedConnection);
                });
            });
            QString error;
            if (!node->supervisor->start(&error)) {
                qCWarning(lcLocalNodes).noquote() << node->name << "containerd:" << error;
                node->kubelet->setRuntimeFailed(error);
            } else if (d->config.bridgeReady) {
                d->config.bridgeReady(node->name, node->supervisor->bridgeName(), cidr);
            }
        });
        node->kubelet->start();
    }
}

void LocalNodes::stop()
{
    if (d->stopped)
        return;
    d->stopped = true;
    d->pool.waitForDone();
    for (auto &node : d->nodes)
        node->kubelet->stop();
    // Every node's pods at once: their containers get a short grace, then
    // the sandboxes go (CNI releases their IPs).
    std::vector<std::future<void>> stops;
    for (auto &node : d->nodes) {
        if (!node->supervisor || node->supervisor->state() != runtime::RuntimeState::Running)
            continue;
        const QString socket = node->supervisor->paths().socket;
        stops.push_back(std::async(std::launch::async, [socket] {
            kubelet::cri::RuntimeClient runtime(socket, 10000);
            kubelet::cri::v1::ListPodSandboxResponse sandboxes;
            kubelet::cri::CriError error;
            if (!runtime.listPodSandbox(&sandboxes, &error))
                return;
            QSet<QString> uids;
            for (const auto &s : sandboxes.items())
                uids.insert(QString::fromStdString(s.metadata().uid()));
            std::vector<std::future<void>> pods;
            for (const QString &uid : uids)
                pods.push_back(std::async(std::launch::async, [&runtime, socket, uid] { kubelet::killPodSandboxes(runtime, socket, uid, 2); }));
            for (auto &p : pods)
                p.wait();
        }));
    }
    for (auto &s : stops)
        s.wait();
    for (auto &node : d->nodes) {
        if (!node->supervisor)
            continue;
        node->supervisor->stop();
        if (!node->supervisor->leftovers().isEmpty())
            qCWarning(lcLocalNodes).noquote() << node->name << "left behind:" << node->supervisor->leftovers().join(QStringLiteral(", "));
    }
    if (d->images.valid())
        d->images.wait();
    if (d->dns)
        d->dns->stop();
    if (d->claim.held() && d->config.beforeRelease)
        d->config.beforeRelease();
    d->claim.release();
}

}  // namespace timoneiro::cluster
