// The store's rows. Two tables: `log` holds one row per write (the revision
// is its primary key, so one global counter orders every change, as etcd's
// and kine's do) and `current` points each live key at its latest row, so
// get and list never scan history.
#include "store.h"

#include "sqlite_statement.h"
#include "watch_hub.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <mutex>
#include <optional>

namespace timoneiro::store {

namespace {

const char *const kSchema = R"(
CREATE TABLE IF NOT EXISTS log(
  revision INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  created INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  create_revision INTEGER NOT NULL,
  prev_revision INTEGER NOT NULL,
  value BLOB,
  actor TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS log_key ON log(key, revision);
CREATE TABLE IF NOT EXISTS current(key TEXT PRIMARY KEY, revision INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
)";

ApiError storeError(int code, const char *reason, const QString &message)
{
    ApiError e;
    e.code = code;
    e.reason = QString::fromLatin1(reason);
    e.message = message;
    return e;
}

// The smallest string greater than every string that starts with prefix.
QString prefixEnd(const QString &prefix)
{
    if (prefix.isEmpty())
        return QString(QChar(0xFFFF));
    QString end = prefix;
    end[end.size() - 1] = QChar(end.at(end.size() - 1).unicode() + 1);
    return end;
}

}  // namespace

struct Store::Private {
    sqlite3 *db = nullptr;
    mutable std::mutex lock;
    WatchHub hub{lock};
    qint64 revision = 0;
    qint64 compacted = 0;

    Statement begin, commit, rollback, savepoint, release, rollbackTo;

    // Group commit (see Store::setGroupCommit): writes made on the event
    // loop's thread share one transaction, committed by flush() before the
    // loop delivers anything that depends on them.
    bool groupCommit = false;
    bool inBatch = false;
    QList<StoreEvent> unpublished;  // events of the open batch, published at its commit
    std::shared_ptr<int> alive = std::make_shared<int>(0);
    Statement getCurrent, insertRow, upsertCurrent, deleteCurrent;
    Statement listRange, replayRange, historyOf, setMeta;
    Statement compactSuperseded, compactMarkers;

    ~Private()
    {
        if (inBatch)
            commit.reset().step();
        sqlite3_close_v2(db);
    }

    bool batching() const
    {
        // A bounded batch, and only on the thread whose event loop runs the flush.
        const QCoreApplication *app = QCoreApplication::instance();
        return groupCommit && app && QThread::currentThread() == app->thread() && unpublished.size() < 1000;
    }

    // Commits the open batch and publishes its events. A failed commit
    // stops the process, as etcd stops on a failed WAL sync: the writes'
    // callers have not been answered yet, so nothing acknowledged is lost.
    void flushLocked()
    {
        if (!inBatch)
            return;
        inBatch = false;
        if (commit.reset().step() != SQLITE_DONE)
            qFatal("store: commit failed: %s", sqlite3_errmsg(db));
        for (const StoreEvent &e : std::exchange(unpublished, {}))
            hub.publish(e);
    }

    void scheduleFlush()
    {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [this, weak = std::weak_ptr<int>(alive)] {
                if (!weak.lock())
                    return;
                std::lock_guard guard(lock);
                flushLocked();
            },
            Qt::QueuedConnection);
    }

