#pragma once
// One pod's worker, as the kubelet's podWorkers: every change of the pod
// and a periodic resync run one syncPod at a time on the kubelet's thread
// pool (CRI calls block); the result is written through pods/status, its
// events recorded, and a pod being deleted is stopped within its grace
// period and then deleted for good (grace 0), as the kubelet does.
#include "container_spec.h"
#include "pod_runtime_state.h"
#include "pod_sync.h"
#include "probe_manager.h"
#include "volume_token.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace timoneiro::client {
class Client;
class EventRecorder;
}

namespace timoneiro::kubelet {

struct PodWorkerContext {
    client::Client *client = nullptr;
    client::EventRecorder *events = nullptr;
    VolumeTokens *tokens = nullptr;
    QThreadPool *pool = nullptr;
    QThreadPool *probePool = nullptr;  // probes run there, never on pool
    std::shared_ptr<cri::RuntimeClient> runtime;
    QString socket;
    QString nodeName;
    QString hostIp;
    QString logRoot;
    QString cgroupParent;
    int resyncMs = 2000;
    PodDnsSettings dns;
};

class PodWorker : public QObject {
    Q_OBJECT
public:
    PodWorker(PodWorkerContext context, QJsonObject pod, QObject *parent = nullptr);

    void update(const QJsonObject &pod);
    // The pod is gone from the API (deleted with grace 0 by someone else):
    // stop what still runs; no final delete to send.
    void podRemoved();
    bool busy() const { return inFlight_; }
    bool stopped() const { return stopped_; }
    const QJsonObject &pod() const { return pod_; }

signals:
    // Nothing of the pod runs any more and the API no longer has it.
    void finished(const QString &uid);

private:
    void sync();
    void dispatch(const EnvSources &sources);
    void onSynced(const PodSyncOutput &out, bool terminated);
    void fetchSources();

    PodWorkerContext context_;
    QJsonObject pod_;
    std::shared_ptr<PodRuntimeState> state_;
    ProbeManager *probes_ = nullptr;
    QTimer resync_;
    QJsonObject lastStatus_;
    bool inFlight_ = false;
    bool pending_ = false;
    bool removed_ = false;      // gone from the API
    bool stopped_ = false;      // the runtime has nothing of it
    bool finalDeleteSent_ = false;
};

}  // namespace timoneiro::kubelet
