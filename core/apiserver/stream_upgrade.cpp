// pods/exec, pods/attach and pods/portforward: the request has been
// authenticated and authorized (create on the subresource) like any other;
// here the pod is checked as Kubernetes' streamLocation does, the node's
// runtime is asked for its streaming URL, and the answer is an upgrade that
// takes the client's socket, or a refusal the client prints.
#include "stream_upgrade.h"

#include "apiserver_p.h"
#include "object_meta.h"
#include "pod_containers.h"
#include "pod_exec.h"
#include "pod_portforward.h"
#include "websocket_connection.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

bool flag(const api::ApiRequest &r, const char *name, bool fallback)
{
    const QString v = r.queryValue(QLatin1String(name));
    if (v.isEmpty())
        return fallback;
    return v == QLatin1String("true") || v == QLatin1String("1");
}

// A refusal from the node passes through as the kubelet wrote it (plain
// text), which kubectl prints as "error: unable to upgrade connection: ...".
api::ApiResponse nodeRefusal(const api::ApiError &e)
{
    api::ApiResponse r;
    r.status = e.code;
    r.contentType = "text/plain; charset=utf-8";
    r.body = e.message.toUtf8();
    return r;
}

QByteArray choose(const QList<QByteArray> &offered, const QList<QByteArray> &supported)
{
    for (const QByteArray &p : offered)
        if (supported.contains(p))
            return p;
    return {};
}

}  // namespace

std::optional<UpgradeOffer> upgradeOffer(const api::ApiRequest &request)
{
    const QByteArray upgrade = request.header("upgrade").toLower();
    UpgradeOffer offer;
    if (upgrade == "websocket") {
        offer.websocket = true;
        offer.key = request.header("sec-websocket-key");
        for (const auto &h : request.headers)
            if (h.first == "sec-websocket-protocol")
                for (const QByteArray &p : h.second.split(','))
                    offer.protocols << p.trimmed();
        return offer;
    }
    if (upgrade == "spdy/3.1") {
        for (const auto &h : request.headers)
            if (h.first == "x-stream-protocol-version")
                for (const QByteArray &p : h.second.split(','))
                    offer.protocols << p.trimmed();
        return offer;
    }
    return std::nullopt;
}

RawSocketTransport::RawSocketTransport(QTcpSocket *socket) : ByteTransport(socket), socket_(socket)
{
    auto finish = [this] {
        if (!finished_) {
            finished_ = true;
            emit closed();
        }
    };
    connect(socket, &QIODevice::readyRead, this, [this] {
        if (socket_)
            emit received(socket_->readAll());
    });
    connect(socket, &QAbstractSocket::disconnected, this, finish);
    connect(socket, &QObject::destroyed, this, finish);
    QMetaObject::invokeMethod(this, [this] {
        if (socket_ && socket_->bytesAvailable() > 0)
            emit received(socket_->readAll());
    }, Qt::QueuedConnection);
}

void RawSocketTransport::write(const QByteArray &bytes)
{
    if (socket_)
        socket_->write(bytes);
}

void RawSocketTransport::close()
{
    if (socket_)
        socket_->disconnectFromHost();
}

