#pragma once
// The kubelet's side of CRI's RuntimeService: blocking gRPC calls over a
// node's containerd socket, each with a deadline. Call it from the
// kubelet's pod workers, never from the GUI thread.
#include "cri_runtime.grpc.pb.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace timoneiro::kubelet::cri {

namespace v1 = ::runtime::v1;

// Why a call failed: gRPC's status code (UNAVAILABLE when containerd is
// down or restarting, NOT_FOUND for an unknown id, ...) and its message.
struct CriError {
    int code = 0;
    QString message;
    bool unavailable() const { return code == grpc::StatusCode::UNAVAILABLE; }
};

class RuntimeClient {
public:
    // socketPath: containerd's gRPC socket ("/.../containerd.sock").
    explicit RuntimeClient(const QString &socketPath, int timeoutMs = 30000);

    bool version(v1::VersionResponse *out, CriError *error);
    bool status(v1::StatusResponse *out, CriError *error);

    bool runPodSandbox(const v1::PodSandboxConfig &config, QString *sandboxId, CriError *error);
    bool podSandboxStatus(const QString &sandboxId, v1::PodSandboxStatusResponse *out, CriError *error);
    bool listPodSandbox(v1::ListPodSandboxResponse *out, CriError *error);
    bool stopPodSandbox(const QString &sandboxId, CriError *error);
    bool removePodSandbox(const QString &sandboxId, CriError *error);

    bool createContainer(const QString &sandboxId, const v1::ContainerConfig &config,
                         const v1::PodSandboxConfig &sandboxConfig, QString *containerId, CriError *error);
    bool startContainer(const QString &containerId, CriError *error);
    bool containerStatus(const QString &containerId, v1::ContainerStatusResponse *out, CriError *error);
    bool stopContainer(const QString &containerId, qint64 timeoutSeconds, CriError *error);
    bool removeContainer(const QString &containerId, CriError *error);
    // Containers (of every state) whose labels match all of labelSelector.
    bool listContainers(const std::map<std::string, std::string> &labelSelector, v1::ListContainersResponse *out, CriError *error);
    // Sandboxes whose labels match all of labelSelector.
    bool listPodSandbox(const std::map<std::string, std::string> &labelSelector, v1::ListPodSandboxResponse *out, CriError *error);

    // Runs cmd in the container and waits for it (timeoutSeconds 0 = no
    // limit of the runtime's own; the call's deadline still applies).
    bool execSync(const QString &containerId, const QStringList &cmd, qint64 timeoutSeconds,
                  v1::ExecSyncResponse *out, CriError *error);
    // URLs on the runtime's streaming server for one session each.
    bool exec(const v1::ExecRequest &request, QString *url, CriError *error);
    bool attach(const v1::AttachRequest &request, QString *url, CriError *error);
    bool portForward(const QString &sandboxId, const QList<int> &ports, QString *url, CriError *error);

    // ImageService.ImageStatus: *present is false when the runtime has no
    // such image (CRI answers with an empty image, not an error).
    bool imageStatus(const QString &image, bool *present, v1::Image *out, CriError *error);

    // The runtime condition (RuntimeReady, NetworkReady) from Status, or
    // nullptr when the runtime does not report it.
    static const v1::RuntimeCondition *condition(const v1::StatusResponse &status, const std::string &type);

private:
    template <typename Request, typename Response, typename Method>
    bool call(Method method, const Request &request, Response *response, CriError *error);

    std::shared_ptr<grpc::Channel> channel_;
    std::unique_ptr<v1::RuntimeService::Stub> stub_;
    std::unique_ptr<v1::ImageService::Stub> imageStub_;
    int timeoutMs_;
};

}  // namespace timoneiro::kubelet::cri
