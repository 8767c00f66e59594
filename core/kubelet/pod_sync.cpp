#include "pod_sync.h"

#include "pod_status.h"
#include "volume.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>

#include <future>

namespace timoneiro::kubelet {

namespace {

constexpr int kInitialBackoffSeconds = 10;
constexpr int kMaxBackoffSeconds = 300;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int nextBackoff(int current)
{
    return current == 0 ? kInitialBackoffSeconds : std::min(current * 2, kMaxBackoffSeconds);
}

std::map<std::string, std::string> uidSelector(const QString &uid)
{
    return {{kPodUidLabel, uid.toStdString()}};
}

// Stops the given containers at once, each within the grace period, as the
// kubelet kills a pod's containers in parallel.
void stopContainers(const QString &socket, const QStringList &ids, qint64 grace)
{
    std::vector<std::future<void>> stops;
    for (const QString &id : ids) {
        stops.push_back(std::async(std::launch::async, [socket, id, grace] {
            cri::RuntimeClient stopper(socket, int((grace + 15) * 1000));
            cri::CriError error;
            stopper.stopContainer(id, grace, &error);
        }));
    }
    for (auto &s : stops)
        s.wait();
}

class Syncer {
public:
    Syncer(cri::RuntimeClient &runtime, const QString &socket, PodRuntimeState &state, const PodSyncInput &input, PodSyncOutput &out)
        : cri_(runtime), socket_(socket), st_(state), in_(input), out_(out), id_(PodIdentity::of(input.pod))
    {
    }

    void adopt()
    {
        st_.adopted = true;
        cri::v1::ListPodSandboxResponse sandboxes;
        cri::CriError error;
        if (!cri_.listPodSandbox(uidSelector(id_.uid), &sandboxes, &error))
            return;
        const cri::v1::PodSandbox *best = nullptr;
        for (const auto &s : sandboxes.items()) {
            const bool better = !best || (s.state() == cri::v1::SANDBOX_READY && best->state() != cri::v1::SANDBOX_READY)
                                || (s.state() == best->state() && s.metadata().attempt() > best->metadata().attempt());
            if (better)
                best = &s;
        }
        if (!best)
            return;
        st_.sandboxId = QString::fromStdString(best->id());
        st_.sandboxAttempt = best->metadata().attempt();
        cri::v1::ListContainersResponse containers;
        if (!cri_.listContainers(uidSelector(id_.uid), &containers, &error))
            return;
        for (const auto &c : containers.containers()) {
            if (c.pod_sandbox_id() != best->id())
                continue;
            ContainerRuntimeState &cs = st_.containers[QString::fromStdString(c.metadata().name())];
            if (cs.id.isEmpty() || c.metadata().attempt() >= cs.attempt) {
                if (!cs.id.isEmpty())
                    cs.previousId = cs.id;
                cs.id = QString::fromStdString(c.id());
                cs.attempt = c.metadata().attempt();
            }
        }
    }

    bool ensureSandbox()
    {
        cri::CriError error;
        if (!st_.sandboxId.isEmpty()) {
            cri::v1::PodSandboxStatusResponse status;
            const bool answered = cri_.podSandboxStatus(st_.sandboxId, &status, &error);
            if (answered && status.status().state() == cri::v1::SANDBOX_READY) {
                st_.sandboxReady = true;
                st_.podIp = QString::fromStdString(status.status().network().ip());
                return true;
            }
            // Only a sandbox the runtime reports gone or not ready is dead; a
            // containerd still loading its CRI plugin ("server is not
            // initialized yet") or down is asked again at the next sync.
            if (!answered && error.code != grpc::StatusCode::NOT_FOUND)
                return false;
            if (st_.terminal)
                return false;
            // The sandbox died: its containers go with it and a new attempt starts.
            out_.events.append({QStringLiteral("Normal"), QStringLiteral("SandboxChanged"),
                                QStringLiteral("Pod sandbox changed, it will be killed and re-created.")});
            killPodSandboxes(cri_, socket_, id_.uid, 0);
            st_.containers.clear();
            st_.sandboxId.clear();
            ++st_.sandboxAttempt;
        }
        st_.sandboxReady = false;
        auto config = sandboxConfig(in_.pod, in_.logRoot, in_.cgroupParent + QStringLiteral("/pod") + id_.uid, st_.sandboxAttempt);
        *config.mutable_dns_config() = podDnsConfig(in_.pod, in_.dns);
        QString sandboxId;
        if (!cri_.runPodSandbox(config, &sandboxId, &error)) {
            st_.sandboxError = QStringLiteral("Failed to create pod sandbox: %1").arg(error.message);
            out_.events.append({QStringLiteral("Warning"), QStringLiteral("FailedCreatePodSandBox"), st_.sandboxError});
            return false;
        }
        st_.sandboxError.clear();
        st_.sandboxId = sandboxId;
        cri::v1::PodSandboxStatusResponse status;
        if (cri_.podSandboxStatus(sandboxId, &status, &error))
            st_.podIp = QString::fromStdString(status.status().network().ip());
        st_.sandboxReady = true;
        return true;
    }

