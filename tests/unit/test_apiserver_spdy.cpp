// SPDY/3.1 as kubectl's port-forward speaks it: frames, header blocks
// compressed with the SPDY/3 dictionary, the server session (streams,
// replies, data, flow control, RST, GOAWAY, PING) over an in-memory
// transport, and the port-forward relay against a fake runtime streaming
// server that speaks containerd's WebSocket port-forward protocol.
#include "apiserver/pod_portforward.h"
#include "apiserver/spdy_session.h"

#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <zlib.h>

using namespace timoneiro::apiserver;
using namespace timoneiro::apiserver::spdy;

namespace {

class MemoryTransport : public ByteTransport {
public:
    QByteArray written;
    bool isClosed = false;
    void write(const QByteArray &bytes) override { written += bytes; }
    void close() override
    {
        if (!isClosed) {
            isClosed = true;
            emit closed();
        }
    }
    void feed(const QByteArray &bytes) { emit received(bytes); }
};

// kubectl's side: its own compression contexts, and a reader of what the server wrote.
struct Client {
    MemoryTransport *transport;
    HeaderCompressor compressor;
    HeaderDecompressor decompressor;
    FrameReader reader;
    qsizetype consumed = 0;

    void send(const Frame &f) { transport->feed(encodeFrame(f)); }
    void synStream(quint32 id, const Headers &h, quint8 flags = 0)
    {
        Frame f;
        f.type = FrameType::SynStream;
        f.streamId = id;
        f.flags = flags;
        f.headerBlock = compressor.compress(h);
        send(f);
    }
    void data(quint32 id, const QByteArray &bytes, bool fin = false)
    {
        Frame f;
        f.streamId = id;
        f.data = bytes;
        f.flags = fin ? kFlagFin : 0;
        send(f);
    }
    // Every frame the server wrote since the last call; header blocks decompressed into *headers.
    QList<Frame> frames(QList<Headers> *headers = nullptr)
    {
        reader.append(transport->written.mid(consumed));
        consumed = transport->written.size();
        QList<Frame> out;
        Frame f;
        QString error;
        while (reader.next(&f, &error) == FrameReader::Ready) {
            if (f.type == FrameType::SynReply || f.type == FrameType::SynStream) {
                auto h = decompressor.decompress(f.headerBlock, &error);
                if (!h)
                    qWarning() << error;
                if (headers)
                    headers->append(h.value_or(Headers{}));
            }
            out.append(f);
        }
        return out;
    }
};

QByteArray dataOf(const QList<Frame> &frames, quint32 stream, bool *fin = nullptr)
{
    QByteArray out;
    for (const Frame &f : frames)
        if (f.type == FrameType::Data && f.streamId == stream) {
            out += f.data;
            if (fin && f.fin())
                *fin = true;
        }
    return out;
}

const Headers errorStream{{"port", "80"}, {"requestid", "0"}, {"streamtype", "error"}};
const Headers dataStream{{"port", "80"}, {"requestid", "0"}, {"streamtype", "data"}};

}  // namespace

Q_DECLARE_METATYPE(timoneiro::apiserver::spdy::Frame)

class TestApiserverSpdy : public QObject {
    Q_OBJECT
private slots:
    void dictionaryIsTheDraftsOne()
    {
        const QByteArray &d = headerDictionary();
        QCOMPARE(d.size(), 1423);
        QCOMPARE(adler32(1, reinterpret_cast<const Bytef *>(d.constData()), uInt(d.size())), 0xe3c6a7c2ul);
    }

