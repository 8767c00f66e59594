#include "pod_status.h"
#include "json_fields.h"

#include <QDateTime>

namespace timoneiro::kubelet {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonObject terminatedOf(const cri::v1::ContainerStatus &s)
{
    QString reason = QString::fromStdString(s.reason());
    if (reason.isEmpty())
        reason = s.exit_code() == 0 ? QStringLiteral("Completed") : QStringLiteral("Error");
    QJsonObject t{{QStringLiteral("exitCode"), s.exit_code()},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("startedAt"), criTime(s.started_at())},
                  {QStringLiteral("finishedAt"), criTime(s.finished_at())},
                  {QStringLiteral("containerID"), QStringLiteral("containerd://") + QString::fromStdString(s.id())}};
    if (!s.message().empty())
        t.insert(QStringLiteral("message"), QString::fromStdString(s.message()));
    return t;
}

QJsonObject containerStatus(const QJsonObject &container, const ContainerRuntimeState *cs, const QString &defaultWaiting,
                            const PodProbeResults *probes = nullptr)
{
    const QString name = container.value(QStringLiteral("name")).toString();
    QJsonObject out{{QStringLiteral("name"), name},
                    {QStringLiteral("image"), container.value(QStringLiteral("image"))},
                    {QStringLiteral("imageID"), QString()},
                    {QStringLiteral("ready"), false},
                    {QStringLiteral("started"), false},
                    {QStringLiteral("restartCount"), cs ? int(cs->attempt) : 0},
                    {QStringLiteral("lastState"), QJsonObject()}};
    if (cs && cs->last)
        out.insert(QStringLiteral("lastState"), QJsonObject{{QStringLiteral("terminated"), terminatedOf(*cs->last)}});
    QJsonObject state;
    if (cs && cs->status) {
        const cri::v1::ContainerStatus &s = *cs->status;
        out.insert(QStringLiteral("containerID"), QStringLiteral("containerd://") + QString::fromStdString(s.id()));
        out.insert(QStringLiteral("imageID"), QString::fromStdString(s.image_ref()));
        // The name the runtime resolved (nginx -> docker.io/library/nginx:latest), as the kubelet reports it.
        const QString resolved = QString::fromStdString(s.image().image());
        if (!resolved.isEmpty() && !resolved.startsWith(QLatin1String("sha256:")))
            out.insert(QStringLiteral("image"), resolved);
    }
    if (cs && !cs->waitingReason.isEmpty()) {
        QJsonObject waiting{{QStringLiteral("reason"), cs->waitingReason}};
        if (!cs->waitingMessage.isEmpty())
            waiting.insert(QStringLiteral("message"), cs->waitingMessage);
        state.insert(QStringLiteral("waiting"), waiting);
        // A crash-looping container's last run is what it shows as lastState.
        if (cs->status && cs->status->state() == cri::v1::CONTAINER_EXITED)
            out.insert(QStringLiteral("lastState"), QJsonObject{{QStringLiteral("terminated"), terminatedOf(*cs->status)}});
    } else if (cs && cs->status && cs->status->state() == cri::v1::CONTAINER_RUNNING) {
        state.insert(QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), criTime(cs->status->started_at())}});
        bool started = true, ready = true;
        probedReadiness(probes, container, QString::fromStdString(cs->status->id()), &started, &ready);
        out.insert(QStringLiteral("ready"), ready);
        out.insert(QStringLiteral("started"), started);
    } else if (cs && cs->status && cs->status->state() == cri::v1::CONTAINER_EXITED) {
        state.insert(QStringLiteral("terminated"), terminatedOf(*cs->status));
    } else {
        state.insert(QStringLiteral("waiting"), QJsonObject{{QStringLiteral("reason"), defaultWaiting}});
    }
    out.insert(QStringLiteral("state"), state);
    return out;
}

bool initDone(const QJsonObject &pod, const PodRuntimeState &state)
{
    for (const QJsonValue &v : obj(pod, "spec").value(QStringLiteral("initContainers")).toArray()) {
        const auto it = state.containers.constFind(v.toObject().value(QStringLiteral("name")).toString());
        if (it == state.containers.cend() || !it->status || it->status->state() != cri::v1::CONTAINER_EXITED
            || it->status->exit_code() != 0)
            return false;
    }
    return true;
}

}  // namespace

