#pragma once
// pods/portforward after the upgrade: the API server's stream dispatcher
// (stream_upgrade.cpp) has authenticated and authorized the request
// (verb create on pods/portforward), checked that the pod exists, is
// Running and has a node, and answered the upgrade (101). What is left is
// the SPDY/3.1 session with the client and the relay to the node's runtime.
#include "node_streaming.h"

#include <QList>
#include <QString>

namespace timoneiro::apiserver {

struct PortForwardSession {
    // The client's bytes, already upgraded. websocket: each binary message's
    // payload as it came (SPDY/3.1 frames split anywhere, no channel byte;
    // subprotocol "SPDY/3.1+portforward.k8s.io"), and write() sends one binary
    // message. Otherwise the raw socket after "Upgrade: SPDY/3.1" (answered
    // with X-Stream-Protocol-Version: portforward.k8s.io).
    // The transport emits closed() once when the client goes (or after
    // close()) and deletes itself later, on its own thread's event loop:
    // parent the session's objects to it, or watch closed().
    ByteTransport *transport = nullptr;
    bool websocket = true;

    QString namespaceName;
    QString podName;
    QString podUid;
    QString nodeName;
    // The ports named in the URL (?ports=80,443), usually none: kubectl
    // names the port in each stream's "port" header.
    QList<int> ports;

    // Config::nodeStreamUrl: ask it with a NodeStreamRequest{kind=PortForward,
    // namespace, pod, uid, ports} for the runtime's streaming URL. Unset when
    // the cluster has no streaming nodes.
    NodeStreamUrl nodeStreamUrl;
};

// Runs the session to its end without blocking: called on the transport's
// thread, returns at once; the session lives on that thread's event loop.
// Defined in pod_portforward.cpp.
void servePortForward(const PortForwardSession &session);

}  // namespace timoneiro::apiserver
