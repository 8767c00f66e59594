// The work queue's contract (dedup, re-queue while processing, back-off)
// and kubeconfig reading, merging and writing.
#include "client/kubeconfig.h"
#include "client/work_queue.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro::client;

class WorkQueueKubeconfig : public QObject {
    Q_OBJECT

private slots:
    void dedupAndRequeue()
    {
        WorkQueue q;
        q.add(QStringLiteral("a"));
        q.add(QStringLiteral("b"));
        q.add(QStringLiteral("a"));
        QCOMPARE(q.length(), 2);
        const QString first = q.get();
        QCOMPARE(first, QStringLiteral("a"));
        q.add(QStringLiteral("a"));  // while processing: not twice in the queue
        QCOMPARE(q.length(), 1);
        q.done(QStringLiteral("a"));  // ... but back once processing is done
        QCOMPARE(q.length(), 2);
        QCOMPARE(q.get(), QStringLiteral("b"));
        QCOMPARE(q.get(), QStringLiteral("a"));
        QVERIFY(q.get().isEmpty());
    }

    void backoffGrowsAndIsForgotten()
    {
        QCOMPARE(WorkQueue::backoffMs(1), 5);
        QCOMPARE(WorkQueue::backoffMs(2), 10);
        QCOMPARE(WorkQueue::backoffMs(5), 80);
        QCOMPARE(WorkQueue::backoffMs(40), 1000 * 1000);
        WorkQueue q;
        int calls = 0;
        q.setProcessor([&calls](const QString &) { return ++calls >= 3; });
        q.add(QStringLiteral("k"));
        QTRY_COMPARE(calls, 3);
        QCOMPARE(q.retries(QStringLiteral("k")), 0);
        QTest::qWait(100);
        QCOMPARE(calls, 3);  // success: not queued again
    }

    void kubeconfigMergeAndResolve()
    {
        QTemporaryDir dir;
        QFile ca(dir.filePath(QStringLiteral("ca.crt")));
        ca.open(QIODevice::WriteOnly);
        ca.write("-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n");
        ca.close();
        QFile a(dir.filePath(QStringLiteral("a")));
        a.open(QIODevice::WriteOnly);
        a.write("apiVersion: v1\nkind: Config\ncurrent-context: one\nclusters:\n- name: c1\n  cluster:\n    server: https://10.0.0.1:6443\n"
                "    certificate-authority: ca.crt\nusers:\n- name: u1\n  user:\n    token: secret-one\ncontexts:\n- name: one\n"
                "  context:\n    cluster: c1\n    user: u1\n    namespace: giropops\n");
        a.close();
        QFile b(dir.filePath(QStringLiteral("b")));
        b.open(QIODevice::WriteOnly);
        b.write("apiVersion: v1\nkind: Config\ncurrent-context: two\nclusters:\n- name: c1\n  cluster:\n    server: https://ignored\n"
                "- name: c2\n  cluster:\n    server: https://10.0.0.2:6443\n    insecure-skip-tls-verify: true\nusers:\n- name: u2\n  user: {}\n"
                "contexts:\n- name: two\n  context:\n    cluster: c2\n    user: u2\n");
        b.close();
        auto config = Kubeconfig::load({a.fileName(), dir.filePath(QStringLiteral("missing")), b.fileName()});
        QVERIFY(config.ok());
        QCOMPARE(config->currentContext, QStringLiteral("one"));  // the first file wins
        QCOMPARE(config->clusters.value(QStringLiteral("c1")).server, QStringLiteral("https://10.0.0.1:6443"));
        QVERIFY(config->clusters.value(QStringLiteral("c1")).certificateAuthorityData.contains("not really"));
        QCOMPARE(config->namespaceOf(), QStringLiteral("giropops"));
        QCOMPARE(config->namespaceOf(QStringLiteral("two")), QStringLiteral("default"));
        auto one = config->serverConfig();
        QVERIFY(one.ok());
        QCOMPARE(one->bearerToken, QByteArray("secret-one"));
        QVERIFY(config->serverConfig(QStringLiteral("two"))->insecureSkipVerify);
        QVERIFY(!config->serverConfig(QStringLiteral("three")).ok());

        QFile bad(dir.filePath(QStringLiteral("bad")));
        bad.open(QIODevice::WriteOnly);
        bad.write("clusters: [unclosed\n");
        bad.close();
        QVERIFY(!Kubeconfig::load({bad.fileName()}).ok());
    }

    void mergeContextKeepsOtherEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".kube/config"));
        QVERIFY(mergeContextIntoFile(path, QStringLiteral("kind-x"), {QStringLiteral("https://1.2.3.4"), {}, true},
                                     {{}, {}, "t"}).ok());
        QVERIFY(mergeContextIntoFile(path, QStringLiteral("timoneiro-local"), {QStringLiteral("https://127.0.0.1:6443"), "CA", false},
                                     {"CERT", "KEY", {}}).ok());
        QVERIFY(mergeContextIntoFile(path, QStringLiteral("timoneiro-local"), {QStringLiteral("https://127.0.0.1:7443"), "CA", false},
                                     {"CERT", "KEY", {}}).ok());
        auto config = Kubeconfig::load({path});
        QVERIFY(config.ok());
        QCOMPARE(config->contexts.size(), 2);
        QCOMPARE(config->currentContext, QStringLiteral("timoneiro-local"));
        QCOMPARE(config->clusters.value(QStringLiteral("timoneiro-local")).server, QStringLiteral("https://127.0.0.1:7443"));
        QCOMPARE(config->users.value(QStringLiteral("timoneiro-local")).clientKeyData, QByteArray("KEY"));
        QCOMPARE(config->users.value(QStringLiteral("kind-x")).token, QByteArray("t"));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    }
};

QTEST_GUILESS_MAIN(WorkQueueKubeconfig)
#include "test_client_workqueue_kubeconfig.moc"
