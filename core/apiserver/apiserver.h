#pragma once
// The API server's handler chain: route -> decode -> default -> validate ->
// admission -> store, and watch fan-out. Thread-safe: the HTTP transport
// and in-process clients call handle() from their own threads.
#include "api/request.h"
#include "api/result.h"
#include "node_streaming.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace timoneiro::store {
class Store;
}

namespace timoneiro::apiserver {

struct RequestAttributes;

struct Config {
    QString serviceCidr = QStringLiteral("10.96.0.0/12");
    int nodePortMin = 30000;
    int nodePortMax = 32767;
    // Where clients reach the server ("127.0.0.1:6443"), for discovery's
    // serverAddressByClientCIDRs and the kubernetes Endpoints.
    QString advertiseAddress = QStringLiteral("127.0.0.1:6443");
    qint64 maxBodyBytes = 3 * 1024 * 1024;  // Kubernetes' request size limit
    // Signs ServiceAccount tokens (TokenRequest); PEM of an EC private key.
    QByteArray serviceAccountKeyPem;
    // pods/log: a node's pod log directory (<ns>_<name>_<uid>/<container>/<n>.log
    // under it, as the kubelet's /var/log/pods); unset or empty: no logs there.
    std::function<QString(const QString &node)> podLogDir;
    // pods/exec, attach, portforward: the node's runtime streaming URL.
    NodeStreamUrl nodeStreamUrl;
};

class ApiServer final : public api::Handler {
public:
    explicit ApiServer(store::Store &store, Config config = {});
    ~ApiServer() override;

    // Creates what a cluster has from the start: namespaces default,
    // kube-system, kube-public, kube-node-lease, and the kubernetes Service
    // in default (first address of the service range). Idempotent.
    api::Result<bool> bootstrap();
    api::Result<bool> reconcileKubernetesEndpoints();

    api::ApiResponse handle(const api::ApiRequest &request) override;

    // Ends every open watch (shutdown).
    void closeWatches();

    const Config &config() const;
    // Where clients reach the server, once the transport knows its port.
    void setAdvertiseAddress(const QString &hostPort);

private:
    std::optional<api::ApiError> nodeRestriction(const api::ApiRequest &request, const RequestAttributes &a) const;

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace timoneiro::apiserver
