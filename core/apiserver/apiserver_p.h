#pragma once
// State shared by the handler chain's pieces (read, write, delete,
// subresources, discovery); private to core/apiserver.
#include "apiserver.h"
#include "request_path.h"
#include "service_ip_allocator.h"

#include "api/resource.h"
#include "store/store.h"
#include "node_authorizer.h"
#include "rbac_authorizer.h"
#include "watch_event.h"

#include <QMutex>
#include <QRecursiveMutex>

namespace timoneiro::security {
class TokenSigner;
}

namespace timoneiro::apiserver {

class WatchStreamImpl;

// One request against one resource, after routing.
struct RestContext {
    const api::ApiRequest &request;
    RequestPath path;
    const api::ResourceInfo &resource;
    QString actor;        // fieldManager, else the client's user agent product
    bool dryRun = false;
    bool table = false;   // Accept asks for a Table
    bool statusWrite = false;  // a write through the status subresource

    QString key() const { return resource.storeKey(path.namespaceName, path.name); }
};

api::ApiResponse jsonResponse(int status, const QJsonObject &body);
api::ApiResponse errorResponse(const api::ApiError &error);
// Store errors carry generic text; this names the resource like Kubernetes.
api::ApiError resourceError(const api::ApiError &storeError, const api::ResourceInfo &resource,
                            const QString &name);

struct ApiServer::Private {
    Private(store::Store &s, Config c);

    store::Store &store;
    Config config;
    const api::ResourceRegistry &registry;
    // Writes are serialized: admission (allocators, namespace lifecycle) and
    // the store write form one step.
    QRecursiveMutex writeMutex;
    ServiceIpAllocator serviceIps;
    NodePortAllocator nodePorts;
    bool allocatorsLoaded = false;

    RbacAuthorizer rbac;
    NodeAuthorizer nodes;
    std::unique_ptr<security::TokenSigner> tokenSigner;  // null without a service-account key

    QMutex watchesMutex;
    QList<std::weak_ptr<WatchStreamImpl>> watches;
    // Shared by every watch: each store event is decoded once.
    std::shared_ptr<WatchEventDecoder> watchDecoder = std::make_shared<WatchEventDecoder>();

    // Routes an authenticated, authorized request to its verb.
    api::ApiResponse route(const api::ApiRequest &request);

    // Reads an object; NotFound named for the resource.
    api::Result<QJsonObject> getObject(const api::ResourceInfo &resource, const QString &ns, const QString &name);
    // The pod's ServiceAccount's automountServiceAccountToken (true when unsaid or absent).
    bool serviceAccountAutomount(const QString &ns, const QJsonObject &pod);
    // Namespace lifecycle admission for writes into ns.
    std::optional<api::ApiError> checkNamespace(const QString &ns, bool creating);

    // REST verbs (rest_read.cpp, rest_write.cpp, rest_delete.cpp, subresources.cpp).
    api::ApiResponse get(RestContext &ctx);
    api::ApiResponse list(RestContext &ctx);
    // The one row a list for metadata.name=<name> can return, as a list result.
    api::Result<store::ListResult> singleRow(const QString &key, const QString &startAfter);
    api::ApiResponse watch(RestContext &ctx);
    api::ApiResponse create(RestContext &ctx);
    api::ApiResponse update(RestContext &ctx);
    api::ApiResponse patch(RestContext &ctx);
    api::ApiResponse remove(RestContext &ctx);
    api::ApiResponse removeCollection(RestContext &ctx);
    api::ApiResponse subresource(RestContext &ctx);
    // Reviews (reviews.cpp): access reviews, whoami, token requests.
    api::ApiResponse review(RestContext &ctx);
    api::ApiResponse tokenRequest(RestContext &ctx);
    api::ApiResponse finalizeNamespace(RestContext &ctx);
    api::ApiResponse podLog(RestContext &ctx);  // pod_log.cpp
    api::ApiResponse streamSubresource(RestContext &ctx);  // stream_upgrade.cpp: exec, attach, portforward

    // The shared write path: default, validate, admit, store. old is null on create.
    api::Result<QJsonObject> writeObject(RestContext &ctx, QJsonObject obj, const QJsonObject *old,
                                         qint64 expectedRevision);
    // Deletes one object honouring finalizers, graceful deletion and propagation.
    api::Result<QJsonObject> deleteObject(RestContext &ctx, const QJsonObject &options, bool *deletedNow);

    // Quota and limit ranges (quota_admission.cpp): LimitRange defaults
    // and bounds for a new pod; ResourceQuota for any create.
    std::optional<api::ApiError> admitLimitRanges(const api::ResourceInfo &r, QJsonObject &pod);
    std::optional<api::ApiError> admitQuota(const api::ResourceInfo &r, const QJsonObject &obj);

    // Service admission (service_admission.cpp): ClusterIP and NodePort allocation.
    void loadAllocators();
    std::optional<api::ApiError> admitService(QJsonObject &svc, const QJsonObject *old, bool dryRun);
    void releaseService(const QJsonObject &svc);
};

}  // namespace timoneiro::apiserver
