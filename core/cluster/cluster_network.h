#pragma once
// The network of a cluster of local containerd nodes, in timoneirod: the
// host's setup (network::HostNetwork), kube-proxy (proxy::Proxier, one for
// every node, as they share the host's network namespace) and the service
// load balancer (controllers::ServiceLbController). Each node, once its
// bridge exists, gets its sysctls and the annotation timoneiro.io/network
// on its Node, which the desktop app draws:
//   {"bridge":"tmn-node-1","gateway":"10.244.1.1","podCIDR":"10.244.1.0/24",
//    "podRoutes":["10.244.0.0/16","10.96.0.0/12","10.250.0.0/24"],
//    "serviceCIDR":"10.96.0.0/12","loadBalancerPool":"10.250.0.0/24"}
#include "network/host_network.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace timoneiro::api {
class Handler;
}

namespace timoneiro::cluster {

class ClusterNetwork : public QObject {
    Q_OBJECT
public:
    ClusterNetwork(api::Handler &api, network::HostNetworkConfig config = {}, QObject *parent = nullptr);
    ~ClusterNetwork() override;

    // The routes every pod gets: pods, services, the LoadBalancer pool; never a default route.
    QStringList podRoutes() const;
    // Host setup, then kube-proxy and the service load balancer.
    bool start(QString *error);
    // A node's bridge exists with its gateway: its sysctls and its Node's annotation.
    void bridgeReady(const QString &node, const QString &bridge, const QString &podCidr);
    // Blocking: kube-proxy's chains, then the host's setup, undone. Call after the nodes stopped.
    void stop();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace timoneiro::cluster
