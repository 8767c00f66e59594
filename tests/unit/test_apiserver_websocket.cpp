// RFC 6455 framing as the streaming subresources use it: the accept key of
// the RFC's example, frames of each length encoding, masked client frames
// read in pieces, fragments joined, ping answered with pong, close answered
// and reported.
#include "apiserver/websocket_connection.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace timoneiro::apiserver;

class WebSocketTest : public QObject {
    Q_OBJECT

private:
    // A connected pair on loopback: the server side wrapped, the client raw.
    struct Pair {
        QTcpServer server;
        QTcpSocket client;
        QTcpSocket *accepted = nullptr;
        WebSocketConnection *ws = nullptr;
    };
    static bool connectPair(Pair &p)
    {
        if (!p.server.listen(QHostAddress::LocalHost))
            return false;
        p.client.connectToHost(QHostAddress::LocalHost, p.server.serverPort());
        if (!p.server.waitForNewConnection(5000) || !p.client.waitForConnected(5000))
            return false;
        p.accepted = p.server.nextPendingConnection();
        p.ws = new WebSocketConnection(p.accepted);
        return true;
    }
    static QList<websocket::Frame> readFrames(QTcpSocket &socket, int count)
    {
        websocket::FrameReader reader;
        QList<websocket::Frame> frames;
        QString error;
        // Both ends live on this thread: the event loop must run for the server's writes.
        for (int i = 0; i < 100 && frames.size() < count; ++i) {
            if (socket.bytesAvailable() == 0)
                QTest::qWait(50);
            reader.feed(socket.readAll());
            while (auto f = reader.next(&error))
                frames << *f;
        }
        return frames;
    }

private slots:
    void acceptKeyOfTheRfcExample()
    {
        QCOMPARE(websocket::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        const QByteArray response = webSocketHandshakeResponse("dGhlIHNhbXBsZSBub25jZQ==", "v5.channel.k8s.io");
        QVERIFY(response.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(response.contains("Sec-WebSocket-Protocol: v5.channel.k8s.io\r\n"));
        QVERIFY(response.endsWith("\r\n\r\n"));
    }

    void lengthEncodings_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("headerSize");
        QTest::newRow("7-bit") << 125 << 2;
        QTest::newRow("16-bit") << 126 << 4;
        QTest::newRow("16-bit max") << 65535 << 4;
        QTest::newRow("64-bit") << 65536 << 10;
    }
    void lengthEncodings()
    {
        QFETCH(int, size);
        QFETCH(int, headerSize);
        QByteArray payload(size, 'x');
        payload[0] = '\x01';
        const QByteArray frame = websocket::encodeFrame(websocket::Binary, payload);
        QCOMPARE(frame.size(), size + headerSize);
        QCOMPARE(quint8(frame[0]), quint8(0x82));
        websocket::FrameReader reader;
        reader.feed(frame);
        QString error;
        auto f = reader.next(&error);
        QVERIFY(f);
        QCOMPARE(f->payload, payload);
        QVERIFY(f->fin);
        QCOMPARE(f->opcode, quint8(websocket::Binary));
    }

    void maskedFramesReadInPieces()
    {
        const QByteArray mask("\x11\x22\x33\x44", 4);
        const QByteArray wire = websocket::encodeFrame(websocket::Binary, QByteArray("\x00hello stdin\n", 13), true, mask)
                                + websocket::encodeFrame(websocket::Binary, QByteArray("\xFF\x00", 2), true, mask);
        QVERIFY(!wire.contains("hello"));  // masked on the wire
        websocket::FrameReader reader;
        QList<QByteArray> got;
        QString error;
        for (char c : wire) {
            reader.feed(QByteArray(1, c));
            while (auto f = reader.next(&error))
                got << f->payload;
        }
        QVERIFY(error.isEmpty());
        QCOMPARE(got, (QList<QByteArray>{QByteArray("\x00hello stdin\n", 13), QByteArray("\xFF\x00", 2)}));
    }

    void badFramesAreErrors()
    {
        QString error;
        websocket::FrameReader reserved;
        reserved.feed(QByteArray("\xC2\x00", 2));  // RSV1 set
        QVERIFY(!reserved.next(&error));
        QVERIFY(!error.isEmpty());
        error.clear();
        websocket::FrameReader small(10);
        small.feed(websocket::encodeFrame(websocket::Binary, QByteArray(11, 'a')));
        QVERIFY(!small.next(&error));
        QVERIFY(error.contains(QLatin1String("over the limit")));
    }

    void connectionJoinsFragmentsAndAnswersPing()
    {
        Pair p;
        QVERIFY(connectPair(p));
        QSignalSpy received(p.ws, &ByteTransport::received);
        const QByteArray mask("abcd", 4);
        p.client.write(websocket::encodeFrame(websocket::Binary, "\x01par", false, mask));
        p.client.write(websocket::encodeFrame(websocket::Ping, "are you there", true, mask));  // between fragments
        p.client.write(websocket::encodeFrame(websocket::Continuation, "ts", true, mask));
        QVERIFY(received.wait(5000) || received.size() == 1);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().first().toByteArray(), QByteArray("\x01parts"));
        const auto frames = readFrames(p.client, 1);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first().opcode, quint8(websocket::Pong));
        QCOMPARE(frames.first().payload, QByteArray("are you there"));

        p.ws->write(QByteArray("\x01out", 4));
        const auto out = readFrames(p.client, 1);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().opcode, quint8(websocket::Binary));
        QCOMPARE(out.first().payload, QByteArray("\x01out", 4));
    }

    void closeIsAnsweredAndReported()
    {
        Pair p;
        QVERIFY(connectPair(p));
        QSignalSpy closed(p.ws, &ByteTransport::closed);
        char code[2];
        qToBigEndian(quint16(1000), code);
        p.client.write(websocket::encodeFrame(websocket::Close, QByteArray(code, 2), true, "wxyz"));
        QVERIFY(closed.wait(5000) || closed.size() == 1);
        const auto frames = readFrames(p.client, 1);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first().opcode, quint8(websocket::Close));
        QCOMPARE(frames.first().payload, QByteArray(code, 2));
    }

    void serverCloseSendsCloseFrame()
    {
        Pair p;
        QVERIFY(connectPair(p));
        p.ws->write(QByteArray("\x03{\"status\":\"Success\"}"));
        p.ws->close();
        p.ws->write("ignored after close");
        const auto frames = readFrames(p.client, 2);
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames[0].opcode, quint8(websocket::Binary));
        QCOMPARE(frames[1].opcode, quint8(websocket::Close));
        QCOMPARE(qFromBigEndian<quint16>(frames[1].payload.constData()), quint16(1000));
    }
};

QTEST_GUILESS_MAIN(WebSocketTest)
#include "test_apiserver_websocket.moc"
