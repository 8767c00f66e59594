#pragma once
// The control plane and the simulated nodes of a local cluster, in the
// timoneirod process. Every component is an API client with its own
// identity (system:kube-scheduler, system:kube-controller-manager,
// system:node:<name>) -- the actor the store records for what it writes.
#include <QByteArray>
#include <QList>
#include <QObject>

#include <memory>

namespace timoneiro::api {
class Handler;
}

namespace timoneiro::cluster {

struct ControlPlaneConfig {
    int simulatedNodes = 0;
    QByteArray caCertificatePem;  // published in every namespace as kube-root-ca.crt
    int nodeMonitorGracePeriodSeconds = 40;  // a node whose lease is older is Unknown
    int nodeHeartbeatMs = 10000;
};

class ControlPlane : public QObject {
    Q_OBJECT
public:
    ControlPlane(api::Handler &api, ControlPlaneConfig config, QObject *parent = nullptr);
    ~ControlPlane() override;

    void start();
    // The simulated node's name for index i (1-based): sim-node-1, ...
    static QString simulatedNodeName(int i);
    // Stops or restarts the heartbeats of simulated node i (1-based): a node failure, for lessons and tests.
    void setSimulatedNodeRunning(int i, bool running);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace timoneiro::cluster
