// Bad input over HTTP: every rejected request gets a Status with the code
// and reason Kubernetes uses, the server keeps running, the store is untouched.
#include "timoneirod_process.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using timoneiro::testing::TimoneirodProcess;

namespace {
struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};
}  // namespace

class BadInput : public QObject {
    Q_OBJECT

    TimoneirodProcess server_;
    QNetworkAccessManager nam_;
    QNetworkAccessManager anonymousNam_;

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json", bool anonymous = false,
               const QByteArray &authorization = {})
    {
        QNetworkRequest req(QUrl(server_.server() + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        req.setSslConfiguration(anonymous ? server_.anonymousTls() : server_.adminTls());
        if (!authorization.isEmpty())
            req.setRawHeader("Authorization", authorization);
        // A manager of its own for anonymous requests: connections are reused
        // across requests, with the TLS identity they were opened with.
        QNetworkReply *reply = (anonymous ? anonymousNam_ : nam_).sendCustomRequest(req, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return r;
    }

    void expectStatus(const Reply &r, int code, const QString &reason)
    {
        QCOMPARE(r.status, code);
        const QJsonObject s = r.json();
        QCOMPARE(s.value(QStringLiteral("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(s.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(s.value(QStringLiteral("code")).toInt(), code);
        QCOMPARE(s.value(QStringLiteral("reason")).toString(), reason);
        QVERIFY(!s.value(QStringLiteral("message")).toString().isEmpty());
    }

    QByteArray podList()
    {
        Reply r = send("GET", QStringLiteral("/api/v1/namespaces/default/pods"));
        QJsonObject list = r.json();
        list.remove(QStringLiteral("metadata"));
        return QJsonDocument(list).toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase() { QVERIFY2(server_.start(), qPrintable(server_.log())); }
    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }

    void rejectsAndKeepsRunning_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        const QString pods = QStringLiteral("/api/v1/namespaces/default/pods");
        QTest::newRow("malformed json") << QByteArray("POST") << pods << QByteArray("{\"kind\": ") << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("json array") << QByteArray("POST") << pods << QByteArray("[1,2]") << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("malformed yaml") << QByteArray("POST") << pods << QByteArray("a: [b\n  c: }") << QByteArray("application/yaml") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("bad protobuf") << QByteArray("POST") << pods << QByteArray("k8s\0\x0a\xff\xff", 7) << QByteArray("application/vnd.kubernetes.protobuf") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("unknown media") << QByteArray("POST") << pods << QByteArray("x") << QByteArray("text/csv") << 415 << QStringLiteral("UnsupportedMediaType");
        QTest::newRow("wrong kind") << QByteArray("POST") << pods << QByteArray("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"x\"}}") << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("wrong apiVersion") << QByteArray("POST") << pods << QByteArray("{\"apiVersion\":\"v9\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}") << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("unknown resource") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/default/widgets") << QByteArray() << QByteArray("application/json") << 404 << QStringLiteral("NotFound");
        QTest::newRow("unknown group") << QByteArray("GET") << QStringLiteral("/apis/example.com/v1/things") << QByteArray() << QByteArray("application/json") << 404 << QStringLiteral("NotFound");
        QTest::newRow("invalid pod") << QByteArray("POST") << pods << QByteArray("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"Bad_Name\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}") << QByteArray("application/json") << 422 << QStringLiteral("Invalid");
        QTest::newRow("bad label selector") << QByteArray("GET") << pods + QStringLiteral("?labelSelector=a%20in%20(") << QByteArray() << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("bad field") << QByteArray("GET") << pods + QStringLiteral("?fieldSelector=spec.nope%3Dx") << QByteArray() << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("method") << QByteArray("PUT") << pods << QByteArray("{}") << QByteArray("application/json") << 405 << QStringLiteral("MethodNotAllowed");
        QTest::newRow("bad patch") << QByteArray("PATCH") << QStringLiteral("/api/v1/namespaces/default") << QByteArray("{oops") << QByteArray("application/merge-patch+json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("json patch not array") << QByteArray("PATCH") << QStringLiteral("/api/v1/namespaces/default") << QByteArray("{}") << QByteArray("application/json-patch+json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("stale rv") << QByteArray("PUT") << QStringLiteral("/api/v1/namespaces/default") << QByteArray("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"default\",\"resourceVersion\":\"2\"}}") << QByteArray("application/json") << 409 << QStringLiteral("Conflict");
        QTest::newRow("watch too old") << QByteArray("GET") << QStringLiteral("/api/v1/namespaces/default/pods?watch=true&resourceVersion=abc") << QByteArray() << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("deep nesting") << QByteArray("POST") << QStringLiteral("/api/v1/namespaces/default/configmaps") << QByteArray(20000, '[') << QByteArray("application/json") << 400 << QStringLiteral("BadRequest");
        QTest::newRow("deep yaml") << QByteArray("POST") << QStringLiteral("/api/v1/namespaces/default/configmaps") << QByteArray(20000, '[') << QByteArray("application/yaml") << 400 << QStringLiteral("BadRequest");
    }

    void rejectsAndKeepsRunning()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, code);
        QFETCH(QString, reason);
        const QByteArray before = podList();
        expectStatus(send(method, path, body, contentType), code, reason);
        QCOMPARE(send("GET", QStringLiteral("/healthz")).body, QByteArray("ok"));
        QCOMPARE(podList(), before);
    }

    void oversizedBody()
    {
        const QByteArray big = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"x\":\""
                               + QByteArray(4 * 1024 * 1024, 'a') + "\"}}";
        Reply r = send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"), big);
        QCOMPARE(r.status, 413);
        QCOMPARE(send("GET", QStringLiteral("/healthz")).body, QByteArray("ok"));
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/big")).status, 404);
    }

    void unauthenticatedEndpointsAnswer()
    {
        for (const char *p : {"/healthz", "/livez", "/readyz"})
            QCOMPARE(send("GET", QLatin1String(p), {}, "application/json", true).body, QByteArray("ok"));
        QCOMPARE(send("GET", QStringLiteral("/version"), {}, "application/json", true)
                     .json().value(QStringLiteral("minor")).toString(),
                 QStringLiteral("32"));
    }

    // Without credentials, or with ones that do not verify: 401 as a Status.
    void unauthenticatedRequestsAreRefused()
    {
        expectStatus(send("GET", QStringLiteral("/api/v1/namespaces"), {}, "application/json", true), 401,
                     QStringLiteral("Unauthorized"));
        expectStatus(send("GET", QStringLiteral("/api"), {}, "application/json", true), 401,
                     QStringLiteral("Unauthorized"));
        expectStatus(send("GET", QStringLiteral("/api/v1/namespaces"), {}, "application/json", true,
                          "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln"),
                     401, QStringLiteral("Unauthorized"));
        expectStatus(send("POST", QStringLiteral("/api/v1/namespaces"),
                          R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"sneaky"}})", "application/json",
                          true),
                     401, QStringLiteral("Unauthorized"));
        QCOMPARE(send("GET", QStringLiteral("/api/v1/namespaces/sneaky")).status, 404);
    }
};

QTEST_GUILESS_MAIN(BadInput)
#include "test_apiserver_badinput.moc"
