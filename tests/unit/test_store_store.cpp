// The store's contract: revisions, optimistic concurrency, lists with
// continuation, watches from a revision, compaction, and durability across
// a SIGKILL of the writing process.
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace timoneiro::store;

class StoreTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<Store> open(const QString &name = QStringLiteral("store.db"))
    {
        auto s = Store::open(dir_.filePath(name));
        if (!s)
            qFatal("open: %s", qPrintable(s.error().message));
        return std::move(*s);
    }

private slots:
    void revisionsAreGlobalAndMonotonic()
    {
        auto s = open(QStringLiteral("rev.db"));
        const qint64 a = *s->create(QStringLiteral("/r/a"), "1", QStringLiteral("test"));
        const qint64 b = *s->create(QStringLiteral("/r/b"), "2", QStringLiteral("test"));
        const qint64 c = *s->update(QStringLiteral("/r/a"), "3", a, QStringLiteral("test"));
        QVERIFY(a < b && b < c);
        QCOMPARE(s->currentRevision(), c);
        auto kv = s->get(QStringLiteral("/r/a"));
        QVERIFY(kv.ok());
        QCOMPARE(kv->value, QByteArray("3"));
        QCOMPARE(kv->revision, c);
        QCOMPARE(kv->createRevision, a);
    }

    void optimisticConcurrency()
    {
        auto s = open(QStringLiteral("occ.db"));
        const qint64 a = *s->create(QStringLiteral("/r/x"), "1", {});
        QCOMPARE(s->create(QStringLiteral("/r/x"), "1", {}).error().reason, QStringLiteral("AlreadyExists"));
        QVERIFY(s->update(QStringLiteral("/r/x"), "2", a, {}).ok());
        auto stale = s->update(QStringLiteral("/r/x"), "3", a, {});
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, 409);
        QCOMPARE(stale.error().reason, QStringLiteral("Conflict"));
        QCOMPARE(s->update(QStringLiteral("/r/none"), "1", 0, {}).error().code, 404);
        QCOMPARE(s->remove(QStringLiteral("/r/x"), a, {}).error().code, 409);
        QVERIFY(s->remove(QStringLiteral("/r/x"), 0, {}).ok());
        QCOMPARE(s->get(QStringLiteral("/r/x")).error().code, 404);
        QVERIFY(s->create(QStringLiteral("/r/x"), "again", {}).ok());
    }

    void listWithPrefixAndContinue()
    {
        auto s = open(QStringLiteral("list.db"));
        for (int i = 0; i < 5; ++i)
            s->create(QStringLiteral("/r/pods/ns/p%1").arg(i), "{}", {});
        s->create(QStringLiteral("/r/pods/other/q"), "{}", {});
        s->create(QStringLiteral("/r/podsx/ns/z"), "{}", {});
        auto page = s->list(QStringLiteral("/r/pods/ns/"), 2);
        QVERIFY(page.ok());
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->continueKey, QStringLiteral("/r/pods/ns/p1"));
        auto rest = s->list(QStringLiteral("/r/pods/ns/"), 0, page->continueKey);
        QCOMPARE(rest->items.size(), 3);
        QVERIFY(rest->continueKey.isEmpty());
        QCOMPARE(s->list(QStringLiteral("/r/pods/"))->items.size(), 6);
        QCOMPARE(s->list(QStringLiteral("/r/pods/"))->revision, s->currentRevision());
    }

    void watchReplaysThenFollows()
    {
        auto s = open(QStringLiteral("watch.db"));
        const qint64 start = *s->create(QStringLiteral("/r/w/a"), "a1", QStringLiteral("kubectl"));
        s->update(QStringLiteral("/r/w/a"), "a2", 0, QStringLiteral("controller"));
        s->create(QStringLiteral("/r/other/b"), "b", {});
        QList<StoreEvent> seen;
        auto w = s->watch(QStringLiteral("/r/w/"), start, [&](const StoreEvent &e) { seen.append(e); });
        QVERIFY(w.ok());
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].type, StoreEvent::Type::Modified);
        QCOMPARE(seen[0].prevValue, QByteArray("a1"));
        QCOMPARE(seen[0].actor, QStringLiteral("controller"));
        s->remove(QStringLiteral("/r/w/a"), 0, {});
        s->create(QStringLiteral("/r/w/c"), "c", {});
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen[1].type, StoreEvent::Type::Deleted);
        QCOMPARE(seen[1].value, QByteArray("a2"));
        QCOMPARE(seen[2].type, StoreEvent::Type::Added);
        w->reset();
        s->create(QStringLiteral("/r/w/d"), "d", {});
        QCOMPARE(seen.size(), 3);
    }

    void compactionExpiresOldWatches()
    {
        auto s = open(QStringLiteral("compact.db"));
        const qint64 first = *s->create(QStringLiteral("/r/k"), "1", {});
        s->update(QStringLiteral("/r/k"), "2", 0, {});
        const qint64 third = *s->update(QStringLiteral("/r/k"), "3", 0, {});
        s->create(QStringLiteral("/r/gone"), "x", {});
        const qint64 del = *s->remove(QStringLiteral("/r/gone"), 0, {});
        QCOMPARE(*s->compact(del), del);
        auto old = s->watch(QStringLiteral("/r/"), first, [](const StoreEvent &) {});
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, 410);
        QCOMPARE(old.error().message, QStringLiteral("too old resource version: %1 (%2)").arg(first).arg(del));
        QCOMPARE(s->get(QStringLiteral("/r/k"))->revision, third);
        QCOMPARE(s->history(QStringLiteral("/r/k"))->size(), 1);
        QCOMPARE(s->history(QStringLiteral("/r/gone"))->size(), 0);
        // The counter never goes back, even with the last row compacted away.
        s.reset();
        auto again = open(QStringLiteral("compact.db"));
        QCOMPARE(again->currentRevision(), del);
        QCOMPARE(again->compactedRevision(), del);
        QVERIFY(*again->create(QStringLiteral("/r/new"), "n", {}) > del);
    }

    // A child writes as fast as it can and reports each acknowledged
    // revision on a pipe; it is killed with SIGKILL mid-stream. Every
    // acknowledged write must be there after reopening.
    void acknowledgedWritesSurviveSigkill()
    {
        const QString path = dir_.filePath(QStringLiteral("kill.db"));
        int fds[2];
        QVERIFY(pipe(fds) == 0);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            close(fds[0]);
            auto s = Store::open(path);
            for (int i = 0; i < 100000 && s.ok(); ++i) {
                auto rev = (*s)->create(QStringLiteral("/r/k%1").arg(i), QByteArray(200, 'x'), {});
                if (!rev.ok())
                    _exit(3);
                const qint64 ack = i;
                if (write(fds[1], &ack, sizeof ack) != sizeof ack)
                    _exit(4);
            }
            _exit(0);
        }
        close(fds[1]);
        qint64 acked = -1;
        qint64 value;
        int received = 0;
        while (received < 300 && read(fds[0], &value, sizeof value) == sizeof value) {
            acked = value;
            ++received;
        }
        kill(child, SIGKILL);
        // Writes acknowledged while the kill was in flight count too.
        while (read(fds[0], &value, sizeof value) == sizeof value)
            acked = value;
        close(fds[0]);
        int status = 0;
        waitpid(child, &status, 0);
        QVERIFY(acked >= 299);
        auto s = Store::open(path);
        QVERIFY(s.ok());
        for (qint64 i = 0; i <= acked; ++i)
            QVERIFY2((*s)->get(QStringLiteral("/r/k%1").arg(i)).ok(), qPrintable(QString::number(i)));
        QVERIFY((*s)->currentRevision() >= acked + 1);
    }
};

QTEST_GUILESS_MAIN(StoreTest)
#include "test_store_store.moc"
