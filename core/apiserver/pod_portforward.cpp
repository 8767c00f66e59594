// pods/portforward after the upgrade: kubectl's SPDY/3.1 session, one pair
// of streams (error, data) per forwarded connection, each pair relayed to
// the pod through the node runtime's streaming server. For every pair we ask
// the node for a fresh URL (CRI PortForward tokens are single-use) and speak
// the runtime's WebSocket port-forward protocol (v4.channel.k8s.io): the
// port in the query, channel 0 data and channel 1 errors, each channel's
// first message starting with the port as 2 bytes little-endian.
#include "pod_portforward.h"

#include "spdy_session.h"

#include <QHash>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace timoneiro::apiserver {

namespace {

// After kubectl stops sending on a connection, the runtime (containerd's
// portForward) gives the other direction this long to finish before it
// closes the pod's socket; the WebSocket protocol cannot say "half-closed",
// so we wait the same second before closing it.
constexpr int kHalfCloseGraceMs = 1000;

class PortForwardRelay : public QObject {
public:
    explicit PortForwardRelay(const PortForwardSession &s)
        : QObject(s.transport)
        , m_request(s)
        , m_spdy(new spdy::Session(s.transport, spdy::Session::SendWindow::Tracked, this))
    {
        connect(m_spdy, &spdy::Session::streamOpened, this, &PortForwardRelay::onStreamOpened);
        connect(m_spdy, &spdy::Session::dataReceived, this, &PortForwardRelay::onData);
        connect(m_spdy, &spdy::Session::remoteFinished, this, &PortForwardRelay::onRemoteFinished);
        connect(m_spdy, &spdy::Session::streamReset, this, &PortForwardRelay::onReset);
        connect(m_spdy, &spdy::Session::goneAway, this, [this] { m_spdy->goAway(); });
        connect(m_spdy, &spdy::Session::closed, this, &PortForwardRelay::onClosed);
    }

private:
    struct Pair {
        quint32 errorStream = 0;
        quint32 dataStream = 0;
        int port = 0;
        QPointer<QWebSocket> upstream;
        QByteArray toUpstream;  // kubectl's bytes before the WebSocket is open
        bool upstreamOpen = false;
        bool firstMessage[2] = {true, true};
        bool done = false;
    };

    QString requestKey(const spdy::Headers &h, quint32 streamId) const
    {
        // kubectl sends requestid; a client that does not pairs by order.
        const QByteArray id = spdy::headerValue(h, "requestid");
        return id.isEmpty() ? QStringLiteral("stream-%1").arg((streamId - 1) / 4) : QString::fromLatin1(id);
    }

    void onStreamOpened(quint32 id, const spdy::Headers &h)
    {
        const QByteArray type = spdy::headerValue(h, "streamtype");
        const QString key = requestKey(h, id);
        m_spdy->reply(id);
        if (type != "error" && type != "data") {
            // The kubelet logs and drops such a stream; there is no pair to report it on.
            qWarning("port-forward: invalid stream type \"%s\"", type.constData());
            m_spdy->reset(id, spdy::ProtocolError);
            return;
        }
        Pair &pair = m_pairs[key];
        m_keyOf.insert(id, key);
        (type == "error" ? pair.errorStream : pair.dataStream) = id;
        if (pair.done) {  // its partner already failed
            m_spdy->finish(id);
            return;
        }
        bool ok = false;
        const uint port = spdy::headerValue(h, "port").toUInt(&ok);
        if (!ok || port > 65535) {
            fail(key, QStringLiteral("unable to parse \"%1\" as a port: invalid syntax").arg(QString::fromLatin1(spdy::headerValue(h, "port"))));
            return;
        }
        if (port < 1) {
            fail(key, QStringLiteral("port \"%1\" must be > 0").arg(port));
            return;
        }
        pair.port = int(port);
        if (pair.errorStream && pair.dataStream)
            startUpstream(key);
    }

    // The pair's error text, as kubectl prints it after
    // "an error occurred forwarding L -> R: ".
    void fail(const QString &key, const QString &message)
    {
        Pair &pair = m_pairs[key];
        if (pair.errorStream)
            m_spdy->write(pair.errorStream, message.toUtf8());
        end(key);
    }

    void end(const QString &key)
    {
        auto it = m_pairs.find(key);
        if (it == m_pairs.end() || it->done)
            return;
        it->done = true;
        if (it->dataStream)
            m_spdy->finish(it->dataStream);
        if (it->errorStream)
            m_spdy->finish(it->errorStream);
        if (QWebSocket *ws = it->upstream) {
            ws->disconnect(this);
            ws->abort();
            ws->deleteLater();
        }
    }

