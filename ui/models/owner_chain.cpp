#include "owner_chain.h"


#include "api/object.h"

#include <QPointer>
#include <QUrlQuery>

namespace timoneiro::ui {

namespace {
constexpr int kMaxDepth = 6;  // owners chain rarely deeper than 3; a cycle must not loop
}

QUrl OwnerLink::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("timoneiro"));
    u.setPath(QStringLiteral("select"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("apiVersion"), apiVersion);
    q.addQueryItem(QStringLiteral("kind"), kind);
    q.addQueryItem(QStringLiteral("namespace"), namespaceName);
    q.addQueryItem(QStringLiteral("name"), name);
    u.setQuery(q);
    return u;
}

std::optional<OwnerLink> OwnerLink::fromUrl(const QUrl &url)
{
    if (url.scheme() != QLatin1String("timoneiro") || url.path() != QLatin1String("select"))
        return std::nullopt;
    const QUrlQuery q(url);
    OwnerLink l;
    l.apiVersion = q.queryItemValue(QStringLiteral("apiVersion"), QUrl::FullyDecoded);
    l.kind = q.queryItemValue(QStringLiteral("kind"), QUrl::FullyDecoded);
    l.namespaceName = q.queryItemValue(QStringLiteral("namespace"), QUrl::FullyDecoded);
    l.name = q.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    if (l.kind.isEmpty() || l.name.isEmpty())
        return std::nullopt;
    return l;
}

OwnerLink OwnerLink::of(const QJsonObject &obj)
{
    return {obj.value(QStringLiteral("apiVersion")).toString(), obj.value(QStringLiteral("kind")).toString(),
            api::namespaceOf(obj), api::nameOf(obj), {}};
}

OwnerChain::OwnerChain(client::Client &client, QObject *parent) : QObject(parent), client_(client) {}

void OwnerChain::resolve(const QJsonObject &obj)
{
    building_ = {OwnerLink::of(obj)};
    step(obj, 0, ++generation_);
}

void OwnerChain::step(const QJsonObject &obj, int depth, quint64 generation)
{
    const QJsonObject ref = api::controllerRefOf(obj);
    if (ref.isEmpty() || depth >= kMaxDepth) {
        chain_ = building_;
        emit resolved(chain_);
        return;
    }
    OwnerLink owner{ref.value(QStringLiteral("apiVersion")).toString(), ref.value(QStringLiteral("kind")).toString(),
                    api::namespaceOf(obj), ref.value(QStringLiteral("name")).toString(), {}};
    const api::ResourceInfo *r = api::ResourceRegistry::builtin().findByKind(owner.apiVersion, owner.kind);
    if (!r) {
        owner.problem = tr("a kind this app does not know");
        building_.prepend(owner);
        chain_ = building_;
        emit resolved(chain_);
        return;
    }
    if (!r->namespaced)
        owner.namespaceName.clear();
    QPointer<OwnerChain> self(this);
    client_.get(*r, owner.namespaceName, owner.name, [self, owner, depth, generation, uid = ref.value(QStringLiteral("uid")).toString()](const api::Result<QJsonObject> &got) mutable {
        if (!self || generation != self->generation_)
            return;
        if (!got || (!uid.isEmpty() && api::uidOf(*got) != uid)) {
            owner.problem = got ? tr("gone: an object of that name has another uid") : got.error().message;
            self->building_.prepend(owner);
            self->chain_ = self->building_;
            emit self->resolved(self->chain_);
            return;
        }
        self->building_.prepend(OwnerLink::of(*got));
        self->step(*got, depth + 1, generation);
    });
}

}  // namespace timoneiro::ui
