#include "control_plane.h"

#include "client/client.h"
#include "controllers/deployment/deployment_controller.h"
#include "controllers/endpoints/endpoints_controller.h"
#include "controllers/garbagecollector/garbage_collector.h"
#include "controllers/namespace/namespace_controller.h"
#include "controllers/nodelifecycle/node_lifecycle_controller.h"
#include "controllers/nodeipam/node_ipam_controller.h"
#include "controllers/replicaset/replicaset_controller.h"
#include "controllers/resourcequota/resourcequota_controller.h"
#include "controllers/serviceaccount/serviceaccount_controller.h"
#include "kubelet/simulated/simulated_node.h"
#include "scheduler/scheduler.h"

namespace timoneiro::cluster {

struct ControlPlane::Private {
    api::Handler &api;
    ControlPlaneConfig config;
    std::unique_ptr<client::Client> schedulerClient;
    std::unique_ptr<client::Client> controllerClient;
    std::unique_ptr<scheduler::Scheduler> scheduler;
    std::vector<std::unique_ptr<controllers::Controller>> controllers;
    std::vector<std::unique_ptr<client::Client>> nodeClients;
    std::vector<std::unique_ptr<kubelet::SimulatedNode>> nodes;
};

ControlPlane::ControlPlane(api::Handler &api, ControlPlaneConfig config, QObject *parent)
    : QObject(parent), d(new Private{api, std::move(config), {}, {}, {}, {}, {}, {}})
{
    const QStringList authenticated{QStringLiteral("system:authenticated")};
    d->schedulerClient.reset(client::Client::inProcess(api, {QStringLiteral("system:kube-scheduler"), authenticated}));
    d->controllerClient.reset(client::Client::inProcess(api, {QStringLiteral("system:kube-controller-manager"), authenticated}));
    d->scheduler = std::make_unique<scheduler::Scheduler>(*d->schedulerClient);
    client::Client &cm = *d->controllerClient;
    d->controllers.push_back(std::make_unique<controllers::NodeIpamController>(cm));
    d->controllers.push_back(std::make_unique<controllers::ServiceAccountController>(cm, d->config.caCertificatePem));
    d->controllers.push_back(std::make_unique<controllers::DeploymentController>(cm));
    d->controllers.push_back(std::make_unique<controllers::ReplicaSetController>(cm));
    d->controllers.push_back(std::make_unique<controllers::EndpointsController>(cm));
    d->controllers.push_back(std::make_unique<controllers::ResourceQuotaController>(cm));
    d->controllers.push_back(std::make_unique<controllers::NamespaceController>(cm));
    d->controllers.push_back(std::make_unique<controllers::NodeLifecycleController>(cm, d->config.nodeMonitorGracePeriodSeconds));
    d->controllers.push_back(std::make_unique<controllers::GarbageCollector>(cm));
    for (int i = 1; i <= d->config.simulatedNodes; ++i) {
        const QString name = simulatedNodeName(i);
        d->nodeClients.emplace_back(client::Client::inProcess(
            api, {QStringLiteral("system:node:") + name, {QStringLiteral("system:nodes"), QStringLiteral("system:authenticated")}}));
        kubelet::SimulatedNodeConfig node;
        node.name = name;
        // 172.30.0.11 to .254 for the first 244 nodes, then on through 172.30.1.10 and up.
        node.internalIp = QStringLiteral("172.30.%1.%2").arg((i - 1) / 244).arg(11 + (i - 1) % 244);
        node.heartbeatMs = d->config.nodeHeartbeatMs;
        node.leaseSeconds = d->config.nodeMonitorGracePeriodSeconds;
        d->nodes.push_back(std::make_unique<kubelet::SimulatedNode>(*d->nodeClients.back(), node));
    }
}

ControlPlane::~ControlPlane() = default;

QString ControlPlane::simulatedNodeName(int i)
{
    return QStringLiteral("sim-node-%1").arg(i);
}

void ControlPlane::setSimulatedNodeRunning(int i, bool running)
{
    if (i < 1 || i > int(d->nodes.size()))
        return;
    if (running)
        d->nodes[size_t(i - 1)]->start();
    else
        d->nodes[size_t(i - 1)]->stop();
}

void ControlPlane::start()
{
    for (auto &c : d->controllers)
        c->start();
    d->scheduler->start();
    for (auto &n : d->nodes)
        n->start();
}

}  // namespace timoneiro::cluster
