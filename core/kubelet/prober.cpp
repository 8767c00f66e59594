#include "prober.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <optional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace timoneiro::kubelet {

namespace {

constexpr qsizetype kMaxOutput = 10 * 1024;  // as the kubelet reads at most 10 KiB of a probe's output

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Go's spelling of an errno ("connection refused"), which the kubelet's
// messages carry.
QString goError(int err)
{
    QString s = QString::fromLocal8Bit(std::strerror(err));
    if (!s.isEmpty())
        s[0] = s[0].toLower();
    return s;
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

int waitFor(int fd, short events, qint64 deadlineMs)
{
    for (;;) {
        const qint64 left = deadlineMs - nowMs();
        if (left <= 0)
            return 0;
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, int(left));
        if (r < 0 && errno == EINTR)
            continue;
        return r;
    }
}

// Connects to ip:port before deadlineMs; the socket, or -1 and *error as Go's dialer words it.
int dial(const QString &ip, int port, qint64 deadlineMs, QString *error)
{
    const QString address = QStringLiteral("%1:%2").arg(ip).arg(port);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(quint16(port));
    if (::inet_pton(AF_INET, ip.toLatin1().constData(), &sa.sin_addr) != 1) {
        *error = QStringLiteral("dial tcp %1: address %2: not an IPv4 address").arg(address, ip);
        return -1;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QStringLiteral("dial tcp %1: socket: %2").arg(address, goError(errno));
        return -1;
    }
    int err = 0;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) < 0) {
        err = errno;
        if (err == EINPROGRESS) {
            if (waitFor(fd, POLLOUT, deadlineMs) <= 0) {
                ::close(fd);
                *error = QStringLiteral("dial tcp %1: i/o timeout").arg(address);
                return -1;
            }
            socklen_t len = sizeof err;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        }
    }
    if (err != 0) {
        ::close(fd);
        *error = QStringLiteral("dial tcp %1: connect: %2").arg(address, goError(err));
        return -1;
    }
    return fd;
}

// Only addresses of this pod and node: a probe's host never sends the
// kubelet's traffic anywhere else (Timoneiro's nodes keep to this machine).
QString hostOf(const ProbeTarget &t, const QJsonObject &action, QString *error)
{
    const QString host = action.value(QStringLiteral("host")).toString();
    if (host.isEmpty())
        return t.podIp;
    const QHostAddress a(host);
    if (host == t.podIp || host == t.hostIp || (!a.isNull() && a.isLoopback()))
        return host;
    *error = QStringLiteral("probe host %1 is not this pod's or node's address: Timoneiro's kubelet probes only those").arg(host);
    return {};
}

// Where a tcpSocket or httpGet probe dials, or why it cannot (an Unknown outcome).
std::optional<ProbeOutcome> endpointOf(const ProbeTarget &t, const QJsonObject &action, QString *host, int *port)
{
    QString error;
    *host = hostOf(t, action, &error);
    if (host->isEmpty())
        return ProbeOutcome{ProbeResult::Unknown, error.isEmpty() ? QStringLiteral("the pod has no IP yet") : error};
    *port = probePort(action.value(QStringLiteral("port")), t.container);
    if (*port <= 0 || *port > 65535)
        return ProbeOutcome{ProbeResult::Unknown,
                            QStringLiteral("couldn't find port: %1").arg(action.value(QStringLiteral("port")).toVariant().toString())};
    return std::nullopt;
}

ProbeOutcome tcpProbe(const ProbeTarget &t)
{
    const QJsonObject action = t.spec.handler.value(QStringLiteral("tcpSocket")).toObject();
    QString host, error;
    int port = 0;
    if (auto unknown = endpointOf(t, action, &host, &port))
        return *unknown;
    const Fd fd(dial(host, port, nowMs() + t.spec.timeoutSeconds * 1000LL, &error));
    if (fd.get() < 0)
        return {ProbeResult::Failure, error};
    return {ProbeResult::Success, {}};
}

