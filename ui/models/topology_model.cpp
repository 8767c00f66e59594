#include "topology_model.h"

#include "api/object.h"
#include "api/resource.h"
#include "client/informer.h"

#include <algorithm>

namespace timoneiro::ui {

namespace {

QString keyFor(TopologyKind kind, const QString &key) { return QString::number(int(kind)) + QLatin1Char(':') + key; }

}  // namespace

TopologyModel::TopologyModel(client::Client &client, QObject *parent) : QObject(parent), client_(client)
{
    const struct {
        const char *group, *plural;
        TopologyKind kind;
    } watched[] = {{"", "nodes", TopologyKind::Node},
                   {"", "pods", TopologyKind::Pod},
                   {"", "services", TopologyKind::Service},
                   {"apps", "replicasets", TopologyKind::ReplicaSet},
                   {"apps", "deployments", TopologyKind::Deployment}};
    for (const auto &w : watched) {
        auto *informer = new client::Informer(client_, api::builtinResource(QLatin1String(w.group), QLatin1String(w.plural)));
        informers_.emplace_back(informer);
        watch(informer, w.kind);
    }
    auto *slices = new client::Informer(client_, api::builtinResource(QStringLiteral("discovery.k8s.io"), QStringLiteral("endpointslices")));
    informers_.emplace_back(slices);
    connect(slices, &client::Informer::added, this, [this](const QJsonObject &o) { sliceChanged(o, false); });
    connect(slices, &client::Informer::updated, this, [this](const QJsonObject &, const QJsonObject &o) { sliceChanged(o, false); });
    connect(slices, &client::Informer::deleted, this, [this](const QJsonObject &o) { sliceChanged(o, true); });
    for (auto &informer : informers_) {
        connect(informer.get(), &client::Informer::synced, this, [this] {
            if (++syncedInformers_ == int(informers_.size()))
                emit synced();
        });
        connect(informer.get(), &client::Informer::watchError, this, &TopologyModel::watchError);
    }
}

TopologyModel::~TopologyModel() = default;

void TopologyModel::start()
{
    for (auto &informer : informers_)
        informer->start();
}

bool TopologyModel::hasSynced() const
{
    return std::all_of(informers_.begin(), informers_.end(), [](const auto &i) { return i->hasSynced(); });
}

void TopologyModel::watch(client::Informer *informer, TopologyKind kind)
{
    connect(informer, &client::Informer::added, this, [this, kind](const QJsonObject &o) { upsert(kind, o); });
    connect(informer, &client::Informer::updated, this, [this, kind](const QJsonObject &before, const QJsonObject &after) {
        // The same name may now be another object (deleted and created again while not watching).
        if (api::uidOf(before) != api::uidOf(after))
            remove(before);
        upsert(kind, after);
    });
    connect(informer, &client::Informer::deleted, this, &TopologyModel::remove);
}

const TopologyElement *TopologyModel::element(const QString &uid) const
{
    auto it = elements_.constFind(uid);
    return it == elements_.cend() ? nullptr : &*it;
}

QList<TopologyElement> TopologyModel::elements(TopologyKind kind) const
{
    QList<TopologyElement> out;
    for (const TopologyElement &e : elements_)
        if (e.kind == kind)
            out.append(e);
    return out;
}

int TopologyModel::count(TopologyKind kind) const
{
    return int(std::count_if(elements_.cbegin(), elements_.cend(), [kind](const TopologyElement &e) { return e.kind == kind; }));
}

QList<QString> TopologyModel::podsOn(const QString &nodeName) const
{
    return podsByNode_.value(nodeName).values();
}

QList<TopologyLink> TopologyModel::links() const
{
    QList<TopologyLink> out;
    for (const TopologyLink &l : links_)
        if (present(l))
            out.append(l);
    return out;
}

QList<TopologyLink> TopologyModel::linksOf(const QString &uid) const
{
    QList<TopologyLink> out;
    for (const QString &id : linksByEnd_.value(uid))
        if (present(links_.value(id)))
            out.append(links_.value(id));
    return out;
}

QStringList TopologyModel::namespaces() const
{
    QStringList out = namespaceCounts_.keys();
    out.sort();
    return out;
}

void TopologyModel::countNamespace(const QString &ns, int delta)
{
    if (ns.isEmpty())
        return;
    int &n = namespaceCounts_[ns];
    n += delta;
    if (n <= 0) {
        namespaceCounts_.remove(ns);
        emit namespacesChanged();
    } else if (n == delta) {
        emit namespacesChanged();
    }
}

void TopologyModel::upsert(TopologyKind kind, const QJsonObject &obj)
{
    TopologyElement after = TopologyElement::fromObject(kind, obj);
    if (after.uid.isEmpty())
        return;
    auto it = elements_.find(after.uid);
    if (it == elements_.end()) {
        insertElement(after);
        return;
    }
    const TopologyElement before = *it;
    if (before.nodeName != after.nodeName && kind == TopologyKind::Pod) {
        auto pods = podsByNode_.find(before.nodeName);
        if (pods != podsByNode_.end() && (pods->remove(after.uid), pods->isEmpty()))
            podsByNode_.erase(pods);
        podsByNode_[after.nodeName].insert(after.uid);
    }
    *it = after;
    setOwnerLink(before, after);
    emit elementUpdated(before, after);
}

void TopologyModel::insertElement(const TopologyElement &e)
{
    elements_.insert(e.uid, e);
    uidByKey_.insert(keyFor(e.kind, e.key()), e.uid);
    if (e.kind == TopologyKind::Pod)
        podsByNode_[e.nodeName].insert(e.uid);
    countNamespace(e.namespaceName, 1);
    emit elementAdded(e);
    setOwnerLink({}, e);
    // Links wanted before this end arrived are complete now.
    for (const QString &id : linksByEnd_.value(e.uid))
        if (present(links_.value(id)))
            emit linkAdded(links_.value(id));
    if (e.kind == TopologyKind::Service)
        reconcileEndpoints(e.key());
}

void TopologyModel::remove(const QJsonObject &obj)
{
    eraseElement(api::uidOf(obj));
}

void TopologyModel::eraseElement(const QString &uid)
{
    auto it = elements_.find(uid);
    if (it == elements_.end())
        return;
    const TopologyElement e = *it;
    for (const QString &id : linksByEnd_.value(uid))
        if (present(links_.value(id)))
            emit linkRemoved(links_.value(id));
    elements_.erase(it);
    // The links this object defined go with it; links others define (a slice naming
    // a deleted pod) stay wanted until their definer changes.
    setOwnerLink(e, {});
    if (e.kind == TopologyKind::Service) {
        const QHash<QString, bool> linked = endpointLinks_.value(e.key());
        for (auto l = linked.cbegin(); l != linked.cend(); ++l)
            removeLink(TopologyLink{TopologyLinkKind::Endpoint, uid, l.key()}.id());
        endpointLinks_.remove(e.key());
    }
    const QString key = keyFor(e.kind, e.key());
    if (uidByKey_.value(key) == uid)
        uidByKey_.remove(key);
    if (e.kind == TopologyKind::Pod) {
        auto pods = podsByNode_.find(e.nodeName);
        if (pods != podsByNode_.end() && (pods->remove(uid), pods->isEmpty()))
            podsByNode_.erase(pods);
    }
    countNamespace(e.namespaceName, -1);
    emit elementRemoved(e);
}

void TopologyModel::setLink(const TopologyLink &link)
{
    const QString id = link.id();
    auto it = links_.find(id);
    if (it != links_.end()) {
        if (*it == link)
            return;
        *it = link;
        if (present(link))
            emit linkUpdated(link);
        return;
    }
    links_.insert(id, link);
    linksByEnd_[link.from].insert(id);
    linksByEnd_[link.to].insert(id);
    if (present(link))
        emit linkAdded(link);
}

void TopologyModel::removeLink(const QString &id)
{
    auto it = links_.find(id);
    if (it == links_.end())
        return;
    const TopologyLink link = *it;
    links_.erase(it);
    for (const QString &end : {link.from, link.to}) {
        auto ends = linksByEnd_.find(end);
        if (ends != linksByEnd_.end() && (ends->remove(id), ends->isEmpty()))
            linksByEnd_.erase(ends);
    }
    if (present(link))
        emit linkRemoved(link);
}

void TopologyModel::setOwnerLink(const TopologyElement &before, const TopologyElement &after)
{
    if (!before.ownerUid.isEmpty() && before.ownerUid != after.ownerUid)
        removeLink(TopologyLink{TopologyLinkKind::Owner, before.ownerUid, before.uid}.id());
    if (!after.ownerUid.isEmpty())
        setLink(TopologyLink{TopologyLinkKind::Owner, after.ownerUid, after.uid});
}

void TopologyModel::sliceChanged(const QJsonObject &obj, bool removed)
{
    const QString key = client::Informer::keyOf(obj);
    const QString oldService = slices_.value(key).serviceKey;
    if (removed) {
        slices_.remove(key);
    } else {
        Slice slice;
        const QString service = api::metaOf(obj).value(QStringLiteral("labels")).toObject()
                                    .value(QStringLiteral("kubernetes.io/service-name")).toString();
        if (!service.isEmpty())
            slice.serviceKey = api::namespaceOf(obj) + QLatin1Char('/') + service;
        for (const QJsonValue &ev : obj.value(QStringLiteral("endpoints")).toArray()) {
            const QJsonObject ep = ev.toObject(), ref = ep.value(QStringLiteral("targetRef")).toObject();
            if (ref.value(QStringLiteral("kind")).toString() != QLatin1String("Pod"))
                continue;
            QString pod = ref.value(QStringLiteral("uid")).toString();
            if (pod.isEmpty())
                pod = uidByKey_.value(keyFor(TopologyKind::Pod, ref.value(QStringLiteral("namespace")).toString(api::namespaceOf(obj))
                                                                     + QLatin1Char('/') + ref.value(QStringLiteral("name")).toString()));
            // A missing ready condition means ready (EndpointSlice API).
            const QJsonValue ready = ep.value(QStringLiteral("conditions")).toObject().value(QStringLiteral("ready"));
            if (!pod.isEmpty())
                slice.endpoints[pod] = slice.endpoints.value(pod) || ready.isUndefined() || ready.toBool();
        }
        slices_.insert(key, slice);
        if (!slice.serviceKey.isEmpty())
            slicesByService_[slice.serviceKey].insert(key);
    }
    if (!oldService.isEmpty() && (removed || oldService != slices_.value(key).serviceKey)) {
        auto s = slicesByService_.find(oldService);
        if (s != slicesByService_.end() && (s->remove(key), s->isEmpty()))
            slicesByService_.erase(s);
        reconcileEndpoints(oldService);
    }
    if (!removed && !slices_.value(key).serviceKey.isEmpty())
        reconcileEndpoints(slices_.value(key).serviceKey);
}

void TopologyModel::reconcileEndpoints(const QString &serviceKey)
{
    const QString service = uidByKey_.value(keyFor(TopologyKind::Service, serviceKey));
    QHash<QString, bool> wanted;
    if (!service.isEmpty())
        for (const QString &sliceKey : slicesByService_.value(serviceKey))
            for (auto ep = slices_[sliceKey].endpoints.cbegin(), end = slices_[sliceKey].endpoints.cend(); ep != end; ++ep)
                wanted[ep.key()] = wanted.value(ep.key()) || ep.value();
    QHash<QString, bool> &linked = endpointLinks_[serviceKey];
    for (auto l = linked.cbegin(); l != linked.cend(); ++l)
        if (!wanted.contains(l.key()))
            removeLink(TopologyLink{TopologyLinkKind::Endpoint, service, l.key()}.id());
    for (auto w = wanted.cbegin(); w != wanted.cend(); ++w)
        setLink(TopologyLink{TopologyLinkKind::Endpoint, service, w.key(), w.value()});
    linked = wanted;
    if (linked.isEmpty())
        endpointLinks_.remove(serviceKey);
}

}  // namespace timoneiro::ui
