// The stream dispatcher in the handler chain, without a node: refusals as
// Kubernetes words them (no upgrade, no pod, no host, an unknown container,
// no container named among several, SPDY for exec), the node's own refusal
// passed through as its plain text, RBAC's create on pods/exec for a
// WebSocket GET, and an accepted upgrade asking the node for exactly what
// the client asked.
#include "apiserver/apiserver.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace timoneiro;

class StreamUpgradeTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<apiserver::ApiServer> api_;
    QList<QPair<QString, apiserver::NodeStreamRequest>> asked_;
    std::optional<api::ApiError> nodeRefuses_;

    api::ApiResponse send(const QByteArray &method, const QString &pathAndQuery, const QList<QPair<QByteArray, QByteArray>> &headers,
                          const QString &user = QStringLiteral("admin"), const QByteArray &body = {})
    {
        api::ApiRequest r;
        r.method = method;
        const QUrl url(pathAndQuery);
        r.path = url.path();
        for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            r.query.append(item);
        r.headers = headers;
        r.body = body;
        r.user = {user, user == QLatin1String("admin") ? QStringList{QStringLiteral("system:masters")} : QStringList{QStringLiteral("system:authenticated")}};
        return api_->handle(r);
    }
    static QList<QPair<QByteArray, QByteArray>> websocket()
    {
        return {{"connection", "Upgrade"}, {"upgrade", "websocket"}, {"sec-websocket-version", "13"},
                {"sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="}, {"sec-websocket-protocol", "v5.channel.k8s.io"}};
    }
    void createPod(const QString &name, const QString &node, const QStringList &containers)
    {
        QJsonArray list;
        for (const QString &c : containers)
            list.append(QJsonObject{{QStringLiteral("name"), c}, {QStringLiteral("image"), QStringLiteral("busybox")}});
        QJsonObject spec{{QStringLiteral("containers"), list}};
        if (!node.isEmpty())
            spec.insert(QStringLiteral("nodeName"), node);
        const QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("Pod")},
                              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}, {QStringLiteral("spec"), spec}};
        const api::ApiResponse r = send("POST", QStringLiteral("/api/v1/namespaces/default/pods"), {{"content-type", "application/json"}},
                                        QStringLiteral("admin"), QJsonDocument(pod).toJson());
        QVERIFY2(r.status == 201, r.body.constData());
    }
    static QString message(const api::ApiResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString();
    }

