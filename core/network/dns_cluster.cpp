#include "dns_cluster.h"

#include "api/resource.h"
#include "client/client.h"
#include "client/informer.h"
#include "dns_server.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMap>
#include <QPointer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcClusterDns, "timoneiro.dns", QtInfoMsg)

namespace timoneiro::network {

namespace {

const QString kSystem = QStringLiteral("kube-system");
const QString kDnsName = QStringLiteral("kube-dns");
const QString kManagedBy = QStringLiteral("cluster-dns.timoneiro.io");
constexpr int kRetryMs = 2000;

const api::ResourceInfo &resource(const char *group, const char *plural)
{
    return api::builtinResource(QLatin1String(group), QLatin1String(plural));
}

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QStringLiteral("metadata")).toObject();
}

QJsonArray dnsPorts()
{
    QJsonArray ports;
    for (const auto &[name, protocol] : {std::pair{"dns", "UDP"}, std::pair{"dns-tcp", "TCP"}}) {
        ports.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                                 {QStringLiteral("port"), 53},
                                 {QStringLiteral("protocol"), QLatin1String(protocol)}});
    }
    return ports;
}

QJsonObject wantedService(const QString &ip)
{
    QJsonArray ports;
    for (const QJsonValue &v : dnsPorts()) {
        QJsonObject p = v.toObject();
        p.insert(QStringLiteral("targetPort"), 53);
        ports.append(p);
    }
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), kDnsName},
                         {QStringLiteral("namespace"), kSystem},
                         {QStringLiteral("labels"), QJsonObject{{QStringLiteral("k8s-app"), kDnsName},
                                                                {QStringLiteral("kubernetes.io/cluster-service"), QStringLiteral("true")},
                                                                {QStringLiteral("kubernetes.io/name"), QStringLiteral("Timoneiro-DNS")}}}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("clusterIP"), ip}, {QStringLiteral("ports"), ports}}}};
}

}  // namespace

struct ClusterDns::Private {
    Private(api::Handler &a, ClusterDnsConfig c) : api(a), config(std::move(c)) {}
    api::Handler &api;
    ClusterDnsConfig config;
    std::unique_ptr<client::Client> client;
    std::unique_ptr<client::Informer> services, slices, pods, namespaces, nodes, endpoints;
    std::unique_ptr<DnsResolver> resolver;
    std::unique_ptr<DnsServer> server;
    QMap<QString, QString> gateways;  // node -> the gateway it listens on
    QMap<QString, QString> bindErrors;  // node -> the last listen error
    QTimer syncTimer;
    QTimer bindRetry;
    quint16 loopbackPort = 0;
    bool busy = false;
    bool pending = false;  // a sync was asked while busy
    bool running = false;
};

ClusterDns::ClusterDns(api::Handler &api, ClusterDnsConfig config, QObject *parent)
    : QObject(parent), d(new Private(api, std::move(config)))
{
    d->syncTimer.setSingleShot(true);
    connect(&d->syncTimer, &QTimer::timeout, this, &ClusterDns::sync);
    d->bindRetry.setInterval(kRetryMs);
    connect(&d->bindRetry, &QTimer::timeout, this, [this] {
        if (d->nodes)
            for (const QJsonObject &node : d->nodes->list())
                nodeChanged(node);
    });
}

ClusterDns::~ClusterDns()
{
    stop();
}

QString ClusterDns::gatewayOf(const QString &podCidr)
{
    const QHostAddress network(podCidr.section(QLatin1Char('/'), 0, 0));
    if (network.protocol() != QAbstractSocket::IPv4Protocol)
        return {};
    return QHostAddress(network.toIPv4Address() + 1).toString();
}