    ApiError sqlError(const char *what) const
    {
        return storeError(500, "InternalError",
                          QStringLiteral("store: %1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))));
    }

    bool exec(const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

    // Latest row of a live key: revision, create_revision, value.
    std::optional<KeyValue> current(const QString &key)
    {
        Statement &s = getCurrent.reset().bind(1, key);
        if (s.step() != SQLITE_ROW)
            return std::nullopt;
        return KeyValue{key, s.blob(2), s.int64(0), s.int64(1)};
    }

    // Appends one row and moves `current` in the same transaction; the
    // commit (with synchronous=FULL) is what makes the write acknowledged.
    Result<qint64> append(const QString &key, const QByteArray &value, const std::optional<KeyValue> &prev,
                          bool deleted, const QString &actor)
    {
        const qint64 rev = revision + 1;
        const bool batch = batching();
        if (batch) {
            if (!inBatch) {
                if (begin.reset().step() != SQLITE_DONE)
                    return sqlError("begin");
                inBatch = true;
                scheduleFlush();
            }
            if (savepoint.reset().step() != SQLITE_DONE)
                return sqlError("savepoint");
        } else {
            flushLocked();  // an open batch goes first, so revisions commit in order
            if (begin.reset().step() != SQLITE_DONE)
                return sqlError("begin");
        }
        const qint64 createRev = prev ? prev->createRevision : rev;
        insertRow.reset().bind(1, rev).bind(2, key).bind(3, qint64(prev ? 0 : 1)).bind(4, qint64(deleted ? 1 : 0))
            .bind(5, createRev).bind(6, prev ? prev->revision : 0).bind(8, actor);
        if (!deleted)
            insertRow.bindBlob(7, value);
        bool ok = insertRow.step() == SQLITE_DONE;
        if (ok && deleted)
            ok = deleteCurrent.reset().bind(1, key).step() == SQLITE_DONE;
        else if (ok)
            ok = upsertCurrent.reset().bind(1, key).bind(2, rev).step() == SQLITE_DONE;
        if (batch) {
            if (!ok || release.reset().step() != SQLITE_DONE) {
                // Only this write is undone; the batch goes on.
                ApiError e = sqlError("write");
                rollbackTo.reset().step();
                release.reset().step();
                return e;
            }
        } else if (!ok || commit.reset().step() != SQLITE_DONE) {
            ApiError e = sqlError("write");
            rollback.reset().step();
            return e;
        }
        revision = rev;
        StoreEvent event;
        event.type = deleted ? StoreEvent::Type::Deleted : prev ? StoreEvent::Type::Modified : StoreEvent::Type::Added;
        event.key = key;
        event.value = deleted ? prev->value : value;
        event.prevValue = prev ? prev->value : QByteArray();
        event.revision = rev;
        event.actor = actor;
        if (batch)
            unpublished.append(event);
        else
            hub.publish(event);
        return rev;
    }

    // An update or delete of an existing key at expectedRevision (0 = any).
    Result<qint64> replace(const QString &key, const QByteArray &value, qint64 expectedRevision, bool deleted,
                           const QString &actor)
    {
        const std::optional<KeyValue> prev = current(key);
        if (!prev)
            return storeError(404, "NotFound", QStringLiteral("key not found: ") + key);
        if (expectedRevision != 0 && prev->revision != expectedRevision)
            return storeError(409, "Conflict", QStringLiteral("revision mismatch on ") + key);
        return append(key, value, prev, deleted, actor);
    }

    bool prepareAll()
    {
        return begin.prepare(db, "BEGIN IMMEDIATE") && commit.prepare(db, "COMMIT")
            && rollback.prepare(db, "ROLLBACK") && savepoint.prepare(db, "SAVEPOINT w")
            && release.prepare(db, "RELEASE w") && rollbackTo.prepare(db, "ROLLBACK TO w")
            && getCurrent.prepare(db, "SELECT l.revision, l.create_revision, l.value FROM current c "
                                      "JOIN log l ON l.revision = c.revision WHERE c.key = ?1")
            && insertRow.prepare(db, "INSERT INTO log(revision, key, created, deleted, create_revision, "
                                     "prev_revision, value, actor) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            && upsertCurrent.prepare(db, "INSERT INTO current(key, revision) VALUES(?1, ?2) "
                                         "ON CONFLICT(key) DO UPDATE SET revision = excluded.revision")
            && deleteCurrent.prepare(db, "DELETE FROM current WHERE key = ?1")
            && listRange.prepare(db, "SELECT c.key, l.revision, l.create_revision, l.value FROM current c "
                                     "JOIN log l ON l.revision = c.revision "
                                     "WHERE c.key >= ?1 AND c.key < ?2 AND c.key > ?3 ORDER BY c.key LIMIT ?4")
            && replayRange.prepare(db, "SELECT l.key, l.revision, l.created, l.deleted, l.value, p.value, l.actor "
                                       "FROM log l LEFT JOIN log p ON p.revision = l.prev_revision "
                                       "WHERE l.revision > ?1 AND l.key >= ?2 AND l.key < ?3 ORDER BY l.revision")
            && historyOf.prepare(db, "SELECT l.key, l.revision, l.created, l.deleted, l.value, p.value, l.actor "
                                     "FROM log l LEFT JOIN log p ON p.revision = l.prev_revision "
                                     "WHERE l.key = ?1 ORDER BY l.revision")
            && setMeta.prepare(db, "INSERT INTO meta(name, value) VALUES(?1, ?2) "
                                   "ON CONFLICT(name) DO UPDATE SET value = excluded.value")
            // A row older than the compaction point that a later row (also
            // older) supersedes can never be replayed nor be anyone's
            // previous value; delete markers then go too.
            && compactSuperseded.prepare(db, "DELETE FROM log WHERE revision <= ?1 AND EXISTS (SELECT 1 FROM log n "
                                             "WHERE n.key = log.key AND n.revision > log.revision AND n.revision <= ?1)")
            && compactMarkers.prepare(db, "DELETE FROM log WHERE revision <= ?1 AND deleted = 1");
    }

    // Rows of a replay or history query as events.
    static StoreEvent eventOf(const Statement &s)
    {
        StoreEvent e;
        e.key = s.text(0);
        e.revision = s.int64(1);
        const bool created = s.int64(2) != 0;
        const bool deleted = s.int64(3) != 0;
        e.type = deleted ? StoreEvent::Type::Deleted : created ? StoreEvent::Type::Added : StoreEvent::Type::Modified;
        e.prevValue = s.blob(5);
        e.value = deleted ? e.prevValue : s.blob(4);
        e.actor = s.text(6);
        return e;
    }
};

Store::Store() : d(std::make_unique<Private>()) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Options &options)
{
    std::unique_ptr<Store> store(new Store);
    Private &p = *store->d;
    const QByteArray file = QFile::encodeName(path);
    if (sqlite3_open_v2(file.constData(), &p.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
        return p.sqlError("open");
    const QByteArray sync = "PRAGMA synchronous=" + options.synchronous.toLatin1();
    if (!p.exec("PRAGMA journal_mode=WAL") || !p.exec(sync.constData()) || !p.exec("PRAGMA busy_timeout=5000")
        || !p.exec(kSchema) || !p.prepareAll())
        return p.sqlError("schema");
    Statement q;
    if (q.prepare(p.db, "SELECT seq FROM sqlite_sequence WHERE name = 'log'") && q.step() == SQLITE_ROW)
        p.revision = q.int64(0);
    Statement c;
    if (c.prepare(p.db, "SELECT value FROM meta WHERE name = 'compacted'") && c.step() == SQLITE_ROW)
        p.compacted = c.int64(0);
    return store;
}

Result<qint64> Store::create(const QString &key, const QByteArray &value, const QString &actor)
{
    std::lock_guard guard(d->lock);
    if (d->current(key))
        return storeError(409, "AlreadyExists", QStringLiteral("key already exists: ") + key);
    return d->append(key, value, std::nullopt, false, actor);
}

Result<qint64> Store::update(const QString &key, const QByteArray &value, qint64 expectedRevision,
                             const QString &actor)
{
    std::lock_guard guard(d->lock);
    return d->replace(key, value, expectedRevision, false, actor);
}

Result<qint64> Store::remove(const QString &key, qint64 expectedRevision, const QString &actor)
{
    std::lock_guard guard(d->lock);
    return d->replace(key, {}, expectedRevision, true, actor);
}

Result<KeyValue> Store::get(const QString &key) const
{
    std::lock_guard guard(d->lock);
    if (auto kv = d->current(key))
        return *kv;
    return storeError(404, "NotFound", QStringLiteral("key not found: ") + key);
}

Result<ListResult> Store::list(const QString &prefix, qint64 limit, const QString &startAfter) const
{
    std::lock_guard guard(d->lock);
    ListResult result;
    result.revision = d->revision;
    // One extra row tells whether more remain.
    Statement &s = d->listRange.reset().bind(1, prefix).bind(2, prefixEnd(prefix)).bind(3, startAfter)
                       .bind(4, limit > 0 ? limit + 1 : qint64(-1));
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (limit > 0 && result.items.size() == limit) {
            result.continueKey = result.items.last().key;
            break;
        }
        result.items.append(KeyValue{s.text(0), s.blob(3), s.int64(1), s.int64(2)});
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return d->sqlError("list");
    return result;
}

void Store::setGroupCommit(bool on)
{
    std::lock_guard guard(d->lock);
    d->groupCommit = on;
    if (!on)
        d->flushLocked();
}

void Store::flush()
{
    std::lock_guard guard(d->lock);
    d->flushLocked();
}

qint64 Store::currentRevision() const
{
    std::lock_guard guard(d->lock);
    return d->revision;
}

qint64 Store::compactedRevision() const
{
    std::lock_guard guard(d->lock);
    return d->compacted;
}

namespace {
class HubWatch final : public Watch {
public:
    HubWatch(WatchHub &hub, quint64 id) : hub_(hub), id_(id) {}
    ~HubWatch() override { hub_.unsubscribe(id_); }

private:
    WatchHub &hub_;
    quint64 id_;
};
}  // namespace

Result<std::unique_ptr<Watch>> Store::watch(const QString &prefix, qint64 fromRevision, WatchCallback callback)
{
    std::lock_guard guard(d->lock);
    // Replay reads committed rows and the subscription starts after them.
    d->flushLocked();
    if (fromRevision > 0 && fromRevision < d->compacted)
        return storeError(410, "Expired", QStringLiteral("too old resource version: %1 (%2)")
                                              .arg(fromRevision).arg(d->compacted));
    if (fromRevision > 0 && fromRevision < d->revision) {
        Statement &s = d->replayRange.reset().bind(1, fromRevision).bind(2, prefix).bind(3, prefixEnd(prefix));
        int rc;
        while ((rc = s.step()) == SQLITE_ROW)
            callback(Private::eventOf(s));
        if (rc != SQLITE_DONE)
            return d->sqlError("watch replay");
    }
    const quint64 id = d->hub.subscribe(prefix, std::move(callback));
    return std::unique_ptr<Watch>(new HubWatch(d->hub, id));
}

Result<qint64> Store::compact(qint64 revision)
{
    std::lock_guard guard(d->lock);
    d->flushLocked();
    revision = std::min(revision, d->revision);
    if (revision <= d->compacted)
        return d->compacted;
    if (d->begin.reset().step() != SQLITE_DONE)
        return d->sqlError("begin");
    const bool ok = d->compactSuperseded.reset().bind(1, revision).step() == SQLITE_DONE
        && d->compactMarkers.reset().bind(1, revision).step() == SQLITE_DONE
        && d->setMeta.reset().bind(1, QStringLiteral("compacted")).bind(2, revision).step() == SQLITE_DONE;
    if (!ok || d->commit.reset().step() != SQLITE_DONE) {
        ApiError e = d->sqlError("compact");
        d->rollback.reset().step();
        return e;
    }
    d->compacted = revision;
    return revision;
}

Result<QList<StoreEvent>> Store::history(const QString &key) const
{
    std::lock_guard guard(d->lock);
    QList<StoreEvent> events;
    Statement &s = d->historyOf.reset().bind(1, key);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        events.append(Private::eventOf(s));
    if (rc != SQLITE_DONE)
        return d->sqlError("history");
    return events;
}

}  // namespace timoneiro::store
