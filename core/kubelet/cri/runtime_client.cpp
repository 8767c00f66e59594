#include "runtime_client.h"

#include <grpcpp/grpcpp.h>

#include <chrono>

namespace timoneiro::kubelet::cri {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

}  // namespace

RuntimeClient::RuntimeClient(const QString &socketPath, int timeoutMs)
    : channel_(grpc::CreateChannel("unix://" + utf8(socketPath), grpc::InsecureChannelCredentials())),
      stub_(v1::RuntimeService::NewStub(channel_)),
      imageStub_(v1::ImageService::NewStub(channel_)),
      timeoutMs_(timeoutMs)
{
}

template <typename Request, typename Response, typename Method>
bool RuntimeClient::call(Method method, const Request &request, Response *response, CriError *error)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs_));
    const grpc::Status status = ((*stub_).*method)(&context, request, response);
    if (status.ok())
        return true;
    if (error) {
        error->code = status.error_code();
        error->message = QString::fromStdString(status.error_message());
    }
    return false;
}

bool RuntimeClient::version(v1::VersionResponse *out, CriError *error)
{
    v1::VersionRequest request;
    request.set_version("v1");
    return call(&v1::RuntimeService::Stub::Version, request, out, error);
}

bool RuntimeClient::status(v1::StatusResponse *out, CriError *error)
{
    return call(&v1::RuntimeService::Stub::Status, v1::StatusRequest(), out, error);
}

bool RuntimeClient::runPodSandbox(const v1::PodSandboxConfig &config, QString *sandboxId, CriError *error)
{
    v1::RunPodSandboxRequest request;
    *request.mutable_config() = config;
    v1::RunPodSandboxResponse response;
    if (!call(&v1::RuntimeService::Stub::RunPodSandbox, request, &response, error))
        return false;
    *sandboxId = QString::fromStdString(response.pod_sandbox_id());
    return true;
}

bool RuntimeClient::podSandboxStatus(const QString &sandboxId, v1::PodSandboxStatusResponse *out, CriError *error)
{
    v1::PodSandboxStatusRequest request;
    request.set_pod_sandbox_id(utf8(sandboxId));
    return call(&v1::RuntimeService::Stub::PodSandboxStatus, request, out, error);
}

bool RuntimeClient::listPodSandbox(v1::ListPodSandboxResponse *out, CriError *error)
{
    return call(&v1::RuntimeService::Stub::ListPodSandbox, v1::ListPodSandboxRequest(), out, error);
}

bool RuntimeClient::stopPodSandbox(const QString &sandboxId, CriError *error)
{
    v1::StopPodSandboxRequest request;
    request.set_pod_sandbox_id(utf8(sandboxId));
    v1::StopPodSandboxResponse response;
    return call(&v1::RuntimeService::Stub::StopPodSandbox, request, &response, error);
}

bool RuntimeClient::removePodSandbox(const QString &sandboxId, CriError *error)
{
    v1::RemovePodSandboxRequest request;
    request.set_pod_sandbox_id(utf8(sandboxId));
    v1::RemovePodSandboxResponse response;
    return call(&v1::RuntimeService::Stub::RemovePodSandbox, request, &response, error);
}

bool RuntimeClient::createContainer(const QString &sandboxId, const v1::ContainerConfig &config,
                                    const v1::PodSandboxConfig &sandboxConfig, QString *containerId, CriError *error)
{
    v1::CreateContainerRequest request;
    request.set_pod_sandbox_id(utf8(sandboxId));
    *request.mutable_config() = config;
    *request.mutable_sandbox_config() = sandboxConfig;
    v1::CreateContainerResponse response;
    if (!call(&v1::RuntimeService::Stub::CreateContainer, request, &response, error))
        return false;
    *containerId = QString::fromStdString(response.container_id());
    return true;
}

bool RuntimeClient::startContainer(const QString &containerId, CriError *error)
{
    v1::StartContainerRequest request;
    request.set_container_id(utf8(containerId));
    v1::StartContainerResponse response;
    return call(&v1::RuntimeService::Stub::StartContainer, request, &response, error);
}