    void framesRoundTripAndReassembleFromAnySplit_data()
    {
        QTest::addColumn<Frame>("frame");
        Frame syn{.type = FrameType::SynStream, .flags = kFlagFin, .streamId = 5, .associatedStreamId = 3, .priority = 7, .slot = 2};
        syn.headerBlock = "\x78\xbb compressed";
        syn.controlType = 1;
        QTest::newRow("SYN_STREAM") << syn;
        Frame reply{.type = FrameType::SynReply, .streamId = 7, .headerBlock = "abc", .controlType = 2};
        QTest::newRow("SYN_REPLY") << reply;
        QTest::newRow("RST_STREAM") << Frame{.type = FrameType::RstStream, .streamId = 3, .status = Cancel, .controlType = 3};
        Frame settings{.type = FrameType::Settings, .flags = 1, .controlType = 4};
        settings.settings = {{0, kSettingsInitialWindowSize, 1 << 20}, {1, 4, 100}};
        QTest::newRow("SETTINGS") << settings;
        QTest::newRow("PING") << Frame{.type = FrameType::Ping, .pingId = 0x7fffffff, .controlType = 6};
        QTest::newRow("GOAWAY") << Frame{.type = FrameType::GoAway, .status = GoAwayInternalError, .lastGoodStreamId = 9, .controlType = 7};
        QTest::newRow("WINDOW_UPDATE") << Frame{.type = FrameType::WindowUpdate, .streamId = 1, .deltaWindowSize = 40960, .controlType = 9};
        QTest::newRow("DATA+FIN") << Frame{.type = FrameType::Data, .flags = kFlagFin, .streamId = 3, .data = QByteArray(70000, 'x')};
        QTest::newRow("empty DATA") << Frame{.type = FrameType::Data, .streamId = 1};
    }

    void framesRoundTripAndReassembleFromAnySplit()
    {
        QFETCH(Frame, frame);
        const QByteArray wire = encodeFrame(frame);
        for (qsizetype step : {qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(8), wire.size()}) {
            FrameReader reader;
            Frame got;
            QString error;
            int ready = 0;
            for (qsizetype i = 0; i < wire.size(); i += step) {
                reader.append(wire.mid(i, step));
                while (reader.next(&got, &error) == FrameReader::Ready)
                    ++ready;
            }
            QCOMPARE(ready, 1);
            QCOMPARE(got, frame);
        }
    }

    void controlFrameHeaderIsSpdy3()
    {
        const QByteArray w = encodeFrame(Frame{.type = FrameType::Ping, .pingId = 1});
        QCOMPARE(w.toHex(), QByteArray("80030006000000040000000" "1"));
        const QByteArray d = encodeFrame(Frame{.flags = kFlagFin, .streamId = 3, .data = "hi"});
        QCOMPARE(d.toHex(), QByteArray("0000000301000002" "6869"));
    }

    void badFramesAreErrors()
    {
        FrameReader reader;
        Frame f;
        QString error;
        reader.append(QByteArray::fromHex("8002000600000004" "00000001"));  // SPDY/2
        QCOMPARE(reader.next(&f, &error), FrameReader::Error);
        QVERIFY(error.contains("version"));
        FrameReader shortRst;
        shortRst.append(QByteArray::fromHex("8003000300000004" "00000001"));
        QCOMPARE(shortRst.next(&f, &error), FrameReader::Error);
    }

    void headerBlocksShareOneZlibStreamPerDirection()
    {
        HeaderCompressor c;
        HeaderDecompressor d;
        const QByteArray first = c.compress(errorStream);
        // zlib header with FDICT and the dictionary's id: the peer must preset the same dictionary.
        QVERIFY(quint8(first[1]) & 0x20);
        QCOMPARE(first.mid(2, 4).toHex(), QByteArray("e3c6a7c2"));
        const QByteArray second = c.compress(dataStream);
        QVERIFY(second.size() < first.size());  // refers back to the first block
        QString error;
        QCOMPARE(d.decompress(first, &error).value_or(Headers{}), errorStream);
        QCOMPARE(d.decompress(second, &error).value_or(Headers{}), dataStream);
        QCOMPARE(d.decompress(c.compress({}), &error).value_or(Headers{{"x", "y"}}), Headers{});

        HeaderDecompressor fresh;
        QVERIFY(!fresh.decompress(second, &error));  // a block out of its stream is garbage
        QVERIFY(!decodeHeaderBlock(QByteArray::fromHex("00000002" "00000001" "61"), &error));
        QVERIFY(!decodeHeaderBlock(encodeHeaderBlock({{"Port", "80"}}), &error));
    }

