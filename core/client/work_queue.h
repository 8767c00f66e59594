#pragma once
// A rate-limited work queue as controllers use it (client-go's): a key is
// queued once however often it is added; a key being processed is queued
// again after done() if it was added meanwhile; failures come back after a
// per-key exponential back-off (5 ms doubling to 1000 s), and the whole
// queue is held to a token bucket (10 per second, bursts of 100).
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace timoneiro::client {

class WorkQueue : public QObject {
    Q_OBJECT
public:
    explicit WorkQueue(QObject *parent = nullptr);

    void add(const QString &key);
    void addAfter(const QString &key, int delayMs);
    // After a failure: add after the key's back-off (and the bucket's pace).
    void addRateLimited(const QString &key);
    // After a success: reset the key's back-off.
    void forget(const QString &key);
    int retries(const QString &key) const { return failures_.value(key); }

    // Takes the next key to process ("" if none); pair with done().
    QString get();
    void done(const QString &key);

    int length() const { return int(queue_.size()); }
    bool processing(const QString &key) const { return processing_.contains(key); }

    // Convenience for event-loop users: process(key) is called for each key
    // as it becomes ready; true means success (forget), false means retry.
    void setProcessor(std::function<bool(const QString &)> process);

    // The back-off of a key that failed n times (ms): exposed for tests.
    static qint64 backoffMs(int failures);

signals:
    void ready();

private:
    int bucketDelayMs();
    void schedule();

    QStringList queue_;
    QSet<QString> queued_;
    QSet<QString> processing_;
    QSet<QString> dirty_;  // added while processing
    QHash<QString, int> failures_;
    std::function<bool(const QString &)> process_;
    QTimer pump_;
    // Token bucket.
    double tokens_ = 100;
    QElapsedTimer clock_;
    qint64 lastRefillMs_ = 0;
};

}  // namespace timoneiro::client