    void refresh()
    {
        for (auto it = st_.containers.begin(); it != st_.containers.end(); ++it) {
            if (it->id.isEmpty())
                continue;
            cri::v1::ContainerStatusResponse status;
            cri::CriError error;
            if (cri_.containerStatus(it->id, &status, &error))
                it->status = status.status();
            else if (error.code == grpc::StatusCode::NOT_FOUND) {
                it->id.clear();
                it->status.reset();
            }
        }
    }

    // Creates and starts the next attempt of a container; false when it
    // could not (the reason is in its waiting state).
    bool start(const QJsonObject &container)
    {
        const QString name = container.value(QStringLiteral("name")).toString();
        const QString image = container.value(QStringLiteral("image")).toString();
        ContainerRuntimeState &cs = st_.containers[name];
        const qint64 now = nowMs();
        if (cs.imageRetryAtMs > now) {
            cs.waitingReason = QStringLiteral("ImagePullBackOff");
            cs.waitingMessage = QStringLiteral("Back-off pulling image \"%1\"").arg(image);
            return false;
        }
        bool present = false;
        cri::CriError error;
        if (!cri_.imageStatus(image, &present, nullptr, &error)) {
            cs.waitingReason = QStringLiteral("ErrImagePull");
            cs.waitingMessage = error.message;
            return false;
        }
        if (!present) {
            // No registry is reachable from these nodes: an image that is not
            // here already is an image pull failure, retried with back-off.
            cs.imageBackoffSeconds = nextBackoff(cs.imageBackoffSeconds);
            cs.imageRetryAtMs = now + cs.imageBackoffSeconds * 1000LL;
            cs.waitingReason = QStringLiteral("ErrImagePull");
            cs.waitingMessage = QStringLiteral("Failed to pull image \"%1\": the image is not on node %2, and Timoneiro's local nodes "
                                               "pull from no registry (local images: pause, busybox, nginx)").arg(image, in_.nodeName);
            out_.events.append({QStringLiteral("Warning"), QStringLiteral("Failed"), cs.waitingMessage});
            return false;
        }
        cs.imageBackoffSeconds = 0;
        const quint32 attempt = cs.id.isEmpty() && !cs.status ? cs.attempt : cs.attempt + 1;
        QString configError;
        auto config = containerConfig(in_.pod, container, attempt, {st_.podIp, in_.hostIp, in_.nodeName, &in_.sources}, &configError);
        if (config) {
            const VolumeContext volumes{podVolumesDir(in_.logRoot, id_.uid), in_.nodeName, &in_.sources, in_.sources.tokens};
            const auto hostPaths = prepareVolumes(in_.pod, volumes, &configError);
            if (!configError.isEmpty() || !containerMounts(in_.pod, container, hostPaths, &*config, &configError))
                config.reset();
        }
        if (!config) {
            cs.waitingReason = QStringLiteral("CreateContainerConfigError");
            cs.waitingMessage = configError;
            out_.events.append({QStringLiteral("Warning"), QStringLiteral("Failed"), QStringLiteral("Error: ") + configError});
            return false;
        }
        const auto sandbox = sandboxConfig(in_.pod, in_.logRoot, in_.cgroupParent + QStringLiteral("/pod") + id_.uid, st_.sandboxAttempt);
        QString containerId;
        if (!cri_.createContainer(st_.sandboxId, *config, sandbox, &containerId, &error)) {
            cs.waitingReason = QStringLiteral("CreateContainerError");
            cs.waitingMessage = error.message;
            out_.events.append({QStringLiteral("Warning"), QStringLiteral("Failed"), QStringLiteral("Error: ") + error.message});
            return false;
        }
        if (cs.status && cs.status->state() == cri::v1::CONTAINER_EXITED)
            cs.last = cs.status;
        // One dead attempt is kept (its log is what --previous shows).
        if (!cs.previousId.isEmpty())
            cri_.removeContainer(cs.previousId, &error);
        cs.previousId = cs.id;
        cs.id = containerId;
        cs.attempt = attempt;
        cs.status.reset();
        cs.waitingReason.clear();
        cs.waitingMessage.clear();
        out_.events.append({QStringLiteral("Normal"), QStringLiteral("Pulled"),
                            QStringLiteral("Container image \"%1\" already present on machine").arg(image)});
        out_.events.append({QStringLiteral("Normal"), QStringLiteral("Created"), QStringLiteral("Created container %1").arg(name)});
        if (!cri_.startContainer(containerId, &error)) {
            cs.waitingReason = QStringLiteral("RunContainerError");
            cs.waitingMessage = error.message;
            out_.events.append({QStringLiteral("Warning"), QStringLiteral("Failed"), QStringLiteral("Error: ") + error.message});
        } else {
            out_.events.append({QStringLiteral("Normal"), QStringLiteral("Started"), QStringLiteral("Started container %1").arg(name)});
        }
        cri::v1::ContainerStatusResponse status;
        if (cri_.containerStatus(containerId, &status, &error))
            cs.status = status.status();
        return cs.waitingReason.isEmpty();
    }

