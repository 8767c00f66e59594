#include "controller.h"

#include <QJsonArray>

namespace timoneiro::controllers {

Controller::Controller(client::Client &client, QString name, QObject *parent)
    : QObject(parent), client_(client), events_(client, name), name_(std::move(name))
{
}

client::Informer &Controller::watch(const char *group, const char *plural, std::function<QStringList(const QJsonObject &)> mapKey)
{
    auto *informer = new client::Informer(client_, builtinResource(QLatin1String(group), QLatin1String(plural)), {}, {}, this);
    informers_.append(informer);
    auto keys = [this, mapKey](const QJsonObject &obj) {
        for (const QString &k : mapKey ? mapKey(obj) : QStringList{client::Informer::keyOf(obj)})
            if (!k.isEmpty())
                queue_.add(k);
    };
    connect(informer, &client::Informer::added, this, keys);
    connect(informer, &client::Informer::updated, this, [keys](const QJsonObject &old, const QJsonObject &now) {
        keys(old);
        keys(now);
    });
    connect(informer, &client::Informer::deleted, this, keys);
    connect(informer, &client::Informer::synced, this, [this] {
        if (synced())
            queue_.setProcessor([this](const QString &key) { return reconcile(key); });
    });
    return *informer;
}

void Controller::start()
{
    for (client::Informer *i : informers_)
        i->start();
}

bool Controller::synced() const
{
    for (const client::Informer *i : informers_)
        if (!i->hasSynced())
            return false;
    return true;
}

client::ObjectCallback Controller::retryOnError(const QString &key)
{
    return [this, key](const api::Result<QJsonObject> &r) {
        // Conflicts and not-found are normal races: the next event brings the fresh object.
        if (!r && r.error().code != 404 && r.error().code != 409)
            queue_.addRateLimited(key);
        else if (!r)
            queue_.add(key);
    };
}

}  // namespace timoneiro::controllers