void ClusterDns::start()
{
    if (d->running)
        return;
    d->running = true;
    // The control plane's own component, as the apiserver that keeps the kubernetes Service.
    d->client.reset(client::Client::inProcess(d->api, {QStringLiteral("system:timoneiro:cluster-dns"),
                                                       {QStringLiteral("system:masters"), QStringLiteral("system:authenticated")}}));
    d->client->setFieldManager(QStringLiteral("timoneiro-cluster-dns"));
    auto &c = *d->client;
    d->services = std::make_unique<client::Informer>(c, resource("", "services"));
    d->slices = std::make_unique<client::Informer>(c, resource("discovery.k8s.io", "endpointslices"));
    d->pods = std::make_unique<client::Informer>(c, resource("", "pods"));
    d->namespaces = std::make_unique<client::Informer>(c, resource("", "namespaces"));
    d->nodes = std::make_unique<client::Informer>(c, resource("", "nodes"));
    d->endpoints = std::make_unique<client::Informer>(c, resource("", "endpoints"), kSystem,
                                                      client::ListOptions{{}, QStringLiteral("metadata.name=") + kDnsName});
    d->resolver = std::make_unique<DnsResolver>(DnsSources{d->services.get(), d->slices.get(), d->pods.get(), d->namespaces.get()},
                                                DnsResolverConfig{d->config.zone, 5});
    d->server = std::make_unique<DnsServer>(*d->resolver);
    auto ours = [this](const QJsonObject &o) {
        if (meta(o).value(QStringLiteral("namespace")).toString() == kSystem
            && (meta(o).value(QStringLiteral("name")).toString() == kDnsName
                || meta(o).value(QStringLiteral("labels")).toObject().value(QStringLiteral("kubernetes.io/service-name")).toString() == kDnsName))
            scheduleSync();
    };
    for (client::Informer *i : {d->services.get(), d->slices.get(), d->endpoints.get()}) {
        connect(i, &client::Informer::added, this, ours);
        connect(i, &client::Informer::updated, this, [ours](const QJsonObject &, const QJsonObject &o) { ours(o); });
        connect(i, &client::Informer::deleted, this, ours);
        connect(i, &client::Informer::synced, this, &ClusterDns::scheduleSync);
    }
    connect(d->nodes.get(), &client::Informer::added, this, &ClusterDns::nodeChanged);
    connect(d->nodes.get(), &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &n) { nodeChanged(n); });
    connect(d->nodes.get(), &client::Informer::deleted, this, [this](const QJsonObject &n) {
        const QString name = meta(n).value(QStringLiteral("name")).toString();
        if (d->gateways.contains(name)) {
            d->server->close(QHostAddress(d->gateways.take(name)));
            scheduleSync();
        }
    });
    if (d->config.loopbackPort >= 0) {
        QString error;
        d->loopbackPort = d->server->listen(QHostAddress(d->config.loopbackAddress), quint16(d->config.loopbackPort), &error);
        if (!d->loopbackPort)
            qCWarning(lcClusterDns).noquote() << "loopback listener:" << error;
    }
    for (client::Informer *i : {d->services.get(), d->slices.get(), d->pods.get(), d->namespaces.get(), d->nodes.get(), d->endpoints.get()})
        i->start();
}

void ClusterDns::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->syncTimer.stop();
    d->bindRetry.stop();
    d->server.reset();  // every socket closed
    d->resolver.reset();
    d->services.reset();
    d->slices.reset();
    d->pods.reset();
    d->namespaces.reset();
    d->nodes.reset();
    d->endpoints.reset();
    d->gateways.clear();
    d->client.reset();
}

QStringList ClusterDns::nodeAddresses() const
{
    QStringList out = d->gateways.values();
    out.sort();
    return out;
}

quint16 ClusterDns::loopbackPort() const
{
    return d->loopbackPort;
}

const DnsResolver &ClusterDns::resolver() const
{
    return *d->resolver;
}

void ClusterDns::nodeChanged(const QJsonObject &node)
{
    const QString name = meta(node).value(QStringLiteral("name")).toString();
    if (!d->running || !d->config.nodes.contains(name))
        return;
    const QString gateway = gatewayOf(node.value(QStringLiteral("spec")).toObject().value(QStringLiteral("podCIDR")).toString());
    if (gateway.isEmpty() || (d->gateways.value(name) == gateway && d->server->listening(QHostAddress(gateway))))
        return;
    if (d->gateways.contains(name))
        d->server->close(QHostAddress(d->gateways.take(name)));
    QString error;
    if (!d->server->listen(QHostAddress(gateway), d->config.port, &error, true)) {
        if (d->bindErrors.value(name) != error)  // once per distinct error, not every retry
            qCWarning(lcClusterDns).noquote() << name << "DNS listener:" << error << "(retrying)";
        d->bindErrors.insert(name, error);
        d->bindRetry.start();
        return;
    }
    qCInfo(lcClusterDns).noquote() << name << "DNS on" << gateway + QStringLiteral(":") + QString::number(d->config.port);
    d->gateways.insert(name, gateway);
    d->bindErrors.remove(name);
    if (d->gateways.size() == d->config.nodes.size())
        d->bindRetry.stop();
    emit listening(gateway);
    scheduleSync();
}

void ClusterDns::scheduleSync()
{
    if (d->running && !d->syncTimer.isActive())
        d->syncTimer.start(0);
}

void ClusterDns::sync()
{
    if (!d->running || !d->services->hasSynced() || !d->slices->hasSynced() || !d->endpoints->hasSynced())
        return;
    // One write at a time; the informers' event for it brings the next step.
    d->pending = d->busy;
    if (d->busy)
        return;
    const auto svc = d->services->get(kSystem + QLatin1Char('/') + kDnsName);
    if (!svc) {
        d->busy = true;
        QPointer<ClusterDns> self(this);
        d->client->create(resource("", "services"), kSystem, wantedService(d->config.serviceIp), [self](const api::Result<QJsonObject> &r) {
            if (!self)
                return;
            self->d->busy = false;
            if (!r) {
                qCWarning(lcClusterDns).noquote() << "kube-dns Service:" << r.error().message;
                self->d->syncTimer.start(kRetryMs);
            } else if (self->d->pending) {
                self->scheduleSync();
            }
        });
        return;
    }
    syncEndpoints(*svc);
}

