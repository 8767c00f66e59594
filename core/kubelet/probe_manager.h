#pragma once
// The probes of one pod's containers, as the kubelet's prober manager and
// its per-probe workers: every probe ticks at its periodSeconds on the
// event loop; a tick that is due runs one probe on the kubelet's probe
// threads (never a pod sync's, so a slow probe holds up nobody), and its
// result is counted here. Failures are recorded as Warning Unhealthy
// events on the pod; a result that counts changed (ready flipped, startup
// passed, liveness failed for good) asks the pod worker to sync.
#include "probe_results.h"
#include "probe_state.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <vector>

class QThreadPool;
class QTimer;

namespace timoneiro::client {
class EventRecorder;
}

namespace timoneiro::kubelet {

namespace cri {
class RuntimeClient;
}

struct ProbeManagerContext {
    QThreadPool *pool = nullptr;             // the kubelet's probe threads
    client::EventRecorder *events = nullptr;
    QString socket;                          // the node's containerd, for exec probes
    QString hostIp;
};

class ProbeManager : public QObject {
    Q_OBJECT
public:
    explicit ProbeManager(ProbeManagerContext context, QObject *parent = nullptr);
    ~ProbeManager() override;

    // After every sync: the pod (its spec names the probes) and the status
    // that sync reported (which container runs, since when, the pod's IP).
    void update(const QJsonObject &pod, const QJsonObject &status);
    // The pod is gone: no more probes.
    void stop();
    PodProbeResults results() const;

signals:
    void changed();

private:
    struct Worker {
        QString container;
        ProbeKind kind;
        QTimer *timer = nullptr;
        bool inFlight = false;
    };
    void tick(Worker *w);
    void done(Worker *w, const QString &containerId, ProbeResult result, const QString &message);

    ProbeManagerContext context_;
    QJsonObject pod_;
    QString podIp_;
    QHash<QString, ContainerProbes> containers_;  // by container name
    QHash<QString, QJsonObject> specs_;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::shared_ptr<cri::RuntimeClient> runtime_;
    bool built_ = false;
    bool stopped_ = false;
    bool terminating_ = false;
};

}  // namespace timoneiro::kubelet
