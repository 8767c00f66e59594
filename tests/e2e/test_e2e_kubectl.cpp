// The real kubectl against a real timoneirod: the course notes' session,
// apply, patch, scale, watch, delete and the error lines, compared with
// what kubectl prints against a real cluster.
#include "timoneirod_process.h"

#include <QRegularExpression>

#include <csignal>
#include <QTemporaryDir>
#include <QTest>

using timoneiro::testing::CommandResult;
using timoneiro::testing::Kubectl;
using timoneiro::testing::TimoneirodProcess;

class KubectlE2E : public QObject {
    Q_OBJECT

private:
    TimoneirodProcess server_;
    std::unique_ptr<Kubectl> kubectl_;
    QTemporaryDir files_;

    CommandResult k(const QStringList &args, const QByteArray &in = {}) { return kubectl_->run(args, in); }
    QString file(const QString &name, const QByteArray &text)
    {
        const QString path = files_.path() + QLatin1Char('/') + name;
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }
    static QStringList lines(const QString &text) { return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    static QStringList columns(const QString &line)
    {
        return line.split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
    }

#define EXPECT_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).err + (r).out))

private slots:
    void initTestCase()
    {
        if (Kubectl::path().isEmpty())
            QSKIP("kubectl is not installed (this machine kind has v1.32 at /usr/bin/kubectl)");
        QVERIFY2(server_.start(), qPrintable(server_.log()));
        kubectl_ = std::make_unique<Kubectl>(server_.kubeconfig());
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }

    void versionAndDiscovery()
    {
        CommandResult r = k({QStringLiteral("version")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QStringLiteral("Server Version: v1.32.4+timoneiro")), qPrintable(r.out));
        r = k({QStringLiteral("api-resources")});
        EXPECT_OK(r);
        QVERIFY(r.out.startsWith(QStringLiteral("NAME")));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\npods\\s+po\\s+v1\\s+true\\s+Pod\\n"))), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\ndeployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment\\n"))));
        QVERIFY(r.err.isEmpty());
    }

    void startsWithTheDefaultNamespaces()
    {
        CommandResult r = k({QStringLiteral("get"), QStringLiteral("namespaces")});
        EXPECT_OK(r);
        QStringList l = lines(r.out);
        QCOMPARE(columns(l.value(0)), (QStringList{QStringLiteral("NAME"), QStringLiteral("STATUS"), QStringLiteral("AGE")}));
        for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n%1\\s+Active\\s").arg(QLatin1String(ns)))),
                     qPrintable(r.out));
        r = k({QStringLiteral("get"), QStringLiteral("service"), QStringLiteral("kubernetes"), QStringLiteral("-n"),
               QStringLiteral("default")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("kubernetes\\s+ClusterIP\\s+10\\.96\\.0\\.1\\s+<none>\\s+443/TCP"))),
                 qPrintable(r.out));
    }

    void courseNotesSession()
    {
        const QString manifest = QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml");
        CommandResult r = k({QStringLiteral("create"), QStringLiteral("-f"), manifest});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("namespace/giropops created\npod/nginx created\n"));

        r = k({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QStringList l = lines(r.out);
        QCOMPARE(l.size(), 2);
        QCOMPARE(columns(l[0]), (QStringList{QStringLiteral("NAME"), QStringLiteral("READY"), QStringLiteral("STATUS"),
                                             QStringLiteral("RESTARTS"), QStringLiteral("AGE")}));
        QStringList row = columns(l[1]);
        QCOMPARE(row.mid(0, 4), (QStringList{QStringLiteral("nginx"), QStringLiteral("0/1"), QStringLiteral("Pending"),
                                             QStringLiteral("0")}));
        QVERIFY(row.value(4).contains(QRegularExpression(QStringLiteral("^\\d+s$"))));

        r = k({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("giropops"),
               QStringLiteral("-o"), QStringLiteral("wide")});
        EXPECT_OK(r);
        QVERIFY2(lines(r.out).value(0).contains(QRegularExpression(
                     QStringLiteral("^NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+IP\\s+NODE\\s+NOMINATED NODE\\s+READINESS GATES$"))),
                 qPrintable(r.out));
        QVERIFY(lines(r.out).value(1).contains(QRegularExpression(QStringLiteral("<none>\\s+<none>\\s+<none>\\s+<none>$"))));

        r = k({QStringLiteral("expose"), QStringLiteral("pod"), QStringLiteral("nginx"), QStringLiteral("--port=80"),
               QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("service/nginx exposed\n"));

        r = k({QStringLiteral("get"), QStringLiteral("services"), QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        l = lines(r.out);
        QCOMPARE(columns(l.value(0)), (QStringList{QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("CLUSTER-IP"),
                                                   QStringLiteral("EXTERNAL-IP"), QStringLiteral("PORT(S)"), QStringLiteral("AGE")}));
        row = columns(l.value(1));
        QCOMPARE(row.value(0), QStringLiteral("nginx"));
        QCOMPARE(row.value(1), QStringLiteral("ClusterIP"));
        QVERIFY2(row.value(2).contains(QRegularExpression(QStringLiteral("^10\\.(9[6-9]|10[0-9]|11[01])\\.\\d+\\.\\d+$"))),
                 qPrintable(row.value(2)));
        QCOMPARE(row.value(3), QStringLiteral("<none>"));
        QCOMPARE(row.value(4), QStringLiteral("80/TCP"));

        r = k({QStringLiteral("get"), QStringLiteral("endpoints"), QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
    }

    void applyTwiceThenChange()
    {
        const QByteArray cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: giropops\ndata:\n  color: blue\n";
        const QString path = file(QStringLiteral("cm.yaml"), cm);
        CommandResult r = k({QStringLiteral("apply"), QStringLiteral("-f"), path});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("configmap/settings created\n"));
        r = k({QStringLiteral("apply"), QStringLiteral("-f"), path});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("configmap/settings unchanged\n"));
        file(QStringLiteral("cm.yaml"), QByteArray(cm).replace("blue", "green"));
        r = k({QStringLiteral("apply"), QStringLiteral("-f"), path});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("configmap/settings configured\n"));
        r = k({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("settings"), QStringLiteral("-n"),
               QStringLiteral("giropops"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.color}")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("green"));

        // The pod from the notes, applied over the created one: kubectl warns
        // about the missing annotation and patches it.
        r = k({QStringLiteral("apply"), QStringLiteral("-f"),
               QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QStringLiteral("pod/nginx configured")), qPrintable(r.out));
        r = k({QStringLiteral("apply"), QStringLiteral("-f"),
               QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("namespace/giropops unchanged\npod/nginx unchanged\n"));

        r = k({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), path});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("configmap/settings serverside-applied\n"));
    }

    void patchEachType()
    {
        const QStringList target{QStringLiteral("pod"), QStringLiteral("nginx"), QStringLiteral("-n"), QStringLiteral("giropops")};
        CommandResult r = k(QStringList{QStringLiteral("patch")} + target
                            + QStringList{QStringLiteral("-p"), QStringLiteral("{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("pod/nginx patched\n"));
        r = k(QStringList{QStringLiteral("patch")} + target
              + QStringList{QStringLiteral("--type=merge"), QStringLiteral("-p"),
                            QStringLiteral("{\"metadata\":{\"labels\":{\"tier\":null,\"team\":\"a\"}}}")});
        EXPECT_OK(r);
        r = k(QStringList{QStringLiteral("patch")} + target
              + QStringList{QStringLiteral("--type=json"), QStringLiteral("-p"),
                            QStringLiteral("[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"nginx:1.27\"}]")});
        EXPECT_OK(r);
        r = k(QStringList{QStringLiteral("get")} + target
              + QStringList{QStringLiteral("-o"), QStringLiteral("jsonpath={.metadata.labels.team} {.metadata.labels.tier} {.spec.containers[0].image}")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("a  nginx:1.27"));
        r = k({QStringLiteral("label"), QStringLiteral("pod"), QStringLiteral("nginx"), QStringLiteral("-n"),
               QStringLiteral("giropops"), QStringLiteral("color=red")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("pod/nginx labeled\n"));
        r = k({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("giropops"),
               QStringLiteral("-l"), QStringLiteral("color=red"), QStringLiteral("-o"), QStringLiteral("name")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("pod/nginx\n"));
    }

    void typedCreatesAndScale()
    {
        // kubectl 1.32 sends these bodies as protobuf.
        CommandResult r = k({QStringLiteral("create"), QStringLiteral("deployment"), QStringLiteral("web"),
                             QStringLiteral("--image=nginx:1.27"), QStringLiteral("--replicas=2"), QStringLiteral("-n"),
                             QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("deployment.apps/web created\n"));
        r = k({QStringLiteral("create"), QStringLiteral("namespace"), QStringLiteral("aula")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("namespace/aula created\n"));
        r = k({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("cfg"), QStringLiteral("-n"),
               QStringLiteral("aula"), QStringLiteral("--from-literal=a=1")});
        EXPECT_OK(r);
        r = k({QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"), QStringLiteral("pw"),
               QStringLiteral("-n"), QStringLiteral("aula"), QStringLiteral("--from-literal=password=s3cr3t")});
        EXPECT_OK(r);
        r = k({QStringLiteral("get"), QStringLiteral("secret"), QStringLiteral("pw"), QStringLiteral("-n"),
               QStringLiteral("aula"), QStringLiteral("-o"), QStringLiteral("jsonpath={.data.password}")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("czNjcjN0"));
        r = k({QStringLiteral("create"), QStringLiteral("serviceaccount"), QStringLiteral("robot"), QStringLiteral("-n"),
               QStringLiteral("aula")});
        EXPECT_OK(r);

        r = k({QStringLiteral("scale"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("--replicas=3"),
               QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("deployment.apps/web scaled\n"));
        r = k({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"),
               QStringLiteral("giropops"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.replicas} {.metadata.generation}")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("3 2"));
        r = k({QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(columns(lines(r.out).value(0)),
                 (QStringList{QStringLiteral("NAME"), QStringLiteral("READY"), QStringLiteral("UP-TO-DATE"),
                              QStringLiteral("AVAILABLE"), QStringLiteral("AGE")}));
    }

    void watchReceivesEvents()
    {
        auto watcher = kubectl_->start({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                                        QStringLiteral("giropops"), QStringLiteral("-w")});
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += watcher->readAllStandardOutput()).contains("nginx"), 20000);
        CommandResult r = k({QStringLiteral("run"), QStringLiteral("busy"), QStringLiteral("--image=busybox"),
                             QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QTRY_VERIFY_WITH_TIMEOUT((seen += watcher->readAllStandardOutput()).contains("busy"), 20000);
        QVERIFY2(QString::fromUtf8(seen).contains(QRegularExpression(QStringLiteral("busy\\s+0/1\\s+Pending\\s+0"))),
                 seen.constData());
        r = k({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("busy"), QStringLiteral("-n"),
               QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("pod \"busy\" deleted\n"));
        ::kill(pid_t(watcher->processId()), SIGTERM);
        watcher->waitForFinished(5000);
    }

    void deleteThings()
    {
        CommandResult r = k({QStringLiteral("delete"), QStringLiteral("service"), QStringLiteral("nginx"),
                             QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("service \"nginx\" deleted\n"));
        r = k({QStringLiteral("delete"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-n"),
               QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.out, QStringLiteral("deployment.apps \"web\" deleted\n"));
        r = k({QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-n"), QStringLiteral("giropops")});
        EXPECT_OK(r);
        QCOMPARE(r.err, QStringLiteral("No resources found in giropops namespace.\n"));
    }

    void errorLines()
    {
        CommandResult r = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("nope"), QStringLiteral("-n"),
                             QStringLiteral("giropops")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("Error from server (NotFound): pods \"nope\" not found\n"));

        r = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("nope"), QStringLiteral("-n"),
               QStringLiteral("semnome")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("Error from server (NotFound): namespaces \"semnome\" not found\n"));

        const QString manifest = QStringLiteral(TIMONEIRO_SOURCE_DIR "/resources/manifests/meu-primeiro.yaml");
        r = k({QStringLiteral("create"), QStringLiteral("-f"), manifest});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (AlreadyExists): error when creating \"%1\": pods \"nginx\" already exists").arg(manifest)),
                 qPrintable(r.err));

        const QString bad = file(QStringLiteral("bad.yaml"),
                                 "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n  namespace: giropops\nspec:\n  containers:\n  - name: c\n");
        r = k({QStringLiteral("create"), QStringLiteral("-f"), bad});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("The Pod \"bad\" is invalid: spec.containers[0].image: Required value\n"));

        r = k({QStringLiteral("run"), QStringLiteral("x"), QStringLiteral("--image=nginx"), QStringLiteral("-n"),
               QStringLiteral("semnome")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("Error from server (NotFound): namespaces \"semnome\" not found\n"));

        // A stale resourceVersion is a Conflict.
        r = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("nginx"), QStringLiteral("-n"),
               QStringLiteral("giropops"), QStringLiteral("-o"), QStringLiteral("json")});
        EXPECT_OK(r);
        QByteArray stale = r.out.toUtf8();
        stale.replace(QRegularExpression(QStringLiteral("\"resourceVersion\": \"\\d+\"")).match(r.out).captured(0).toUtf8(),
                      "\"resourceVersion\": \"1\"");
        r = k({QStringLiteral("replace"), QStringLiteral("-f"), QStringLiteral("-")}, stale);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Error from server (Conflict): error when replacing \"STDIN\": Operation cannot be "
                                               "fulfilled on pods \"nginx\": the object has been modified; please apply your "
                                               "changes to the latest version and try again")),
                 qPrintable(r.err));
    }

    void restartKeepsEveryObject()
    {
        CommandResult before = k({QStringLiteral("get"), QStringLiteral("all"), QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("name")});
        EXPECT_OK(before);
        const QString dir = server_.dataDir();
        QCOMPARE(server_.stop(), 0);
        QVERIFY2(server_.start(dir), qPrintable(server_.log()));
        kubectl_ = std::make_unique<Kubectl>(server_.kubeconfig());
        CommandResult after = k({QStringLiteral("get"), QStringLiteral("all"), QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("name")});
        EXPECT_OK(after);
        QCOMPARE(after.out, before.out);
        QVERIFY(after.out.contains(QStringLiteral("pod/nginx")));
    }
};

QTEST_GUILESS_MAIN(KubectlE2E)
#include "test_e2e_kubectl.moc"