    // An exited container that its policy restarts: at once the first time,
    // then after 10 s, 20 s, ... up to 5 min from when it finished.
    void restart(const QJsonObject &container)
    {
        const QString name = container.value(QStringLiteral("name")).toString();
        ContainerRuntimeState &cs = st_.containers[name];
        const qint64 finishedMs = cs.status->finished_at() / 1000000;
        if (cs.crashBackoffSeconds > 0 && nowMs() - finishedMs < cs.crashBackoffSeconds * 1000LL) {
            if (cs.waitingReason != QLatin1String("CrashLoopBackOff"))
                out_.events.append({QStringLiteral("Warning"), QStringLiteral("BackOff"), QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                                                                                              .arg(name, id_.name, id_.ns, id_.uid)});
            cs.waitingReason = QStringLiteral("CrashLoopBackOff");
            cs.waitingMessage = QStringLiteral("back-off %1 restarting failed container=%2 pod=%3_%4(%5)")
                                    .arg(cs.crashBackoffSeconds >= 60 ? QStringLiteral("%1m%2s").arg(cs.crashBackoffSeconds / 60).arg(cs.crashBackoffSeconds % 60)
                                                                      : QStringLiteral("%1s").arg(cs.crashBackoffSeconds),
                                         name, id_.name, id_.ns, id_.uid);
            return;
        }
        cs.crashBackoffSeconds = nextBackoff(cs.crashBackoffSeconds);
        cs.waitingReason.clear();
        start(container);
    }

    bool shouldRestart(const ContainerRuntimeState &cs) const
    {
        const QString policy = in_.pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("restartPolicy")).toString(QStringLiteral("Always"));
        return policy == QLatin1String("Always") || (policy == QLatin1String("OnFailure") && cs.status->exit_code() != 0);
    }

