#include "spdy_session.h"

#include <QLoggingCategory>

namespace timoneiro::apiserver::spdy {

Q_LOGGING_CATEGORY(lcSpdy, "timoneiro.apiserver.spdy", QtWarningMsg)

namespace {

// Our DATA frames stay this small so one stream cannot hold the socket
// (and a WebSocket message) for long.
constexpr qsizetype kMaxDataFrame = 16 * 1024;

// WINDOW_UPDATE once this much has been consumed, not per frame.
constexpr quint32 kWindowUpdateThreshold = kInitialWindowSize / 2;

}  // namespace

Session::Session(ByteTransport *transport, SendWindow mode, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_mode(mode)
{
    connect(transport, &ByteTransport::received, this, &Session::onReceived);
    connect(transport, &ByteTransport::closed, this, &Session::onTransportClosed);
}

qint64 Session::sendWindow(quint32 streamId) const
{
    auto it = m_streams.constFind(streamId);
    return it == m_streams.cend() ? 0 : it->sendWindow;
}

void Session::send(const Frame &frame)
{
    if (!m_closed && m_transport)
        m_transport->write(encodeFrame(frame));
}

void Session::reply(quint32 streamId, const Headers &headers, bool fin)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || it->replied)
        return;
    it->replied = true;
    Frame f;
    f.type = FrameType::SynReply;
    f.streamId = streamId;
    f.flags = fin ? kFlagFin : 0;
    // Compressed even when empty: the peer's zlib stream must see every block.
    f.headerBlock = m_compressor.compress(headers);
    send(f);
    if (fin) {
        it->localFin = true;
        removeIfDone(streamId);
    }
}

void Session::write(quint32 streamId, const QByteArray &data)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || it->finQueued || data.isEmpty())
        return;
    it->pending.append(data);
    flush(streamId);
}

void Session::finish(quint32 streamId)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || it->finQueued)
        return;
    it->finQueued = true;
    flush(streamId);
}

void Session::flush(quint32 streamId)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || it->localFin)
        return;
    while (!it->pending.isEmpty()) {
        qint64 room = kMaxDataFrame;
        if (m_mode == SendWindow::Enforced)
            room = std::min({room, it->sendWindow, m_sessionSendWindow});
        if (room <= 0)
            return;  // WINDOW_UPDATE will call flush again
        Frame f;
        f.streamId = streamId;
        f.data = it->pending.left(room);
        it->pending.remove(0, f.data.size());
        it->sendWindow -= f.data.size();
        m_sessionSendWindow -= f.data.size();
        if (it->pending.isEmpty() && it->finQueued) {
            f.flags = kFlagFin;
            it->localFin = true;
        }
        send(f);
        // A transport may report its end from inside write(): look again.
        it = m_streams.find(streamId);
        if (it == m_streams.end())
            return;
    }
    if (it->finQueued && !it->localFin) {
        Frame f;
        f.streamId = streamId;
        f.flags = kFlagFin;
        it->localFin = true;
        send(f);
    }
    removeIfDone(streamId);
}

void Session::reset(quint32 streamId, RstStatus status)
{
    Frame f;
    f.type = FrameType::RstStream;
    f.streamId = streamId;
    f.status = status;
    send(f);
    m_streams.remove(streamId);
}

void Session::goAway(GoAwayStatus status)
{
    if (m_closed)
        return;
    if (!m_goneAway) {
        m_goneAway = true;
        Frame f;
        f.type = FrameType::GoAway;
        f.lastGoodStreamId = m_lastClientStreamId;
        f.status = status;
        send(f);
    }
    if (m_transport)
        m_transport->close();
    onTransportClosed();
}

void Session::removeIfDone(quint32 streamId)
{
    auto it = m_streams.find(streamId);
    if (it != m_streams.end() && it->localFin && it->remoteFin)
        m_streams.erase(it);
}

void Session::fail(const QString &why)
{
    qCWarning(lcSpdy) << "SPDY session ends:" << why;
    goAway(GoAwayProtocolError);
}

void Session::onTransportClosed()
{
    if (m_closed)
        return;
    m_closed = true;
    m_streams.clear();
    emit closed();
}

void Session::onReceived(const QByteArray &bytes)
{
    m_reader.append(bytes);
    Frame frame;
    QString error;
    while (!m_closed) {
        const FrameReader::Status status = m_reader.next(&frame, &error);
        if (status == FrameReader::NeedMore)
            return;
        if (status == FrameReader::Error) {
            fail(error);
            return;
        }
        handle(frame);
    }
}

