#pragma once
// The server side of one SPDY/3.1 session over a ByteTransport: the client
// opens streams (odd ids), we answer SYN_REPLY, exchange DATA with FIN, and
// keep both flow-control levels (per stream and, new in 3.1, per session).
// Lives on the transport's thread; everything is driven by its signals.
#include "node_streaming.h"
#include "spdy_frame.h"
#include "spdy_header_block.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace timoneiro::apiserver::spdy {

class Session : public QObject {
    Q_OBJECT
public:
    // kubectl's SPDY library (moby/spdystream) neither sends WINDOW_UPDATE
    // nor honours ours, so holding data back for a window it never opens
    // would stall every forward after 64 KiB. Tracked counts the windows
    // (and still sends WINDOW_UPDATE as we consume) but never waits.
    enum class SendWindow { Enforced, Tracked };

    explicit Session(ByteTransport *transport, SendWindow mode = SendWindow::Enforced, QObject *parent = nullptr);

    void reply(quint32 streamId, const Headers &headers = {}, bool fin = false);
    // Queued behind the stream's and the session's send windows (Enforced).
    void write(quint32 streamId, const QByteArray &data);
    // DATA with FIN once what is queued has gone.
    void finish(quint32 streamId);
    void reset(quint32 streamId, RstStatus status);
    // GOAWAY, then the transport is closed.
    void goAway(GoAwayStatus status = GoAwayOk);

    bool isOpen(quint32 streamId) const { return m_streams.contains(streamId); }
    qint64 sendWindow(quint32 streamId) const;
    qint64 sessionSendWindow() const { return m_sessionSendWindow; }
    bool isClosed() const { return m_closed; }

signals:
    void streamOpened(quint32 streamId, const timoneiro::apiserver::spdy::Headers &headers);
    void dataReceived(quint32 streamId, const QByteArray &data);
    void remoteFinished(quint32 streamId);
    void streamReset(quint32 streamId, quint32 status);
    void goneAway(quint32 lastGoodStreamId);
    // The transport has closed (peer went, goAway(), or a protocol error).
    void closed();

private:
    struct Stream {
        qint64 sendWindow = kInitialWindowSize;
        quint32 unacknowledged = 0;  // received, consumed, not yet given back by WINDOW_UPDATE
        QByteArray pending;
        bool finQueued = false;
        bool localFin = false;
        bool remoteFin = false;
        bool replied = false;
    };

    void onReceived(const QByteArray &bytes);
    void handle(const Frame &frame);
    void onSynStream(const Frame &frame);
    void onData(const Frame &frame);
    void flush(quint32 streamId);
    void send(const Frame &frame);
    void removeIfDone(quint32 streamId);
    void fail(const QString &why);
    void onTransportClosed();

    QPointer<ByteTransport> m_transport;
    SendWindow m_mode;
    FrameReader m_reader;
    HeaderCompressor m_compressor;
    HeaderDecompressor m_decompressor;
    QHash<quint32, Stream> m_streams;
    quint32 m_lastClientStreamId = 0;
    qint64 m_initialSendWindow = kInitialWindowSize;
    qint64 m_sessionSendWindow = kInitialWindowSize;
    quint32 m_sessionUnacknowledged = 0;
    bool m_goneAway = false;
    bool m_closed = false;
};

}  // namespace timoneiro::apiserver::spdy
