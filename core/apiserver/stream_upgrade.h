#pragma once
// The streaming subresources' way in: what a client's upgrade request
// offers (a WebSocket with subprotocols, or SPDY/3.1 with stream protocol
// versions), and the byte pipes an accepted upgrade becomes. The dispatcher
// itself is ApiServer::Private::streamSubresource (stream_upgrade.cpp).
#include "node_streaming.h"

#include "api/request.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTcpSocket>

#include <optional>

namespace timoneiro::apiserver {

struct UpgradeOffer {
    bool websocket = false;       // else SPDY/3.1
    QByteArray key;               // Sec-WebSocket-Key
    QList<QByteArray> protocols;  // Sec-WebSocket-Protocol items, or each X-Stream-Protocol-Version
};

// Nothing when the request asks for no upgrade we speak.
std::optional<UpgradeOffer> upgradeOffer(const api::ApiRequest &request);

// The raw socket after an SPDY/3.1 upgrade, as a ByteTransport. Parented to the socket.
class RawSocketTransport final : public ByteTransport {
    Q_OBJECT
public:
    explicit RawSocketTransport(QTcpSocket *socket);
    void write(const QByteArray &bytes) override;
    void close() override;

private:
    QPointer<QTcpSocket> socket_;
    bool finished_ = false;
};

}  // namespace timoneiro::apiserver
