#include "apiserver_p.h"
#include "authenticator.h"
#include "rbac_bootstrap_policy.h"

#include "security/service_account_token.h"

#include "discovery.h"
#include "negotiation.h"
#include "object_meta.h"
#include "watch_stream.h"

#include "api/openapi.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace timoneiro::apiserver {

namespace {

const QString kGitVersion = QStringLiteral("v1.32.4+timoneiro." TIMONEIRO_VERSION);

QJsonObject versionInfo()
{
    return {
        {QStringLiteral("major"), QStringLiteral("1")},
        {QStringLiteral("minor"), QStringLiteral("32")},
        {QStringLiteral("gitVersion"), kGitVersion},
        {QStringLiteral("gitCommit"), QStringLiteral("timoneiro")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral(__DATE__)},
        {QStringLiteral("goVersion"), QStringLiteral("none (C++20, Qt " QT_VERSION_STR ")")},
        {QStringLiteral("compiler"), QStringLiteral("gcc")},
        {QStringLiteral("platform"), QStringLiteral("linux/amd64")},
    };
}

api::ApiResponse textResponse(int status, const QByteArray &text)
{
    api::ApiResponse r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = text;
    return r;
}

// The actor recorded with each write: the field manager, else the client's
// product name ("kubectl" from "kubectl/v1.32.4 (linux/amd64) ...").
QString actorOf(const api::ApiRequest &request)
{
    QString manager = request.queryValue(QStringLiteral("fieldManager"));
    if (!manager.isEmpty())
        return manager;
    QString agent = request.userAgent.section(QLatin1Char('/'), 0, 0).trimmed();
    return agent.isEmpty() ? request.user.name : agent;
}

api::ApiResponse openApi(const api::ResourceRegistry &registry, const api::ApiRequest &request)
{
    const QString rest = request.path.mid(QStringLiteral("/openapi/v3").size());
    if (rest.isEmpty() || rest == QLatin1String("/"))
        return jsonResponse(200, api::openApiIndex(registry));
    const QString gvPath = rest.mid(1);
    QJsonObject doc = api::openApiDocument(registry, gvPath);
    if (doc.isEmpty())
        return errorResponse(api::ApiError::pathNotFound());
    const QByteArray etag = '"' + api::openApiHash(registry, gvPath).toLatin1() + '"';
    api::ApiResponse r;
    if (request.header("if-none-match") == etag) {
        r.status = 304;
        r.body.clear();
    } else {
        r = jsonResponse(200, doc);
    }
    r.headers.emplaceBack("Etag", etag);
    if (request.hasQuery(QStringLiteral("hash"))) {
        r.headers.emplaceBack("Cache-Control", "public, immutable");
        r.headers.emplaceBack("Expires", "Thu, 01 Jan 2099 00:00:00 GMT");
    } else {
        r.headers.emplaceBack("Cache-Control", "no-cache, private");
    }
    return r;
}

}  // namespace

api::ApiResponse jsonResponse(int status, const QJsonObject &body)
{
    api::ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

api::ApiResponse errorResponse(const api::ApiError &error)
{
    return jsonResponse(error.code, error.toStatus());
}

api::ApiError resourceError(const api::ApiError &storeError, const api::ResourceInfo &resource, const QString &name)
{
    if (storeError.reason == QLatin1String("NotFound"))
        return api::ApiError::notFound(resource.group, resource.plural, name);
    if (storeError.reason == QLatin1String("AlreadyExists"))
        return api::ApiError::alreadyExists(resource.group, resource.plural, name);
    if (storeError.reason == QLatin1String("Conflict"))
        return api::ApiError::conflict(resource.group, resource.plural, name);
    return storeError;
}

ApiServer::Private::Private(store::Store &s, Config c)
    : store(s),
      config(std::move(c)),
      registry(api::ResourceRegistry::builtin()),
      serviceIps(config.serviceCidr),
      nodePorts(config.nodePortMin, config.nodePortMax),
      rbac(s),
      nodes(s, registry)
{
    if (!config.serviceAccountKeyPem.isEmpty()) {
        if (auto signer = security::TokenSigner::fromPrivateKeyPem(config.serviceAccountKeyPem))
            tokenSigner = std::make_unique<security::TokenSigner>(*signer);
    }
    // One fsync per turn of the event loop rather than per write: a thousand
    // nodes' lease renewals alone would take most of the disk's synchronous
    // commits. Every answer leaves through a posted event (the in-process
    // transport's callbacks, the HTTP server's responses), after the commit.
    if (QCoreApplication::instance())
        store.setGroupCommit(true);
}

api::Result<QJsonObject> ApiServer::Private::getObject(const api::ResourceInfo &resource, const QString &ns,
                                                       const QString &name)
{
    auto kv = store.get(resource.storeKey(ns, name));
    if (!kv)
        return resourceError(kv.error(), resource, name);
    return decodeStored(kv->value, kv->revision);
}

bool ApiServer::Private::serviceAccountAutomount(const QString &ns, const QJsonObject &pod)
{
    QString name = pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("serviceAccountName")).toString();
    if (name.isEmpty())
        name = QStringLiteral("default");
    const api::ResourceInfo *sa = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts"));
    auto obj = sa ? getObject(*sa, ns, name) : api::Result<QJsonObject>(api::ApiError::pathNotFound());
    if (!obj)
        return true;
    return obj->value(QStringLiteral("automountServiceAccountToken")).toBool(true);
}

