// The DNS wire codec: every record type round-trips, names are compressed,
// malformed messages (short, labels or pointers out of bounds, pointer
// loops) are refused, and an answer larger than the client's UDP size is
// cut at whole records with TC set -- unless only additional records go.
#include "network/dns_message.h"

#include <QTest>

using namespace timoneiro::network;
using namespace timoneiro::network::dns;

class DnsMessageTest : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryRecordType()
    {
        Message m;
        m.id = 0xBEEF;
        m.response = true;
        m.authoritative = true;
        m.recursionDesired = true;
        m.rcode = NXDomain;
        m.ednsUdpSize = 1232;
        m.questions.append({QStringLiteral("Nginx.giropops.svc.cluster.local"), SRV, kClassIn});
        m.answers << Record::a(QStringLiteral("nginx.giropops.svc.cluster.local"), 5, QHostAddress(QStringLiteral("10.96.12.7")))
                  << Record::a(QStringLiteral("nginx.giropops.svc.cluster.local"), 5, QHostAddress(QStringLiteral("fd00::7")))
                  << Record::pointer(CNAME, QStringLiteral("ext.giropops.svc.cluster.local"), 5, QStringLiteral("example.com"))
                  << Record::pointer(PTR, QStringLiteral("7.12.96.10.in-addr.arpa"), 5, QStringLiteral("nginx.giropops.svc.cluster.local"))
                  << Record::service(QStringLiteral("_http._tcp.nginx.giropops.svc.cluster.local"), 5,
                                     {0, 100, 80, QStringLiteral("nginx.giropops.svc.cluster.local")})
                  << Record::text(QStringLiteral("dns-version.cluster.local"), 5, QStringLiteral("1.1.0"));
        m.authority << Record::authority(QStringLiteral("cluster.local"), 5,
                                         {QStringLiteral("ns.dns.cluster.local"), QStringLiteral("hostmaster.cluster.local"), 42, 7200,
                                          1800, 86400, 5});
        const QByteArray wire = compose(m);
        QString error;
        const auto back = parse(wire, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->id, quint16(0xBEEF));
        QVERIFY(back->response && back->authoritative && back->recursionDesired && !back->truncated);
        QCOMPARE(back->rcode, quint8(NXDomain));
        QCOMPARE(back->ednsUdpSize, 1232);
        QCOMPARE(back->questions.size(), 1);
        QCOMPARE(back->questions[0].name, QStringLiteral("Nginx.giropops.svc.cluster.local"));
        QCOMPARE(back->questions[0].type, quint16(SRV));
        QCOMPARE(back->answers.size(), 6);
        QCOMPARE(back->answers[0].address, QHostAddress(QStringLiteral("10.96.12.7")));
        QCOMPARE(back->answers[1].type, quint16(AAAA));
        QCOMPARE(back->answers[1].address, QHostAddress(QStringLiteral("fd00::7")));
        QCOMPARE(back->answers[2].target, QStringLiteral("example.com"));
        QCOMPARE(back->answers[3].target, QStringLiteral("nginx.giropops.svc.cluster.local"));
        QCOMPARE(back->answers[4].srv.port, quint16(80));
        QCOMPARE(back->answers[4].srv.weight, quint16(100));
        QCOMPARE(back->answers[4].srv.target, QStringLiteral("nginx.giropops.svc.cluster.local"));
        QCOMPARE(back->answers[5].rdata, QByteArray("\x05" "1.1.0"));
        QCOMPARE(back->answers[0].ttl, quint32(5));
        QCOMPARE(back->authority.size(), 1);
        QCOMPARE(back->authority[0].soa.mname, QStringLiteral("ns.dns.cluster.local"));
        QCOMPARE(back->authority[0].soa.serial, quint32(42));
        QCOMPARE(back->authority[0].soa.minimum, quint32(5));
        QCOMPARE(back->additional.size(), 0);  // the OPT record is ednsUdpSize, not a record
    }

    void compressesRepeatedNames()
    {
        Message m;
        m.response = true;
        const QString name = QStringLiteral("db.giropops.svc.cluster.local");
        m.questions.append({name, A, kClassIn});
        for (int i = 1; i <= 10; ++i)
            m.answers << Record::a(name, 5, QHostAddress(QStringLiteral("10.244.1.%1").arg(i)));
        const QByteArray wire = compose(m);
        // Header 12 + question (31 + 4) + 10 answers of pointer(2) + 10 + 4 bytes.
        QCOMPARE(wire.size(), 12 + 31 + 4 + 10 * 16);
        QVERIFY(wire.contains(QByteArray("\xC0\x0C", 2)));
        const auto back = parse(wire);
        QVERIFY(back);
        for (const Record &r : back->answers)
            QCOMPARE(r.name, name);
        // A suffix is shared too: the target of a CNAME points into the question.
        Message c;
        c.questions.append({QStringLiteral("alias.giropops.svc.cluster.local"), A, kClassIn});
        c.answers << Record::pointer(CNAME, QStringLiteral("alias.giropops.svc.cluster.local"), 5, QStringLiteral("nginx.giropops.svc.cluster.local"));
        const QByteArray cw = compose(c);
        QCOMPARE(parse(cw)->answers[0].target, QStringLiteral("nginx.giropops.svc.cluster.local"));
        QVERIFY(cw.size() < 12 + 34 + 4 + 2 + 10 + 34);
    }

    void refusesMalformedMessages()
    {
        QString error;
        QVERIFY(!parse(QByteArray(5, '\0'), &error));
        QVERIFY(!error.isEmpty());
        // One question whose name is a pointer to itself.
        QByteArray loop = QByteArray::fromHex("123401000001000000000000") + QByteArray::fromHex("c00c00010001");
        QVERIFY(!parse(loop, &error));
        QVERIFY2(error.contains(QLatin1String("loop")), qPrintable(error));
        // A label longer than what is left.
        QByteArray cut = QByteArray::fromHex("123401000001000000000000") + QByteArray::fromHex("3f61626300");
        QVERIFY(!parse(cut, &error));
        // A question count with no question.
        QVERIFY(!parse(QByteArray::fromHex("123401000001000000000000"), &error));
        // A pointer past the end.
        QVERIFY(!parse(QByteArray::fromHex("123401000001000000000000") + QByteArray::fromHex("c0ff00010001"), &error));
        // Record data that disagrees with its length.
        Message m;
        m.answers << Record::a(QStringLiteral("x"), 5, QHostAddress(QStringLiteral("10.0.0.1")));
        QByteArray wire = compose(m);
        wire[wire.size() - 5] = 5;  // rdlength 4 -> 5
        QVERIFY(!parse(wire, &error));
    }

    void truncatesToTheUdpSizeAtWholeRecords()
    {
        Message m;
        m.response = true;
        const QString name = QStringLiteral("big.giropops.svc.cluster.local");
        m.questions.append({name, A, kClassIn});
        for (int i = 0; i < 100; ++i)
            m.answers << Record::a(name, 5, QHostAddress(QStringLiteral("10.244.%1.%2").arg(i / 200 + 1).arg(i % 200 + 1)));
        const QByteArray udp = compose(m, kClassicUdpSize);
        QVERIFY(udp.size() <= kClassicUdpSize);
        const auto back = parse(udp);
        QVERIFY(back);
        QVERIFY(back->truncated);
        QCOMPARE(back->answers.size(), (kClassicUdpSize - 12 - (name.size() + 2) - 4) / 16);
        const auto whole = parse(compose(m));
        QVERIFY(!whole->truncated);
        QCOMPARE(whole->answers.size(), 100);
        // With EDNS the OPT record is kept inside the limit.
        m.ednsUdpSize = 1232;
        const QByteArray edns = compose(m, 1232);
        QVERIFY(edns.size() <= 1232);
        QCOMPARE(parse(edns)->ednsUdpSize, 1232);
        QVERIFY(parse(edns)->truncated);
        // Additional records that do not fit go without TC (RFC 2181 9).
        Message s;
        s.questions.append({name, SRV, kClassIn});
        s.answers << Record::service(name, 5, {0, 100, 80, QStringLiteral("a.") + name});
        for (int i = 0; i < 60; ++i)
            s.additional << Record::a(QStringLiteral("host-%1.").arg(i) + name, 5, QHostAddress(QStringLiteral("10.244.1.%1").arg(i + 1)));
        const auto cut = parse(compose(s, kClassicUdpSize));
        QVERIFY(!cut->truncated);
        QCOMPARE(cut->answers.size(), 1);
        QVERIFY(cut->additional.size() < 60);
    }

    void reverseNames()
    {
        QCOMPARE(reverseName(QHostAddress(QStringLiteral("10.96.0.10"))), QStringLiteral("10.0.96.10.in-addr.arpa"));
        QCOMPARE(addressOfReverseName(QStringLiteral("10.0.96.10.IN-ADDR.arpa")), QHostAddress(QStringLiteral("10.96.0.10")));
        const QHostAddress v6(QStringLiteral("fd00:10:244::5"));
        QVERIFY(reverseName(v6).startsWith(QLatin1String("5.0.0.0.")));
        QVERIFY(reverseName(v6).endsWith(QLatin1String(".ip6.arpa")));
        QCOMPARE(addressOfReverseName(reverseName(v6)), v6);
        QVERIFY(addressOfReverseName(QStringLiteral("300.0.96.10.in-addr.arpa")).isNull());
        QVERIFY(addressOfReverseName(QStringLiteral("96.10.in-addr.arpa")).isNull());
        QVERIFY(addressOfReverseName(QStringLiteral("x.0.96.10.in-addr.arpa")).isNull());
    }
};

QTEST_APPLESS_MAIN(DnsMessageTest)
#include "test_network_dns_message.moc"
