#pragma once
// pods/exec and pods/attach after the upgrade: the client's channel
// messages (v5.channel.k8s.io: 0 stdin, 1 stdout, 2 stderr, 3 status,
// 4 resize, 255 close) relayed to the runtime's streaming server over
// SPDY/3.1 (v4.channel.k8s.io, whose stdin stream can end, which the
// runtime's v4 WebSocket cannot say), and the runtime's Status at the end.
#include "node_streaming.h"

#include <QUrl>

namespace timoneiro::apiserver {

struct ExecSession {
    ByteTransport *client = nullptr;  // binary messages, the first byte the channel
    QUrl runtimeUrl;                  // from the node's CRI Exec/Attach
    bool stdinOpen = false;
    bool stdoutOpen = true;
    bool stderrOpen = true;
    bool tty = false;
};

// Returns at once; the session lives on the client transport's thread and
// ends with a status message and a close.
void serveExec(const ExecSession &session);

}  // namespace timoneiro::apiserver