    // Init containers one at a time, in order; true when all succeeded.
    bool runInitContainers()
    {
        const QJsonObject spec = in_.pod.value(QStringLiteral("spec")).toObject();
        const bool never = spec.value(QStringLiteral("restartPolicy")).toString() == QLatin1String("Never");
        for (const QJsonValue &v : spec.value(QStringLiteral("initContainers")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString name = c.value(QStringLiteral("name")).toString();
            ContainerRuntimeState &cs = st_.containers[name];
            if (!cs.status) {
                start(c);
                return false;
            }
            if (cs.status->state() != cri::v1::CONTAINER_EXITED)
                return false;
            if (cs.status->exit_code() == 0)
                continue;
            if (never) {
                st_.initFailed = true;
                return false;
            }
            restart(c);
            return false;
        }
        return true;
    }

    void runContainers()
    {
        for (const QJsonValue &v : in_.pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray()) {
            const QJsonObject c = v.toObject();
            ContainerRuntimeState &cs = st_.containers[c.value(QStringLiteral("name")).toString()];
            if (!cs.status)
                start(c);
            else if (cs.status->state() == cri::v1::CONTAINER_EXITED && shouldRestart(cs))
                restart(c);
            else if (cs.status->state() == cri::v1::CONTAINER_RUNNING && failedProbe(c))
                continue;
            else if (cs.status->state() == cri::v1::CONTAINER_CREATED) {
                cri::CriError error;
                cri_.startContainer(cs.id, &error);
            }
        }
    }

    // A container that failed its liveness or startup probe is stopped
    // within the probe's (or the pod's) grace period and, unless the policy
    // is Never, restarted with CrashLoopBackOff's back-off.
    bool failedProbe(const QJsonObject &container)
    {
        const QString name = container.value(QStringLiteral("name")).toString();
        ContainerRuntimeState &cs = st_.containers[name];
        const auto probe = in_.probes.constFind(name);
        if (probe == in_.probes.cend() || probe->killProbe.isEmpty() || probe->containerId != cs.id)
            return false;
        const QJsonObject spec = in_.pod.value(QStringLiteral("spec")).toObject();
        const bool again = spec.value(QStringLiteral("restartPolicy")).toString() != QLatin1String("Never");
        out_.events.append({QStringLiteral("Normal"), QStringLiteral("Killing"),
                            QStringLiteral("Container %1 failed %2 probe%3").arg(name, probe->killProbe, again ? QStringLiteral(", will be restarted") : QString())});
        const qint64 grace = probe->killGraceSeconds >= 0 ? probe->killGraceSeconds : spec.value(QStringLiteral("terminationGracePeriodSeconds")).toInteger(30);
        stopContainers(socket_, {cs.id}, grace);
        refresh();
        if (again && cs.status && cs.status->state() == cri::v1::CONTAINER_EXITED)
            restart(container);
        return true;
    }

    void terminate()
    {
        QStringList running;
        for (auto it = st_.containers.cbegin(); it != st_.containers.cend(); ++it) {
            if (!it->id.isEmpty() && it->status && it->status->state() == cri::v1::CONTAINER_RUNNING) {
                running << it->id;
                out_.events.append({QStringLiteral("Normal"), QStringLiteral("Killing"), QStringLiteral("Stopping container %1").arg(it.key())});
            }
        }
        stopContainers(socket_, running, in_.gracePeriodSeconds);
        killPodSandboxes(cri_, socket_, id_.uid, 0);
        st_.containers.clear();
        st_.sandboxId.clear();
        st_.sandboxReady = false;
        // The pod's logs go with it, as the kubelet removes /var/log/pods/<pod>.
        QDir(QString::fromStdString(sandboxConfig(in_.pod, in_.logRoot, {}, 0).log_directory())).removeRecursively();
        // Its emptyDirs and API-data volumes too (a hostPath is the node's, kept).
        QDir(podVolumesDir(in_.logRoot, id_.uid)).removeRecursively();
        out_.terminated = true;
    }

    void run()
    {
        if (!st_.adopted)
            adopt();
        refresh();
        if (in_.terminate) {
            terminate();
            return;
        }
        if (!st_.terminal) {
            if (ensureSandbox()) {
                refresh();
                if (runInitContainers())
                    runContainers();
            }
            const QString phase = podPhase(in_.pod, st_);
            if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed")) {
                // Nothing will run again: the sandbox (and its IP) is released.
                st_.terminal = true;
                cri::CriError error;
                if (!st_.sandboxId.isEmpty())
                    cri_.stopPodSandbox(st_.sandboxId, &error);
                st_.sandboxReady = false;
            }
        }
        out_.status = podStatus(in_.pod, st_, in_.hostIp, &in_.probes);
    }

private:
    cri::RuntimeClient &cri_;
    const QString &socket_;
    PodRuntimeState &st_;
    const PodSyncInput &in_;
    PodSyncOutput &out_;
    PodIdentity id_;
};

}  // namespace

void killPodSandboxes(cri::RuntimeClient &runtime, const QString &socket, const QString &uid, qint64 gracePeriodSeconds)
{
    cri::CriError error;
    cri::v1::ListContainersResponse containers;
    if (runtime.listContainers(uidSelector(uid), &containers, &error)) {
        QStringList running;
        for (const auto &c : containers.containers())
            if (c.state() == cri::v1::CONTAINER_RUNNING)
                running << QString::fromStdString(c.id());
        stopContainers(socket, running, gracePeriodSeconds);
        for (const auto &c : containers.containers())
            runtime.removeContainer(QString::fromStdString(c.id()), &error);
    }
    cri::v1::ListPodSandboxResponse sandboxes;
    if (runtime.listPodSandbox(uidSelector(uid), &sandboxes, &error)) {
        for (const auto &s : sandboxes.items()) {
            runtime.stopPodSandbox(QString::fromStdString(s.id()), &error);
            runtime.removePodSandbox(QString::fromStdString(s.id()), &error);
        }
    }
}

PodSyncOutput syncPod(cri::RuntimeClient &runtime, const QString &socket, PodRuntimeState &state, const PodSyncInput &input)
{
    PodSyncOutput out;
    Syncer(runtime, socket, state, input, out).run();
    return out;
}

}  // namespace timoneiro::kubelet