api::ApiResponse ApiServer::Private::streamSubresource(RestContext &ctx)
{
    const api::ApiRequest &request = ctx.request;
    const QString &sub = ctx.path.subresource;
    const QString &name = ctx.path.name;
    const auto offer = upgradeOffer(request);
    if (!offer)
        return errorResponse(api::ApiError::badRequest(QStringLiteral("Upgrade request required")));
    auto pod = getObject(ctx.resource, ctx.path.namespaceName, name);
    if (!pod)
        return errorResponse(pod.error());
    const QJsonObject spec = pod->value(QStringLiteral("spec")).toObject();
    const QString node = spec.value(QStringLiteral("nodeName")).toString();
    const QString uid = metadataOf(*pod).value(QStringLiteral("uid")).toString();

    NodeStreamRequest nr;
    nr.namespaceName = ctx.path.namespaceName;
    nr.podName = name;
    nr.podUid = uid;
    const bool portForward = sub == QLatin1String("portforward");
    if (!portForward) {
        nr.kind = sub == QLatin1String("exec") ? NodeStreamRequest::Exec : NodeStreamRequest::Attach;
        const QStringList containers = containerNames(spec, "containers");
        const QStringList inits = containerNames(spec, "initContainers");
        QStringList all = containers + inits + containerNames(spec, "ephemeralContainers");
        nr.container = request.queryValue(QStringLiteral("container"));
        if (nr.container.isEmpty()) {
            if (containers.size() == 1) {
                nr.container = containers.first();
            } else {
                QString message = QStringLiteral("a container name must be specified for pod %1").arg(name);
                if (!containers.isEmpty())
                    message += QStringLiteral(", choose one of: [%1]").arg(containers.join(QLatin1Char(' ')));
                if (!inits.isEmpty())
                    message += QStringLiteral(" or one of the init containers: [%1]").arg(inits.join(QLatin1Char(' ')));
                return errorResponse(api::ApiError::badRequest(message));
            }
        } else if (!all.contains(nr.container)) {
            return errorResponse(api::ApiError::badRequest(
                QStringLiteral("container %1 is not valid for pod %2").arg(nr.container, name)));
        }
        for (const auto &q : request.query)
            if (q.first == QLatin1String("command"))
                nr.command << q.second;
        nr.tty = flag(request, "tty", false);
        nr.stdinOpen = flag(request, "stdin", false);
        nr.stdoutOpen = flag(request, "stdout", false);
        nr.stderrOpen = flag(request, "stderr", false);
        if (nr.kind == NodeStreamRequest::Exec && nr.command.isEmpty())
            return errorResponse(api::ApiError::badRequest(QStringLiteral("you must specify at least 1 command")));
        if (!nr.stdinOpen && !nr.stdoutOpen && !nr.stderrOpen)
            return errorResponse(api::ApiError::badRequest(
                QStringLiteral("you must specify at least 1 of stdin, stdout, stderr")));
    } else {
        nr.kind = NodeStreamRequest::PortForward;
        for (const auto &q : request.query)
            if (q.first == QLatin1String("ports"))
                for (const QString &p : q.second.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    nr.ports << p.trimmed().toInt();
    }
    if (node.isEmpty())
        return errorResponse(api::ApiError::badRequest(QStringLiteral("pod %1 does not have a host assigned").arg(name)));

    if (portForward) {
#ifdef TIMONEIRO_PORTFORWARD
        const QByteArray protocol = offer->websocket ? choose(offer->protocols, {"SPDY/3.1+portforward.k8s.io"})
                                                     : choose(offer->protocols, {"portforward.k8s.io"});
        if (protocol.isEmpty())
            return errorResponse(api::ApiError::badRequest(
                QStringLiteral("none of the offered protocols (%1) is supported; this server speaks %2")
                    .arg(QString::fromUtf8(offer->protocols.join(", ")),
                         offer->websocket ? QStringLiteral("SPDY/3.1+portforward.k8s.io") : QStringLiteral("portforward.k8s.io"))));
        PortForwardSession session;
        session.websocket = offer->websocket;
        session.namespaceName = nr.namespaceName;
        session.podName = name;
        session.podUid = uid;
        session.nodeName = node;
        session.ports = nr.ports;
        session.nodeStreamUrl = config.nodeStreamUrl;
        api::ApiResponse r;
        r.status = 101;
        r.takeOver = [session, offer = *offer, protocol](QTcpSocket *socket) mutable {
            if (offer.websocket) {
                socket->write(webSocketHandshakeResponse(offer.key, protocol));
                session.transport = new WebSocketConnection(socket);
            } else {
                socket->write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                              "X-Stream-Protocol-Version: " + protocol + "\r\n\r\n");
                session.transport = new RawSocketTransport(socket);
            }
            servePortForward(session);
        };
        return r;
#else
        return errorResponse(api::ApiError::badRequest(QStringLiteral("pods/portforward is not served by this server yet")));
#endif
    }

    // Exec and attach speak the channel protocol over a WebSocket; the
    // SPDY fallback of older clients is refused with the same checks done.
    if (!offer->websocket)
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("pods/%1 over SPDY/3.1 is not served; this server speaks WebSocket (v5.channel.k8s.io)").arg(sub)));
    const QByteArray protocol = choose(offer->protocols, {"v5.channel.k8s.io", "v4.channel.k8s.io"});
    if (protocol.isEmpty())
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("none of the offered subprotocols (%1) is supported; this server speaks v5.channel.k8s.io and v4.channel.k8s.io")
                .arg(QString::fromUtf8(offer->protocols.join(", ")))));
    if (!config.nodeStreamUrl)
        return nodeRefusal(api::ApiError::badRequest(QStringLiteral("no node of this cluster runs containers")));
    auto url = config.nodeStreamUrl(node, nr);
    if (!url)
        return nodeRefusal(url.error());
    ExecSession session;
    session.runtimeUrl = QUrl(*url);
    session.stdinOpen = nr.stdinOpen;
    session.stdoutOpen = nr.stdoutOpen;
    session.stderrOpen = nr.stderrOpen && !nr.tty;
    session.tty = nr.tty;
    api::ApiResponse r;
    r.status = 101;
    r.takeOver = [session, key = offer->key, protocol](QTcpSocket *socket) mutable {
        socket->write(webSocketHandshakeResponse(key, protocol));
        session.client = new WebSocketConnection(socket);
        serveExec(session);
    };
    return r;
}

}  // namespace timoneiro::apiserver