void Session::handle(const Frame &f)
{
    switch (f.type) {
    case FrameType::Data: onData(f); return;
    case FrameType::SynStream: onSynStream(f); return;
    case FrameType::RstStream:
        if (m_streams.remove(f.streamId))
            emit streamReset(f.streamId, f.status);
        return;
    case FrameType::Settings:
        for (const Setting &s : f.settings) {
            if (s.id != kSettingsInitialWindowSize)
                continue;
            // A new initial window shifts every open stream's window by the difference.
            const qint64 delta = qint64(s.value) - m_initialSendWindow;
            m_initialSendWindow = s.value;
            for (Stream &stream : m_streams)
                stream.sendWindow += delta;
        }
        for (quint32 id : m_streams.keys())
            flush(id);
        return;
    case FrameType::Ping:
        // Odd ids are the client's: echo them. Even ones would answer our
        // own pings, and we send none.
        if (f.pingId & 1)
            send(f);
        return;
    case FrameType::GoAway:
        m_goneAway = true;
        emit goneAway(f.lastGoodStreamId);
        return;
    case FrameType::WindowUpdate:
        if (f.streamId == 0) {
            m_sessionSendWindow += f.deltaWindowSize;
            for (quint32 id : m_streams.keys())
                flush(id);
        } else if (auto it = m_streams.find(f.streamId); it != m_streams.end()) {
            it->sendWindow += f.deltaWindowSize;
            flush(f.streamId);
        }
        return;
    case FrameType::SynReply:
    case FrameType::Headers:
        // Still decompressed: skipping a block would desynchronise the zlib stream.
        if (QString error; !m_decompressor.decompress(f.headerBlock, &error))
            fail(error);
        return;
    }
    // Unknown control frames are ignored, as the spec says.
}

void Session::onSynStream(const Frame &f)
{
    QString error;
    const std::optional<Headers> headers = m_decompressor.decompress(f.headerBlock, &error);
    if (!headers) {
        fail(error);
        return;
    }
    // Client streams are odd and increasing; anything else is refused
    // without disturbing the rest of the session.
    if (f.streamId == 0 || !(f.streamId & 1) || f.streamId <= m_lastClientStreamId) {
        Frame rst;
        rst.type = FrameType::RstStream;
        rst.streamId = f.streamId;
        rst.status = ProtocolError;
        send(rst);
        return;
    }
    m_lastClientStreamId = f.streamId;
    if (m_goneAway) {
        Frame rst;
        rst.type = FrameType::RstStream;
        rst.streamId = f.streamId;
        rst.status = RefusedStream;
        send(rst);
        return;
    }
    Stream stream;
    stream.sendWindow = m_initialSendWindow;
    stream.remoteFin = f.fin() || (f.flags & kFlagUnidirectional);
    stream.localFin = bool(f.flags & kFlagUnidirectional);
    m_streams.insert(f.streamId, stream);
    emit streamOpened(f.streamId, *headers);
    if (f.fin() && m_streams.contains(f.streamId))
        emit remoteFinished(f.streamId);
}

void Session::onData(const Frame &f)
{
    auto it = m_streams.find(f.streamId);
    if (it == m_streams.end() || it->remoteFin) {
        // Data after our RST or after the peer's FIN: tell it, once per frame.
        Frame rst;
        rst.type = FrameType::RstStream;
        rst.streamId = f.streamId;
        rst.status = it == m_streams.end() ? InvalidStream : StreamAlreadyClosed;
        send(rst);
        return;
    }
    const quint32 n = quint32(f.data.size());
    if (f.fin())
        it->remoteFin = true;
    it->unacknowledged += n;
    m_sessionUnacknowledged += n;
    if (n > 0)
        emit dataReceived(f.streamId, f.data);

    // Give the window back as we consume (the handlers above have taken the bytes).
    it = m_streams.find(f.streamId);
    if (it != m_streams.end() && !it->remoteFin && it->unacknowledged >= kWindowUpdateThreshold) {
        Frame w;
        w.type = FrameType::WindowUpdate;
        w.streamId = f.streamId;
        w.deltaWindowSize = it->unacknowledged;
        it->unacknowledged = 0;
        send(w);
    }
    if (m_sessionUnacknowledged >= kWindowUpdateThreshold) {
        Frame w;
        w.type = FrameType::WindowUpdate;
        w.streamId = 0;
        w.deltaWindowSize = m_sessionUnacknowledged;
        m_sessionUnacknowledged = 0;
        send(w);
    }
    if (f.fin() && m_streams.contains(f.streamId)) {
        emit remoteFinished(f.streamId);
        removeIfDone(f.streamId);
    }
}

}  // namespace timoneiro::apiserver::spdy
