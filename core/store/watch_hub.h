#pragma once
// Fan-out of committed store events to the watches registered on key
// prefixes. The store calls publish() with its lock held, so a watcher sees
// every event exactly once and in revision order.
#include "store.h"

#include <QList>

#include <mutex>

namespace timoneiro::store {

class WatchHub {
public:
    explicit WatchHub(std::mutex &storeLock) : lock_(storeLock) {}

    // Caller holds the store's lock.
    quint64 subscribe(const QString &prefix, WatchCallback callback);
    void publish(const StoreEvent &event) const;

    // Takes the store's lock itself (called from a Watch's destructor).
    void unsubscribe(quint64 id);

private:
    struct Subscriber {
        quint64 id;
        QString prefix;
        WatchCallback callback;
    };
    std::mutex &lock_;
    QList<Subscriber> subscribers_;
    quint64 nextId_ = 1;
};

}  // namespace timoneiro::store
