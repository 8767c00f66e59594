#pragma once
// The kubelet's part of exec, attach and port-forward: find the pod's
// running container (or ready sandbox) on this node and ask the runtime for
// a streaming URL (CRI Exec/Attach/PortForward). The API server's stream
// dispatcher then speaks to that URL itself; errors read as the kubelet's.
#include "api/result.h"
#include "cri/runtime_client.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::kubelet {

struct StreamingRequest {
    enum Kind { Exec, Attach, PortForward };
    Kind kind = Exec;
    QString podUid;
    QString container;    // exec, attach
    QStringList command;  // exec
    bool tty = false;
    bool stdinOpen = false;
    bool stdoutOpen = true;
    bool stderrOpen = true;  // dropped with tty: a terminal has one output
    QList<int> ports;        // portforward
};

// The runtime's streaming URL ("http://127.0.0.1:<port>/exec/<token>"), or
// the kubelet's refusal: 404 `container not found ("<name>")`, 404 pod not
// found, 503 when the runtime does not answer.
api::Result<QString> streamingUrl(cri::RuntimeClient &runtime, const StreamingRequest &request);

}  // namespace timoneiro::kubelet
