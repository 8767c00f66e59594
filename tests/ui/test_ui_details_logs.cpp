// The Logs tab streams: a pod's log is read as the server writes it
// (chunked, follow=true), line by line, over the app's HTTP transport --
// what a kubelet-backed API server does. The server here is a loopback
// socket the test writes to, so the test decides when each byte arrives;
// a refusal (a Status with 403) shows in the tab.
#include "client/client.h"
#include "client/http_transport.h"
#include "views/logs_view.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace timoneiro;

class DetailsLogs : public QObject {
    Q_OBJECT

    QTcpServer server_;
    QPointer<QTcpSocket> peer_;
    QByteArray request_;

    std::unique_ptr<client::Client> client()
    {
        client::ServerConfig config;
        config.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort()));
        return std::make_unique<client::Client>(new client::HttpTransport(config));
    }
    static QJsonObject pod()
    {
        return QJsonDocument::fromJson(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default"},
            "spec":{"containers":[{"name":"nginx","image":"nginx"},{"name":"tail","image":"busybox"}]}})").object();
    }
    // Waits for the request's headers.
    bool accept()
    {
        peer_.clear();
        request_.clear();
        if (!QTest::qWaitFor([this] { return server_.hasPendingConnections() || peer_; }, 10000))
            return false;
        if (!peer_)
            peer_ = server_.nextPendingConnection();
        return QTest::qWaitFor([this] {
            request_ += peer_->readAll();
            return request_.contains("\r\n\r\n");
        }, 10000);
    }
    void chunk(const QByteArray &data)
    {
        peer_->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
        peer_->flush();
    }

private slots:
    void initTestCase() { QVERIFY(server_.listen(QHostAddress::LocalHost)); }

    void followsAsTheServerWrites()
    {
        auto c = client();
        ui::LogsView view(*c);
        view.setPod(pod());
        QCOMPARE(view.containers(), (QStringList{"nginx", "tail"}));
        view.setContainer("tail");  // starts the stream
        QVERIFY(accept());
        QVERIFY2(request_.startsWith("GET /api/v1/namespaces/default/pods/web/log?container=tail&follow=true HTTP/1.1"),
                 request_.constData());
        peer_->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        chunk("line 1\n");
        QTRY_VERIFY(view.text().contains("line 1"));
        QVERIFY(view.streaming());
        chunk("line 2\nparti");
        QTRY_VERIFY(view.text().contains("line 2"));
        QVERIFY(!view.text().contains("parti"));  // half a line waits for its end
        chunk("al line\n");
        QTRY_VERIFY(view.text().contains("partial line"));
        peer_->write("0\r\n\r\n");  // the container stopped
        peer_->flush();
        QTRY_VERIFY(!view.streaming());
        QVERIFY(view.errorText().isEmpty());
    }

    void refusalShowsInTheTab()
    {
        auto c = client();
        ui::LogsView view(*c);
        view.show();
        view.setPod(pod());
        view.start();
        QVERIFY(accept());
        const QByteArray status = QJsonDocument(QJsonObject{
            {"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"}, {"reason", "Forbidden"}, {"code", 403},
            {"message", "pods is forbidden: User viewer cannot get resource pods/log"}}).toJson(QJsonDocument::Compact);
        peer_->write("HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(status.size())
                     + "\r\n\r\n" + status);
        peer_->flush();
        QTRY_VERIFY(!view.errorText().isEmpty());
        QVERIFY(view.errorText().contains("403"));
        QVERIFY(view.errorText().contains("cannot get resource"));
    }
};

QTEST_MAIN(DetailsLogs)
#include "test_ui_details_logs.moc"
