#pragma once
// What the streaming subresources (pods/exec, pods/attach, pods/portforward)
// share: the question the API server asks a node's kubelet (which URL on the
// runtime's streaming server serves this session, as CRI's Exec/Attach/
// PortForward answer it) and the byte pipe an upgraded client connection
// becomes (WebSocket binary messages, or the raw socket after an SPDY upgrade).
#include "api/node_stream_request.h"
#include "api/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace timoneiro::apiserver {

using api::NodeStreamRequest;

// Set in Config by whoever runs the nodes: node name + request -> the
// runtime's streaming URL ("http://127.0.0.1:<port>/exec/<token>"), or an
// ApiError (NotFound, ServiceUnavailable, ...) that the client sees as is.
using NodeStreamUrl = std::function<api::Result<QString>(const QString &node, const NodeStreamRequest &request)>;

// An upgraded client connection as a bidirectional stream of bytes.
class ByteTransport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void write(const QByteArray &bytes) = 0;
    virtual void close() = 0;

signals:
    void received(const QByteArray &bytes);
    void closed();
};

}  // namespace timoneiro::apiserver