    void forget(const QString &key)
    {
        auto it = m_pairs.find(key);
        if (it == m_pairs.end())
            return;
        if (!it->done)
            end(key);
        m_keyOf.remove(it->errorStream);
        m_keyOf.remove(it->dataStream);
        m_pairs.erase(it);
    }

    void startUpstream(const QString &key)
    {
        Pair &pair = m_pairs[key];
        const QString prefix = QStringLiteral("error forwarding port %1 to pod %2, uid %3: ")
                                   .arg(pair.port)
                                   .arg(m_request.podName, m_request.podUid);
        if (!m_request.nodeStreamUrl) {
            fail(key, prefix + QStringLiteral("node %1 has no container runtime to forward to").arg(m_request.nodeName));
            return;
        }
        NodeStreamRequest request;
        request.kind = NodeStreamRequest::PortForward;
        request.namespaceName = m_request.namespaceName;
        request.podName = m_request.podName;
        request.podUid = m_request.podUid;
        request.ports = {pair.port};
        const api::Result<QString> url = m_request.nodeStreamUrl(m_request.nodeName, request);
        if (!url) {
            fail(key, prefix + url.error().message);
            return;
        }
        QUrl wsUrl(*url);
        wsUrl.setScheme(wsUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        QUrlQuery query(wsUrl);
        query.addQueryItem(QStringLiteral("port"), QString::number(pair.port));
        wsUrl.setQuery(query);

        auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        pair.upstream = ws;
        connect(ws, &QWebSocket::connected, this, [this, key] {
            Pair &p = m_pairs[key];
            p.upstreamOpen = true;
            if (!p.toUpstream.isEmpty())
                sendUpstream(p, std::exchange(p.toUpstream, {}));
        });
        connect(ws, &QWebSocket::binaryMessageReceived, this, [this, key](const QByteArray &m) { onUpstream(key, m); });
        connect(ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this, key, ws, prefix] {
            if (!m_pairs.value(key).upstreamOpen)
                fail(key, prefix + ws->errorString());
        });
        connect(ws, &QWebSocket::disconnected, this, [this, key] { end(key); });
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({QStringLiteral("v4.channel.k8s.io")});
        ws->open(QNetworkRequest(wsUrl), options);
    }

    void sendUpstream(Pair &pair, const QByteArray &bytes)
    {
        QByteArray message;
        message.reserve(bytes.size() + 1);
        message.append('\0').append(bytes);  // channel 0: data
        pair.upstream->sendBinaryMessage(message);
    }

    void onUpstream(const QString &key, const QByteArray &message)
    {
        Pair &pair = m_pairs[key];
        if (message.isEmpty() || pair.done)
            return;
        const int channel = quint8(message[0]);
        if (channel > 1)
            return;
        QByteArray payload = message.mid(1);
        if (pair.firstMessage[channel]) {
            pair.firstMessage[channel] = false;
            payload.remove(0, 2);  // the port, little-endian
        }
        if (!payload.isEmpty())
            m_spdy->write(channel == 0 ? pair.dataStream : pair.errorStream, payload);
    }

    void onData(quint32 id, const QByteArray &bytes)
    {
        const QString key = m_keyOf.value(id);
        auto it = m_pairs.find(key);
        if (it == m_pairs.end() || it->done || id != it->dataStream)
            return;  // the error stream carries nothing from the client
        if (it->upstreamOpen)
            sendUpstream(*it, bytes);
        else
            it->toUpstream.append(bytes);
    }

    void onRemoteFinished(quint32 id)
    {
        const QString key = m_keyOf.value(id);
        auto it = m_pairs.find(key);
        if (it == m_pairs.end() || id != it->dataStream || it->done)
            return;
        QTimer::singleShot(kHalfCloseGraceMs, this, [this, key] { end(key); });
    }

    void onReset(quint32 id, quint32)
    {
        // kubectl resets the data stream once the connection is over.
        const QString key = m_keyOf.value(id);
        auto it = m_pairs.find(key);
        if (it != m_pairs.end() && id == it->dataStream)
            forget(key);
    }

    void onClosed()
    {
        for (const QString &key : m_pairs.keys())
            forget(key);
        deleteLater();
    }

    const PortForwardSession m_request;
    spdy::Session *m_spdy;
    QHash<QString, Pair> m_pairs;
    QHash<quint32, QString> m_keyOf;
};

}  // namespace

void servePortForward(const PortForwardSession &session)
{
    if (!session.transport)
        return;
    new PortForwardRelay(session);
}

}  // namespace timoneiro::apiserver
