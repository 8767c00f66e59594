#pragma once
// The kubelet's part of exec, attach and port-forward: find the pod's
// running container (or ready sandbox) on this node and ask the runtime for
// a streaming URL (CRI Exec/Attach/PortForward). The API server's stream
// dispatcher then speaks to that URL itself; errors read as the kubelet's.
#include "api/node_stream_request.h"
#include "api/result.h"
#include "cri/runtime_client.h"

#include <QString>

namespace timoneiro::kubelet {

using StreamingRequest = api::NodeStreamRequest;

// The runtime's streaming URL ("http://127.0.0.1:<port>/exec/<token>"), or
// the kubelet's refusal: 404 `container not found ("<name>")`, 404 pod not
// found, 503 when the runtime does not answer.
api::Result<QString> streamingUrl(cri::RuntimeClient &runtime, const StreamingRequest &request);

}  // namespace timoneiro::kubelet
