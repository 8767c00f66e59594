// A Deployment's life with the real kubectl on a cluster of simulated nodes:
// apply, rollout status, describe (the ReplicaSet and the controllers'
// events), set image and a second revision, rollout history and undo,
// scale, a scheduling failure in describe, and delete with its pods -- the
// lines kubectl prints against a real cluster.
#include "timoneirod_process.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using timoneiro::testing::CommandResult;
using timoneiro::testing::Kubectl;
using timoneiro::testing::TimoneirodProcess;

namespace {

const QByteArray kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
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
        resources:
          requests:
            cpu: 100m
)";

}  // namespace

class KubectlRollout : public QObject {
    Q_OBJECT

    TimoneirodProcess server_{{QStringLiteral("--simulated-nodes"), QStringLiteral("3")}};
    std::unique_ptr<Kubectl> kubectl_;

    CommandResult k(const QStringList &args, const QByteArray &in = {}) { return kubectl_->run(args, in, 120000); }
    // Polls a kubectl command until its output matches (bounded).
    bool eventually(const QStringList &args, const QRegularExpression &want, int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const CommandResult r = k(args);
            if (r.exitCode == 0 && want.match(r.out).hasMatch())
                return true;
            QTest::qWait(500);
        }
        return false;
    }

#define EXPECT_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).err + (r).out))

private slots:
    void initTestCase()
    {
        if (Kubectl::path().isEmpty())
            QSKIP("kubectl is not installed (this machine kind has v1.32 at /usr/bin/kubectl)");
        QVERIFY2(server_.start(), qPrintable(server_.log()));
        kubectl_ = std::make_unique<Kubectl>(server_.kubeconfig());
        QVERIFY(eventually({QStringLiteral("get"), QStringLiteral("nodes")},
                           QRegularExpression(QStringLiteral("(sim-node-\\d\\s+Ready[\\s\\S]*){3}"))));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }

    void applyAndRolloutStatus()
    {
        CommandResult r = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kDeployment);
        EXPECT_OK(r);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web created"));
        r = k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/web"), QStringLiteral("--timeout=90s")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QStringLiteral("deployment \"web\" successfully rolled out")), qPrintable(r.out));
        r = k({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE\\nweb\\s+3/3\\s+3\\s+3\\s"))),
                 qPrintable(r.out));
        r = k({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=web")});
        EXPECT_OK(r);
        QCOMPARE(r.out.count(QRegularExpression(QStringLiteral("web-[a-z0-9]+-[a-z0-9]{5}\\s+1/1\\s+Running\\s+0\\s"))), 3);
    }

    void describeTellsTheStory()
    {
        CommandResult r = k({QStringLiteral("describe"), QStringLiteral("deployment"), QStringLiteral("web")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Replicas:\\s+3 desired \\| 3 updated \\| 3 total \\| 3 available \\| 0 unavailable"))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("StrategyType:\\s+RollingUpdate"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("NewReplicaSet:\\s+web-[a-z0-9]+ \\(3/3 replicas created\\)"))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Normal\\s+ScalingReplicaSet\\s+.*deployment-controller\\s+Scaled up replica set web-[a-z0-9]+ .*to 3"))),
                 qPrintable(r.out));
        r = k({QStringLiteral("describe"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=web")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Controlled By:\\s+ReplicaSet/web-"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Normal\\s+Scheduled\\s+.*default-scheduler\\s+Successfully assigned default/web-"))),
                 qPrintable(r.out));
    }

    void setImageHistoryAndUndo()
    {
        CommandResult r = k({QStringLiteral("set"), QStringLiteral("image"), QStringLiteral("deployment/web"), QStringLiteral("nginx=nginx:1.28")});
        EXPECT_OK(r);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web image updated"));
        r = k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/web"), QStringLiteral("--timeout=90s")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QStringLiteral("successfully rolled out")), qPrintable(r.out));
        r = k({QStringLiteral("rollout"), QStringLiteral("history"), QStringLiteral("deployment/web")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("REVISION\\s+CHANGE-CAUSE\\n1\\s+<none>\\n2\\s+<none>"))), qPrintable(r.out));
        r = k({QStringLiteral("rollout"), QStringLiteral("undo"), QStringLiteral("deployment/web")});
        EXPECT_OK(r);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web rolled back"));
        r = k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/web"), QStringLiteral("--timeout=90s")});
        EXPECT_OK(r);
        r = k({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web"), QStringLiteral("-o"),
               QStringLiteral("jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}")});
        EXPECT_OK(r);
        QCOMPARE(r.out.trimmed(), QStringLiteral("nginx:1.27 3"));
    }

    void scaleAndAnUnschedulablePod()
    {
        CommandResult r = k({QStringLiteral("scale"), QStringLiteral("deployment/web"), QStringLiteral("--replicas=5")});
        EXPECT_OK(r);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/web scaled"));
        QVERIFY(eventually({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("web")},
                           QRegularExpression(QStringLiteral("\\nweb\\s+5/5\\s+5\\s+5\\s"))));
        // More than any node has: the scheduler's own words in describe.
        r = k({QStringLiteral("run"), QStringLiteral("huge"), QStringLiteral("--image=nginx"),
               QStringLiteral("--overrides={\"spec\":{\"containers\":[{\"name\":\"huge\",\"image\":\"nginx\",\"resources\":{\"requests\":{\"cpu\":\"500\"}}}]}}")});
        EXPECT_OK(r);
        QVERIFY(eventually({QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("huge")},
                           QRegularExpression(QStringLiteral("Warning\\s+FailedScheduling\\s+.*default-scheduler\\s+0/3 nodes are available: 3 Insufficient cpu\\."))));
        r = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("huge")});
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("huge\\s+0/1\\s+Pending\\s+0\\s"))), qPrintable(r.out));
    }

    void deleteTakesThePods()
    {
        CommandResult r = k({QStringLiteral("delete"), QStringLiteral("deployment"), QStringLiteral("web")});
        EXPECT_OK(r);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps \"web\" deleted"));
        QVERIFY(eventually({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=web")},
                           QRegularExpression(QStringLiteral("^$"))));
        r = k({QStringLiteral("get"), QStringLiteral("replicasets")});
        EXPECT_OK(r);
        QVERIFY2(!r.out.contains(QStringLiteral("web-")), qPrintable(r.out));
    }
};

QTEST_MAIN(KubectlRollout)
#include "test_e2e_kubectl_rollout.moc"