ProbeOutcome httpProbe(const ProbeTarget &t)
{
    const QJsonObject action = t.spec.handler.value(QStringLiteral("httpGet")).toObject();
    QString host, error;
    int port = 0;
    if (auto unknown = endpointOf(t, action, &host, &port))
        return *unknown;
    if (action.value(QStringLiteral("scheme")).toString(QStringLiteral("HTTP")).compare(QLatin1String("HTTP"), Qt::CaseInsensitive) != 0)
        return {ProbeResult::Unknown, QStringLiteral("scheme %1: Timoneiro's kubelet probes over plain HTTP only").arg(action.value(QStringLiteral("scheme")).toString())};
    QString path = action.value(QStringLiteral("path")).toString(QStringLiteral("/"));
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    const QString hostPort = QStringLiteral("%1:%2").arg(host).arg(port);
    const QString url = QStringLiteral("http://%1%2").arg(hostPort, path);
    const qint64 deadline = nowMs() + t.spec.timeoutSeconds * 1000LL;
    const Fd fd(dial(host, port, deadline, &error));
    if (fd.get() < 0)
        return {ProbeResult::Failure, QStringLiteral("Get \"%1\": %2").arg(url, error)};

    QList<QPair<QString, QString>> headers{{QStringLiteral("Host"), hostPort},
                                           {QStringLiteral("User-Agent"), QStringLiteral("kube-probe/1.32")},
                                           {QStringLiteral("Accept"), QStringLiteral("*/*")}};
    for (const QJsonValue &v : action.value(QStringLiteral("httpHeaders")).toArray()) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        if (name.isEmpty() || name.contains(QLatin1Char('\n')) || name.contains(QLatin1Char('\r')))
            continue;
        const QString value = v.toObject().value(QStringLiteral("value")).toString().remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
        // A header of the probe replaces the default of that name.
        headers.removeIf([&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        headers.append({name, value});
    }
    QByteArray target = path.toUtf8();
    target.replace(' ', "%20").replace('\r', "").replace('\n', "");
    QByteArray request = "GET " + target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : std::as_const(headers))
        request += name.toUtf8() + ": " + value.toUtf8() + "\r\n";
    request += "Connection: close\r\n\r\n";
    for (qsizetype sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd.get(), request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            if (waitFor(fd.get(), POLLOUT, deadline) <= 0)
                return {ProbeResult::Failure, QStringLiteral("Get \"%1\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)").arg(url)};
            continue;
        }
        if (n <= 0)
            return {ProbeResult::Failure, QStringLiteral("Get \"%1\": write tcp %2: %3").arg(url, hostPort, goError(errno))};
        sent += n;
    }
    QByteArray reply;
    while (!reply.contains("\r\n\r\n") && reply.size() < kMaxOutput) {
        if (waitFor(fd.get(), POLLIN, deadline) <= 0)
            return {ProbeResult::Failure, QStringLiteral("Get \"%1\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)").arg(url)};
        char buffer[2048];
        const ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (n < 0)
            return {ProbeResult::Failure, QStringLiteral("Get \"%1\": read tcp %2: %3").arg(url, hostPort, goError(errno))};
        if (n == 0)
            break;
        reply.append(buffer, n);
    }
    const QList<QByteArray> statusLine = reply.left(reply.indexOf("\r\n")).split(' ');
    bool ok = false;
    const int code = statusLine.size() >= 2 && statusLine[0].startsWith("HTTP/") ? statusLine[1].toInt(&ok) : 0;
    if (!ok)
        return {ProbeResult::Failure, QStringLiteral("Get \"%1\": malformed HTTP response").arg(url)};
    if (code >= 200 && code < 400)
        return {ProbeResult::Success, {}};
    return {ProbeResult::Failure, QStringLiteral("HTTP probe failed with statuscode: %1").arg(code)};
}

ProbeOutcome execProbe(const ProbeTarget &t)
{
    QStringList cmd;
    for (const QJsonValue &v : t.spec.handler.value(QStringLiteral("exec")).toObject().value(QStringLiteral("command")).toArray())
        cmd << v.toString();
    if (cmd.isEmpty())
        return {ProbeResult::Unknown, QStringLiteral("exec probe has no command")};
    if (!t.runtime || t.containerId.isEmpty())
        return {ProbeResult::Unknown, QStringLiteral("the container is not running")};
    cri::v1::ExecSyncResponse response;
    cri::CriError error;
    if (!t.runtime->execSync(t.containerId, cmd, t.spec.timeoutSeconds, &response, &error)) {
        if (error.code == grpc::StatusCode::DEADLINE_EXCEEDED)
            return {ProbeResult::Failure, QStringLiteral("command \"%1\" timed out").arg(cmd.join(QLatin1Char(' ')))};
        return {ProbeResult::Unknown, error.message};
    }
    // The command's stdout and stderr are its message, as CombinedOutput.
    QByteArray output = QByteArray::fromStdString(response.stdout()) + QByteArray::fromStdString(response.stderr());
    const QString message = QString::fromUtf8(output.left(kMaxOutput)).trimmed();
    if (response.exit_code() == 0)
        return {ProbeResult::Success, message};
    return {ProbeResult::Failure, message};
}

}  // namespace

int probePort(const QJsonValue &port, const QJsonObject &container)
{
    if (port.isDouble())
        return port.toInt();
    const QString name = port.toString();
    for (const QJsonValue &v : container.value(QStringLiteral("ports")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject().value(QStringLiteral("containerPort")).toInt();
    }
    bool ok = false;
    const int number = name.toInt(&ok);
    return ok ? number : 0;
}

ProbeOutcome runProbe(const ProbeTarget &target)
{
    const QJsonObject &h = target.spec.handler;
    if (h.contains(QStringLiteral("exec")))
        return execProbe(target);
    if (h.contains(QStringLiteral("httpGet")))
        return httpProbe(target);
    if (h.contains(QStringLiteral("tcpSocket")))
        return tcpProbe(target);
    if (h.contains(QStringLiteral("grpc")))
        return {ProbeResult::Unknown, QStringLiteral("gRPC probes are not supported by Timoneiro's kubelet yet")};
    return {ProbeResult::Unknown, QStringLiteral("missing probe handler")};
}

}  // namespace timoneiro::kubelet
