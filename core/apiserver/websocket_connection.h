#pragma once
// RFC 6455 on a socket the HTTP transport handed over: the server's half of
// the opening handshake, and binary messages both ways as a ByteTransport
// (ping answered, fragments joined, close answered). The streaming
// subresources speak their channel protocols on top.
#include "node_streaming.h"

#include <QByteArray>
#include <QPointer>
#include <QTcpSocket>

#include <optional>

namespace timoneiro::apiserver {

namespace websocket {

enum Opcode : quint8 { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
QByteArray acceptKey(const QByteArray &clientKey);

// One frame on the wire; a client masks with maskKey (4 bytes), a server sends it unmasked.
QByteArray encodeFrame(quint8 opcode, const QByteArray &payload, bool fin = true,
                       const QByteArray &maskKey = QByteArray());

struct Frame {
    bool fin = true;
    quint8 opcode = Binary;
    QByteArray payload;  // unmasked
};

// Frames from a byte stream that arrives in pieces.
class FrameReader {
public:
    explicit FrameReader(qint64 maxPayload = 16 * 1024 * 1024) : maxPayload_(maxPayload) {}
    void feed(const QByteArray &bytes) { buffer_ += bytes; }
    // The next complete frame, if any; *error is set for a frame over the
    // limit or a reserved bit set (the connection must then close, 1002/1009).
    std::optional<Frame> next(QString *error);

private:
    QByteArray buffer_;
    qint64 maxPayload_;
};

}  // namespace websocket

// The 101 answer to a client's upgrade (its Sec-WebSocket-Key, the chosen subprotocol).
QByteArray webSocketHandshakeResponse(const QByteArray &clientKey, const QByteArray &protocol);

class WebSocketConnection final : public ByteTransport {
    Q_OBJECT
public:
    // Becomes the socket's only reader; the socket's remaining bytes are frames.
    // Parented to the socket: it goes when the socket does.
    explicit WebSocketConnection(QTcpSocket *socket);

    // One binary message.
    void write(const QByteArray &bytes) override;
    // A close frame (1000), then the socket's end once the client answers or after a short wait.
    void close() override;

private:
    void readFrames();
    void finish();
    void fail(quint16 code, const QString &why);

    QPointer<QTcpSocket> socket_;
    websocket::FrameReader reader_;
    QByteArray message_;       // fragments of the message being received
    bool fragmented_ = false;
    bool closeSent_ = false;
    bool finished_ = false;
};

}  // namespace timoneiro::apiserver
