#pragma once
// A watch as the API server runs it: store events under a key prefix,
// filtered by label and field selectors (an object leaving the selection is
// DELETED for this watcher, one entering it ADDED), rendered as full
// objects or Table rows.
#include "api/request.h"
#include "api/resource.h"
#include "api/selector.h"
#include "store/store.h"
#include "watch_event.h"

#include <QMutex>

#include <deque>

namespace timoneiro::apiserver {

struct WatchOptions {
    api::LabelSelector labels;
    api::FieldSelector fields;
    bool table = false;
    bool bookmarks = false;
    int timeoutSeconds = 0;
};

class WatchStreamImpl final : public api::WatchStream {
public:
    WatchStreamImpl(const api::ResourceInfo &resource, WatchOptions options, qint64 startRevision);
    ~WatchStreamImpl() override;

    // Called by the store with its lock held: decides whether this watcher
    // sees the event (and as what), then queues it; rendering waits for take().
    void onStoreEvent(const std::shared_ptr<const DecodedEvent> &event);
    // Objects that exist when a watch starts without a resourceVersion.
    void addInitial(const QJsonObject &object);
    void setSubscription(std::unique_ptr<store::Watch> subscription);
    // The server ends the stream (shutdown).
    void finish();
    // An ERROR event carrying a Status (e.g. 410 Expired), then the end.
    void failWith(const QJsonObject &status);

    QList<api::WatchEvent> take() override;
    bool finished() const override;
    void setNotifier(std::function<void()> notify) override;
    void cancel() override;
    std::optional<api::WatchEvent> bookmark() override;
    int timeoutSeconds() const override { return options_.timeoutSeconds; }

private:
    bool matches(const QJsonObject &obj) const;
    bool matches(const DecodedEvent &event, bool previous) const;
    api::WatchEvent render(const QString &type, const QJsonObject &obj);
    void notify();

    const api::ResourceInfo &resource_;
    WatchOptions options_;
    mutable QMutex mutex_;
    struct Pending {
        QString type;  // ADDED, MODIFIED or DELETED for this watcher
        std::shared_ptr<const DecodedEvent> event;
    };
    std::deque<Pending> pending_;
    QList<api::WatchEvent> initial_;
    std::function<void()> notifier_;
    std::unique_ptr<store::Watch> subscription_;
    qint64 lastRevision_;
    qint64 skippedRevision_ = 0;  // the last event this watcher's selectors left out
    bool finished_ = false;
    bool headersSent_ = false;
};

}  // namespace timoneiro::apiserver
