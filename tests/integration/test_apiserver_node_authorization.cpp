// What a node's kubelet may do (Node authorizer + NodeRestriction): its own
// Node and Lease, the pods bound to it, the secrets those pods use -- and
// nothing of other nodes'. Driven through the handler chain directly.
#include "apiserver/apiserver.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro;

class NodeAuthorization : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<apiserver::ApiServer> api_;

    api::ApiResponse send(const QString &user, const QByteArray &method, const QString &path, const QByteArray &body = {},
                          const QByteArray &contentType = "application/json")
    {
        api::ApiRequest r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.headers.emplaceBack("content-type", contentType);
        r.user = user == QLatin1String("admin")
                     ? api::UserInfo{QStringLiteral("admin"), {QStringLiteral("system:masters")}}
                     : api::UserInfo{QStringLiteral("system:node:") + user, {QStringLiteral("system:nodes"), QStringLiteral("system:authenticated")}};
        return api_->handle(r);
    }
    static QByteArray node(const char *name)
    {
        // (Not a raw string: moc misreads raw strings that start or end with a quote.)
        return QByteArray("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"") + name + "\"}}";
    }

private slots:
    void initTestCase()
    {
        store_ = std::move(*store::Store::open(dir_.filePath(QStringLiteral("s.db"))));
        api_ = std::make_unique<apiserver::ApiServer>(*store_);
        QVERIFY(api_->bootstrap().ok());
    }

    void ownNodeAndLeaseOnly()
    {
        QCOMPARE(send("n1", "POST", "/api/v1/nodes", node("n1")).status, 201);
        const api::ApiResponse other = send("n1", "POST", "/api/v1/nodes", node("n2"));
        QCOMPARE(other.status, 403);
        QVERIFY(QString::fromUtf8(other.body).contains(QStringLiteral("node \\\"n1\\\" is not allowed to modify node \\\"n2\\\"")));
        QCOMPARE(send("n2", "POST", "/api/v1/nodes", node("n2")).status, 201);
        QCOMPARE(send("n1", "PATCH", "/api/v1/nodes/n2", R"({"spec":{"unschedulable":true}})", "application/merge-patch+json").status, 403);
        QCOMPARE(send("n1", "PATCH", "/api/v1/nodes/n1/status", R"({"status":{"phase":"Running"}})", "application/merge-patch+json").status, 200);
        const QByteArray lease = R"({"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"n2"}})";
        QCOMPARE(send("n1", "POST", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases", lease).status, 403);
        QCOMPARE(send("n2", "POST", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases", lease).status, 201);
        QCOMPARE(send("n1", "GET", "/api/v1/nodes").status, 200);
    }

    void boundPodsAndTheirSecrets()
    {
        QCOMPARE(send("admin", "POST", "/api/v1/namespaces/default/secrets",
                      R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"mine"},"stringData":{"a":"b"}})").status, 201);
        QCOMPARE(send("admin", "POST", "/api/v1/namespaces/default/secrets",
                      R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"theirs"},"stringData":{"a":"b"}})").status, 201);
        QCOMPARE(send("admin", "POST", "/api/v1/namespaces/default/pods",
                      R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"nodeName":"n1","containers":[{"name":"c",
                          "image":"nginx","env":[{"name":"X","valueFrom":{"secretKeyRef":{"name":"mine","key":"a"}}}]}]}})").status, 201);
        QCOMPARE(send("n1", "GET", "/api/v1/namespaces/default/secrets/mine").status, 200);
        QCOMPARE(send("n1", "GET", "/api/v1/namespaces/default/secrets/theirs").status, 403);
        QCOMPARE(send("n2", "GET", "/api/v1/namespaces/default/secrets/mine").status, 403);
        QCOMPARE(send("n1", "GET", "/api/v1/namespaces/default/secrets").status, 403);  // no listing secrets
        const QByteArray status = R"({"status":{"phase":"Running"}})";
        QCOMPARE(send("n1", "PATCH", "/api/v1/namespaces/default/pods/p/status", status, "application/merge-patch+json").status, 200);
        QCOMPARE(send("n2", "PATCH", "/api/v1/namespaces/default/pods/p/status", status, "application/merge-patch+json").status, 403);
        QCOMPARE(send("n1", "POST", "/api/v1/namespaces/default/configmaps",
                      R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}})").status, 403);
    }
};

QTEST_GUILESS_MAIN(NodeAuthorization)
#include "test_apiserver_node_authorization.moc"
