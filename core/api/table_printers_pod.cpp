// The pod row: READY, STATUS (with init, sidecar and container reasons),
// RESTARTS with the time of the last restart.
#include "table_printers.h"

#include "table.h"

#include <QHash>

namespace timoneiro::api::printers {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The latest lastState.terminated.finishedAt seen so far.
void noteRestart(const QJsonObject &containerStatus, QDateTime *latest)
{
    const QJsonObject last = containerStatus.value(QStringLiteral("lastState")).toObject();
    const QDateTime at = QDateTime::fromString(str(last.value(QStringLiteral("terminated")).toObject(), "finishedAt"),
                                               Qt::ISODate);
    if (at.isValid() && (!latest->isValid() || at > *latest))
        *latest = at;
}

// A terminated state without a reason reads "Signal:9" or "ExitCode:1".
QString terminatedReason(const QJsonObject &term, const QString &prefix)
{
    if (!str(term, "reason").isEmpty())
        return prefix + str(term, "reason");
    const int signal = term.value(QStringLiteral("signal")).toInt();
    return signal != 0 ? QStringLiteral("%1Signal:%2").arg(prefix).arg(signal)
                       : QStringLiteral("%1ExitCode:%2").arg(prefix).arg(term.value(QStringLiteral("exitCode")).toInt());
}

struct PodSummary {
    int ready = 0;
    int total = 0;
    int restarts = 0;
    QDateTime lastRestart;
    QString reason;
};

PodSummary summarize(const QJsonObject &pod)
{
    PodSummary out;
    const QJsonObject sp = spec(pod);
    const QJsonObject st = status(pod);
    const QString phase = str(st, "phase");
    out.total = int(sp.value(QStringLiteral("containers")).toArray().size());
    out.reason = str(st, "reason").isEmpty() ? phase : str(st, "reason");
    for (const QJsonValue &c : st.value(QStringLiteral("conditions")).toArray())
        if (str(c.toObject(), "type") == QLatin1String("PodScheduled")
            && str(c.toObject(), "reason") == QLatin1String("SchedulingGated"))
            out.reason = QStringLiteral("SchedulingGated");

    // Sidecars (init containers that restart always) count as containers.
    const QJsonArray inits = sp.value(QStringLiteral("initContainers")).toArray();
    QHash<QString, bool> sidecar;
    for (const QJsonValue &c : inits) {
        const bool always = str(c.toObject(), "restartPolicy") == QLatin1String("Always");
        sidecar.insert(str(c.toObject(), "name"), always);
        if (always)
            ++out.total;
    }

    int sidecarRestarts = 0;
    QDateTime sidecarLastRestart;
    bool initializing = false;
    const QJsonArray initStatuses = st.value(QStringLiteral("initContainerStatuses")).toArray();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject cs = initStatuses[i].toObject();
        const QJsonObject state = cs.value(QStringLiteral("state")).toObject();
        const QJsonObject term = state.value(QStringLiteral("terminated")).toObject();
        const QJsonObject wait = state.value(QStringLiteral("waiting")).toObject();
        const bool isSidecar = sidecar.value(str(cs, "name"));
        out.restarts += cs.value(QStringLiteral("restartCount")).toInt();
        noteRestart(cs, &out.lastRestart);
        if (isSidecar) {
            sidecarRestarts += cs.value(QStringLiteral("restartCount")).toInt();
            noteRestart(cs, &sidecarLastRestart);
        }
        if (state.contains(QStringLiteral("terminated")) && term.value(QStringLiteral("exitCode")).toInt() == 0)
            continue;
        if (isSidecar && cs.value(QStringLiteral("started")).toBool()) {
            if (cs.value(QStringLiteral("ready")).toBool())
                ++out.ready;
            continue;
        }
        if (state.contains(QStringLiteral("terminated")))
            out.reason = terminatedReason(term, QStringLiteral("Init:"));
        else if (!str(wait, "reason").isEmpty() && str(wait, "reason") != QLatin1String("PodInitializing"))
            out.reason = QStringLiteral("Init:") + str(wait, "reason");
        else
            out.reason = QStringLiteral("Init:%1/%2").arg(i).arg(inits.size());
        initializing = true;
        break;
    }

