#include "streaming.h"

#include "container_spec.h"

namespace timoneiro::kubelet {

namespace {

api::ApiError kubeletError(int code, const QString &reason, const QString &message)
{
    api::ApiError e;  // the kubelet's words as they are, no "Internal error occurred:" before them
    e.code = code;
    e.message = message;
    e.reason = reason;
    return e;
}

api::ApiError runtimeError(const cri::CriError &error)
{
    return kubeletError(error.unavailable() ? 503 : 500, error.unavailable() ? QStringLiteral("ServiceUnavailable")
                                                                              : QStringLiteral("InternalError"),
                        error.message);
}

}  // namespace

api::Result<QString> streamingUrl(cri::RuntimeClient &runtime, const StreamingRequest &request)
{
    cri::CriError error;
    QString url;
    if (request.kind == StreamingRequest::PortForward) {
        cri::v1::ListPodSandboxResponse sandboxes;
        if (!runtime.listPodSandbox({{kPodUidLabel, request.podUid.toStdString()}}, &sandboxes, &error))
            return runtimeError(error);
        const cri::v1::PodSandbox *ready = nullptr;
        for (const auto &s : sandboxes.items())
            if (s.state() == cri::v1::SANDBOX_READY && (!ready || s.created_at() > ready->created_at()))
                ready = &s;
        if (!ready)
            return kubeletError(404, QStringLiteral("NotFound"),
                                QStringLiteral("pod not found (\"%1\")").arg(request.podUid));
        if (!runtime.portForward(QString::fromStdString(ready->id()), request.ports, &url, &error))
            return runtimeError(error);
        return url;
    }
    cri::v1::ListContainersResponse containers;
    if (!runtime.listContainers({{kPodUidLabel, request.podUid.toStdString()},
                                 {kContainerNameLabel, request.container.toStdString()}},
                                &containers, &error))
        return runtimeError(error);
    const cri::v1::Container *running = nullptr;
    for (const auto &c : containers.containers())
        if (c.state() == cri::v1::CONTAINER_RUNNING && (!running || c.created_at() > running->created_at()))
            running = &c;
    if (!running)
        return kubeletError(404, QStringLiteral("NotFound"),
                            QStringLiteral("container not found (\"%1\")").arg(request.container));
    const std::string id = running->id();
    const bool stderrOpen = request.stderrOpen && !request.tty;
    if (request.kind == StreamingRequest::Exec) {
        cri::v1::ExecRequest r;
        r.set_container_id(id);
        for (const QString &arg : request.command)
            r.add_cmd(arg.toStdString());
        r.set_tty(request.tty);
        r.set_stdin(request.stdinOpen);
        r.set_stdout(request.stdoutOpen);
        r.set_stderr(stderrOpen);
        if (!runtime.exec(r, &url, &error))
            return runtimeError(error);
        return url;
    }
    cri::v1::AttachRequest r;
    r.set_container_id(id);
    r.set_tty(request.tty);
    r.set_stdin(request.stdinOpen);
    r.set_stdout(request.stdoutOpen);
    r.set_stderr(stderrOpen);
    if (!runtime.attach(r, &url, &error))
        return runtimeError(error);
    return url;
}

}  // namespace timoneiro::kubelet
