#include "cluster_network.h"

#include "client/client.h"
#include "controllers/servicelb/service_lb_controller.h"
#include "proxy/proxier.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <map>

Q_LOGGING_CATEGORY(lcClusterNetwork, "timoneiro.network", QtInfoMsg)

namespace timoneiro::cluster {

namespace {

// "10.244.1.0/24" -> "10.244.1.1": what the bridge holds and host-local skips.
QString gatewayOf(const QString &podCidr)
{
    const auto subnet = QHostAddress::parseSubnet(podCidr);
    return subnet.first.isNull() ? QString() : QHostAddress(subnet.first.toIPv4Address() + 1).toString();
}

}  // namespace

struct ClusterNetwork::Private {
    Private(api::Handler &a, network::HostNetworkConfig c) : api(a), host(std::move(c)) {}
    api::Handler &api;
    network::HostNetwork host;
    std::unique_ptr<client::Client> proxyClient;
    std::unique_ptr<client::Client> controllerClient;
    std::unique_ptr<proxy::Proxier> proxier;
    std::unique_ptr<controllers::ServiceLbController> serviceLb;
    std::map<QString, std::unique_ptr<client::Client>> nodeClients;
    bool started = false;
};

ClusterNetwork::ClusterNetwork(api::Handler &api, network::HostNetworkConfig config, QObject *parent)
    : QObject(parent), d(new Private(api, std::move(config)))
{
}

ClusterNetwork::~ClusterNetwork()
{
    stop();
}

QStringList ClusterNetwork::podRoutes() const
{
    const auto &c = d->host.config();
    return {c.clusterCidr, c.serviceCidr, c.loadBalancerPool};
}

bool ClusterNetwork::start(QString *error)
{
    if (d->started)
        return true;
    d->started = true;
    if (!d->host.setUp(error))
        return false;
    const QStringList authenticated{QStringLiteral("system:authenticated")};
    d->proxyClient.reset(client::Client::inProcess(d->api, {QStringLiteral("system:kube-proxy"), authenticated}));
    d->proxier = std::make_unique<proxy::Proxier>(*d->proxyClient);
    if (!d->proxier->start(error))
        return false;
    d->controllerClient.reset(client::Client::inProcess(d->api, {QStringLiteral("system:kube-controller-manager"), authenticated}));
    d->serviceLb = std::make_unique<controllers::ServiceLbController>(*d->controllerClient, d->host.config().loadBalancerPool);
    d->serviceLb->start();
    return true;
}

void ClusterNetwork::bridgeReady(const QString &node, const QString &bridge, const QString &podCidr)
{
    if (!d->started)
        return;
    const QString gateway = gatewayOf(podCidr);
    QString error;
    if (!d->host.addBridge(bridge, gateway, &error))
        qCWarning(lcClusterNetwork).noquote() << node << "network:" << error;
    const auto &c = d->host.config();
    const QJsonObject topology{{QStringLiteral("bridge"), bridge},
                               {QStringLiteral("gateway"), gateway},
                               {QStringLiteral("podCIDR"), podCidr},
                               {QStringLiteral("podRoutes"), QJsonArray::fromStringList(podRoutes())},
                               {QStringLiteral("serviceCIDR"), c.serviceCidr},
                               {QStringLiteral("loadBalancerPool"), c.loadBalancerPool}};
    const QJsonObject patch{{QStringLiteral("metadata"),
                             QJsonObject{{QStringLiteral("annotations"),
                                          QJsonObject{{QStringLiteral("timoneiro.io/network"),
                                                       QString::fromUtf8(QJsonDocument(topology).toJson(QJsonDocument::Compact))}}}}}};
    auto &nodeClient = d->nodeClients[node];
    if (!nodeClient)
        nodeClient.reset(client::Client::inProcess(
            d->api, {QStringLiteral("system:node:") + node, {QStringLiteral("system:nodes"), QStringLiteral("system:authenticated")}}));
    nodeClient->patch(api::builtinResource(QString(), QStringLiteral("nodes")), {}, node, client::PatchType::Merge,
                      QJsonDocument(patch).toJson(QJsonDocument::Compact), [node](const api::Result<QJsonObject> &r) {
                          if (!r)
                              qCWarning(lcClusterNetwork).noquote() << node << "network annotation:" << r.error().message;
                      });
}

void ClusterNetwork::stop()
{
    if (!d->started)
        return;
    d->started = false;
    d->serviceLb.reset();
    if (d->proxier)
        d->proxier->stop();
    d->proxier.reset();
    d->host.tearDown();
}

}  // namespace timoneiro::cluster
