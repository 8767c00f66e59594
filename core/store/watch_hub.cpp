#include "watch_hub.h"

namespace timoneiro::store {

quint64 WatchHub::subscribe(const QString &prefix, WatchCallback callback)
{
    const quint64 id = nextId_++;
    subscribers_.append(Subscriber{id, prefix, std::move(callback)});
    return id;
}

void WatchHub::publish(const StoreEvent &event) const
{
    for (const Subscriber &s : subscribers_) {
        if (event.key.startsWith(s.prefix))
            s.callback(event);
    }
}

void WatchHub::unsubscribe(quint64 id)
{
    std::lock_guard guard(lock_);
    subscribers_.removeIf([id](const Subscriber &s) { return s.id == id; });
}

}  // namespace timoneiro::store
