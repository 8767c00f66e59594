#include "watch_stream.h"

#include "object_meta.h"

#include "api/table.h"

#include <QJsonDocument>

namespace timoneiro::apiserver {

WatchStreamImpl::WatchStreamImpl(const api::ResourceInfo &resource, WatchOptions options, qint64 startRevision)
    : resource_(resource), options_(std::move(options)), lastRevision_(startRevision)
{
}

WatchStreamImpl::~WatchStreamImpl()
{
    cancel();
}

void WatchStreamImpl::onStoreEvent(const std::shared_ptr<const DecodedEvent> &event)
{
    const bool now = matches(*event, false);
    const bool before = !event->previous.isEmpty() && matches(*event, true);
    QString type;
    switch (event->type) {
    case store::StoreEvent::Type::Added:
        type = now ? QStringLiteral("ADDED") : QString();
        break;
    case store::StoreEvent::Type::Modified:
        if (now)
            type = before ? QStringLiteral("MODIFIED") : QStringLiteral("ADDED");
        else if (before)
            type = QStringLiteral("DELETED");
        break;
    case store::StoreEvent::Type::Deleted:
        type = now ? QStringLiteral("DELETED") : QString();
        break;
    }
    {
        QMutexLocker lock(&mutex_);
        if (finished_)
            return;
        if (type.isEmpty()) {
            // Not for this watcher: no wake-up, only the revision a bookmark may report.
            skippedRevision_ = std::max(skippedRevision_, event->revision);
            return;
        }
        pending_.push_back({type, event});
    }
    notify();
}

void WatchStreamImpl::addInitial(const QJsonObject &object)
{
    if (!matches(object))
        return;
    QMutexLocker lock(&mutex_);
    initial_.append(render(QStringLiteral("ADDED"), object));
}

void WatchStreamImpl::setSubscription(std::unique_ptr<store::Watch> subscription)
{
    QMutexLocker lock(&mutex_);
    subscription_ = std::move(subscription);
}

void WatchStreamImpl::finish()
{
    {
        QMutexLocker lock(&mutex_);
        finished_ = true;
    }
    notify();
}

void WatchStreamImpl::failWith(const QJsonObject &status)
{
    {
        QMutexLocker lock(&mutex_);
        initial_.append({QStringLiteral("ERROR"), status});
        finished_ = true;
    }
    notify();
}

bool WatchStreamImpl::matches(const QJsonObject &obj) const
{
    const QJsonObject meta = obj.value(QStringLiteral("metadata")).toObject();
    return options_.labels.matches(meta.value(QStringLiteral("labels")).toObject()) && options_.fields.matches(obj);
}

bool WatchStreamImpl::matches(const DecodedEvent &event, bool previous) const
{
    if (!options_.labels.empty() && !options_.labels.matches(previous ? event.previousLabels : event.labels))
        return false;
    for (const api::FieldRequirement &r : options_.fields.requirements())
        if ((event.field(r.field, previous) == r.value) != r.equals)
            return false;
    return true;
}

api::WatchEvent WatchStreamImpl::render(const QString &type, const QJsonObject &obj)
{
    if (!options_.table)
        return {type, obj};
    // The real API server sends column definitions with the first event only.
    const QString rv = metadataOf(obj).value(QStringLiteral("resourceVersion")).toString();
    QJsonObject table = api::buildTable(resource_, {obj}, rv, {}, QDateTime::currentDateTimeUtc(), !headersSent_);
    headersSent_ = true;
    return {type, table};
}

QList<api::WatchEvent> WatchStreamImpl::take()
{
    std::deque<Pending> events;
    QList<api::WatchEvent> out;
    qint64 skipped = 0;
    {
        QMutexLocker lock(&mutex_);
        events.swap(pending_);
        out.swap(initial_);
        skipped = skippedRevision_;
    }
    qint64 last = skipped;
    for (const Pending &e : events) {
        last = std::max(last, e.event->revision);
        out.append(render(e.type, e.event->object));
    }
    QMutexLocker lock(&mutex_);
    // Events come in revision order: every match up to `last` is in `out`.
    lastRevision_ = std::max(lastRevision_, last);
    return out;
}

bool WatchStreamImpl::finished() const
{
    QMutexLocker lock(&mutex_);
    return finished_ && pending_.empty() && initial_.isEmpty();
}

void WatchStreamImpl::setNotifier(std::function<void()> notify)
{
    bool ready;
    {
        QMutexLocker lock(&mutex_);
        notifier_ = std::move(notify);
        ready = finished_ || !pending_.empty() || !initial_.isEmpty();
    }
    if (ready)
        this->notify();
}

void WatchStreamImpl::cancel()
{
    std::unique_ptr<store::Watch> subscription;
    {
        QMutexLocker lock(&mutex_);
        finished_ = true;
        subscription.swap(subscription_);
        notifier_ = nullptr;
    }
    // Destroyed outside our lock: unsubscribing takes the store's lock.
}

std::optional<api::WatchEvent> WatchStreamImpl::bookmark()
{
    if (!options_.bookmarks)
        return std::nullopt;
    QMutexLocker lock(&mutex_);
    // Left-out events count once nothing this watcher sees is waiting before them.
    const qint64 revision = pending_.empty() ? std::max(lastRevision_, skippedRevision_) : lastRevision_;
    QJsonObject obj{
        {QStringLiteral("kind"), resource_.kind},
        {QStringLiteral("apiVersion"), resource_.apiVersion()},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString::number(revision)}}},
    };
    return api::WatchEvent{QStringLiteral("BOOKMARK"), obj};
}

void WatchStreamImpl::notify()
{
    std::function<void()> n;
    {
        QMutexLocker lock(&mutex_);
        n = notifier_;
    }
    if (n)
        n();
}

}  // namespace timoneiro::apiserver
