// GET pods/<name>/log: the container's log as its kubelet wrote it (CRI's
// log format: "<time> <stream> <P|F> <text>" per line) read from the node's
// pod log directory, with Kubernetes' options: container, previous,
// timestamps, tailLines, limitBytes, sinceSeconds, sinceTime. A follow
// request gets what is there now.
#include "apiserver_p.h"

#include "object_meta.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

QStringList containerNames(const QJsonObject &spec, const char *list)
{
    QStringList names;
    for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray())
        names << c.toObject().value(QStringLiteral("name")).toString();
    return names;
}

QJsonObject statusOf(const QJsonObject &pod, const QString &container)
{
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    for (const char *list : {"containerStatuses", "initContainerStatuses"})
        for (const QJsonValue &c : status.value(QLatin1String(list)).toArray())
            if (c.toObject().value(QStringLiteral("name")).toString() == container)
                return c.toObject();
    return {};
}

struct LogLine {
    QDateTime time;
    QByteArray timeText;
    QByteArray text;  // with its newline when the line was complete
};

QList<LogLine> parseCriLog(const QByteArray &data)
{
    QList<LogLine> lines;
    bool joining = false;
    for (const QByteArray &raw : data.split('\n')) {
        if (raw.isEmpty())
            continue;
        const int a = raw.indexOf(' ');
        const int b = raw.indexOf(' ', a + 1);
        const int c = raw.indexOf(' ', b + 1);
        if (a < 0 || b < 0)
            continue;
        const QByteArray tag = c < 0 ? raw.mid(b + 1) : raw.mid(b + 1, c - b - 1);
        const QByteArray text = c < 0 ? QByteArray() : raw.mid(c + 1);
        const bool partial = tag == "P";
        if (joining && !lines.isEmpty()) {
            lines.last().text += text;
        } else {
            const QByteArray t = raw.left(a);
            lines.append({QDateTime::fromString(QString::fromLatin1(t), Qt::ISODateWithMs), t, text});
        }
        if (!partial)
            lines.last().text += '\n';
        joining = partial;
    }
    return lines;
}

}  // namespace

api::ApiResponse ApiServer::Private::podLog(RestContext &ctx)
{
    auto pod = getObject(ctx.resource, ctx.path.namespaceName, ctx.path.name);
    if (!pod)
        return errorResponse(pod.error());
    const QString &name = ctx.path.name;
    const QJsonObject spec = pod->value(QStringLiteral("spec")).toObject();
    const QString node = spec.value(QStringLiteral("nodeName")).toString();
    const QString dir = node.isEmpty() || !config.podLogDir ? QString() : config.podLogDir(node);
    if (dir.isEmpty())
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("pods/log is served once the pod runs on a node with a kubelet; this cluster has none for %1").arg(name)));
    const QStringList containers = containerNames(spec, "containers");
    const QStringList inits = containerNames(spec, "initContainers");
    QString container = ctx.request.queryValue(QStringLiteral("container"));
    if (container.isEmpty()) {
        if (containers.size() != 1) {
            QString message = QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                                  .arg(name, containers.join(QLatin1Char(' ')));
            if (!inits.isEmpty())
                message += QStringLiteral(" or one of the init containers: [%1]").arg(inits.join(QLatin1Char(' ')));
            return errorResponse(api::ApiError::badRequest(message));
        }
        container = containers.first();
    }
    if (!containers.contains(container) && !inits.contains(container))
        return errorResponse(api::ApiError::badRequest(QStringLiteral("container %1 is not valid for pod %2").arg(container, name)));
    const QJsonObject cs = statusOf(*pod, container);
    const QJsonObject state = cs.value(QStringLiteral("state")).toObject();
    const bool previous = ctx.request.queryValue(QStringLiteral("previous")) == QLatin1String("true");
    const int restarts = cs.value(QStringLiteral("restartCount")).toInt();
    if (previous && restarts == 0)
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found").arg(container, name)));
    const QString uid = metadataOf(*pod).value(QStringLiteral("uid")).toString();
    const QString path = QStringLiteral("%1/%2_%3_%4/%5/%6.log")
                             .arg(dir, ctx.path.namespaceName, name, uid, container)
                             .arg(previous ? restarts - 1 : restarts);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString reason = state.value(QStringLiteral("waiting")).toObject().value(QStringLiteral("reason")).toString();
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                .arg(container, name, reason.isEmpty() ? QStringLiteral("ContainerCreating") : reason)));
    }
    QList<LogLine> lines = parseCriLog(file.readAll());

    QDateTime since;
    bool ok = false;
    const qint64 sinceSeconds = ctx.request.queryValue(QStringLiteral("sinceSeconds")).toLongLong(&ok);
    if (ok && sinceSeconds > 0)
        since = QDateTime::currentDateTimeUtc().addSecs(-sinceSeconds);
    else if (const QString t = ctx.request.queryValue(QStringLiteral("sinceTime")); !t.isEmpty())
        since = QDateTime::fromString(t, Qt::ISODate);
    if (since.isValid())
        lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const LogLine &l) { return l.time.isValid() && l.time < since; }),
                    lines.end());
    const qint64 tail = ctx.request.queryValue(QStringLiteral("tailLines")).toLongLong(&ok);
    if (ok && tail >= 0 && tail < lines.size())
        lines = lines.mid(lines.size() - tail);
    const bool timestamps = ctx.request.queryValue(QStringLiteral("timestamps")) == QLatin1String("true");
    QByteArray body;
    for (const LogLine &l : std::as_const(lines))
        body += timestamps ? l.timeText + ' ' + l.text : l.text;
    const qint64 limit = ctx.request.queryValue(QStringLiteral("limitBytes")).toLongLong(&ok);
    if (ok && limit > 0 && body.size() > limit)
        body.truncate(limit);
    api::ApiResponse response;
    response.status = 200;
    response.contentType = "text/plain";
    response.body = body;
    return response;
}

}  // namespace timoneiro::apiserver
