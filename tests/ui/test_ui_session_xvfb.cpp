// A learner's first session in the real window, under Xvfb, against a real
// timoneirod with simulated nodes over HTTPS: open the cluster from its
// kubeconfig, write a Deployment and a Service in the YAML editor, apply,
// and watch the pods appear in the table and in the topology (linked to the
// Service and to their ReplicaSet); then a live edit of the replicas. The
// suite writes a screenshot of each view to tests/screenshots/.
#include "timoneirod_process.h"

#include "models/topology_model.h"
#include "views/cluster_switcher.h"
#include "views/main_window.h"
#include "views/topology_view.h"
#include "views/yaml_editor.h"

#include <QDir>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace timoneiro;

namespace {

const char *kManifest = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
)";

QString screenshotDir()
{
    const QString dir = QStringLiteral(TIMONEIRO_BINARY_DIR "/tests/screenshots");
    QDir().mkpath(dir);
    return dir;
}

}  // namespace

class LearnerSession : public QObject {
    Q_OBJECT

    testing::TimoneirodProcess server_{{QStringLiteral("--simulated-nodes"), QStringLiteral("2")}};
    std::unique_ptr<ui::MainWindow> window_;

    int readyPodsInTopology() const
    {
        int n = 0;
        for (const ui::TopologyElement &e : window_->topology()->model().elements(ui::TopologyKind::Pod))
            n += e.object.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString() == QLatin1String("Running");
        return n;
    }
    int linksOf(ui::TopologyLinkKind kind) const
    {
        int n = 0;
        for (const ui::TopologyLink &l : window_->topology()->model().links())
            n += l.kind == kind;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(server_.start(), qPrintable(server_.log()));
        window_ = std::make_unique<ui::MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        ui::ClusterSwitcher *switcher = window_->clusterSwitcher();
        switcher->reload({server_.kubeconfig()});
        QCOMPARE(switcher->choices().size(), 2);  // the local cluster and the kubeconfig's context
        switcher->choose(1);
        QVERIFY(window_->yamlEditor());
        QVERIFY(window_->topology());
    }

    void cleanupTestCase()
    {
        window_.reset();
        QCOMPARE(server_.stop(), 0);
    }

    void deploymentFromTheEditorShowsEverywhere()
    {
        ui::YamlEditor *editor = window_->yamlEditor();
        window_->tabs()->setCurrentWidget(editor);
        editor->setText(QString::fromUtf8(kManifest));
        QSignalSpy applied(editor, &ui::YamlEditor::applied);
        editor->apply();
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 20000);
        QCOMPARE(applied.at(0).at(0).value<QList<QJsonObject>>().size(), 2);
        QVERIFY(editor->problems().isEmpty());
        QTest::qWait(200);
        QVERIFY(window_->grab().save(screenshotDir() + QStringLiteral("/yaml_editor.png")));

        // The table: the Deployment's three pods, Running on the simulated nodes.
        window_->tabs()->setCurrentIndex(0);
        window_->showResource(QString(), QStringLiteral("pods"));
        QTRY_COMPARE_WITH_TIMEOUT(window_->visibleRows(), 3, 30000);
        window_->selectRow(0);
        QTest::qWait(300);
        QVERIFY(window_->grab().save(screenshotDir() + QStringLiteral("/main_window.png")));

        // The topology: the same pods, Running, behind the Service and owned by the ReplicaSet.
        window_->tabs()->setCurrentWidget(window_->topology());
        QTRY_COMPARE_WITH_TIMEOUT(readyPodsInTopology(), 3, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(linksOf(ui::TopologyLinkKind::Endpoint), 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(linksOf(ui::TopologyLinkKind::Owner) >= 4, 30000);  // Deployment>ReplicaSet, ReplicaSet>3 pods
        QTest::qWait(600);  // the layout's animation
        window_->topology()->fit();
        QVERIFY(window_->grab().save(screenshotDir() + QStringLiteral("/topology.png")));
    }

    void liveEditOfTheReplicas()
    {
        window_->tabs()->setCurrentIndex(0);
        window_->showResource(QStringLiteral("apps"), QStringLiteral("deployments"));
        QTRY_COMPARE(window_->visibleRows(), 1);
        window_->selectRow(0);
        QTRY_VERIFY(!window_->selectedObject().isEmpty());
        window_->editInYaml(window_->selectedObject());
        ui::YamlEditor *editor = window_->yamlEditor();
        QCOMPARE(window_->tabs()->currentWidget(), editor);
        QString text = editor->text();
        QVERIFY(text.contains(QStringLiteral("replicas: 3")));
        text.replace(QStringLiteral("replicas: 3"), QStringLiteral("replicas: 5"));
        editor->setText(text);
        QSignalSpy applied(editor, &ui::YamlEditor::applied);
        editor->apply();
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(readyPodsInTopology(), 5, 30000);
        window_->showResource(QString(), QStringLiteral("pods"));
        QTRY_COMPARE_WITH_TIMEOUT(window_->visibleRows(), 5, 30000);
    }
};

QTEST_MAIN(LearnerSession)
#include "test_ui_session_xvfb.moc"
