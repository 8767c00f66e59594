// kubectl port-forward through timoneirod's API server to a pod on a real
// local node (timoneirod --nodes 1, containerd, the real kubectl): pod/ and
// svc/ targets, nginx's page through the forwarded port on two separate
// connections, and kubectl's own error line for a port nothing listens on.
// Needs root and containerd; skipped otherwise.
#include "e2e_helpers.h"
#include "e2e_node_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <unistd.h>

using namespace timoneiro::testing;

namespace {

const QString kNode = QStringLiteral("node-1");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// One HTTP/1.1 request on a new connection to 127.0.0.1:port; what came back
// before the server (kubectl, here) closed it, or the timeout.
QByteArray httpGet(quint16 port, const QByteArray &path = "/", int timeoutMs = 15000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return "connect failed: " + socket.errorString().toUtf8();
    socket.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    for (int waited = 0; waited < timeoutMs && socket.state() == QAbstractSocket::ConnectedState; waited += 100) {
        socket.waitForReadyRead(100);
        reply += socket.readAll();
    }
    return reply + socket.readAll();
}

// A background kubectl port-forward, killed by its PID when the guard goes.
struct Forward {
    std::unique_ptr<QProcess> process;
    QByteArray out, err;

    Forward() = default;
    Forward(Forward &&) = default;
    ~Forward()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    void read()
    {
        if (!process)
            return;
        out += process->readAllStandardOutput();
        err += process->readAllStandardError();
    }
    bool waitFor(const QByteArray &text, int timeoutMs)
    {
        for (int waited = 0; waited < timeoutMs; waited += 100) {
            process->waitForReadyRead(100);
            read();
            if (out.contains(text) || err.contains(text))
                return true;
            if (process->state() == QProcess::NotRunning)
                break;
        }
        read();
        return out.contains(text) || err.contains(text);
    }
    QString describe() const { return QString::fromUtf8("stdout: " + out + "\nstderr: " + err); }
};

const char *kObjects =
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata:\n"
    "  name: nginx\n"
    "  labels: {app: web}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  containers:\n"
    "  - name: nginx\n"
    "    image: nginx\n"
    "    ports: [{containerPort: 80, name: http}]\n"
    // 300 KiB, several times SPDY's 64 KiB window: a forward must not stall.
    "  - name: files\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"mkdir -p /www && head -c 307200 /dev/zero | tr '\\\\0' a > /www/big && exec httpd -f -p 8080 -h /www\"]\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Service\n"
    "metadata: {name: web}\n"
    "spec:\n"
    "  selector: {app: web}\n"
    "  ports: [{port: 8080, targetPort: http}]\n";

}  // namespace

