// The desktop app's live tables, offscreen: rows follow watch events one by
// one, filters by namespace, text and label selector, and the main window
// counts what it shows -- against the real handler chain.
#include "in_process_api.h"
#include "apiserver/apiserver.h"
#include "client/client.h"
#include "client/informer.h"
#include "models/resource_filter_model.h"
#include "models/resource_table_model.h"
#include "store/store.h"
#include "models/object_explainer.h"
#include "views/details_panel.h"
#include "views/main_window.h"

#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro;

class ResourceBrowser : public QObject {
    Q_OBJECT

    testing::InProcessApi cluster_;

    const api::ResourceInfo &pods() { return *api::ResourceRegistry::builtin().find(QString(), "v1", "pods"); }
    void createPod(const QString &ns, const QString &name, const QString &app)
    {
        const QJsonObject pod{{"apiVersion", "v1"}, {"kind", "Pod"},
                              {"metadata", QJsonObject{{"name", name}, {"labels", QJsonObject{{"app", app}}}}},
                              {"spec", QJsonObject{{"containers", QJsonArray{QJsonObject{{"name", "c"}, {"image", "nginx"}}}}}}};
        bool done = false;
        cluster_.client->create(pods(), ns, pod, [&done](const api::Result<QJsonObject> &r) { QVERIFY(r.ok()); done = true; });
        QTRY_VERIFY(done);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(cluster_.start());
        bool done = false;
        cluster_.client->create(*api::ResourceRegistry::builtin().find(QString(), "v1", "namespaces"), {},
                        QJsonObject{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", QJsonObject{{"name", "giropops"}}}},
                        [&done](const api::Result<QJsonObject> &) { done = true; });
        QTRY_VERIFY(done);
    }

    void rowsFollowEvents()
    {
        createPod("default", "before", "web");
        client::Informer informer(*cluster_.client, pods());
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        ui::ResourceTableModel model(informer);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("NAME"));
        QCOMPARE(model.headerData(3, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("STATUS"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        createPod("giropops", "nginx", "web");
        createPod("giropops", "db", "db");
        QTRY_COMPARE(model.rowCount(), 3);
        // Inserted, never reset: one insertion per event-loop turn, however many pods it brought.
        int insertedRows = 0;
        for (const QList<QVariant> &args : inserted)
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(insertedRows, 2);
        QCOMPARE(model.data(model.index(1, 3), Qt::DisplayRole).toString(), QStringLiteral("Pending"));
        QCOMPARE(model.data(model.index(1, 3), Qt::ForegroundRole).value<QColor>(), ui::ResourceTableModel::statusColour("Pending"));

        ui::ResourceFilterModel filter;
        filter.setSourceModel(&model);
        filter.setNamespace("giropops");
        QCOMPARE(filter.rowCount(), 2);
        QVERIFY(filter.setLabelSelector("app=web"));
        QCOMPARE(filter.rowCount(), 1);
        QString error;
        QVERIFY(!filter.setLabelSelector("app in", &error));
        QVERIFY(!error.isEmpty());
        filter.setLabelSelector({});
        filter.setText("DB");
        QCOMPARE(filter.rowCount(), 1);

        bool done = false;
        cluster_.client->remove(pods(), "giropops", "db", [&done](const api::Result<QJsonObject> &) { done = true; });
        QTRY_VERIFY(done);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);  // row by row, never a reset
    }

    void tenThousandPodsWithoutAReset()
    {
        // Its own store (no fsync per write: this is about the model, not the disk).
        testing::InProcessApi big;
        store::Options fast;
        fast.synchronous = QStringLiteral("OFF");
        QVERIFY(big.start(fast));
        client::Client *client = big.client.get();
        client::Informer informer(*client, pods());
        informer.start();
        QTRY_VERIFY(informer.hasSynced());
        ui::ResourceTableModel model(informer);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        constexpr int kPods = 10000;
        int created = 0;
        for (int i = 0; i < kPods; ++i) {
            const QJsonObject pod{{"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", QJsonObject{{"name", QString("p-%1").arg(i)}}},
                                  {"spec", QJsonObject{{"containers", QJsonArray{QJsonObject{{"name", "c"}, {"image", "nginx"}}}}}}};
            client->create(pods(), "default", pod, [&created](const api::Result<QJsonObject> &r) { created += r.ok(); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(created, kPods, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kPods, 60000);
        int insertedRows = 0;
        for (const QList<QVariant> &args : inserted)
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(insertedRows, kPods);
        QVERIFY(inserted.size() < kPods);  // batched per event-loop turn

        // One change is one row's dataChanged, found by key.
        changed.clear();
        bool patched = false;
        client->patch(pods(), "default", "p-7777", client::PatchType::Merge, R"({"metadata":{"labels":{"tier":"db"}}})",
                      [&patched](const api::Result<QJsonObject> &r) { patched = r.ok(); });
        QTRY_VERIFY(patched);
        QTRY_COMPARE(changed.size(), 1);
        const QModelIndex at = changed.at(0).at(0).value<QModelIndex>();
        QCOMPARE(at.row(), changed.at(0).at(1).value<QModelIndex>().row());
        QCOMPARE(model.data(at, ui::ResourceTableModel::KeyRole).toString(), QStringLiteral("default/p-7777"));
        QCOMPARE(model.data(at, ui::ResourceTableModel::LabelsRole).toMap().value("tier").toString(), QStringLiteral("db"));
        QCOMPARE(reset.size(), 0);
    }

    void explanationsInPlainWords()
    {
        const QJsonObject decision{
            {"selected", "n2"},
            {"nodes", QJsonArray{QJsonObject{{"node", "n1"}, {"feasible", false},
                                             {"filters", QJsonArray{QJsonObject{{"plugin", "NodeResourcesFit"},
                                                                                {"reasons", QJsonArray{"Insufficient cpu"}}}}}},
                                 QJsonObject{{"node", "n2"}, {"feasible", true},
                                             {"scores", QJsonObject{{"NodeResourcesFit", 90}}}, {"total", 90}}}}};
        const QJsonObject pod{
            {"kind", "Pod"},
            {"metadata", QJsonObject{{"name", "web-1"},
                                     {"ownerReferences", QJsonArray{QJsonObject{{"kind", "ReplicaSet"}, {"name", "web-abc"}, {"controller", true}}}},
                                     {"annotations", QJsonObject{{"scheduler.timoneiro.io/decision",
                                                                  QString::fromUtf8(QJsonDocument(decision).toJson(QJsonDocument::Compact))}}}}},
            {"spec", QJsonObject{{"nodeName", "n2"}}},
            {"status", QJsonObject{{"phase", "Running"}, {"podIP", "10.244.2.5"}}}};
        const QString html = ui::explainObject(pod);
        QVERIFY(html.contains(QStringLiteral("ReplicaSet web-abc")));
        QVERIFY(html.contains(QStringLiteral("The scheduler chose n2")));
        QVERIFY(html.contains(QStringLiteral("NodeResourcesFit: Insufficient cpu")));
        QVERIFY(html.contains(QStringLiteral("10.244.2.5")));
    }

    void mainWindowBrowses()
    {
        ui::MainWindow window(*cluster_.client, "test");
        window.show();
        QTRY_COMPARE(window.visibleRows(), 2);  // pods in every namespace
        window.selectRow(0);
        QTRY_VERIFY(window.details()->eventCount() >= 0);
        window.showResource(QString(), "namespaces");
        QTRY_COMPARE(window.visibleRows(), 5);
        window.showResource("apps", "deployments");
        QTRY_COMPARE(window.visibleRows(), 0);

        // Actions: scale a ReplicaSet, delete a pod (what the context menu does after asking).
        bool done = false;
        cluster_.client->create(*api::ResourceRegistry::builtin().find("apps", "v1", "replicasets"), "default",
                        QJsonDocument::fromJson(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs"},
                            "spec":{"replicas":1,"selector":{"matchLabels":{"x":"y"}},"template":{"metadata":{"labels":{"x":"y"}},
                            "spec":{"containers":[{"name":"c","image":"nginx"}]}}}})").object(),
                        [&done](const api::Result<QJsonObject> &r) { QVERIFY(r.ok()); done = true; });
        QTRY_VERIFY(done);
        window.showResource("apps", "replicasets");
        QTRY_COMPARE(window.visibleRows(), 1);
        window.selectRow(0);
        window.scaleSelected(4);
        QTRY_VERIFY(window.details()->findChild<QPlainTextEdit *>()->toPlainText().contains("replicas: 4"));
        window.showResource(QString(), "pods");
        QTRY_COMPARE(window.visibleRows(), 2);
        window.selectRow(0);
        window.deleteSelected();
        QTRY_COMPARE(window.visibleRows(), 1);
    }
};

QTEST_MAIN(ResourceBrowser)
#include "test_ui_resource_browser.moc"