private slots:
    void initTestCase()
    {
        auto opened = store::Store::open(dir_.filePath(QStringLiteral("s.db")));
        QVERIFY(opened);
        store_ = std::move(*opened);
        apiserver::Config config;
        config.nodeStreamUrl = [this](const QString &node, const apiserver::NodeStreamRequest &request) -> api::Result<QString> {
            asked_.append({node, request});
            if (nodeRefuses_)
                return *nodeRefuses_;
            return QStringLiteral("http://127.0.0.1:1/exec/token");
        };
        api_ = std::make_unique<apiserver::ApiServer>(*store_, config);
        QVERIFY(api_->bootstrap().ok());
        createPod(QStringLiteral("web"), QStringLiteral("node-1"), {QStringLiteral("main")});
        createPod(QStringLiteral("pair"), QStringLiteral("node-1"), {QStringLiteral("a"), QStringLiteral("b")});
        createPod(QStringLiteral("pending"), QString(), {QStringLiteral("main")});
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("upgrade");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        const QString exec = QStringLiteral("/api/v1/namespaces/default/pods/%1/exec?command=true&stdout=true%2");
        QTest::newRow("no upgrade") << exec.arg(QStringLiteral("web"), QString()) << false << 400 << QStringLiteral("Upgrade request required");
        QTest::newRow("no pod") << exec.arg(QStringLiteral("ghost"), QString()) << true << 404 << QStringLiteral("pods \"ghost\" not found");
        QTest::newRow("no host") << exec.arg(QStringLiteral("pending"), QString()) << true << 400
                                 << QStringLiteral("pod pending does not have a host assigned");
        QTest::newRow("unknown container") << exec.arg(QStringLiteral("web"), QStringLiteral("&container=nope")) << true << 400
                                           << QStringLiteral("container nope is not valid for pod web");
        QTest::newRow("container unnamed") << exec.arg(QStringLiteral("pair"), QString()) << true << 400
                                           << QStringLiteral("a container name must be specified for pod pair, choose one of: [a b]");
        QTest::newRow("no command") << QStringLiteral("/api/v1/namespaces/default/pods/web/exec?stdout=true") << true << 400
                                    << QStringLiteral("you must specify at least 1 command");
    }
    void refusals()
    {
        QFETCH(QString, path);
        QFETCH(bool, upgrade);
        QFETCH(int, status);
        QFETCH(QString, text);
        asked_.clear();
        const api::ApiResponse r = send("GET", path, upgrade ? websocket() : QList<QPair<QByteArray, QByteArray>>{});
        QCOMPARE(r.status, status);
        QCOMPARE(message(r), text);
        QVERIFY(!r.takeOver);
        QVERIFY(asked_.isEmpty());
    }

    void spdyExecIsRefusedAfterTheChecks()
    {
        const api::ApiResponse r = send("POST", QStringLiteral("/api/v1/namespaces/default/pods/web/exec?command=true&stdout=true"),
                                        {{"connection", "Upgrade"}, {"upgrade", "SPDY/3.1"}, {"x-stream-protocol-version", "v4.channel.k8s.io"}});
        QCOMPARE(r.status, 400);
        QVERIFY2(message(r).contains(QLatin1String("WebSocket")), r.body.constData());
    }

    void acceptedUpgradeAsksTheNode()
    {
        asked_.clear();
        nodeRefuses_.reset();
        const api::ApiResponse r = send("GET", QStringLiteral("/api/v1/namespaces/default/pods/web/exec?command=sh&command=-c&command=exit%203"
                                                              "&container=main&stdin=true&stdout=true&tty=true"),
                                        websocket());
        QCOMPARE(r.status, 101);
        QVERIFY(r.takeOver);
        QCOMPARE(asked_.size(), 1);
        QCOMPARE(asked_[0].first, QStringLiteral("node-1"));
        const apiserver::NodeStreamRequest &n = asked_[0].second;
        QCOMPARE(n.kind, apiserver::NodeStreamRequest::Exec);
        QCOMPARE(n.podName, QStringLiteral("web"));
        QVERIFY(!n.podUid.isEmpty());
        QCOMPARE(n.container, QStringLiteral("main"));
        QCOMPARE(n.command, (QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")}));
        QVERIFY(n.tty && n.stdinOpen && n.stdoutOpen && !n.stderrOpen);
    }

    void attachDefaultsTheOnlyContainer()
    {
        asked_.clear();
        const api::ApiResponse r = send("GET", QStringLiteral("/api/v1/namespaces/default/pods/web/attach?stdout=true&stderr=true"), websocket());
        QCOMPARE(r.status, 101);
        QCOMPARE(asked_.size(), 1);
        QCOMPARE(asked_[0].second.kind, apiserver::NodeStreamRequest::Attach);
        QCOMPARE(asked_[0].second.container, QStringLiteral("main"));
    }

    void nodeRefusalIsItsPlainText()
    {
        api::ApiError e;
        e.code = 404;
        e.reason = QStringLiteral("NotFound");
        e.message = QStringLiteral("container not found (\"main\")");
        nodeRefuses_ = e;
        const api::ApiResponse r = send("GET", QStringLiteral("/api/v1/namespaces/default/pods/web/exec?command=true&stdout=true"), websocket());
        nodeRefuses_.reset();
        QCOMPARE(r.status, 404);
        QVERIFY(r.contentType.startsWith("text/plain"));
        QCOMPARE(r.body, QByteArray("container not found (\"main\")"));
        QVERIFY(!r.takeOver);
    }

    void websocketGetNeedsCreate()
    {
        asked_.clear();
        const api::ApiResponse r = send("GET", QStringLiteral("/api/v1/namespaces/default/pods/web/exec?command=true&stdout=true"), websocket(),
                                        QStringLiteral("viewer"));
        QCOMPARE(r.status, 403);
        QCOMPARE(message(r), QStringLiteral("pods \"web\" is forbidden: User \"viewer\" cannot create resource \"pods/exec\" in API group \"\" "
                                            "in the namespace \"default\""));
        QVERIFY(asked_.isEmpty());
    }
};

QTEST_GUILESS_MAIN(StreamUpgradeTest)
#include "test_apiserver_stream_upgrade.moc"
