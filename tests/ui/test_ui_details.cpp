// The details panel and the learning aids, offscreen against the real
// handler chain in process: the owner chain Deployment > ReplicaSet > Pod
// (links that select the owner), a pod's containers, IPs, node and
// conditions, the plain-words explanation (who created it, the scheduler's
// decision, what just happened), the Logs tab showing the server's refusal,
// the live events timeline, presentation mode and the live language switch.
#include "in_process_api.h"
#include "apiserver/apiserver.h"
#include "client/client.h"
#include "store/store.h"
#include "views/details_panel.h"
#include "views/events_timeline.h"
#include "views/logs_view.h"
#include "views/main_window.h"
#include "views/presentation.h"
#include "views/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace timoneiro;

namespace {
QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}
}  // namespace

class Details : public QObject {
    Q_OBJECT

    testing::InProcessApi cluster_;
    QString rsUid_;

    QJsonObject create(const char *group, const char *plural, const QString &ns, const QJsonObject &obj)
    {
        std::optional<api::Result<QJsonObject>> result;
        cluster_.client->create(api::builtinResource(QLatin1String(group), QLatin1String(plural)), ns, obj,
                        [&result](const api::Result<QJsonObject> &r) { result = r; });
        [&] { QTRY_VERIFY(result.has_value()); }();
        if (!result || !*result) {
            qWarning() << "create failed:" << (result ? result->error().message : QStringLiteral("timeout"));
            return {};
        }
        return **result;
    }
    QJsonObject ownerRef(const QJsonObject &owner)
    {
        return {{"apiVersion", owner.value("apiVersion")}, {"kind", owner.value("kind")},
                {"name", owner.value("metadata").toObject().value("name")},
                {"uid", owner.value("metadata").toObject().value("uid")}, {"controller", true}};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // QSettings of the language go to a test location
        QVERIFY(cluster_.start());

        // A Deployment's chain as its controllers would leave it (no controllers run here).
        const QJsonObject deployment = create("apps", "deployments", "default", json(R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
            "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27",
            "ports":[{"containerPort":80}]}]}}}})"));
        QVERIFY(!deployment.isEmpty());
        QJsonObject rs = json(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-5d8f","labels":{"app":"web"}},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
            "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}})");
        QJsonObject meta = rs.value("metadata").toObject();
        meta.insert("ownerReferences", QJsonArray{ownerRef(deployment)});
        rs.insert("metadata", meta);
        rs = create("apps", "replicasets", "default", rs);
        QVERIFY(!rs.isEmpty());
        rsUid_ = rs.value("metadata").toObject().value("uid").toString();
        const QJsonObject decision{{"selected", "node-b"},
                                   {"nodes", QJsonArray{QJsonObject{{"node", "node-a"}, {"feasible", false},
                                                                    {"filters", QJsonArray{QJsonObject{{"plugin", "NodeUnschedulable"}, {"ok", false},
                                                                                                       {"reasons", QJsonArray{"node(s) were unschedulable"}}}}}},
                                                        QJsonObject{{"node", "node-b"}, {"feasible", true}, {"scores", QJsonObject{{"NodeResourcesFit", 80}}}, {"total", 80}}}}};
        QJsonObject pod = json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-5d8f-x7k2p","labels":{"app":"web"}},
            "spec":{"nodeName":"node-b","containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}]},
            {"name":"sidecar","image":"busybox"}]}})");
        meta = pod.value("metadata").toObject();
        meta.insert("ownerReferences", QJsonArray{ownerRef(rs)});
        meta.insert("annotations", QJsonObject{{"scheduler.timoneiro.io/decision", QString::fromUtf8(QJsonDocument(decision).toJson(QJsonDocument::Compact))}});
        pod.insert("metadata", meta);
        pod = create("", "pods", "default", pod);
        QVERIFY(!pod.isEmpty());
        // Status as a kubelet reports it.
        pod.insert("status", json(R"({"phase":"Running","podIP":"10.244.2.7","podIPs":[{"ip":"10.244.2.7"}],"hostIP":"192.168.50.12",
            "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-01-01T00:00:00Z"}],
            "containerStatuses":[{"name":"nginx","ready":true,"restartCount":2,"state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}}]})"));
        bool done = false;
        cluster_.client->updateStatus(api::builtinResource("", "pods"), pod, [&done](const api::Result<QJsonObject> &r) {
            QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
            done = true;
        });
        QTRY_VERIFY(done);
    }

    void ownerChainAndFacts()
    {
        ui::MainWindow window(*cluster_.client, "test");
        window.show();
        QTRY_COMPARE(window.visibleRows(), 1);
        window.selectRow(0);
        ui::DetailsPanel *d = window.details();
        QTRY_COMPARE(d->owners().size(), 3);
        QCOMPARE(d->owners().at(0).kind, QStringLiteral("Deployment"));
        QCOMPARE(d->owners().at(0).name, QStringLiteral("web"));
        QCOMPARE(d->owners().at(1).kind, QStringLiteral("ReplicaSet"));
        QCOMPARE(d->owners().at(2).kind, QStringLiteral("Pod"));
        QTRY_VERIFY(d->overviewHtml().contains("Deployment web"));
        const QString overview = d->overviewHtml();
        QVERIFY(overview.contains("timoneiro:select"));
        QVERIFY(overview.contains("10.244.2.7"));
        QVERIFY(overview.contains("192.168.50.12"));
        QVERIFY(overview.contains("node-b"));
        QVERIFY(overview.contains("sidecar"));
        QVERIFY(overview.contains("Running since"));
        QVERIFY(overview.contains("Conditions"));

        // Plain words: who made it, and the scheduler's decision.
        const QString explain = d->explainHtml();
        QVERIFY(explain.contains("The replicaset controller created the Pod web-5d8f-x7k2p for the ReplicaSet web-5d8f"));
        QVERIFY(explain.contains("The deployment controller created the ReplicaSet web-5d8f for the Deployment web"));
        QVERIFY(explain.contains("The scheduler chose node-b"));
        QVERIFY(explain.contains("NodeUnschedulable: node(s) were unschedulable"));

        // Clicking the ReplicaSet link selects it in the window.
        d->openLink(d->owners().at(1).url());
        QTRY_COMPARE(window.selectedObject().value("metadata").toObject().value("name").toString(), QStringLiteral("web-5d8f"));
        QCOMPARE(window.selectedObject().value("kind").toString(), QStringLiteral("ReplicaSet"));
        QTRY_COMPARE(d->owners().size(), 2);
        d->openLink(d->owners().at(0).url());
        QTRY_COMPARE(window.selectedObject().value("kind").toString(), QStringLiteral("Deployment"));
        QTRY_VERIFY(d->overviewHtml().contains("Replicas: 1 wanted"));
    }

    void logsShowTheServersRefusal()
    {
        ui::MainWindow window(*cluster_.client, "test");
        window.show();
        QTRY_COMPARE(window.visibleRows(), 1);
        window.selectRow(0);
        ui::DetailsPanel *d = window.details();
        QTRY_COMPARE(d->logs()->containers(), (QStringList{"nginx", "sidecar"}));
        d->setCurrentWidget(d->logs());
        d->logs()->setContainer("sidecar");
        // No kubelet serves pods/log on this server yet: the tab says what the server said.
        QTRY_VERIFY(!d->logs()->errorText().isEmpty());
        QVERIFY2(d->logs()->errorText().contains("400"), qPrintable(d->logs()->errorText()));
        QVERIFY(d->logs()->errorText().contains("pods/log"));
        QVERIFY(d->logs()->errorText().contains("web-5d8f-x7k2p"));
    }

    void eventsTimelineIsLive()
    {
        ui::MainWindow window(*cluster_.client, "test");
        window.show();
        ui::EventsTimeline *timeline = window.eventsTimeline();
        const int before = timeline->visibleRows();
        const QString uid = rsUid_;
        const auto event = [uid](const char *name, const char *type, const char *reason, const char *time) {
            return QJsonObject{{"apiVersion", "v1"}, {"kind", "Event"},
                               {"metadata", QJsonObject{{"name", name}}},
                               {"involvedObject", QJsonObject{{"apiVersion", "apps/v1"}, {"kind", "ReplicaSet"}, {"namespace", "default"}, {"name", "web-5d8f"}, {"uid", uid}}},
                               {"type", type}, {"reason", reason}, {"message", QStringLiteral("%1 happened").arg(reason)},
                               {"source", QJsonObject{{"component", "replicaset-controller"}}},
                               {"firstTimestamp", time}, {"lastTimestamp", time}, {"count", 1}};
        };
        QVERIFY(!create("", "events", "default", event("e1", "Normal", "SuccessfulCreate", "2026-01-01T10:00:00Z")).isEmpty());
        QTRY_COMPARE(timeline->visibleRows(), before + 1);
        QVERIFY(!create("", "events", "default", event("e2", "Warning", "FailedCreate", "2026-01-01T11:00:00Z")).isEmpty());
        QTRY_COMPARE(timeline->visibleRows(), before + 2);
        QCOMPARE(timeline->eventAt(0).value("reason").toString(), QStringLiteral("FailedCreate"));  // newest first
        timeline->setType("Warning");
        QCOMPARE(timeline->visibleRows(), 1);
        timeline->setType({});
        timeline->setNamespace("kube-system");
        QCOMPARE(timeline->visibleRows(), 0);
        timeline->setNamespace({});
        QCOMPARE(timeline->visibleRows(), before + 2);
        // A click selects the event's object.
        timeline->activateRow(0);
        QTRY_COMPARE(window.selectedObject().value("kind").toString(), QStringLiteral("ReplicaSet"));
        QCOMPARE(window.selectedObject().value("metadata").toObject().value("name").toString(), QStringLiteral("web-5d8f"));
        // ... and what just happened is in its explanation.
        QTRY_VERIFY(window.details()->explainHtml().contains("FailedCreate"));
    }

    void presentationModeEnlargesAndRestores()
    {
        ui::MainWindow window(*cluster_.client, "test");
        window.show();
        QTRY_COMPARE(window.visibleRows(), 1);
        const QFont app = QApplication::font();
        auto *yaml = window.details()->findChild<QPlainTextEdit *>("yaml");  // a fixed-width font of its own
        const QFont own = yaml->font();
        window.presentation()->setActive(true);
        QCOMPARE(QApplication::font().pointSizeF(), app.pointSizeF() * ui::PresentationMode::kScale);
        QCOMPARE(yaml->font().pointSizeF(), own.pointSizeF() * ui::PresentationMode::kScale);
        QTRY_COMPARE(window.details()->font().pointSizeF(), app.pointSizeF() * ui::PresentationMode::kScale);
        window.presentation()->setActive(false);
        QCOMPARE(QApplication::font(), app);
        QCOMPARE(yaml->font(), own);
    }

    void languageSwitchesLive()
    {
        // The app loads its .qm from :/i18n; a test builds it from the .ts as CMake does.
        QTemporaryDir qm;
        const QString lrelease = QLibraryInfo::path(QLibraryInfo::BinariesPath) + "/lrelease";
        if (!QFile::exists(lrelease))
            QSKIP("lrelease is not installed");
        QCOMPARE(QProcess::execute(lrelease, {TIMONEIRO_SOURCE_DIR "/resources/translations/timoneiro_pt_BR.ts", "-qm",
                                              qm.filePath("timoneiro_pt_BR.qm"), "-silent"}),
                 0);
        ui::MainWindow window(*cluster_.client, "test");
        window.show();
        QTRY_COMPARE(window.visibleRows(), 1);
        const auto texts = [&window] {
            QStringList out;
            for (auto *tree : window.findChildren<QTreeWidget *>())
                if (tree->topLevelItemCount() > 0)
                    out << tree->topLevelItem(0)->text(0);
            for (auto *combo : window.findChildren<QComboBox *>())
                if (combo->count() > 0)
                    out << combo->itemText(0);
            return out;
        };
        QVERIFY(texts().contains("Workloads"));
        QVERIFY(texts().contains("All namespaces"));
        QVERIFY(window.setLanguage("pt_BR", qm.path()));
        QTRY_VERIFY(texts().contains("Cargas de trabalho"));
        QVERIFY(texts().contains("Todos os namespaces"));
        QVERIFY(!texts().contains("Workloads"));
        QCOMPARE(ui::Language::saved(), QStringLiteral("pt_BR"));
        QTRY_COMPARE(window.visibleRows(), 1);  // the rebuilt browser shows the cluster again
        QVERIFY(window.setLanguage("en"));
        QTRY_VERIFY(texts().contains("Workloads"));
        QCOMPARE(ui::Language::saved(), QStringLiteral("en"));
        QVERIFY(!window.setLanguage("xx_YY", qm.path()));  // no such translation: refused, said in the window
        QCOMPARE(ui::Language::current(), QStringLiteral("en"));
        QVERIFY(!window.actionMessage().isEmpty());
    }
};

QTEST_MAIN(Details)
#include "test_ui_details.moc"
