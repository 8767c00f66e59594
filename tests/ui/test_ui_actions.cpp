// The desktop app's cluster switcher and object actions against a real
// timoneirod with three simulated nodes, over HTTPS with the kubeconfig's
// client certificate -- as the app opens any cluster: restart a rollout (the
// Deployment rolls to a new ReplicaSet), cordon/uncordon, drain (evictions),
// expose as each Service type with kubectl expose's selector, refusals and
// connection errors shown in the window. Saves a screenshot of the window
// to /tmp/main_window.png.
#include "timoneirod_process.h"

#include "api/object.h"
#include "client/client.h"
#include "client/http_transport.h"
#include "views/cluster_switcher.h"
#include "views/details_panel.h"
#include "views/logs_view.h"
#include "views/main_window.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

using namespace timoneiro;
using timoneiro::testing::TimoneirodProcess;

class Actions : public QObject {
    Q_OBJECT

    TimoneirodProcess server_{{QStringLiteral("--simulated-nodes"), QStringLiteral("3")}};
    std::unique_ptr<client::Client> admin_;
    std::unique_ptr<ui::MainWindow> window_;

    api::Result<QJsonObject> call(const std::function<void(client::ObjectCallback)> &f)
    {
        std::optional<api::Result<QJsonObject>> result;
        f([&result](const api::Result<QJsonObject> &r) { result = r; });
        for (int i = 0; i < 3000 && !result; ++i)
            QTest::qWait(10);
        return result.value_or(api::Result<QJsonObject>(api::ApiError::internal(QStringLiteral("timeout"))));
    }
    QJsonObject get(const char *group, const char *plural, const QString &ns, const QString &name)
    {
        auto r = call([&](auto done) { admin_->get(api::builtinResource(QLatin1String(group), QLatin1String(plural)), ns, name, done); });
        return r ? *r : QJsonObject();
    }
    QJsonArray items(const char *group, const char *plural, const QString &ns, const QString &fieldSelector = {})
    {
        client::ListOptions o;
        o.fieldSelector = fieldSelector;
        auto r = call([&](auto done) { admin_->list(api::builtinResource(QLatin1String(group), QLatin1String(plural)), ns, o, done); });
        return r ? r->value("items").toArray() : QJsonArray();
    }
    // Polls until pred holds (bounded: 30 s).
    bool eventually(const std::function<bool()> &pred)
    {
        for (int i = 0; i < 300; ++i) {
            if (pred())
                return true;
            QTest::qWait(100);
        }
        return pred();
    }
    bool select(const char *group, const char *plural, const QString &ns, const QString &name)
    {
        const api::ResourceInfo &r = api::builtinResource(QLatin1String(group), QLatin1String(plural));
        window_->selectObject({r.group.isEmpty() ? r.version : r.group + "/" + r.version, r.kind, ns, name, {}});
        return eventually([&] { return api::nameOf(window_->selectedObject()) == name; });
    }
    // A pod of the web Deployment.
    QJsonObject webPod()
    {
        for (const QJsonValue &v : items("", "pods", "default"))
            if (api::metaOf(v.toObject()).value("labels").toObject().value("app").toString() == "web" && !api::isDeleting(v.toObject()))
                return v.toObject();
        return {};
    }
    int runningPods(const QString &selectorApp)
    {
        int n = 0;
        for (const QJsonValue &v : items("", "pods", "default"))
            if (api::metaOf(v.toObject()).value("labels").toObject().value("app").toString() == selectorApp
                && api::statusOf(v.toObject()).value("phase").toString() == "Running" && !api::isDeleting(v.toObject()))
                ++n;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(server_.start(), qPrintable(server_.log()));
        window_ = std::make_unique<ui::MainWindow>();
        window_->show();
        // The switcher lists the kubeconfig's context (and the local cluster); choosing it opens it here.
        ui::ClusterSwitcher *switcher = window_->clusterSwitcher();
        switcher->reload({server_.kubeconfig()});
        QCOMPARE(switcher->choices().size(), 2);
        QVERIFY(switcher->choices().at(0).local);
        const ui::ClusterChoice choice = switcher->choices().at(1);
        QVERIFY(choice.context.startsWith("timoneiro-"));
        auto config = ui::serverConfigOf(choice);
        QVERIFY(config.ok());
        admin_ = std::make_unique<client::Client>(new client::HttpTransport(*config));
        switcher->choose(1);
        QCOMPARE(window_->clusterName(), choice.context);
        QVERIFY(window_->windowTitle().contains(choice.context));

        auto created = call([&](auto done) {
            admin_->create(api::builtinResource("apps", "deployments"), "default",
                           QJsonDocument::fromJson(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
                "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web","tier":"front"}},
                "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":8080}]}]}}}})").object(), done);
        });
        QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
        QVERIFY(eventually([&] { return runningPods("web") == 2; }));
    }

    void cleanupTestCase()
    {
        window_.reset();
        admin_.reset();
        QCOMPARE(server_.stop(), 0);
    }

    void ownerChainOverHttps()
    {
        const QJsonArray pods = items("", "pods", "default");
        QVERIFY(!pods.isEmpty());
        QVERIFY(select("", "pods", "default", api::nameOf(pods.at(0).toObject())));
        QTRY_COMPARE(window_->details()->owners().size(), 3);
        QCOMPARE(window_->details()->owners().at(0).kind, QStringLiteral("Deployment"));
        QTRY_VERIFY(window_->details()->explainHtml().contains("The scheduler chose sim-node-"));
        QVERIFY(window_->connectionProblem().isEmpty());
    }

    void screenshot()
    {
        QVERIFY(select("", "pods", "default", api::nameOf(webPod())));
        window_->details()->setCurrentIndex(0);
        QTest::qWait(300);
        QVERIFY(window_->grab().save("/tmp/main_window.png"));
    }

    void restartRolloutRolls()
    {
        QVERIFY(select("apps", "deployments", "default", "web"));
        const QString before = api::metaOf(get("apps", "deployments", "default", "web")).value("generation").toVariant().toString();
        window_->restartSelected();
        QVERIFY(eventually([&] {
            return !api::specOf(get("apps", "deployments", "default", "web")).value("template").toObject().value("metadata").toObject()
                        .value("annotations").toObject().value("kubectl.kubernetes.io/restartedAt").toString().isEmpty();
        }));
        // The template changed: a second ReplicaSet takes over the replicas.
        QVERIFY(eventually([&] { return items("apps", "replicasets", "default").size() == 2; }));
        QVERIFY(eventually([&] {
            const QJsonObject d = get("apps", "deployments", "default", "web");
            return api::statusOf(d).value("updatedReplicas").toInt() == 2 && api::statusOf(d).value("replicas").toInt() == 2
                && runningPods("web") == 2;
        }));
        QVERIFY(api::metaOf(get("apps", "deployments", "default", "web")).value("generation").toVariant().toString() != before);
        QVERIFY(window_->actionMessage().contains("web"));
    }

    void cordonAndUncordon()
    {
        QVERIFY(select("", "nodes", {}, "sim-node-3"));
        window_->cordonSelected(true);
        QVERIFY(eventually([&] { return api::specOf(get("", "nodes", {}, "sim-node-3")).value("unschedulable").toBool(); }));
        QTRY_VERIFY(window_->details()->overviewHtml().contains("cordoned"));
        window_->cordonSelected(false);
        QVERIFY(eventually([&] { return !api::specOf(get("", "nodes", {}, "sim-node-3")).value("unschedulable").toBool(); }));
    }

    void drainEvicts()
    {
        const QJsonArray pods = items("", "pods", "default");
        QVERIFY(!pods.isEmpty());
        const QString node = api::specOf(pods.at(0).toObject()).value("nodeName").toString();
        QVERIFY(!node.isEmpty());
        // A pod no controller manages stays (kubectl drain would want --force).
        auto bare = call([&](auto done) {
            admin_->create(api::builtinResource("", "pods"), "default",
                           QJsonObject{{"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", QJsonObject{{"name", "bare"}}},
                                       {"spec", QJsonObject{{"nodeName", node},
                                                            {"containers", QJsonArray{QJsonObject{{"name", "c"}, {"image", "busybox"}}}}}}},
                           done);
        });
        QVERIFY(bare.ok());
        QVERIFY(select("", "nodes", {}, node));
        window_->drainSelected();
        QVERIFY(eventually([&] { return api::specOf(get("", "nodes", {}, node)).value("unschedulable").toBool(); }));
        QVERIFY(eventually([&] {
            const QJsonArray left = items("", "pods", {}, "spec.nodeName=" + node);
            return left.size() == 1 && api::nameOf(left.at(0).toObject()) == "bare";
        }));
        QTRY_VERIFY_WITH_TIMEOUT(window_->actionMessage().contains("evicted"), 15000);
        QVERIFY2(window_->actionMessage().contains("default/bare"), qPrintable(window_->actionMessage()));
        QVERIFY2(!window_->actionMessage().contains("DELETED"), qPrintable(window_->actionMessage()));  // real evictions
        // The ReplicaSet put its pods back elsewhere.
        QVERIFY(eventually([&] { return runningPods("web") == 2; }));
        for (const QJsonValue &v : items("", "pods", "default"))
            QVERIFY(api::nameOf(v.toObject()) == "bare" || api::specOf(v.toObject()).value("nodeName").toString() != node);
        QVERIFY(call([&](auto done) { admin_->remove(api::builtinResource("", "pods"), "default", "bare", done); }).ok());
        window_->cordonSelected(false);
        QVERIFY(eventually([&] { return !api::specOf(get("", "nodes", {}, node)).value("unschedulable").toBool(); }));
    }

    void exposeEachType()
    {
        QVERIFY(select("apps", "deployments", "default", "web"));
        ui::ExposeOptions o;
        o.type = "NodePort";
        o.port = 80;
        o.targetPort = "8080";
        window_->exposeSelected(o);
        QVERIFY(eventually([&] { return !get("", "services", "default", "web").isEmpty(); }));
        QJsonObject svc = get("", "services", "default", "web");
        QCOMPARE(api::specOf(svc).value("type").toString(), QStringLiteral("NodePort"));
        QCOMPARE(api::specOf(svc).value("selector").toObject(), (QJsonObject{{"app", "web"}}));  // the deployment's selector
        const QJsonObject port = api::specOf(svc).value("ports").toArray().at(0).toObject();
        QCOMPARE(port.value("port").toInt(), 80);
        QCOMPARE(port.value("targetPort").toInt(), 8080);
        QVERIFY(port.value("nodePort").toInt() >= 30000);

        // The same name again: 409, said in the window.
        window_->exposeSelected(o);
        QTRY_VERIFY(window_->actionMessage().contains("409"));

        // A pod: its labels are the selector.
        const QJsonObject pod = webPod();
        QVERIFY(select("", "pods", "default", api::nameOf(pod)));
        for (const char *type : {"ClusterIP", "LoadBalancer", "ExternalName"}) {
            ui::ExposeOptions p;
            p.name = QStringLiteral("pod-%1").arg(QString::fromLatin1(type).toLower());
            p.type = QLatin1String(type);
            p.port = 8080;
            p.externalName = "db.example.com";
            window_->exposeSelected(p);
            QVERIFY(eventually([&] { return !get("", "services", "default", p.name).isEmpty(); }));
            svc = get("", "services", "default", p.name);
            QCOMPARE(api::specOf(svc).value("type").toString(), QLatin1String(type));
            if (p.type == "ExternalName")
                QCOMPARE(api::specOf(svc).value("externalName").toString(), QStringLiteral("db.example.com"));
            else
                QCOMPARE(api::specOf(svc).value("selector").toObject(), api::metaOf(pod).value("labels").toObject());
        }

        // A node port outside the cluster's range: 422 from the API server, in the window.
        ui::ExposeOptions bad;
        bad.name = "bad";
        bad.type = "NodePort";
        bad.nodePort = 80;
        window_->exposeSelected(bad);
        QTRY_VERIFY2(window_->actionMessage().contains("422"), qPrintable(window_->actionMessage()));
    }

    void logsShowTheServersAnswer()
    {
        const QJsonObject pod = webPod();
        QVERIFY(select("", "pods", "default", api::nameOf(pod)));
        ui::DetailsPanel *d = window_->details();
        d->setCurrentWidget(d->logs());
        QTRY_VERIFY(!d->logs()->errorText().isEmpty());
        QVERIFY2(d->logs()->errorText().contains("pods/log"), qPrintable(d->logs()->errorText()));
    }

    void forbiddenActionIsReported()
    {
        // A user who may read but not write: the delete comes back 403, in the window.
        auto binding = call([&](auto done) {
            admin_->create(api::builtinResource("rbac.authorization.k8s.io", "clusterrolebindings"), {},
                           QJsonDocument::fromJson(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding",
                "metadata":{"name":"viewer"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
                "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"viewer"}]})").object(), done);
        });
        QVERIFY(binding.ok());
        const QString kubeconfig = server_.mintKubeconfig("viewer", {});
        QVERIFY(!kubeconfig.isEmpty());
        window_->clusterSwitcher()->reload({kubeconfig});
        window_->clusterSwitcher()->choose(1);
        QVERIFY(select("apps", "deployments", "default", "web"));
        window_->deleteSelected();
        QTRY_VERIFY2(window_->actionMessage().contains("403"), qPrintable(window_->actionMessage()));
        QVERIFY(!get("apps", "deployments", "default", "web").isEmpty());
        QVERIFY(window_->connectionProblem().isEmpty());
    }

    void connectionErrorsInTheWindow()
    {
        // Expired credentials: a token the server does not know.
        QFile text(server_.kubeconfig());
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString server = server_.server();
        const QString expired = QDir::temp().filePath(QStringLiteral("timoneiro-expired-%1.yaml").arg(QCoreApplication::applicationPid()));
        QFile out(expired);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: %1\n    insecure-skip-tls-verify: true\n"
                                 "users:\n- name: u\n  user:\n    token: expired-token\ncontexts:\n- name: expired\n  context:\n    cluster: c\n    user: u\n"
                                 "current-context: expired\n").arg(server).toUtf8());
        out.close();
        window_->clusterSwitcher()->reload({expired});
        window_->clusterSwitcher()->choose(1);
        QTRY_VERIFY_WITH_TIMEOUT(window_->connectionProblem().contains("401"), 15000);

        // Unreachable: a port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:%1\n    insecure-skip-tls-verify: true\n"
                                 "users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: gone\n  context:\n    cluster: c\n    user: u\n"
                                 "current-context: gone\n").arg(port).toUtf8());
        out.close();
        window_->clusterSwitcher()->reload({expired});
        window_->clusterSwitcher()->choose(1);
        QTRY_VERIFY_WITH_TIMEOUT(window_->connectionProblem().contains("Cannot reach"), 15000);
        QFile::remove(expired);

        // Back to the admin context: the banner goes.
        window_->clusterSwitcher()->reload({server_.kubeconfig()});
        window_->clusterSwitcher()->choose(1);
        QTRY_VERIFY(window_->connectionProblem().isEmpty());
        QTRY_VERIFY(window_->visibleRows() > 0);
    }
};

QTEST_MAIN(Actions)
#include "test_ui_actions.moc"
