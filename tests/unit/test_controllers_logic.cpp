// The pure parts of the controllers: Endpoints from pods, which surplus
// pods go first, pod-template hashes, maxSurge/maxUnavailable arithmetic,
// quota usage.
#include "api/quota_usage.h"
#include "controllers/deployment/deployment_controller.h"
#include "controllers/endpoints/endpoints_controller.h"
#include "controllers/nodeipam/node_ipam_controller.h"
#include "controllers/replicaset/replicaset_controller.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace timoneiro;
using namespace timoneiro::controllers;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
QJsonObject pod(const char *name, const char *ip, bool ready, const char *extra = "{}")
{
    QJsonObject p = json(R"({"metadata":{"namespace":"default","labels":{"app":"web"}},"spec":{"nodeName":"n1",
        "containers":[{"name":"c","ports":[{"name":"http","containerPort":8080}]}]},"status":{"phase":"Running"}})");
    QJsonObject meta = p.value("metadata").toObject();
    meta.insert("name", name);
    meta.insert("uid", QStringLiteral("uid-") + QLatin1String(name));
    const QJsonObject more = json(extra);
    for (auto it = more.begin(); it != more.end(); ++it)
        meta.insert(it.key(), it.value());
    p.insert("metadata", meta);
    QJsonObject status = p.value("status").toObject();
    status.insert("podIP", ip);
    status.insert("conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", ready ? "True" : "False"}}});
    p.insert("status", status);
    return p;
}
}  // namespace

class ControllersLogic : public QObject {
    Q_OBJECT

private slots:
    void endpointsFromPods()
    {
        const QJsonObject svc = json(R"({"metadata":{"name":"web","namespace":"default"},"spec":{"selector":{"app":"web"},
            "ports":[{"name":"http","port":80,"targetPort":"http","protocol":"TCP"}]}})");
        QJsonObject other = pod("x", "10.244.1.9", true);
        QJsonObject meta = other.value("metadata").toObject();
        meta.insert("labels", QJsonObject{{"app", "db"}});
        other.insert("metadata", meta);
        const EndpointsView v = computeEndpoints(svc, {pod("a", "10.244.1.2", true), pod("b", "10.244.1.3", false),
                                                       pod("c", "", true), other,
                                                       pod("d", "10.244.1.4", true, R"({"deletionTimestamp":"2026-11-25T10:00:00Z"})")});
        QCOMPARE(v.subsets.size(), 1);
        const QJsonObject subset = v.subsets[0].toObject();
        QCOMPARE(subset.value("addresses").toArray().size(), 1);
        QCOMPARE(subset.value("addresses").toArray()[0].toObject().value("ip").toString(), QStringLiteral("10.244.1.2"));
        QCOMPARE(subset.value("notReadyAddresses").toArray().size(), 1);
        QCOMPARE(subset.value("ports").toArray()[0].toObject().value("port").toInt(), 8080);  // the named port, resolved
        QCOMPARE(v.endpoints.size(), 3);  // a, b, and d (terminating)
        bool terminatingSeen = false;
        for (const QJsonValue &e : v.endpoints)
            terminatingSeen = terminatingSeen || e.toObject().value("conditions").toObject().value("terminating").toBool();
        QVERIFY(terminatingSeen);
    }

    void surplusPodsOrder()
    {
        QJsonObject unscheduled = pod("u", "", false);
        QJsonObject spec = unscheduled.value("spec").toObject();
        spec.remove("nodeName");
        unscheduled.insert("spec", spec);
        const QList<QJsonObject> order = ReplicaSetController::deletionOrder(
            {pod("ready", "10.0.0.1", true), pod("notready", "10.0.0.2", false), unscheduled});
        QCOMPARE(order[0].value("metadata").toObject().value("name").toString(), QStringLiteral("u"));
        QCOMPARE(order[1].value("metadata").toObject().value("name").toString(), QStringLiteral("notready"));
    }

    void deploymentArithmetic()
    {
        QCOMPARE(resolveIntOrPercent(QJsonValue("25%"), 10, true), 3);
        QCOMPARE(resolveIntOrPercent(QJsonValue("25%"), 10, false), 2);
        QCOMPARE(resolveIntOrPercent(QJsonValue(2), 10, false), 2);
        const QJsonObject a = json(R"({"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}})");
        QJsonObject b = a;
        QJsonObject meta = b.value("metadata").toObject();
        meta.insert("labels", QJsonObject{{"app", "web"}, {"pod-template-hash", "x"}});
        b.insert("metadata", meta);
        QCOMPARE(podTemplateHash(a), podTemplateHash(b));  // the hash label itself does not count
        const QString h = podTemplateHash(a);
        QVERIFY(!h.isEmpty() && h.size() <= 10);
        QVERIFY(!h.contains(QRegularExpression(QStringLiteral("[aeiou01]"))));
        QVERIFY(podTemplateHash(json(R"({"spec":{"containers":[{"name":"c","image":"nginx:1.28"}]}})")) != h);
        QCOMPARE(NodeIpamController::cidr(3), QStringLiteral("10.244.3.0/24"));
    }

    void quotaUsage()
    {
        const QJsonObject p = json(R"({"spec":{"containers":[{"resources":{"requests":{"cpu":"250m","memory":"64Mi"},
            "limits":{"cpu":"1","memory":"128Mi"}}},{"resources":{"requests":{"cpu":"250m"}}}]},"status":{"phase":"Running"}})");
        const api::Usage u = api::usageOf(QString(), QStringLiteral("Pod"), QStringLiteral("pods"), p);
        QCOMPARE(u.value("pods"), 1);
        QCOMPARE(u.value("requests.cpu"), 500);
        QCOMPARE(u.value("cpu"), 500);
        QCOMPARE(u.value("limits.memory"), 128LL << 20);
        QCOMPARE(u.value("count/pods"), 1);
        QCOMPARE(api::formatQuantity(QStringLiteral("requests.cpu"), 500), QStringLiteral("500m"));
        QCOMPARE(api::formatQuantity(QStringLiteral("requests.cpu"), 2000), QStringLiteral("2"));
        QCOMPARE(api::formatQuantity(QStringLiteral("limits.memory"), 128LL << 20), QStringLiteral("128Mi"));
        QVERIFY(api::usageOf(QString(), QStringLiteral("Pod"), QStringLiteral("pods"), json(R"({"status":{"phase":"Succeeded"}})")).isEmpty());
        QCOMPARE(api::usageOf(QString(), QStringLiteral("Service"), QStringLiteral("services"),
                              json(R"({"spec":{"type":"NodePort"}})")).value("services.nodeports"), 1);
    }
};

QTEST_GUILESS_MAIN(ControllersLogic)
#include "test_controllers_logic.moc"
