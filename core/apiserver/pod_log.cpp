// GET pods/<name>/log: the container's log as its kubelet wrote it (CRI's
// log format: "<time> <stream> <P|F> <text>" per line) read from the node's
// pod log directory, with Kubernetes' options: container, previous,
// timestamps, tailLines, limitBytes, sinceSeconds, sinceTime. A follow
// request gets what is there now, then each line as it is written, until
// the container stops running or the client goes.
#include "apiserver_p.h"

#include "object_meta.h"
#include "pod_containers.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/stat.h>

namespace timoneiro::apiserver {

namespace {

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

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// Tails one log file into a chunked response. Polls: the file is written by
// another process (containerd), and a poll also notices a rotation (the
// path names a new file) or truncation, after which it reads from the start.
class LogFollower final : public QObject {
public:
    LogFollower(QTcpSocket *socket, const QString &path, qint64 offset, bool timestamps, qint64 limit,
                std::function<bool()> running)
        : QObject(socket), socket_(socket), path_(path), offset_(offset), timestamps_(timestamps), limit_(limit),
          running_(std::move(running))
    {
        file_.setFileName(path_);
        if (file_.open(QIODevice::ReadOnly))
            inode_ = inodeOf(file_.handle());
        connect(&timer_, &QTimer::timeout, this, &LogFollower::poll);
        timer_.start(200);
    }

    void send(const QByteArray &text)
    {
        QByteArray out = text;
        if (limit_ >= 0) {
            out.truncate(qMin<qint64>(out.size(), limit_));
            limit_ -= out.size();
        }
        if (!out.isEmpty())
            socket_->write(chunk(out));
        if (limit_ == 0)
            end();
    }

private:
    static quint64 inodeOf(int fd)
    {
        struct stat st {};
        return ::fstat(fd, &st) == 0 ? quint64(st.st_ino) : 0;
    }

    void poll()
    {
        if (!socket_ || socket_->state() != QAbstractSocket::ConnectedState)
            return end();
        readNew();
        if (++ticks_ % 5 != 0)
            return;
        // Rotated: the path is a new file once this one is drained.
        struct stat st {};
        if (::stat(QFile::encodeName(path_).constData(), &st) == 0 && quint64(st.st_ino) != inode_) {
            readNew();
            file_.close();
            file_.setFileName(path_);
            if (file_.open(QIODevice::ReadOnly))
                inode_ = inodeOf(file_.handle());
            offset_ = 0;
            partial_.clear();
        }
        if (!running_()) {
            readNew();
            end();
        }
    }

    void readNew()
    {
        if (!file_.isOpen() || done_)
            return;
        if (file_.size() < offset_) {  // truncated
            offset_ = 0;
            partial_.clear();
        }
        if (file_.size() == offset_)
            return;
        file_.seek(offset_);
        const QByteArray data = file_.read(1 << 20);
        offset_ += data.size();
        partial_ += data;
        const int cut = partial_.lastIndexOf('\n');
        if (cut < 0)
            return;
        QByteArray text;
        for (const LogLine &l : parseCriLog(partial_.left(cut + 1)))
            text += timestamps_ ? l.timeText + ' ' + l.text : l.text;
        partial_.remove(0, cut + 1);
        send(text);
    }

    void end()
    {
        if (done_)
            return;
        done_ = true;
        timer_.stop();
        if (socket_ && socket_->state() == QAbstractSocket::ConnectedState)
            socket_->write("0\r\n\r\n");
        deleteLater();
    }

    QPointer<QTcpSocket> socket_;
    QString path_;
    QFile file_;
    quint64 inode_ = 0;
    qint64 offset_;
    QByteArray partial_;  // a line not yet complete
    bool timestamps_;
    qint64 limit_;        // bytes still allowed (-1: no limit)
    std::function<bool()> running_;
    QTimer timer_;
    int ticks_ = 0;
    bool done_ = false;
};

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
    QByteArray data = file.readAll();
    const bool follow = ctx.request.queryValue(QStringLiteral("follow")) == QLatin1String("true") && !previous;
    // A follower goes on from the last complete line.
    const qint64 offset = data.lastIndexOf('\n') + 1;
    if (follow)
        data.truncate(offset);
    QList<LogLine> lines = parseCriLog(data);

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
    const bool limited = ok && limit > 0;
    if (limited && body.size() > limit)
        body.truncate(limit);
    api::ApiResponse response;
    response.status = 200;
    response.contentType = "text/plain";
    response.body = body;
    if (!follow)
        return response;
    // Follows while this container instance runs: the same pod (uid), the
    // same restart count, state running.
    const QString ns = ctx.path.namespaceName;
    const api::ResourceInfo &pods = ctx.resource;
    auto running = [this, &pods, ns, name, uid, container, restarts] {
        auto now = getObject(pods, ns, name);
        if (!now || metadataOf(*now).value(QStringLiteral("uid")).toString() != uid)
            return false;
        const QJsonObject s = statusOf(*now, container);
        return s.value(QStringLiteral("restartCount")).toInt() == restarts
               && s.value(QStringLiteral("state")).toObject().contains(QStringLiteral("running"));
    };
    const qint64 left = limited ? limit - body.size() : -1;
    response.takeOver = [path, offset, timestamps, left, running, body](QTcpSocket *socket) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                      "Cache-Control: no-cache, private\r\n\r\n");
        if (!body.isEmpty())
            socket->write(chunk(body));
        auto *follower = new LogFollower(socket, path, offset, timestamps, left, running);
        if (left == 0)
            follower->send({});
    };
    return response;
}

}  // namespace timoneiro::apiserver