    void sessionRepliesRelaysAndGivesWindowBack()
    {
        MemoryTransport transport;
        Session session(&transport, Session::SendWindow::Enforced);
        Client client{&transport};
        QList<QPair<quint32, Headers>> opened;
        QByteArray received;
        QList<quint32> finished;
        connect(&session, &Session::streamOpened, &session, [&](quint32 id, const Headers &h) {
            opened.append({id, h});
            session.reply(id);
        });
        connect(&session, &Session::dataReceived, &session, [&](quint32, const QByteArray &b) { received += b; });
        connect(&session, &Session::remoteFinished, &session, [&](quint32 id) { finished << id; });

        client.synStream(1, errorStream);
        client.data(1, {}, true);
        client.synStream(3, dataStream);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened[0], qMakePair(quint32(1), errorStream));
        QCOMPARE(opened[1].second, dataStream);
        QCOMPARE(finished, QList<quint32>{1});
        QList<Headers> replyHeaders;
        QList<Frame> frames = client.frames(&replyHeaders);
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames[0].type, FrameType::SynReply);
        QCOMPARE(frames[0].streamId, 1u);
        QCOMPARE(frames[1].streamId, 3u);
        QCOMPARE(replyHeaders, (QList<Headers>{{}, {}}));

        // 40 KiB from the client: past half the window, so it is given back.
        client.data(3, QByteArray(40 * 1024, 'a'));
        QCOMPARE(received, QByteArray(40 * 1024, 'a'));
        frames = client.frames();
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames[0].type, FrameType::WindowUpdate);
        QCOMPARE(frames[0].streamId, 3u);
        QCOMPARE(frames[0].deltaWindowSize, 40960u);
        QCOMPARE(frames[1].streamId, 0u);  // the session's window (SPDY/3.1)

        // 100 KiB to the client: 64 KiB go, the rest waits for its WINDOW_UPDATE.
        session.write(3, QByteArray(100 * 1024, 'b'));
        session.finish(3);
        bool fin = false;
        QCOMPARE(dataOf(client.frames(), 3, &fin).size(), 64 * 1024);
        QVERIFY(!fin);
        QCOMPARE(session.sendWindow(3), qint64(0));
        client.send(Frame{.type = FrameType::WindowUpdate, .streamId = 3, .deltaWindowSize = 64 * 1024});
        QCOMPARE(dataOf(client.frames(), 3).size(), 0);  // the session window is still shut
        client.send(Frame{.type = FrameType::WindowUpdate, .streamId = 0, .deltaWindowSize = 64 * 1024});
        QCOMPARE(dataOf(client.frames(), 3, &fin).size(), 36 * 1024);
        QVERIFY(fin);

        // PING from the client (odd id) comes back as is.
        client.send(Frame{.type = FrameType::Ping, .pingId = 5});
        frames = client.frames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].type, FrameType::Ping);
        QCOMPARE(frames[0].pingId, 5u);
    }

    void trackedWindowNeverHoldsDataBack()
    {
        // kubectl's spdystream never sends WINDOW_UPDATE: nothing may wait for one.
        MemoryTransport transport;
        Session session(&transport, Session::SendWindow::Tracked);
        Client client{&transport};
        connect(&session, &Session::streamOpened, &session, [&](quint32 id, const Headers &) { session.reply(id); });
        client.synStream(1, dataStream);
        client.frames();
        session.write(1, QByteArray(200 * 1024, 'c'));
        QCOMPARE(dataOf(client.frames(), 1).size(), 200 * 1024);
    }

    void resetsAndGoAway()
    {
        MemoryTransport transport;
        Session session(&transport);
        Client client{&transport};
        QList<QPair<quint32, quint32>> resets;
        int goneAway = 0, closed = 0;
        connect(&session, &Session::streamOpened, &session, [&](quint32 id, const Headers &) { session.reply(id); });
        connect(&session, &Session::streamReset, &session, [&](quint32 id, quint32 s) { resets.append({id, s}); });
        connect(&session, &Session::goneAway, &session, [&] { ++goneAway; });
        connect(&session, &Session::closed, &session, [&] { ++closed; });

        client.synStream(1, errorStream);
        client.synStream(3, dataStream);
        client.frames();
        client.send(Frame{.type = FrameType::RstStream, .streamId = 3, .status = Cancel});
        QCOMPARE(resets, (QList<QPair<quint32, quint32>>{{3, Cancel}}));
        QVERIFY(!session.isOpen(3));

        // Data on the reset stream, and a stream id going backwards, are refused.
        client.data(3, "late");
        client.synStream(1, errorStream);
        QList<Frame> frames = client.frames();
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames[0].type, FrameType::RstStream);
        QCOMPARE(frames[0].status, quint32(InvalidStream));
        QCOMPARE(frames[1].type, FrameType::RstStream);
        QCOMPARE(frames[1].status, quint32(ProtocolError));

        session.reset(1, InternalError);
        frames = client.frames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].streamId, 1u);
        QCOMPARE(frames[0].status, quint32(InternalError));

        client.send(Frame{.type = FrameType::GoAway, .lastGoodStreamId = 0});
        QCOMPARE(goneAway, 1);
        client.synStream(5, dataStream);  // after GOAWAY: refused
        frames = client.frames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].status, quint32(RefusedStream));

        // The peer has said GOAWAY already: ours adds nothing, the transport just closes.
        session.goAway();
        QCOMPARE(client.frames().size(), 0);
        QVERIFY(transport.isClosed);
        QCOMPARE(closed, 1);
    }

    void ourGoAwayNamesTheLastStream()
    {
        MemoryTransport transport;
        Session session(&transport);
        Client client{&transport};
        client.synStream(1, errorStream);
        client.synStream(3, dataStream);
        client.frames();
        session.goAway();
        const QList<Frame> frames = client.frames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].type, FrameType::GoAway);
        QCOMPARE(frames[0].lastGoodStreamId, 3u);
        QVERIFY(transport.isClosed);
    }

    void garbageHeaderBlockEndsTheSession()
    {
        MemoryTransport transport;
        Session session(&transport);
        Client client{&transport};
        client.send(Frame{.type = FrameType::SynStream, .streamId = 1, .headerBlock = "not zlib"});
        const QList<Frame> frames = client.frames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].type, FrameType::GoAway);
        QCOMPARE(frames[0].status, quint32(GoAwayProtocolError));
        QVERIFY(transport.isClosed);
    }

    void portForwardRelaysToTheRuntimesWebSocket()
    {
        // containerd's streaming server, as far as port-forward goes.
        QWebSocketServer runtime(QStringLiteral("fake-runtime"), QWebSocketServer::NonSecureMode);
        runtime.setSupportedSubprotocols({QStringLiteral("v4.channel.k8s.io")});
        QVERIFY(runtime.listen(QHostAddress::LocalHost, 0));
        QStringList requested;
        connect(&runtime, &QWebSocketServer::newConnection, &runtime, [&] {
            QWebSocket *ws = runtime.nextPendingConnection();
            const QString port = QUrlQuery(ws->requestUrl()).queryItemValue(QStringLiteral("port"));
            requested << ws->requestUrl().path() + QLatin1Char('?') + ws->requestUrl().query() + QLatin1Char(' ') + ws->subprotocol();
            const quint16 p = port.toUShort();
            QByteArray le;
            le.append(char(p & 0xff)).append(char(p >> 8));
            ws->sendBinaryMessage(QByteArray(1, '\0') + le);
            ws->sendBinaryMessage(QByteArray(1, '\1') + le);
            if (p == 81) {
                ws->sendBinaryMessage(QByteArray(1, '\1') + "connection refused");
                ws->close();
                return;
            }
            connect(ws, &QWebSocket::binaryMessageReceived, ws, [ws](const QByteArray &m) {
                if (m.startsWith('\0'))
                    ws->sendBinaryMessage(QByteArray(1, '\0') + "echo:" + m.mid(1));
                if (m.mid(1) == "bye")
                    ws->close();
            });
        });

        auto *transport = new MemoryTransport;
        Client client{transport};
        PortForwardSession s;
        s.transport = transport;
        s.namespaceName = QStringLiteral("default");
        s.podName = QStringLiteral("nginx");
        s.podUid = QStringLiteral("uid-1");
        s.nodeName = QStringLiteral("node-1");
        int tokens = 0;
        s.nodeStreamUrl = [&](const QString &node, const NodeStreamRequest &r) -> timoneiro::api::Result<QString> {
            if (node != QLatin1String("node-1") || r.kind != NodeStreamRequest::PortForward || r.podUid != QLatin1String("uid-1"))
                return timoneiro::api::ApiError{404, QStringLiteral("NotFound"), QStringLiteral("no such pod")};
            return QStringLiteral("http://127.0.0.1:%1/portforward/token%2").arg(runtime.serverPort()).arg(++tokens);
        };
        servePortForward(s);

        client.synStream(1, errorStream);
        client.data(1, {}, true);
        client.synStream(3, dataStream);
        client.data(3, "GET / HTTP/1.1\r\n\r\n");
        QByteArray got;
        QTRY_VERIFY((got += dataOf(client.frames(), 3)).contains("echo:GET"));
        QCOMPARE(got, QByteArray("echo:GET / HTTP/1.1\r\n\r\n"));
        client.data(3, "bye");
        bool fin = false;
        QTRY_VERIFY(([&] {  // the runtime closed: FIN on data
            dataOf(client.frames(), 3, &fin);
            return fin;
        }()));
        QCOMPARE(requested, QStringList{QStringLiteral("/portforward/token1?port=80 v4.channel.k8s.io")});
        client.send(Frame{.type = FrameType::RstStream, .streamId = 3, .status = Cancel});

        // A second connection (requestid 1) gets its own token; a refused port's text comes on its error stream.
        client.synStream(5, {{"port", "81"}, {"requestid", "1"}, {"streamtype", "error"}});
        client.synStream(7, {{"port", "81"}, {"requestid", "1"}, {"streamtype", "data"}});
        QByteArray errorText;
        bool errorFin = false;
        QTRY_VERIFY(([&] {
            const QList<Frame> frames = client.frames();
            errorText += dataOf(frames, 5, &errorFin);
            return errorFin;
        }()));
        QCOMPARE(errorText, QByteArray("connection refused"));
        QCOMPARE(tokens, 2);

        // The node has no streaming runtime: kubectl still gets a reason.
        s.nodeStreamUrl = nullptr;
        auto *transport2 = new MemoryTransport;
        Client client2{transport2};
        s.transport = transport2;
        servePortForward(s);
        client2.synStream(1, errorStream);
        client2.synStream(3, dataStream);
        errorFin = false;
        const QByteArray text = dataOf(client2.frames(), 1, &errorFin);
        QVERIFY(errorFin);
        QVERIFY2(text.startsWith("error forwarding port 80 to pod nginx, uid uid-1: "), text.constData());

        transport->close();
        transport2->close();
        delete transport;
        delete transport2;
    }
};

QTEST_GUILESS_MAIN(TestApiserverSpdy)
#include "test_apiserver_spdy.moc"