std::optional<api::ApiError> ApiServer::Private::checkNamespace(const QString &ns, bool creating)
{
    const api::ResourceInfo *namespaces = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("namespaces"));
    auto obj = getObject(*namespaces, QString(), ns);
    if (!obj)
        return obj.error();
    if (creating && metadataOf(*obj).contains(QStringLiteral("deletionTimestamp"))) {
        api::ApiError e = api::ApiError::forbidden(
            QStringLiteral("unable to create new content in namespace %1 because it is being terminated").arg(ns));
        e.reason = QStringLiteral("Forbidden");
        return e;
    }
    return std::nullopt;
}

ApiServer::ApiServer(store::Store &store, Config config) : d(std::make_unique<Private>(store, std::move(config))) {}

ApiServer::~ApiServer()
{
    closeWatches();
}

const Config &ApiServer::config() const
{
    return d->config;
}

void ApiServer::setAdvertiseAddress(const QString &hostPort)
{
    d->config.advertiseAddress = hostPort;
}

void ApiServer::closeWatches()
{
    QList<std::weak_ptr<WatchStreamImpl>> watches;
    {
        QMutexLocker lock(&d->watchesMutex);
        watches.swap(d->watches);
    }
    for (const auto &w : watches)
        if (auto stream = w.lock())
            stream->finish();
}

api::Result<bool> ApiServer::bootstrap()
{
    const auto &registry = d->registry;
    const api::ResourceInfo *namespaces = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("namespaces"));
    const api::ResourceInfo *services = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("services"));
    api::UserInfo system{QStringLiteral("system:apiserver"), {QStringLiteral("system:masters")}};
    auto post = [&](const QString &path, const QJsonObject &obj) -> std::optional<api::ApiError> {
        api::ApiRequest req;
        req.method = "POST";
        req.path = path;
        req.user = system;
        req.userAgent = QStringLiteral("timoneirod/" TIMONEIRO_VERSION);
        req.headers.emplaceBack("content-type", "application/json");
        req.body = QJsonDocument(obj).toJson(QJsonDocument::Compact);
        api::ApiResponse resp = handle(req);
        if (resp.status == 201 || resp.status == 409)
            return std::nullopt;
        api::ApiError e = api::ApiError::internal(QString::fromUtf8(resp.body));
        return e;
    };
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"}) {
        const QString name = QString::fromLatin1(ns);
        if (d->store.get(namespaces->storeKey(QString(), name)))
            continue;
        if (auto err = post(QStringLiteral("/api/v1/namespaces"),
                            {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                             {QStringLiteral("kind"), QStringLiteral("Namespace")},
                             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}}))
            return *err;
    }
    // The default roles every cluster starts with (Kubernetes' bootstrap policy),
    // brought up to date at each start as Kubernetes' auto-update does.
    auto reconcile = [&](const char *plural, const QJsonObject &obj) -> std::optional<api::ApiError> {
        const QString collection = QStringLiteral("/apis/rbac.authorization.k8s.io/v1/") + QLatin1String(plural);
        const QString name = metadataOf(obj).value(QStringLiteral("name")).toString();
        const api::ResourceInfo *r = registry.find(QStringLiteral("rbac.authorization.k8s.io"), QStringLiteral("v1"), QLatin1String(plural));
        auto current = d->getObject(*r, QString(), name);
        if (!current)
            return post(collection, obj);
        const QString field = obj.contains(QStringLiteral("rules")) ? QStringLiteral("rules") : QStringLiteral("subjects");
        if (current->value(field) == obj.value(field))
            return std::nullopt;
        QJsonObject updated = *current;
        updated.insert(field, obj.value(field));
        api::ApiRequest req;
        req.method = "PUT";
        req.path = collection + QLatin1Char('/') + name;
        req.user = system;
        req.userAgent = QStringLiteral("timoneirod/" TIMONEIRO_VERSION);
        req.headers.emplaceBack("content-type", "application/json");
        req.body = QJsonDocument(updated).toJson(QJsonDocument::Compact);
        const api::ApiResponse resp = handle(req);
        if (resp.status >= 300)
            return api::ApiError::internal(QString::fromUtf8(resp.body));
        return std::nullopt;
    };
    for (const QJsonObject &role : bootstrapClusterRoles())
        if (auto err = reconcile("clusterroles", role))
            return *err;
    for (const QJsonObject &binding : bootstrapClusterRoleBindings())
        if (auto err = reconcile("clusterrolebindings", binding))
            return *err;
    if (!d->store.get(services->storeKey(QStringLiteral("default"), QStringLiteral("kubernetes")))) {
        QJsonObject svc{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("kubernetes")},
                         {QStringLiteral("labels"), QJsonObject{{QStringLiteral("component"), QStringLiteral("apiserver")},
                                                                {QStringLiteral("provider"), QStringLiteral("kubernetes")}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("clusterIP"), d->serviceIps.first()},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("https")},
                                                 {QStringLiteral("port"), 443},
                                                 {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                                 {QStringLiteral("targetPort"), 6443}}}}}},
        };
        if (auto err = post(QStringLiteral("/api/v1/namespaces/default/services"), svc))
            return *err;
    }
    return reconcileKubernetesEndpoints();
}

