#pragma once
// One exec, attach or port-forward session as the API server asks a node's
// kubelet for it (Kubernetes' PodExecOptions / PodAttachOptions /
// PodPortForwardOptions after validation): shared by the API server's
// streaming subresources and the kubelet that answers with a runtime URL.
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::api {

struct NodeStreamRequest {
    enum Kind { Exec, Attach, PortForward };
    Kind kind = Exec;
    QString namespaceName;
    QString podName;
    QString podUid;
    QString container;     // exec, attach
    QStringList command;   // exec
    bool tty = false;
    bool stdinOpen = false;
    bool stdoutOpen = true;
    bool stderrOpen = true;  // the kubelet drops it with tty: a terminal has one output
    QList<int> ports;      // portforward (may be empty: the client names ports per stream)
};

}  // namespace timoneiro::api
