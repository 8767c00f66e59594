// The service load balancer against the real API server in process: a
// Service of type LoadBalancer gets the pool's first free address in
// status.loadBalancer.ingress; a second one the next; a change of type
// releases the address (status emptied) and a delete does too, so the next
// LoadBalancer gets it again; loadBalancerClass names another
// implementation and is left alone.
#include "controllers/servicelb/service_lb_controller.h"
#include "in_process_api.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro;

namespace {

const api::ResourceInfo &services()
{
    return api::builtinResource(QString(), QStringLiteral("services"));
}

}  // namespace

class ServiceLbTest : public QObject {
    Q_OBJECT

    testing::InProcessApi api_;
    std::unique_ptr<controllers::ServiceLbController> controller_;

    QJsonObject get(const QString &name)
    {
        QJsonObject out;
        bool done = false;
        api_.client->get(services(), QStringLiteral("default"), name, [&](const api::Result<QJsonObject> &r) {
            out = r ? *r : QJsonObject();
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return {};
        return out;
    }
    QString ingressOf(const QString &name)
    {
        return get(name)[QStringLiteral("status")][QStringLiteral("loadBalancer")][QStringLiteral("ingress")][0][QStringLiteral("ip")].toString();
    }
    void create(const QString &name, const QByteArray &spec)
    {
        const QJsonObject svc{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("kind"), QStringLiteral("Service")},
                              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                              {QStringLiteral("spec"), QJsonDocument::fromJson(spec).object()}};
        bool done = false;
        api_.client->create(services(), QStringLiteral("default"), svc, [&](const api::Result<QJsonObject> &r) {
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            done = true;
        });
        QTRY_VERIFY(done);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(api_.start());
        controller_ = std::make_unique<controllers::ServiceLbController>(*api_.client, QStringLiteral("10.250.0.0/24"));
        controller_->start();
    }

    void assignsChangesAndReleases()
    {
        create(QStringLiteral("a"), R"({"type":"LoadBalancer","ports":[{"port":80}]})");
        QTRY_COMPARE(ingressOf(QStringLiteral("a")), QStringLiteral("10.250.0.1"));
        create(QStringLiteral("b"), R"({"type":"LoadBalancer","ports":[{"port":80}]})");
        QTRY_COMPARE(ingressOf(QStringLiteral("b")), QStringLiteral("10.250.0.2"));
        create(QStringLiteral("other"), R"({"type":"LoadBalancer","loadBalancerClass":"example.com/lb","ports":[{"port":80}]})");

        // LoadBalancer -> NodePort: the address goes from the status and back to the pool.
        bool done = false;
        api_.client->patch(services(), QStringLiteral("default"), QStringLiteral("a"), client::PatchType::Merge, R"({"spec":{"type":"NodePort"}})",
                           [&](const api::Result<QJsonObject> &r) {
                               QVERIFY2(r, r ? "" : qPrintable(r.error().message));
                               done = true;
                           });
        QTRY_VERIFY(done);
        QTRY_VERIFY(get(QStringLiteral("a"))[QStringLiteral("status")][QStringLiteral("loadBalancer")].toObject().isEmpty());
        QCOMPARE(controller_->allocated(QStringLiteral("default/a")), QString());
        create(QStringLiteral("c"), R"({"type":"LoadBalancer","ports":[{"port":80}]})");
        QTRY_COMPARE(ingressOf(QStringLiteral("c")), QStringLiteral("10.250.0.1"));

        // Deleted: released.
        done = false;
        api_.client->remove(services(), QStringLiteral("default"), QStringLiteral("b"), [&](const api::Result<QJsonObject> &) { done = true; });
        QTRY_VERIFY(done);
        QTRY_COMPARE(controller_->allocated(QStringLiteral("default/b")), QString());
        create(QStringLiteral("d"), R"({"type":"LoadBalancer","ports":[{"port":80}]})");
        QTRY_COMPARE(ingressOf(QStringLiteral("d")), QStringLiteral("10.250.0.2"));
        QCOMPARE(ingressOf(QStringLiteral("other")), QString());
    }
    void typeChangeToClusterIpDropsNodePorts()
    {
        // As kubectl patch/apply does it: only the type changes; the node
        // ports the server gave go with the type, and so does the address.
        create(QStringLiteral("e"), R"({"type":"LoadBalancer","ports":[{"port":80}]})");
        QTRY_VERIFY(!ingressOf(QStringLiteral("e")).isEmpty());
        QVERIFY(get(QStringLiteral("e"))[QStringLiteral("spec")][QStringLiteral("ports")][0][QStringLiteral("nodePort")].toInt() > 0);
        bool done = false;
        api_.client->patch(services(), QStringLiteral("default"), QStringLiteral("e"), client::PatchType::Merge, R"({"spec":{"type":"ClusterIP"}})",
                           [&](const api::Result<QJsonObject> &r) {
                               QVERIFY2(r, r ? "" : qPrintable(r.error().message));
                               done = true;
                           });
        QTRY_VERIFY(done);
        const QJsonObject port = get(QStringLiteral("e"))[QStringLiteral("spec")][QStringLiteral("ports")][0].toObject();
        QVERIFY(!port.contains(QStringLiteral("nodePort")));
        QTRY_COMPARE(controller_->allocated(QStringLiteral("default/e")), QString());
    }
};

QTEST_GUILESS_MAIN(ServiceLbTest)
#include "test_cluster_service_lb.moc"
