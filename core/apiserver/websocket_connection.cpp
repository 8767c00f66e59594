#include "websocket_connection.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QTimer>
#include <QtEndian>

Q_LOGGING_CATEGORY(lcWebSocket, "timoneiro.apiserver.websocket", QtInfoMsg)

namespace timoneiro::apiserver {

namespace websocket {

QByteArray acceptKey(const QByteArray &clientKey)
{
    return QCryptographicHash::hash(clientKey.trimmed() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

QByteArray encodeFrame(quint8 opcode, const QByteArray &payload, bool fin, const QByteArray &maskKey)
{
    QByteArray out;
    out.reserve(payload.size() + 14);
    out.append(char((fin ? 0x80 : 0x00) | (opcode & 0x0F)));
    const quint8 masked = maskKey.size() == 4 ? 0x80 : 0x00;
    const qint64 n = payload.size();
    if (n < 126) {
        out.append(char(masked | n));
    } else if (n <= 0xFFFF) {
        out.append(char(masked | 126));
        char len[2];
        qToBigEndian(quint16(n), len);
        out.append(len, 2);
    } else {
        out.append(char(masked | 127));
        char len[8];
        qToBigEndian(quint64(n), len);
        out.append(len, 8);
    }
    if (!masked)
        return out + payload;
    out.append(maskKey);
    const qsizetype at = out.size();
    out.append(payload);
    for (qsizetype i = 0; i < n; ++i)
        out[at + i] = char(out[at + i] ^ maskKey[i % 4]);
    return out;
}

std::optional<Frame> FrameReader::next(QString *error)
{
    if (buffer_.size() < 2)
        return std::nullopt;
    const auto *b = reinterpret_cast<const uchar *>(buffer_.constData());
    if (b[0] & 0x70) {
        *error = QStringLiteral("reserved bits set (no extension was negotiated)");
        return std::nullopt;
    }
    Frame f;
    f.fin = b[0] & 0x80;
    f.opcode = b[0] & 0x0F;
    const bool masked = b[1] & 0x80;
    quint64 n = b[1] & 0x7F;
    qsizetype at = 2;
    if (n == 126) {
        if (buffer_.size() < 4)
            return std::nullopt;
        n = qFromBigEndian<quint16>(b + 2);
        at = 4;
    } else if (n == 127) {
        if (buffer_.size() < 10)
            return std::nullopt;
        n = qFromBigEndian<quint64>(b + 2);
        at = 10;
    }
    if (n > quint64(maxPayload_)) {
        *error = QStringLiteral("a frame of %1 bytes is over the limit of %2").arg(n).arg(maxPayload_);
        return std::nullopt;
    }
    const qsizetype maskAt = at;
    if (masked)
        at += 4;
    if (quint64(buffer_.size()) < at + n)
        return std::nullopt;
    f.payload = buffer_.mid(at, qsizetype(n));
    if (masked)
        for (qsizetype i = 0; i < f.payload.size(); ++i)
            f.payload[i] = char(f.payload[i] ^ buffer_[maskAt + i % 4]);
    buffer_.remove(0, at + qsizetype(n));
    return f;
}

}  // namespace websocket

QByteArray webSocketHandshakeResponse(const QByteArray &clientKey, const QByteArray &protocol)
{
    QByteArray r = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Accept: "
                   + websocket::acceptKey(clientKey) + "\r\n";
    if (!protocol.isEmpty())
        r += "Sec-WebSocket-Protocol: " + protocol + "\r\n";
    return r + "\r\n";
}

WebSocketConnection::WebSocketConnection(QTcpSocket *socket) : ByteTransport(socket), socket_(socket)
{
    connect(socket, &QIODevice::readyRead, this, &WebSocketConnection::readFrames);
    connect(socket, &QAbstractSocket::disconnected, this, &WebSocketConnection::finish);
    connect(socket, &QObject::destroyed, this, &WebSocketConnection::finish);
    // Bytes that came with the handshake.
    QMetaObject::invokeMethod(this, &WebSocketConnection::readFrames, Qt::QueuedConnection);
}

void WebSocketConnection::write(const QByteArray &bytes)
{
    if (socket_ && !closeSent_)
        socket_->write(websocket::encodeFrame(websocket::Binary, bytes));
}

void WebSocketConnection::close()
{
    if (!socket_ || closeSent_)
        return;
    closeSent_ = true;
    char code[2];
    qToBigEndian(quint16(1000), code);
    socket_->write(websocket::encodeFrame(websocket::Close, QByteArray(code, 2)));
    // The client answers with its close; never wait for it long.
    QTimer::singleShot(5000, socket_, [s = socket_] {
        if (s)
            s->disconnectFromHost();
    });
}

void WebSocketConnection::fail(quint16 code, const QString &why)
{
    qCDebug(lcWebSocket).noquote() << "closing a WebSocket:" << why;
    if (socket_ && !closeSent_) {
        closeSent_ = true;
        char c[2];
        qToBigEndian(code, c);
        socket_->write(websocket::encodeFrame(websocket::Close, QByteArray(c, 2)));
        socket_->disconnectFromHost();
    }
    finish();
}

void WebSocketConnection::readFrames()
{
    if (!socket_ || finished_)
        return;
    reader_.feed(socket_->readAll());
    QString error;
    while (auto frame = reader_.next(&error)) {
        switch (frame->opcode) {
        case websocket::Ping:
            if (!closeSent_)
                socket_->write(websocket::encodeFrame(websocket::Pong, frame->payload));
            break;
        case websocket::Pong:
            break;
        case websocket::Close:
            if (!closeSent_) {
                closeSent_ = true;
                socket_->write(websocket::encodeFrame(websocket::Close, frame->payload.left(2)));
            }
            socket_->disconnectFromHost();
            finish();
            return;
        case websocket::Text:
        case websocket::Binary:
            if (fragmented_)
                return fail(1002, QStringLiteral("a new message inside a fragmented one"));
            if (frame->fin) {
                emit received(frame->payload);
            } else {
                fragmented_ = true;
                message_ = frame->payload;
            }
            break;
        case websocket::Continuation:
            if (!fragmented_)
                return fail(1002, QStringLiteral("a continuation frame outside a message"));
            message_ += frame->payload;
            if (frame->fin) {
                fragmented_ = false;
                emit received(std::exchange(message_, QByteArray()));
            }
            break;
        default:
            return fail(1002, QStringLiteral("unknown opcode %1").arg(frame->opcode));
        }
        if (finished_)
            return;
    }
    if (!error.isEmpty())
        fail(1009, error);
}

void WebSocketConnection::finish()
{
    if (finished_)
        return;
    finished_ = true;
    emit closed();
}

}  // namespace timoneiro::apiserver
