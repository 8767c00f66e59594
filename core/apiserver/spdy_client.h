#pragma once
// The client half of SPDY/3.1 as Kubernetes' streaming protocols use it
// (remotecommand, portforward): an HTTP upgrade on a plain connection to a
// runtime's streaming server, then streams opened by the client, each named
// by its headers, carrying DATA both ways with FIN as each side's end.
// Header blocks go through spdy_header_block.h's compressor (one zlib
// stream for the connection, SPDY/3's dictionary, a sync flush per block);
// the server's header blocks are skipped, nothing here needs them.
#include "spdy_frame.h"
#include "spdy_header_block.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

namespace timoneiro::apiserver {


class SpdyClient final : public QObject {
    Q_OBJECT
public:
    explicit SpdyClient(QObject *parent = nullptr);
    ~SpdyClient() override;

    // POST url with Upgrade: SPDY/3.1 and one X-Stream-Protocol-Version per
    // protocol (most preferred first). Then upgraded() or failed().
    void open(const QUrl &url, const QList<QByteArray> &protocols);
    // The protocol the server chose.
    QByteArray protocol() const { return protocol_; }

    // After upgraded(): a new stream (SYN_STREAM) with these headers; its id.
    quint32 openStream(const spdy::Headers &headers);
    void write(quint32 stream, const QByteArray &data, bool fin = false);
    void close();

signals:
    void upgraded();
    // The connection or the upgrade failed: the HTTP status (0 when no answer came) and body.
    void failed(int httpStatus, const QByteArray &body);
    void data(quint32 stream, const QByteArray &bytes);
    // The server's side of a stream ended (FIN or RST_STREAM).
    void streamFinished(quint32 stream);
    // The connection is gone (after upgraded()).
    void closed();

private:
    void readUpgrade();
    void readFrames();
    void handle(const spdy::Frame &frame);

    QPointer<QTcpSocket> socket_;
    QByteArray buffer_;  // the upgrade's answer
    spdy::FrameReader reader_;
    QByteArray protocol_;
    bool upgraded_ = false;
    bool ended_ = false;
    spdy::HeaderCompressor compressor_;
    quint32 nextStream_ = 1;
};

}  // namespace timoneiro::apiserver
