#pragma once
// The store: SQLite in WAL mode, kine-like. Every write appends one row under a
// single global revision; an object's resourceVersion is the revision of the
// row that holds its current value. Only the API server touches it.
#include "../api/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace timoneiro::store {

using api::ApiError;
using api::Result;

struct KeyValue {
    QString key;
    QByteArray value;         // the object's JSON as stored
    qint64 revision = 0;      // modRevision: the row's id
    qint64 createRevision = 0;
};

struct ListResult {
    QList<KeyValue> items;
    qint64 revision = 0;      // the store's revision the list was read at
    QString continueKey;      // non-empty when more items remain (pass as startAfter)
};

struct StoreEvent {
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    QString key;
    QByteArray value;         // new value; for Deleted the last value before deletion
    QByteArray prevValue;     // previous value (empty for Added)
    qint64 revision = 0;
    QString actor;
};

// Called on the writer's thread, with the store's lock held: keep it short
// (filter and enqueue), never call back into the store.
using WatchCallback = std::function<void(const StoreEvent &)>;

class Watch {
public:
    virtual ~Watch() = default;  // unsubscribes
};

struct Options {
    // PRAGMA synchronous: "FULL" fsyncs the WAL at every commit (an
    // acknowledged write survives power loss); "NORMAL" survives a process
    // crash only.
    QString synchronous = QStringLiteral("FULL");
};

class Store {
public:
    // Opens (or creates) the database at path. Errors: 500 InternalError.
    static Result<std::unique_ptr<Store>> open(const QString &path, const Options &options = {});
    ~Store();

    // Creates key; 409-style error (reason AlreadyExists, code 409) if it exists.
    // Returns the new revision. The caller maps errors to resource names.
    Result<qint64> create(const QString &key, const QByteArray &value, const QString &actor);
    // Replaces key's value if its current revision is expectedRevision (0 = any).
    // Errors: NotFound (404) when absent, Conflict (409) when stale.
    Result<qint64> update(const QString &key, const QByteArray &value, qint64 expectedRevision,
                          const QString &actor);
    // Deletes key if its current revision is expectedRevision (0 = any).
    // Returns the revision of the delete row. Errors as update.
    Result<qint64> remove(const QString &key, qint64 expectedRevision, const QString &actor);

    // Current value of key, or NotFound.
    Result<KeyValue> get(const QString &key) const;
    // Live keys starting with prefix, sorted by key, after startAfter (exclusive),
    // at most limit items (0 = all).
    Result<ListResult> list(const QString &prefix, qint64 limit = 0, const QString &startAfter = {}) const;
    // Group commit: writes made on the thread of the application's event
    // loop join one open transaction, committed (and their watch events
    // published) by a flush posted to that loop when the transaction opens
    // -- one fsync for every write made before the loop gets to it, instead
    // of one each. Reads on this connection see the writes at once. Callers
    // must answer a write only through a posted event (as the in-process
    // transport and the HTTP server do): posted after the flush, the answer
    // goes out once the write is on disk. Off by default; writes on other
    // threads, and a batch of a thousand, commit at once as ever.
    void setGroupCommit(bool on);
    // Commits the open batch now (the store does it itself; for shutdown and tests).
    void flush();

    qint64 currentRevision() const;
    qint64 compactedRevision() const;

    // Watch keys under prefix for changes after fromRevision: first the
    // history rows with revision > fromRevision (replayed synchronously
    // before this returns), then live events. fromRevision 0 = from now.
    // Error 410 (reason Expired, "too old resource version: X (Y)") when
    // fromRevision is older than the compacted revision.
    Result<std::unique_ptr<Watch>> watch(const QString &prefix, qint64 fromRevision, WatchCallback callback);

    // Removes superseded rows with revision <= revision (and delete markers);
    // afterwards watches from older revisions get 410.
    Result<qint64> compact(qint64 revision);

    // Who wrote each revision of key, oldest first (the "time slider" hook).
    Result<QList<StoreEvent>> history(const QString &key) const;

private:
    Store();
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace timoneiro::store
