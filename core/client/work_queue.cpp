#include "work_queue.h"

#include <algorithm>

namespace timoneiro::client {

namespace {
constexpr double kQps = 10;
constexpr double kBurst = 100;
constexpr qint64 kBaseDelayMs = 5;
constexpr qint64 kMaxDelayMs = 1000 * 1000;
}  // namespace

WorkQueue::WorkQueue(QObject *parent) : QObject(parent)
{
    clock_.start();
    pump_.setSingleShot(true);
    pump_.setInterval(0);
    connect(&pump_, &QTimer::timeout, this, [this] {
        if (!process_)
            return;
        // A bounded batch per turn of the event loop, so the GUI and other work get time.
        for (int i = 0; i < 50; ++i) {
            const QString key = get();
            if (key.isEmpty())
                return;
            const bool ok = process_(key);
            if (ok)
                forget(key);
            else
                addRateLimited(key);
            done(key);
        }
        schedule();
    });
}

qint64 WorkQueue::backoffMs(int failures)
{
    if (failures <= 0)
        return 0;
    const int shift = std::min(failures - 1, 30);
    return std::min(kMaxDelayMs, kBaseDelayMs << shift);
}

void WorkQueue::schedule()
{
    if (process_ && !queue_.isEmpty() && !pump_.isActive())
        pump_.start();
    if (!queue_.isEmpty())
        emit ready();
}

void WorkQueue::add(const QString &key)
{
    if (processing_.contains(key)) {
        dirty_.insert(key);
        return;
    }
    if (queued_.contains(key))
        return;
    queued_.insert(key);
    queue_.append(key);
    schedule();
}

void WorkQueue::addAfter(const QString &key, int delayMs)
{
    if (delayMs <= 0) {
        add(key);
        return;
    }
    QTimer::singleShot(delayMs, this, [this, key] { add(key); });
}

int WorkQueue::bucketDelayMs()
{
    const qint64 now = clock_.elapsed();
    tokens_ = std::min(kBurst, tokens_ + double(now - lastRefillMs_) * kQps / 1000.0);
    lastRefillMs_ = now;
    tokens_ -= 1;
    return tokens_ >= 0 ? 0 : int(-tokens_ * 1000.0 / kQps);
}

void WorkQueue::addRateLimited(const QString &key)
{
    const int failures = ++failures_[key];
    addAfter(key, int(std::max<qint64>(backoffMs(failures), bucketDelayMs())));
}

void WorkQueue::forget(const QString &key)
{
    failures_.remove(key);
}

QString WorkQueue::get()
{
    if (queue_.isEmpty())
        return {};
    const QString key = queue_.takeFirst();
    queued_.remove(key);
    processing_.insert(key);
    return key;
}

void WorkQueue::done(const QString &key)
{
    processing_.remove(key);
    if (dirty_.remove(key))
        add(key);
}

void WorkQueue::setProcessor(std::function<bool(const QString &)> process)
{
    process_ = std::move(process);
    schedule();
}

}  // namespace timoneiro::client