    if (!initializing || conditionStatus(pod, QStringLiteral("Initialized")) == QLatin1String("True")) {
        // Once initialized, only sidecar restarts are carried over from the init containers.
        out.restarts = sidecarRestarts;
        out.lastRestart = sidecarLastRestart;
        bool hasRunning = false;
        const QJsonArray statuses = st.value(QStringLiteral("containerStatuses")).toArray();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject cs = statuses[i].toObject();
            out.restarts += cs.value(QStringLiteral("restartCount")).toInt();
            noteRestart(cs, &out.lastRestart);
            const QJsonObject state = cs.value(QStringLiteral("state")).toObject();
            const QJsonObject wait = state.value(QStringLiteral("waiting")).toObject();
            if (!str(wait, "reason").isEmpty()) {
                out.reason = str(wait, "reason");
            } else if (state.contains(QStringLiteral("terminated"))) {
                out.reason = terminatedReason(state.value(QStringLiteral("terminated")).toObject(), QString());
            } else if (cs.value(QStringLiteral("ready")).toBool() && state.contains(QStringLiteral("running"))) {
                hasRunning = true;
                ++out.ready;
            }
        }
        // A container that completed while another still runs leaves the pod Running.
        if (out.reason == QLatin1String("Completed") && hasRunning)
            out.reason = conditionStatus(pod, QStringLiteral("Ready")) == QLatin1String("True") ? QStringLiteral("Running")
                                                                                                : QStringLiteral("NotReady");
    }

    if (isDeleting(pod) && str(st, "reason") == QLatin1String("NodeLost"))
        out.reason = QStringLiteral("Unknown");
    else if (isDeleting(pod) && phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed"))
        out.reason = QStringLiteral("Terminating");
    return out;
}

QJsonArray podCells(const QJsonObject &pod, const QDateTime &now)
{
    const PodSummary s = summarize(pod);
    QString restarts = QString::number(s.restarts);
    if (s.restarts != 0 && s.lastRestart.isValid())
        restarts += QStringLiteral(" (%1 ago)").arg(humanDuration(s.lastRestart.secsTo(now)));

    const QJsonObject st = status(pod);
    QString ip = str(st.value(QStringLiteral("podIPs")).toArray().at(0).toObject(), "ip");
    if (ip.isEmpty())
        ip = str(st, "podIP");

    QString gates = QStringLiteral("<none>");
    const QJsonArray readinessGates = spec(pod).value(QStringLiteral("readinessGates")).toArray();
    if (!readinessGates.isEmpty()) {
        int met = 0;
        for (const QJsonValue &g : readinessGates)
            met += conditionStatus(pod, str(g.toObject(), "conditionType")) == QLatin1String("True") ? 1 : 0;
        gates = QStringLiteral("%1/%2").arg(met).arg(readinessGates.size());
    }
    return {QStringLiteral("%1/%2").arg(s.ready).arg(s.total),
            s.reason,
            restarts,
            age(pod, now),
            orNone(ip),
            orNone(str(spec(pod), "nodeName")),
            orNone(str(st, "nominatedNodeName")),
            gates};
}

// Finished pods are marked Completed rows (kubectl used them to hide such pods).
QJsonArray podConditions(const QJsonObject &pod)
{
    const QString phase = str(status(pod), "phase");
    if (phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed"))
        return {};
    return {QJsonObject{{QStringLiteral("type"), QStringLiteral("Completed")},
                        {QStringLiteral("status"), QStringLiteral("True")},
                        {QStringLiteral("reason"), phase},
                        {QStringLiteral("message"), phase == QLatin1String("Succeeded")
                                                        ? QStringLiteral("The pod has completed successfully.")
                                                        : QStringLiteral("The pod failed.")}}};
}

}  // namespace

const Printer &podPrinter()
{
    static const Printer p{
        {{"Ready", "string", "", 0, "The aggregate readiness state of this pod for accepting traffic."},
         {"Status", "string", "", 0, "The aggregate status of the containers in this pod."},
         {"Restarts", "string", "", 0,
          "The number of times the containers in this pod have been restarted and when the last container in this pod "
          "has restarted."},
         {"Age", "string", "", 0, kAgeDescription},
         {"IP", "string", "", 1,
          "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."},
         {"Node", "string", "", 1,
          "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by "
          "the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes "
          "responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to "
          "be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename"},
         {"Nominated Node", "string", "", 1,
          "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled "
          "right away as preemption victims receive their graceful termination periods. This field does not guarantee "
          "that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes "
          "become available sooner. Scheduler may also decide to give the resources on this node to a higher priority "
          "pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when "
          "the pod is scheduled."},
         {"Readiness Gates", "string", "", 1,
          "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its "
          "containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More "
          "info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"}},
        podCells,
        true,
        podConditions};
    return p;
}

}  // namespace timoneiro::api::printers
