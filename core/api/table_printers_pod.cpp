// The pod row: READY, STATUS (with init and container reasons), RESTARTS.
#include "table_printers.h"

#include "table.h"

namespace timoneiro::api::printers {

namespace {

QString podStatus(const QJsonObject &pod, int *ready, int *restarts, QString *lastRestart)
{
    const QJsonObject st = status(pod);
    QString reason = st.value(QStringLiteral("phase")).toString();
    if (!st.value(QStringLiteral("reason")).toString().isEmpty())
        reason = st.value(QStringLiteral("reason")).toString();
    const QJsonArray inits = spec(pod).value(QStringLiteral("initContainers")).toArray();
    const QJsonArray initStatuses = st.value(QStringLiteral("initContainerStatuses")).toArray();
    bool initializing = false;
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject cs = initStatuses[i].toObject();
        const QJsonObject state = cs.value(QStringLiteral("state")).toObject();
        *restarts += cs.value(QStringLiteral("restartCount")).toInt();
        const QJsonObject term = state.value(QStringLiteral("terminated")).toObject();
        const QJsonObject wait = state.value(QStringLiteral("waiting")).toObject();
        if (!term.isEmpty() && term.value(QStringLiteral("exitCode")).toInt() == 0)
            continue;
        if (!term.isEmpty()) {
            const QString r = term.value(QStringLiteral("reason")).toString();
            reason = !r.isEmpty() ? QStringLiteral("Init:") + r
                     : term.value(QStringLiteral("signal")).toInt() != 0
                         ? QStringLiteral("Init:Signal:%1").arg(term.value(QStringLiteral("signal")).toInt())
                         : QStringLiteral("Init:ExitCode:%1").arg(term.value(QStringLiteral("exitCode")).toInt());
        } else if (!wait.value(QStringLiteral("reason")).toString().isEmpty()
                   && wait.value(QStringLiteral("reason")).toString() != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + wait.value(QStringLiteral("reason")).toString();
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(inits.size());
        }
        initializing = true;
        break;
    }
    const QJsonArray statuses = st.value(QStringLiteral("containerStatuses")).toArray();
    QDateTime latest;
    auto noteRestart = [&](const QJsonObject &cs) {
        const QString t = cs.value(QStringLiteral("lastState")).toObject().value(QStringLiteral("terminated")).toObject()
                              .value(QStringLiteral("finishedAt")).toString();
        const QDateTime at = QDateTime::fromString(t, Qt::ISODate);
        if (at.isValid() && (!latest.isValid() || at > latest))
            latest = at;
    };
    if (!initializing) {
        bool hasRunning = false;
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject cs = statuses[i].toObject();
            *restarts += cs.value(QStringLiteral("restartCount")).toInt();
            noteRestart(cs);
            const QJsonObject state = cs.value(QStringLiteral("state")).toObject();
            const QJsonObject wait = state.value(QStringLiteral("waiting")).toObject();
            const QJsonObject term = state.value(QStringLiteral("terminated")).toObject();
            if (!wait.value(QStringLiteral("reason")).toString().isEmpty()) {
                reason = wait.value(QStringLiteral("reason")).toString();
            } else if (!term.isEmpty() && !term.value(QStringLiteral("reason")).toString().isEmpty()) {
                reason = term.value(QStringLiteral("reason")).toString();
            } else if (!term.isEmpty()) {
                reason = term.value(QStringLiteral("signal")).toInt() != 0
                             ? QStringLiteral("Signal:%1").arg(term.value(QStringLiteral("signal")).toInt())
                             : QStringLiteral("ExitCode:%1").arg(term.value(QStringLiteral("exitCode")).toInt());
            } else if (cs.value(QStringLiteral("ready")).toBool() && state.contains(QStringLiteral("running"))) {
                hasRunning = true;
                ++*ready;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning) {
            bool podReady = false;
            for (const QJsonValue &c : st.value(QStringLiteral("conditions")).toArray())
                if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
                    podReady = c.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True");
            reason = podReady ? QStringLiteral("Running") : QStringLiteral("NotReady");
        }
    } else {
        for (const QJsonValue &c : statuses)
            *restarts += c.toObject().value(QStringLiteral("restartCount")).toInt();
    }
    if (meta(pod).contains(QStringLiteral("deletionTimestamp")))
        reason = st.value(QStringLiteral("reason")).toString() == QLatin1String("NodeLost") ? QStringLiteral("Unknown")
                                                                                             : QStringLiteral("Terminating");
    if (latest.isValid())
        *lastRestart = latest.toString(Qt::ISODate);
    return reason;
}

QJsonArray podCells(const QJsonObject &pod, const QDateTime &now)
{
    int ready = 0, restarts = 0;
    QString lastRestart;
    const QString reason = podStatus(pod, &ready, &restarts, &lastRestart);
    const int total = spec(pod).value(QStringLiteral("containers")).toArray().size();
    QString restartText = QString::number(restarts);
    if (!lastRestart.isEmpty())
        restartText += QStringLiteral(" (%1 ago)").arg(since(lastRestart, now));
    const QJsonArray gates = spec(pod).value(QStringLiteral("readinessGates")).toArray();
    QString gateText = QStringLiteral("<none>");
    if (!gates.isEmpty()) {
        int trueGates = 0;
        for (const QJsonValue &g : gates)
            for (const QJsonValue &c : status(pod).value(QStringLiteral("conditions")).toArray())
                if (c.toObject().value(QStringLiteral("type")) == g.toObject().value(QStringLiteral("conditionType"))
                    && c.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True"))
                    ++trueGates;
        gateText = QStringLiteral("%1/%2").arg(trueGates).arg(gates.size());
    }
    return {QStringLiteral("%1/%2").arg(ready).arg(total),
            reason,
            restartText,
            age(pod, now),
            orNone(status(pod).value(QStringLiteral("podIP")).toString()),
            orNone(spec(pod).value(QStringLiteral("nodeName")).toString()),
            orNone(status(pod).value(QStringLiteral("nominatedNodeName")).toString()),
            gateText};
}

}  // namespace

const Printer &podPrinter()
{
    static const Printer p{{{"Ready", "string", "", 0, "The aggregate readiness state of this pod for accepting traffic."},
                            {"Status", "string", "", 0, "The aggregate status of the containers in this pod."},
                            {"Restarts", "string", "", 0, "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."},
                            {"Age", "string", "", 0, "CreationTimestamp is a timestamp representing the server time when this object was created."},
                            {"IP", "string", "", 1, "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."},
                            {"Node", "string", "", 1, "NodeName indicates in which node this pod is scheduled."},
                            {"Nominated Node", "string", "", 1, "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods."},
                            {"Readiness Gates", "string", "", 1, "If specified, all readiness gates will be evaluated for pod readiness."}},
                           podCells};
    return p;
}

}  // namespace timoneiro::api::printers
