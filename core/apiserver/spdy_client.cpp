#include "spdy_client.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSpdy, "timoneiro.apiserver.spdy", QtInfoMsg)

namespace timoneiro::apiserver {

namespace {

QByteArray controlFrame(spdy::FrameType type, quint32 stream)
{
    spdy::Frame f;
    f.type = type;
    f.streamId = stream;
    return spdy::encodeFrame(f);
}

}  // namespace

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
    reader_.append(buffer_.mid(end + 4));
    buffer_.clear();
    emit upgraded();
    readFrames();
}

quint32 SpdyClient::openStream(const spdy::Headers &headers)
{
    spdy::Frame f;
    f.type = spdy::FrameType::SynStream;
    f.streamId = nextStream_;
    f.headerBlock = compressor_.compress(headers);
    nextStream_ += 2;
    if (socket_)
        socket_->write(spdy::encodeFrame(f));
    return f.streamId;
}

void SpdyClient::write(quint32 stream, const QByteArray &data, bool fin)
{
    if (!socket_)
        return;
    spdy::Frame f;
    f.streamId = stream;
    for (qsizetype at = 0; at < data.size() || (at == 0 && fin); at += 0xFFFF) {
        f.data = data.mid(at, 0xFFFF);
        f.flags = fin && at + 0xFFFF >= data.size() ? spdy::kFlagFin : 0;
        socket_->write(spdy::encodeFrame(f));
    }
}

void SpdyClient::close()
{
    if (!socket_)
        return;
    socket_->write(controlFrame(spdy::FrameType::GoAway, 0));
    socket_->disconnectFromHost();
}

void SpdyClient::readFrames()
{
    if (!socket_)
        return;
    reader_.append(socket_->readAll());
    spdy::Frame f;
    QString error;
    for (;;) {
        const auto status = reader_.next(&f, &error);
        if (status == spdy::FrameReader::NeedMore)
            return;
        if (status == spdy::FrameReader::Error) {
            qCWarning(lcSpdy).noquote() << "the streaming server's SPDY:" << error;
            socket_->abort();
            return;
        }
        handle(f);
        if (!socket_)
            return;
    }
}

void SpdyClient::handle(const spdy::Frame &f)
{
    switch (f.type) {
    case spdy::FrameType::Data:
        if (!f.data.isEmpty())
            emit data(f.streamId, f.data);
        if (f.fin())
            emit streamFinished(f.streamId);
        break;
    case spdy::FrameType::SynReply:
    case spdy::FrameType::Headers:
        if (f.fin())
            emit streamFinished(f.streamId);
        break;
    case spdy::FrameType::RstStream:
        emit streamFinished(f.streamId);
        break;
    case spdy::FrameType::Ping:
        socket_->write(spdy::encodeFrame(f));  // the server's ping, echoed
        break;
    case spdy::FrameType::SynStream: {
        // The server never opens streams in these protocols.
        spdy::Frame rst;
        rst.type = spdy::FrameType::RstStream;
        rst.streamId = f.streamId;
        rst.status = spdy::RefusedStream;
        socket_->write(spdy::encodeFrame(rst));
        break;
    }
    default:  // SETTINGS, GOAWAY (the close follows), WINDOW_UPDATE
        break;
    }
}

}  // namespace timoneiro::apiserver