bool RuntimeClient::containerStatus(const QString &containerId, v1::ContainerStatusResponse *out, CriError *error)
{
    v1::ContainerStatusRequest request;
    request.set_container_id(utf8(containerId));
    return call(&v1::RuntimeService::Stub::ContainerStatus, request, out, error);
}

bool RuntimeClient::stopContainer(const QString &containerId, qint64 timeoutSeconds, CriError *error)
{
    v1::StopContainerRequest request;
    request.set_container_id(utf8(containerId));
    request.set_timeout(timeoutSeconds);
    v1::StopContainerResponse response;
    return call(&v1::RuntimeService::Stub::StopContainer, request, &response, error);
}

bool RuntimeClient::removeContainer(const QString &containerId, CriError *error)
{
    v1::RemoveContainerRequest request;
    request.set_container_id(utf8(containerId));
    v1::RemoveContainerResponse response;
    return call(&v1::RuntimeService::Stub::RemoveContainer, request, &response, error);
}

bool RuntimeClient::listContainers(const std::map<std::string, std::string> &labelSelector, v1::ListContainersResponse *out,
                                   CriError *error)
{
    v1::ListContainersRequest request;
    for (const auto &[k, v] : labelSelector)
        (*request.mutable_filter()->mutable_label_selector())[k] = v;
    return call(&v1::RuntimeService::Stub::ListContainers, request, out, error);
}

bool RuntimeClient::listPodSandbox(const std::map<std::string, std::string> &labelSelector, v1::ListPodSandboxResponse *out,
                                   CriError *error)
{
    v1::ListPodSandboxRequest request;
    for (const auto &[k, v] : labelSelector)
        (*request.mutable_filter()->mutable_label_selector())[k] = v;
    return call(&v1::RuntimeService::Stub::ListPodSandbox, request, out, error);
}

bool RuntimeClient::imageStatus(const QString &image, bool *present, v1::Image *out, CriError *error)
{
    v1::ImageStatusRequest request;
    request.mutable_image()->set_image(utf8(image));
    v1::ImageStatusResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs_));
    const grpc::Status status = imageStub_->ImageStatus(&context, request, &response);
    if (!status.ok()) {
        if (error) {
            error->code = status.error_code();
            error->message = QString::fromStdString(status.error_message());
        }
        return false;
    }
    *present = response.has_image() && !response.image().id().empty();
    if (out)
        *out = response.image();
    return true;
}

const v1::RuntimeCondition *RuntimeClient::condition(const v1::StatusResponse &status, const std::string &type)
{
    for (const v1::RuntimeCondition &c : status.status().conditions()) {
        if (c.type() == type)
            return &c;
    }
    return nullptr;
}

bool RuntimeClient::execSync(const QString &containerId, const QStringList &cmd, qint64 timeoutSeconds,
                             v1::ExecSyncResponse *out, CriError *error)
{
    v1::ExecSyncRequest request;
    request.set_container_id(utf8(containerId));
    for (const QString &arg : cmd)
        request.add_cmd(utf8(arg));
    request.set_timeout(timeoutSeconds);
    return call(&v1::RuntimeService::Stub::ExecSync, request, out, error);
}

bool RuntimeClient::exec(const v1::ExecRequest &request, QString *url, CriError *error)
{
    v1::ExecResponse response;
    if (!call(&v1::RuntimeService::Stub::Exec, request, &response, error))
        return false;
    *url = QString::fromStdString(response.url());
    return true;
}

bool RuntimeClient::attach(const v1::AttachRequest &request, QString *url, CriError *error)
{
    v1::AttachResponse response;
    if (!call(&v1::RuntimeService::Stub::Attach, request, &response, error))
        return false;
    *url = QString::fromStdString(response.url());
    return true;
}

bool RuntimeClient::portForward(const QString &sandboxId, const QList<int> &ports, QString *url, CriError *error)
{
    v1::PortForwardRequest request;
    request.set_pod_sandbox_id(utf8(sandboxId));
    for (int port : ports)
        request.add_port(port);
    v1::PortForwardResponse response;
    if (!call(&v1::RuntimeService::Stub::PortForward, request, &response, error))
        return false;
    *url = QString::fromStdString(response.url());
    return true;
}

}  // namespace timoneiro::kubelet::cri