// The API server keeps the kubernetes Service's Endpoints pointing at
// itself, as the real one's endpoint reconciler does.
api::Result<bool> ApiServer::reconcileKubernetesEndpoints()
{
    const QString hostPort = d->config.advertiseAddress;
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    QString host = hostPort.left(colon);
    if (host == QLatin1String("0.0.0.0") || host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    const int port = hostPort.mid(colon + 1).toInt();
    const QJsonObject endpoints{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Endpoints")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("kubernetes")},
                     {QStringLiteral("namespace"), QStringLiteral("default")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("endpointslice.kubernetes.io/skip-mirror"), QStringLiteral("true")}}}}},
        {QStringLiteral("subsets"),
         QJsonArray{QJsonObject{
             {QStringLiteral("addresses"), QJsonArray{QJsonObject{{QStringLiteral("ip"), host}}}},
             {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("https")},
                                                              {QStringLiteral("port"), port},
                                                              {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}},
    };
    api::ApiRequest req;
    req.user = {QStringLiteral("system:apiserver"), {QStringLiteral("system:masters")}};
    req.userAgent = QStringLiteral("timoneirod/" TIMONEIRO_VERSION);
    req.headers.emplaceBack("content-type", "application/json");
    req.body = QJsonDocument(endpoints).toJson(QJsonDocument::Compact);
    req.method = "PUT";
    req.path = QStringLiteral("/api/v1/namespaces/default/endpoints/kubernetes");
    api::ApiResponse resp = handle(req);
    if (resp.status == 404) {
        req.method = "POST";
        req.path = QStringLiteral("/api/v1/namespaces/default/endpoints");
        resp = handle(req);
    }
    if (resp.status >= 300)
        return api::ApiError::internal(QString::fromUtf8(resp.body));
    return true;
}