QString criTime(qint64 nanoseconds)
{
    if (nanoseconds <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(nanoseconds / 1000000, Qt::UTC).toString(Qt::ISODate);
}

QString podPhase(const QJsonObject &pod, const PodRuntimeState &state)
{
    const QJsonObject spec = obj(pod, "spec");
    const QString policy = spec.value(QStringLiteral("restartPolicy")).toString(QStringLiteral("Always"));
    if (state.initFailed)
        return QStringLiteral("Failed");
    if (!initDone(pod, state))
        return QStringLiteral("Pending");
    int running = 0, waiting = 0, stopped = 0, succeeded = 0;
    const QJsonArray containers = spec.value(QStringLiteral("containers")).toArray();
    for (const QJsonValue &v : containers) {
        const auto it = state.containers.constFind(v.toObject().value(QStringLiteral("name")).toString());
        if (it == state.containers.cend() || !it->status) {
            ++waiting;
            continue;
        }
        const auto s = it->status->state();
        if (!it->waitingReason.isEmpty()) {
            // Back-off after a run counts as stopped, as Kubernetes counts it.
            if (s == cri::v1::CONTAINER_EXITED || it->last)
                ++stopped;
            else
                ++waiting;
        } else if (s == cri::v1::CONTAINER_RUNNING) {
            ++running;
        } else if (s == cri::v1::CONTAINER_EXITED) {
            ++stopped;
            if (it->status->exit_code() == 0)
                ++succeeded;
        } else {
            ++waiting;
        }
    }
    if (waiting > 0)
        return QStringLiteral("Pending");
    if (running > 0)
        return QStringLiteral("Running");
    if (stopped == int(containers.size()) && stopped > 0) {
        if (policy == QLatin1String("Always"))
            return QStringLiteral("Running");
        if (stopped == succeeded)
            return QStringLiteral("Succeeded");
        if (policy == QLatin1String("Never"))
            return QStringLiteral("Failed");
        return QStringLiteral("Running");
    }
    return QStringLiteral("Pending");
}

QJsonObject podStatus(const QJsonObject &pod, const PodRuntimeState &state, const QString &hostIp, const PodProbeResults *probes)
{
    const QJsonObject spec = obj(pod, "spec");
    const QJsonObject old = obj(pod, "status");
    const bool inits = initDone(pod, state);
    QJsonArray initStatuses, statuses;
    QStringList notReady, incompleteInits;
    for (const QJsonValue &v : spec.value(QStringLiteral("initContainers")).toArray()) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const auto it = state.containers.constFind(name);
        QJsonObject s = containerStatus(v.toObject(), it == state.containers.cend() ? nullptr : &*it, QStringLiteral("PodInitializing"));
        // A finished init container is not "ready" but done.
        if (s.value(QStringLiteral("state")).toObject().contains(QStringLiteral("terminated"))
            && s.value(QStringLiteral("state")).toObject().value(QStringLiteral("terminated")).toObject().value(QStringLiteral("exitCode")).toInt() == 0)
            s.insert(QStringLiteral("ready"), true);
        else
            incompleteInits << name;
        initStatuses.append(s);
    }
    for (const QJsonValue &v : spec.value(QStringLiteral("containers")).toArray()) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const auto it = state.containers.constFind(name);
        const QJsonObject s = containerStatus(v.toObject(), it == state.containers.cend() ? nullptr : &*it,
                                              inits ? QStringLiteral("ContainerCreating") : QStringLiteral("PodInitializing"), probes);
        if (!s.value(QStringLiteral("ready")).toBool())
            notReady << name;
        statuses.append(s);
    }
    const QString phase = podPhase(pod, state);
    // A condition keeps its lastTransitionTime while its status stays.
    QHash<QString, QJsonObject> before;
    for (const QJsonValue &c : old.value(QStringLiteral("conditions")).toArray())
        before.insert(c.toObject().value(QStringLiteral("type")).toString(), c.toObject());
    auto condition = [&](const QString &type, bool ok, const QString &reason, const QString &message) {
        const QString status = ok ? QStringLiteral("True") : QStringLiteral("False");
        QJsonObject c{{QStringLiteral("type"), type}, {QStringLiteral("status"), status}, {QStringLiteral("lastProbeTime"), QJsonValue::Null}};
        const QJsonObject prev = before.value(type);
        c.insert(QStringLiteral("lastTransitionTime"),
                 prev.value(QStringLiteral("status")).toString() == status && prev.contains(QStringLiteral("lastTransitionTime"))
                     ? prev.value(QStringLiteral("lastTransitionTime")).toString() : nowText());
        if (!ok && !reason.isEmpty()) {
            c.insert(QStringLiteral("reason"), reason);
            c.insert(QStringLiteral("message"), message);
        }
        return c;
    };
    const bool terminalSucceeded = phase == QLatin1String("Succeeded");
    const QString unready = QStringLiteral("containers with unready status: [%1]").arg(notReady.join(QLatin1Char(' ')));
    const bool ready = notReady.isEmpty() && !terminalSucceeded;
    QJsonArray conditions{
        condition(QStringLiteral("PodReadyToStartContainers"), state.sandboxReady, {}, {}),
        condition(QStringLiteral("Initialized"), inits, QStringLiteral("ContainersNotInitialized"),
                  QStringLiteral("containers with incomplete status: [%1]").arg(incompleteInits.join(QLatin1Char(' ')))),
        condition(QStringLiteral("Ready"), ready, terminalSucceeded ? QStringLiteral("PodCompleted") : QStringLiteral("ContainersNotReady"),
                  terminalSucceeded ? QString() : unready),
        condition(QStringLiteral("ContainersReady"), ready, terminalSucceeded ? QStringLiteral("PodCompleted") : QStringLiteral("ContainersNotReady"),
                  terminalSucceeded ? QString() : unready),
        condition(QStringLiteral("PodScheduled"), true, {}, {})};

    QJsonObject status = old;
    status.insert(QStringLiteral("phase"), phase);
    status.insert(QStringLiteral("conditions"), conditions);
    status.insert(QStringLiteral("hostIP"), hostIp);
    status.insert(QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}});
    if (!state.podIp.isEmpty()) {
        status.insert(QStringLiteral("podIP"), state.podIp);
        status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), state.podIp}}});
    }
    if (!status.contains(QStringLiteral("startTime")))
        status.insert(QStringLiteral("startTime"), nowText());
    if (!initStatuses.isEmpty())
        status.insert(QStringLiteral("initContainerStatuses"), initStatuses);
    status.insert(QStringLiteral("containerStatuses"), statuses);
    if (!state.sandboxError.isEmpty())
        status.insert(QStringLiteral("message"), state.sandboxError);
    else
        status.remove(QStringLiteral("message"));
    return status;
}

}  // namespace timoneiro::kubelet