class LocalNodesPortForwardE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    void sweep() { sweepCluster(server_, {kNode}); }

    Forward forward(const QString &target, const QString &ports)
    {
        Forward f;
        f.process = kubectl_->start({QStringLiteral("port-forward"), target, ports});
        return f;
    }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "runc", "ip"}, {kNode}); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("portforward")}),
                 qPrintable(server_->log()));
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kObjects);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QString phase;
        QVERIFY2(eventually([&] {
            const CommandResult r = k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("nginx"), QStringLiteral("-o"),
                                       QStringLiteral("jsonpath={.status.phase}")});
            phase = r.out;
            return phase == QLatin1String("Running");
        }, 90000), qPrintable(phase + server_->log().right(3000)));
    }

    void podPortServesNginxOnEachNewConnection()
    {
        const quint16 port = freePort();
        Forward f = forward(QStringLiteral("pod/nginx"), QStringLiteral("%1:80").arg(port));
        QVERIFY2(f.waitFor(QStringLiteral("Forwarding from 127.0.0.1:%1 -> 80").arg(port).toUtf8(), 30000), qPrintable(f.describe()));
        const QByteArray first = httpGet(port);
        QVERIFY2(first.startsWith("HTTP/1.1 200 OK") && first.contains("Welcome to nginx!"),
                 qPrintable(QString::fromUtf8(first) + f.describe() + server_->log().right(2000)));
        const QByteArray second = httpGet(port);
        QVERIFY2(second.contains("Welcome to nginx!"), qPrintable(QString::fromUtf8(second) + f.describe()));
        QVERIFY(f.waitFor(QStringLiteral("Handling connection for %1").arg(port).toUtf8(), 5000));
        f.read();
        QCOMPARE(f.out.count("Handling connection for"), 2);
        QVERIFY2(f.process->state() == QProcess::Running, qPrintable(f.describe()));
    }

    void largeResponsesPassTheFlowControlWindow()
    {
        const quint16 port = freePort();
        Forward f = forward(QStringLiteral("pod/nginx"), QStringLiteral("%1:8080").arg(port));
        QVERIFY2(f.waitFor(QStringLiteral("Forwarding from 127.0.0.1:%1 -> 8080").arg(port).toUtf8(), 30000), qPrintable(f.describe()));
        const QByteArray reply = httpGet(port, "/big");
        const qsizetype body = reply.indexOf("\r\n\r\n");
        QVERIFY2(reply.startsWith("HTTP/1.") && body > 0, reply.left(300).constData());
        QCOMPARE(reply.mid(body + 4), QByteArray(307200, 'a'));
    }

    void serviceTargetResolvesToItsPod()
    {
        // svc/web:8080 -> targetPort "http" -> the pod's containerPort 80, resolved by kubectl.
        const quint16 port = freePort();
        Forward f = forward(QStringLiteral("svc/web"), QStringLiteral("%1:8080").arg(port));
        QVERIFY2(f.waitFor(QStringLiteral("Forwarding from 127.0.0.1:%1 -> 80").arg(port).toUtf8(), 30000), qPrintable(f.describe()));
        const QByteArray page = httpGet(port);
        QVERIFY2(page.contains("Welcome to nginx!"), qPrintable(QString::fromUtf8(page) + f.describe()));
    }

    void spdyUpgradeOnTheRawSocketToo()
    {
        // kubectl's switch for the pre-1.31 path: POST + Upgrade: SPDY/3.1, the same frames with no WebSocket.
        const quint16 port = freePort();
        qputenv("KUBECTL_PORT_FORWARD_WEBSOCKETS", "false");
        Forward f = forward(QStringLiteral("pod/nginx"), QStringLiteral("%1:80").arg(port));
        qunsetenv("KUBECTL_PORT_FORWARD_WEBSOCKETS");
        QVERIFY2(f.waitFor(QStringLiteral("Forwarding from 127.0.0.1:%1 -> 80").arg(port).toUtf8(), 30000), qPrintable(f.describe()));
        QVERIFY2(httpGet(port).contains("Welcome to nginx!"), qPrintable(f.describe()));
        QVERIFY2(httpGet(port).contains("Welcome to nginx!"), qPrintable(f.describe()));
    }

    void closedPortGivesKubectlsErrorLine()
    {
        const quint16 port = freePort();
        Forward f = forward(QStringLiteral("pod/nginx"), QStringLiteral("%1:81").arg(port));
        QVERIFY2(f.waitFor(QStringLiteral("Forwarding from 127.0.0.1:%1 -> 81").arg(port).toUtf8(), 30000), qPrintable(f.describe()));
        const QByteArray reply = httpGet(port);
        QVERIFY2(!reply.contains("HTTP/1.1"), reply.constData());
        // containerd's words, relayed as the kubelet would.
        const QByteArray expected = QStringLiteral("an error occurred forwarding %1 -> 81: error forwarding port 81 to pod ").arg(port).toUtf8();
        QVERIFY2(f.waitFor(expected, 15000), qPrintable(f.describe()));
        QVERIFY2(f.err.contains("failed to execute portforward in network namespace") && f.err.contains("connection refused"),
                 qPrintable(f.describe()));
        qInfo("%s", f.err.constData());
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(LocalNodesPortForwardE2E)
#include "test_e2e_local_nodes_portforward.moc"
