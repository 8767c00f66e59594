// Scheduler plugins and one scheduling cycle: each filter's verdict and
// wording, the scores, and the FitError message Kubernetes prints.
#include "scheduler/schedule_one.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::scheduler;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject node(const QString &name, const QString &cpu, const QString &memory, const QJsonObject &extraSpec = {},
                 const QJsonObject &labels = {})
{
    QJsonObject l = labels;
    l.insert(QStringLiteral("kubernetes.io/hostname"), name);
    return {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("labels"), l}}},
            {QStringLiteral("spec"), extraSpec},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("allocatable"), QJsonObject{{QStringLiteral("cpu"), cpu},
                                                                     {QStringLiteral("memory"), memory},
                                                                     {QStringLiteral("pods"), QStringLiteral("110")}}}}}};
}

QJsonObject pod(const QString &name, const QString &cpu, const QJsonObject &extraSpec = {}, const QJsonObject &labels = {})
{
    QJsonObject spec = extraSpec;
    QJsonObject container{{QStringLiteral("name"), QStringLiteral("c")}, {QStringLiteral("image"), QStringLiteral("nginx")}};
    if (!cpu.isEmpty())
        container.insert(QStringLiteral("resources"),
                         QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("cpu"), cpu}}}});
    spec.insert(QStringLiteral("containers"), QJsonArray{container});
    return {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                     {QStringLiteral("namespace"), QStringLiteral("default")},
                                                     {QStringLiteral("labels"), labels}}},
            {QStringLiteral("spec"), spec}};
}

Snapshot snapshotOf(const QList<QJsonObject> &nodes)
{
    Snapshot s;
    for (const QJsonObject &n : nodes)
        s.nodes.append(NodeInfo::from(n));
    return s;
}

}  // namespace

