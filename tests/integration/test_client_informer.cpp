// The client on both transports: an informer over the in-process handler
// chain follows creates, updates and deletes and relists after compaction;
// the HTTPS transport drives a real timoneirod with its kubeconfig.
#include "apiserver/apiserver.h"
#include "client/client.h"
#include "client/http_transport.h"
#include "client/informer.h"
#include "client/kubeconfig.h"
#include "store/store.h"
#include "timoneirod_process.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro;

namespace {
QJsonObject configMap(const QString &name, const QString &value)
{
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("v"), value}}}};
}

QString nameOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
}

// Waits for an asynchronous client call.
api::Result<QJsonObject> wait(const std::function<void(client::ObjectCallback)> &call)
{
    std::optional<api::Result<QJsonObject>> result;
    call([&result](const api::Result<QJsonObject> &r) { result = r; });
    for (int i = 0; i < 1000 && !result; ++i)
        QTest::qWait(10);
    return result.value_or(api::Result<QJsonObject>(api::ApiError::internal(QStringLiteral("timeout"))));
}
}  // namespace

class ClientInformer : public QObject {
    Q_OBJECT

private slots:
    void informerFollowsTheStore()
    {
        QTemporaryDir dir;
        auto store = std::move(*store::Store::open(dir.filePath(QStringLiteral("store.db"))));
        apiserver::ApiServer api(*store);
        QVERIFY(api.bootstrap().ok());
        std::unique_ptr<client::Client> c(client::Client::inProcess(
            api, {QStringLiteral("system:kube-controller-manager"), {QStringLiteral("system:masters")}}));
        const api::ResourceInfo &cms = *api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("configmaps"));
        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("default"), configMap(QStringLiteral("before"), QStringLiteral("1")), done); }).ok());

        client::Informer informer(*c, cms);
        QSignalSpy added(&informer, &client::Informer::added);
        QSignalSpy updated(&informer, &client::Informer::updated);
        QSignalSpy deleted(&informer, &client::Informer::deleted);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QCOMPARE(added.size(), 1);
        QVERIFY(informer.get(QStringLiteral("default/before")).has_value());

        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("default"), configMap(QStringLiteral("x"), QStringLiteral("1")), done); }).ok());
        QTRY_COMPARE(added.size(), 2);
        QVERIFY(wait([&](auto done) {
                    c->patch(cms, QStringLiteral("default"), QStringLiteral("x"), client::PatchType::Merge, R"({"data":{"v":"2"}})", done);
                }).ok());
        QTRY_COMPARE(updated.size(), 1);
        QCOMPARE(informer.get(QStringLiteral("default/x"))->value("data").toObject().value("v").toString(), QStringLiteral("2"));
        QVERIFY(wait([&](auto done) { c->remove(cms, QStringLiteral("default"), QStringLiteral("x"), done); }).ok());
        QTRY_COMPARE(deleted.size(), 1);
        QVERIFY(!informer.get(QStringLiteral("default/x")).has_value());

        // Errors come back as Kubernetes' Status.
        auto missing = wait([&](auto done) { c->get(cms, QStringLiteral("default"), QStringLiteral("nope"), done); });
        QCOMPARE(missing.error().code, 404);
        QCOMPARE(missing.error().message, QStringLiteral("configmaps \"nope\" not found"));
    }

    void informerRelistsAfterCompaction()
    {
        QTemporaryDir dir;
        auto store = std::move(*store::Store::open(dir.filePath(QStringLiteral("store.db"))));
        apiserver::ApiServer api(*store);
        QVERIFY(api.bootstrap().ok());
        std::unique_ptr<client::Client> c(client::Client::inProcess(api, {QStringLiteral("admin"), {QStringLiteral("system:masters")}}));
        const api::ResourceInfo &cms = *api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("configmaps"));
        client::Informer informer(*c, cms);
        QSignalSpy errors(&informer, &client::Informer::watchError);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        // The watch is cut (server shutdown of watches), history compacted past it.
        for (int i = 0; i < 3; ++i)
            QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("default"), configMap(QStringLiteral("c%1").arg(i), QStringLiteral("v")), done); }).ok());
        QTRY_COMPARE(informer.list().size(), 3);
        QVERIFY(store->compact(store->currentRevision()).ok());
        api.closeWatches();
        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("default"), configMap(QStringLiteral("late"), QStringLiteral("v")), done); }).ok());
        QTRY_VERIFY(informer.get(QStringLiteral("default/late")).has_value());
    }

    void listByNamespaceFollowsAddsDeletesAndRelists()
    {
        QTemporaryDir dir;
        auto store = std::move(*store::Store::open(dir.filePath(QStringLiteral("store.db"))));
        apiserver::ApiServer api(*store);
        QVERIFY(api.bootstrap().ok());
        std::unique_ptr<client::Client> c(client::Client::inProcess(api, {QStringLiteral("admin"), {QStringLiteral("system:masters")}}));
        const api::ResourceInfo &cms = *api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("configmaps"));
        const api::ResourceInfo &namespaces = *api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("namespaces"));
        const auto names = [](const QList<QJsonObject> &objects) {
            QStringList out;
            for (const QJsonObject &o : objects)
                out << nameOf(o);
            out.sort();
            return out;
        };
        QVERIFY(wait([&](auto done) {
                    c->create(namespaces, {}, {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", QJsonObject{{"name", "giropops"}}}}, done);
                }).ok());
        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("default"), configMap(QStringLiteral("a"), QStringLiteral("1")), done); }).ok());

        client::Informer informer(*c, cms);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QCOMPARE(names(informer.list(QStringLiteral("default"))), QStringList{QStringLiteral("a")});
        QVERIFY(informer.list(QStringLiteral("giropops")).isEmpty());

        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("giropops"), configMap(QStringLiteral("g"), QStringLiteral("1")), done); }).ok());
        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("default"), configMap(QStringLiteral("b"), QStringLiteral("1")), done); }).ok());
        QTRY_COMPARE(informer.list().size(), 3);
        QCOMPARE(names(informer.list(QStringLiteral("default"))), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(names(informer.list(QStringLiteral("giropops"))), QStringList{QStringLiteral("g")});
        QVERIFY(informer.list(QStringLiteral("nope")).isEmpty());

        QVERIFY(wait([&](auto done) { c->remove(cms, QStringLiteral("default"), QStringLiteral("a"), done); }).ok());
        QTRY_COMPARE(informer.list().size(), 2);
        QCOMPARE(names(informer.list(QStringLiteral("default"))), QStringList{QStringLiteral("b")});

        // A relist (history compacted under the watch) rebuilds the index.
        QVERIFY(store->compact(store->currentRevision()).ok());
        api.closeWatches();
        QVERIFY(wait([&](auto done) { c->remove(cms, QStringLiteral("giropops"), QStringLiteral("g"), done); }).ok());
        QVERIFY(wait([&](auto done) { c->create(cms, QStringLiteral("giropops"), configMap(QStringLiteral("h"), QStringLiteral("1")), done); }).ok());
        QTRY_VERIFY(informer.get(QStringLiteral("giropops/h")).has_value());
        QTRY_VERIFY(!informer.get(QStringLiteral("giropops/g")).has_value());
        QCOMPARE(names(informer.list(QStringLiteral("giropops"))), QStringList{QStringLiteral("h")});
        QCOMPARE(names(informer.list(QStringLiteral("default"))), QStringList{QStringLiteral("b")});
        QCOMPARE(informer.list().size(), 2);
    }

    void httpTransportAgainstTimoneirod()
    {
        testing::TimoneirodProcess server;
        QVERIFY2(server.start(), qPrintable(server.log()));
        auto config = client::Kubeconfig::load({server.kubeconfig()});
        QVERIFY(config.ok());
        auto serverConfig = config->serverConfig();
        QVERIFY2(serverConfig.ok(), serverConfig.ok() ? "" : qPrintable(serverConfig.error().message));
        client::Client c(new client::HttpTransport(*serverConfig));
        const api::ResourceInfo &namespaces = *api::ResourceRegistry::builtin().find(QString(), QStringLiteral("v1"), QStringLiteral("namespaces"));
        auto list = wait([&](auto done) { c.list(namespaces, {}, {}, done); });
        QVERIFY2(list.ok(), list.ok() ? "" : qPrintable(list.error().message));
        QCOMPARE(list->value("items").toArray().size(), 4);

        client::Informer informer(c, namespaces);
        QSignalSpy added(&informer, &client::Informer::added);
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        QVERIFY(wait([&](auto done) {
                    c.create(namespaces, {}, {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", QJsonObject{{"name", "giropops"}}}}, done);
                }).ok());
        QTRY_VERIFY(informer.get(QStringLiteral("giropops")).has_value());
        QCOMPARE(added.size(), 5);
        auto forbidden = wait([&](auto done) { c.get(namespaces, {}, QStringLiteral("nope"), done); });
        QCOMPARE(forbidden.error().reason, QStringLiteral("NotFound"));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(ClientInformer)
#include "test_client_informer.moc"