void ClusterDns::syncEndpoints(const QJsonObject &service)
{
    // A kube-dns of the user's own (with a selector) is theirs to keep.
    if (!service.value(QStringLiteral("spec")).toObject().value(QStringLiteral("selector")).toObject().isEmpty())
        return;
    QJsonArray sliceEndpoints, subsetAddresses;
    for (auto it = d->gateways.cbegin(); it != d->gateways.cend(); ++it) {
        sliceEndpoints.append(QJsonObject{{QStringLiteral("addresses"), QJsonArray{it.value()}},
                                          {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("ready"), true},
                                                                                     {QStringLiteral("serving"), true},
                                                                                     {QStringLiteral("terminating"), false}}},
                                          {QStringLiteral("nodeName"), it.key()}});
        subsetAddresses.append(QJsonObject{{QStringLiteral("ip"), it.value()}, {QStringLiteral("nodeName"), it.key()}});
    }
    const QJsonObject owner{{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("Service")},
                            {QStringLiteral("name"), kDnsName},                  {QStringLiteral("uid"), meta(service).value(QStringLiteral("uid"))},
                            {QStringLiteral("controller"), true},                {QStringLiteral("blockOwnerDeletion"), true}};
    auto done = [self = QPointer<ClusterDns>(this)](const api::Result<QJsonObject> &r) {
        if (!self)
            return;
        self->d->busy = false;
        if (!r) {
            qCWarning(lcClusterDns).noquote() << "kube-dns endpoints:" << r.error().message;
            self->d->syncTimer.start(kRetryMs);
        } else if (self->d->pending) {
            self->scheduleSync();  // a change came while this write was out
        }
    };
    const QString key = kSystem + QLatin1Char('/') + kDnsName;
    const auto slice = d->slices->get(key);
    const QJsonValue wantedEndpoints = sliceEndpoints.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sliceEndpoints);
    if (!slice || slice->value(QStringLiteral("endpoints")) != wantedEndpoints
        || slice->value(QStringLiteral("ports")) != QJsonValue(dnsPorts())) {
        QJsonObject m = slice ? meta(*slice) : QJsonObject{{QStringLiteral("name"), kDnsName}, {QStringLiteral("namespace"), kSystem}};
        m.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/service-name"), kDnsName},
                                                       {QStringLiteral("endpointslice.kubernetes.io/managed-by"), kManagedBy}});
        m.insert(QStringLiteral("ownerReferences"), QJsonArray{owner});
        const QJsonObject wanted{{QStringLiteral("apiVersion"), QStringLiteral("discovery.k8s.io/v1")},
                                 {QStringLiteral("kind"), QStringLiteral("EndpointSlice")},
                                 {QStringLiteral("metadata"), m},
                                 {QStringLiteral("addressType"), QStringLiteral("IPv4")},
                                 {QStringLiteral("endpoints"), wantedEndpoints},
                                 {QStringLiteral("ports"), dnsPorts()}};
        d->busy = true;
        if (slice)
            d->client->update(resource("discovery.k8s.io", "endpointslices"), wanted, done);
        else
            d->client->create(resource("discovery.k8s.io", "endpointslices"), kSystem, wanted, done);
        return;
    }
    // The v1 Endpoints too, for `kubectl get endpoints` and describe.
    QJsonArray subsets;
    if (!subsetAddresses.isEmpty())
        subsets.append(QJsonObject{{QStringLiteral("addresses"), subsetAddresses}, {QStringLiteral("ports"), dnsPorts()}});
    const auto current = d->endpoints->get(key);
    const QJsonValue wantedSubsets = subsets.isEmpty() ? QJsonValue() : QJsonValue(subsets);
    if (current && current->value(QStringLiteral("subsets")) == wantedSubsets)
        return;
    QJsonObject m = current ? meta(*current) : QJsonObject{{QStringLiteral("name"), kDnsName}, {QStringLiteral("namespace"), kSystem}};
    m.insert(QStringLiteral("labels"), meta(service).value(QStringLiteral("labels")));
    QJsonObject wanted{{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("Endpoints")},
                       {QStringLiteral("metadata"), m}};
    if (!subsets.isEmpty())
        wanted.insert(QStringLiteral("subsets"), subsets);
    d->busy = true;
    if (current)
        d->client->update(resource("", "endpoints"), wanted, done);
    else
        d->client->create(resource("", "endpoints"), kSystem, wanted, done);
}

}  // namespace timoneiro::network