api::ApiResponse ApiServer::handle(const api::ApiRequest &request)
{
    // Authentication happened in the transport; the anonymous user may only
    // reach the health and version endpoints.
    if (request.user.name == QLatin1String("system:anonymous") && !isPublicPath(request.path))
        return errorResponse(api::ApiError::unauthorized());
    // A ServiceAccount's token stops working when the ServiceAccount goes.
    static const QLatin1String saPrefix("system:serviceaccount:");
    if (request.user.name.startsWith(saPrefix)) {
        const QStringList parts = request.user.name.mid(saPrefix.size()).split(QLatin1Char(':'));
        const api::ResourceInfo *sa = d->registry.find(QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts"));
        if (parts.size() != 2 || !sa || !d->store.get(sa->storeKey(parts[0], parts[1])))
            return errorResponse(api::ApiError::unauthorized());
    }
    if (!isPublicPath(request.path)) {
        const RequestAttributes attributes = requestAttributes(request, parseRequestPath(request.path));
        // Kubernetes' order: Node, then RBAC (only when the node authorizer has no opinion).
        const std::optional<Decision> byNode = d->nodes.authorize(attributes);
        const Decision decision = byNode ? *byNode : d->rbac.authorize(attributes);
        if (!decision.allowed)
            return errorResponse(api::ApiError::forbidden(forbiddenMessage(attributes)));
        if (auto refused = nodeRestriction(request, attributes))
            return errorResponse(*refused);
    }
    return d->route(request);
}

// NodeRestriction: a node may create only its own Node and its own Lease
// (the authorizer cannot see the name, which is in the body).
std::optional<api::ApiError> ApiServer::nodeRestriction(const api::ApiRequest &request, const RequestAttributes &a) const
{
    const QString node = NodeAuthorizer::nodeNameOf(request.user);
    if (node.isEmpty() || a.verb != QLatin1String("create") || !a.name.isEmpty())
        return std::nullopt;
    const bool nodes = a.apiGroup.isEmpty() && a.resource == QLatin1String("nodes");
    const bool leases = a.apiGroup == QLatin1String("coordination.k8s.io") && a.resource == QLatin1String("leases");
    if (!nodes && !leases)
        return std::nullopt;
    auto body = decodeObjectBody(request);
    if (!body)
        return body.error();
    const QString name = metadataOf(*body).value(QStringLiteral("name")).toString();
    if (name == node)
        return std::nullopt;
    return api::ApiError::forbidden(QStringLiteral("%1 \"%2\" is forbidden: node \"%3\" is not allowed to modify %4 \"%2\"")
                                        .arg(a.resource, name, node, nodes ? QStringLiteral("node") : QStringLiteral("lease")));
}

api::ApiResponse ApiServer::Private::route(const api::ApiRequest &request)
{
    auto *d = this;
    const QString &path = request.path;
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (get && path == QLatin1String("/version"))
        return jsonResponse(200, versionInfo());
    if (get && (path.startsWith(QLatin1String("/healthz")) || path.startsWith(QLatin1String("/livez"))
                || path.startsWith(QLatin1String("/readyz"))))
        return textResponse(200, "ok");
    if (get && (path == QLatin1String("/api") || path == QLatin1String("/apis"))) {
        const bool core = path == QLatin1String("/api");
        const QByteArray version = aggregatedDiscoveryVersion(request.header("accept"));
        if (!version.isEmpty()) {
            api::ApiResponse r = jsonResponse(200, aggregatedDiscovery(d->registry, core, version));
            r.contentType = "application/json;g=apidiscovery.k8s.io;v=" + version + ";as=APIGroupDiscoveryList";
            return r;
        }
        return jsonResponse(200, core ? legacyApiVersions(d->config.advertiseAddress) : legacyApiGroupList(d->registry));
    }
    if (get && path.startsWith(QLatin1String("/openapi/v3")))
        return openApi(d->registry, request);

    RequestPath rp = parseRequestPath(path);
    if (!rp.isResource) {
        if (get) {
            // /api/v1, /apis/<group>, /apis/<group>/<version>
            QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            QJsonObject doc;
            if (parts.size() == 2 && parts[0] == QLatin1String("api"))
                doc = legacyResourceList(d->registry, parts[1]);
            else if (parts.size() == 2 && parts[0] == QLatin1String("apis"))
                doc = legacyApiGroup(d->registry, parts[1]);
            else if (parts.size() == 3 && parts[0] == QLatin1String("apis"))
                doc = legacyResourceList(d->registry, parts[1] + QLatin1Char('/') + parts[2]);
            if (!doc.isEmpty())
                return jsonResponse(200, doc);
        }
        return errorResponse(api::ApiError::pathNotFound());
    }

    const api::ResourceInfo *resource = d->registry.find(rp.group, rp.version, rp.resource);
    if (!resource || (!resource->namespaced && !rp.namespaceName.isEmpty()))
        return errorResponse(api::ApiError::pathNotFound());

    RestContext ctx{request, rp, *resource, actorOf(request)};
    ctx.dryRun = request.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
    ctx.table = acceptsTable(request.header("accept"));
    if (request.hasQuery(QStringLiteral("dryRun")) && !ctx.dryRun)
        return errorResponse(api::ApiError::badRequest(
            QStringLiteral("Unsupported value: \"%1\": supported values: \"All\"").arg(request.queryValue(QStringLiteral("dryRun")))));

    if (!rp.subresource.isEmpty())
        return d->subresource(ctx);
    if (resource->group == QLatin1String("authorization.k8s.io")
        || resource->group == QLatin1String("authentication.k8s.io"))
        return d->review(ctx);

    const QString watchParam = request.queryValue(QStringLiteral("watch"));
    const bool watch = rp.legacyWatch || watchParam == QLatin1String("true") || watchParam == QLatin1String("1");
    const QByteArray &m = request.method;
    if (rp.name.isEmpty()) {
        if (get)
            return watch ? d->watch(ctx) : d->list(ctx);
        if (m == "POST")
            return d->create(ctx);
        if (m == "DELETE")
            return d->removeCollection(ctx);
    } else {
        if (get)
            return watch ? d->watch(ctx) : d->get(ctx);
        if (m == "PUT")
            return d->update(ctx);
        if (m == "PATCH")
            return d->patch(ctx);
        if (m == "DELETE")
            return d->remove(ctx);
    }
    return errorResponse(api::ApiError::methodNotAllowed(
        QStringLiteral("the server does not allow this method on the requested resource")));
}

}  // namespace timoneiro::apiserver
