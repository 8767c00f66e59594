#include "spdy_client.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QtEndian>

Q_LOGGING_CATEGORY(lcSpdy, "timoneiro.apiserver.spdy", QtInfoMsg)

namespace timoneiro::apiserver {

namespace {

constexpr quint16 kVersion = 3;
enum ControlType : quint16 { SynStream = 1, SynReply = 2, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, Headers = 8, WindowUpdate = 9 };
constexpr quint8 kFin = 0x01;

void appendU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

QByteArray controlFrame(quint16 type, quint8 flags, const QByteArray &payload)
{
    QByteArray out;
    char head[4];
    qToBigEndian(quint16(0x8000 | kVersion), head);
    qToBigEndian(type, head + 2);
    out.append(head, 4);
    appendU32(out, (quint32(flags) << 24) | quint32(payload.size()));
    return out + payload;
}

constexpr int kMaxFrame = 16 * 1024 * 1024;

}  // namespace

namespace spdy {

QByteArray dataFrame(quint32 stream, const QByteArray &data, bool fin)
{
    QByteArray out;
    appendU32(out, stream & 0x7FFFFFFF);
    appendU32(out, (quint32(fin ? kFin : 0) << 24) | quint32(data.size()));
    return out + data;
}

}  // namespace spdy

SpdyClient::SpdyClient(QObject *parent) : QObject(parent) {}

SpdyClient::~SpdyClient()
{
    if (socket_)
        socket_->abort();
}

void SpdyClient::open(const QUrl &url, const QList<QByteArray> &protocols)
{
    auto *socket = new QTcpSocket(this);
    socket_ = socket;
    connect(socket, &QTcpSocket::connected, this, [this, socket, url, protocols] {
        QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
        if (url.hasQuery())
            path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
        QByteArray req = "POST " + path + " HTTP/1.1\r\nHost: " + url.authority().toUtf8()
                         + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nContent-Length: 0\r\n";
        for (const QByteArray &p : protocols)
            req += "X-Stream-Protocol-Version: " + p + "\r\n";
        socket->write(req + "\r\n");
    });
    connect(socket, &QIODevice::readyRead, this, [this] { upgraded_ ? readFrames() : readUpgrade(); });
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        if (ended_)
            return;
        ended_ = true;
        if (upgraded_) {
            emit closed();
        } else {
            // A refusal's body ends with the connection when it had no length.
            const int end = buffer_.indexOf("\r\n\r\n");
            const int status = buffer_.startsWith("HTTP/") ? buffer_.mid(9, 3).toInt() : 0;
            emit failed(status, end < 0 ? QByteArray() : buffer_.mid(end + 4));
        }
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError || ended_)
            return;
        if (upgraded_) {
            ended_ = true;
            emit closed();
            return;
        }
        ended_ = true;
        qCDebug(lcSpdy).noquote() << "cannot reach the streaming server:" << socket->errorString();
        emit failed(0, socket->errorString().toUtf8());
    });
    socket->connectToHost(url.host(), quint16(url.port(80)));
}

void SpdyClient::readUpgrade()
{
    buffer_ += socket_->readAll();
    const int end = buffer_.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer_.left(end).split('\n');
    const int status = lines.first().mid(9, 3).toInt();
    qint64 length = -1;
    for (const QByteArray &line : lines.mid(1)) {
        const int colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "x-stream-protocol-version")
            protocol_ = value;
        else if (name == "content-length")
            length = value.toLongLong();
    }
    if (status != 101) {
        const QByteArray body = buffer_.mid(end + 4);
        if (length >= 0 && body.size() >= length) {
            ended_ = true;
            emit failed(status, body.left(length));
            socket_->abort();
        }
        return;  // else the body ends with the connection
    }
    upgraded_ = true;
    buffer_.remove(0, end + 4);
    emit upgraded();
    if (!buffer_.isEmpty())
        readFrames();
}

quint32 SpdyClient::openStream(const spdy::Headers &headers)
{
    const quint32 id = nextStream_;
    nextStream_ += 2;
    QByteArray payload;
    appendU32(payload, id);
    appendU32(payload, 0);       // no associated stream
    payload += char(0) + QByteArray(1, 0);  // priority, slot
    payload += compressor_.compress(headers);
    if (socket_)
        socket_->write(controlFrame(SynStream, 0, payload));
    return id;
}

void SpdyClient::write(quint32 stream, const QByteArray &data, bool fin)
{
    if (!socket_)
        return;
    for (qsizetype at = 0; at < data.size(); at += 0xFFFF)
        socket_->write(spdy::dataFrame(stream, data.mid(at, 0xFFFF), fin && at + 0xFFFF >= data.size()));
    if (data.isEmpty() && fin)
        socket_->write(spdy::dataFrame(stream, {}, true));
}

void SpdyClient::close()
{
    if (!socket_)
        return;
    QByteArray payload;
    appendU32(payload, 0);
    appendU32(payload, 0);  // OK
    socket_->write(controlFrame(GoAway, 0, payload));
    socket_->disconnectFromHost();
}

void SpdyClient::readFrames()
{
    if (!socket_)
        return;
    buffer_ += socket_->readAll();
    while (buffer_.size() >= 8) {
        const auto *b = reinterpret_cast<const uchar *>(buffer_.constData());
        const quint8 flags = b[4];
        const quint32 length = qFromBigEndian<quint32>(b + 4) & 0x00FFFFFF;
        if (length > kMaxFrame) {
            qCWarning(lcSpdy) << "a SPDY frame of" << length << "bytes; closing";
            socket_->abort();
            return;
        }
        if (quint32(buffer_.size()) < 8 + length)
            return;
        const QByteArray payload = buffer_.mid(8, length);
        const bool control = b[0] & 0x80;
        const quint32 word = qFromBigEndian<quint32>(b);
        buffer_.remove(0, 8 + length);
        if (control) {
            handleControl(quint16(word & 0xFFFF), flags, payload);
        } else {
            const quint32 stream = word & 0x7FFFFFFF;
            if (!payload.isEmpty())
                emit data(stream, payload);
            if (flags & kFin)
                emit streamFinished(stream);
        }
        if (!socket_)
            return;
    }
}

void SpdyClient::handleControl(quint16 type, quint8 flags, const QByteArray &payload)
{
    const auto *p = reinterpret_cast<const uchar *>(payload.constData());
    switch (type) {
    case SynReply:
    case Headers:
        if (payload.size() >= 4 && (flags & kFin))
            emit streamFinished(qFromBigEndian<quint32>(p) & 0x7FFFFFFF);
        break;
    case RstStream:
        if (payload.size() >= 4)
            emit streamFinished(qFromBigEndian<quint32>(p) & 0x7FFFFFFF);
        break;
    case Ping:
        socket_->write(controlFrame(Ping, 0, payload));
        break;
    case SynStream: {
        // The server never opens streams in these protocols: refuse (REFUSED_STREAM).
        if (payload.size() < 4)
            break;
        QByteArray rst;
        appendU32(rst, qFromBigEndian<quint32>(p) & 0x7FFFFFFF);
        appendU32(rst, 3);
        socket_->write(controlFrame(RstStream, 0, rst));
        break;
    }
    case Settings:
    case GoAway:
    case WindowUpdate:
    default:
        break;
    }
}

}  // namespace timoneiro::apiserver