class SchedulerPlugins : public QObject {
    Q_OBJECT

private slots:
    void resources()
    {
        const QJsonObject p = json(R"({"spec":{"containers":[
            {"resources":{"requests":{"cpu":"250m","memory":"64Mi"}}},{"resources":{"requests":{"cpu":"1","memory":"1Gi"}}}],
            "initContainers":[{"resources":{"requests":{"cpu":"2"}}}]}})");
        const Resources r = Resources::podRequests(p);
        QCOMPARE(r.milliCpu, 2000);  // the init container's 2 CPUs exceed the sum (1.25)
        QCOMPARE(r.memory, 64LL * 1024 * 1024 + 1024LL * 1024 * 1024);
        QCOMPARE(r.pods, 1);
        const Resources n = Resources::nodeAllocatable(node(QStringLiteral("a"), QStringLiteral("4"), QStringLiteral("8Gi")));
        QCOMPARE(n.milliCpu, 4000);
        QCOMPARE(n.pods, 110);
    }

    void insufficientCpuMessage()
    {
        Snapshot s = snapshotOf({node(QStringLiteral("n1"), QStringLiteral("1"), QStringLiteral("1Gi")),
                                 node(QStringLiteral("n2"), QStringLiteral("1"), QStringLiteral("1Gi")),
                                 node(QStringLiteral("n3"), QStringLiteral("1"), QStringLiteral("1Gi"))});
        const SchedulingDecision d = scheduleOne(PodInfo::from(pod(QStringLiteral("big"), QStringLiteral("2"))), s,
                                                 Profile::defaults());
        QVERIFY(d.selectedNode.isEmpty());
        QCOMPARE(d.message, QStringLiteral("0/3 nodes are available: 3 Insufficient cpu."));
        QCOMPARE(d.nodes.size(), 3);
        QCOMPARE(d.nodes[0].filters.last().first, QStringLiteral("NodeResourcesFit"));
    }

    void mixedReasonsAreCountedAndSorted()
    {
        Snapshot s = snapshotOf(
            {node(QStringLiteral("n1"), QStringLiteral("1"), QStringLiteral("1Gi"), json(R"({"unschedulable":true})")),
             node(QStringLiteral("n2"), QStringLiteral("4"), QStringLiteral("1Gi"),
                  json(R"({"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]})")),
             node(QStringLiteral("n3"), QStringLiteral("1"), QStringLiteral("1Gi"))});
        const SchedulingDecision d = scheduleOne(PodInfo::from(pod(QStringLiteral("p"), QStringLiteral("2"))), s,
                                                 Profile::defaults());
        QCOMPARE(d.message, QStringLiteral("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint "
                                           "{dedicated: gpu}, 1 node(s) were unschedulable."));
    }

    void tolerationsSelectorsAndAffinity()
    {
        const QJsonObject tainted = node(QStringLiteral("gpu"), QStringLiteral("4"), QStringLiteral("4Gi"),
                                         json(R"({"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]})"),
                                         json(R"({"disk":"ssd"})"));
        Snapshot s = snapshotOf({tainted, node(QStringLiteral("plain"), QStringLiteral("4"), QStringLiteral("4Gi"))});
        const QJsonObject tolerant = pod(QStringLiteral("p"), {},
                                         json(R"({"tolerations":[{"key":"dedicated","operator":"Equal","value":"gpu",
                                                  "effect":"NoSchedule"}],"nodeSelector":{"disk":"ssd"}})"));
        QCOMPARE(scheduleOne(PodInfo::from(tolerant), s, Profile::defaults()).selectedNode, QStringLiteral("gpu"));
        const QJsonObject affinity = pod(QStringLiteral("q"), {}, json(R"({"affinity":{"nodeAffinity":{
            "requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[
              {"matchExpressions":[{"key":"disk","operator":"NotIn","values":["ssd"]}]}]}}}})"));
        QCOMPARE(scheduleOne(PodInfo::from(affinity), s, Profile::defaults()).selectedNode, QStringLiteral("plain"));
        const QJsonObject named = pod(QStringLiteral("r"), {}, json(R"({"nodeSelector":{"disk":"nvme"}})"));
        QCOMPARE(scheduleOne(PodInfo::from(named), s, Profile::defaults()).message,
                 QStringLiteral("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
                                "1 node(s) had untolerated taint {dedicated: gpu}."));
    }

    void leastAllocatedWins()
    {
        Snapshot s = snapshotOf({node(QStringLiteral("busy"), QStringLiteral("4"), QStringLiteral("4Gi")),
                                 node(QStringLiteral("idle"), QStringLiteral("4"), QStringLiteral("4Gi"))});
        s.nodes[0].addPod(PodInfo::from(pod(QStringLiteral("x"), QStringLiteral("3"))));
        const SchedulingDecision d = scheduleOne(PodInfo::from(pod(QStringLiteral("p"), QStringLiteral("500m"))), s,
                                                 Profile::defaults());
        QCOMPARE(d.selectedNode, QStringLiteral("idle"));
        QVERIFY(d.nodes[1].totalScore > d.nodes[0].totalScore);
    }

    void topologySpreadKeepsSkew()
    {
        Snapshot s = snapshotOf({node(QStringLiteral("a"), QStringLiteral("4"), QStringLiteral("4Gi")),
                                 node(QStringLiteral("b"), QStringLiteral("4"), QStringLiteral("4Gi"))});
        const QJsonObject web = json(R"({"app":"web"})");
        s.nodes[0].addPod(PodInfo::from(pod(QStringLiteral("w1"), {}, {}, web)));
        const QJsonObject spread = pod(QStringLiteral("w2"), {}, json(R"({"topologySpreadConstraints":[
            {"maxSkew":1,"topologyKey":"kubernetes.io/hostname","whenUnsatisfiable":"DoNotSchedule",
             "labelSelector":{"matchLabels":{"app":"web"}}}]})"), web);
        const SchedulingDecision d = scheduleOne(PodInfo::from(spread), s, Profile::defaults());
        QCOMPARE(d.selectedNode, QStringLiteral("b"));
        QVERIFY(!d.nodes[0].feasible);
        QCOMPARE(d.nodes[0].filters.last().second.reasons.value(0),
                 QStringLiteral("node(s) didn't match pod topology spread constraints"));
    }

    void noNodes()
    {
        QCOMPARE(scheduleOne(PodInfo::from(pod(QStringLiteral("p"), {})), Snapshot{}, Profile::defaults()).message,
                 QStringLiteral("no nodes available to schedule pods"));
    }
};

QTEST_GUILESS_MAIN(SchedulerPlugins)
#include "test_scheduler_plugins.moc"
