#pragma once
// DNS messages on the wire (RFC 1035, EDNS0 of RFC 6891): parse a query,
// compose an answer with name compression, and truncate to what a UDP
// client accepts (whole records only, TC set when an answer or authority
// record had to go), as CoreDNS's server does through miekg/dns.
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace timoneiro::network::dns {

enum Type : quint16 {
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    OPT = 41,
    ANY = 255,
};

enum Rcode : quint8 { NoError = 0, FormErr = 1, ServFail = 2, NXDomain = 3, NotImp = 4, Refused = 5 };

constexpr quint16 kClassIn = 1;
constexpr int kClassicUdpSize = 512;
constexpr int kMaxUdpSize = 4096;  // the most this server sends over UDP, whatever EDNS offers

struct Question {
    QString name;  // as asked, without the trailing dot ("" is the root)
    quint16 type = A;
    quint16 cls = kClassIn;
};

struct Soa {
    QString mname, rname;
    quint32 serial = 0, refresh = 0, retry = 0, expire = 0, minimum = 0;
};

struct Srv {
    quint16 priority = 0, weight = 0, port = 0;
    QString target;
};

// One record; which rdata field counts follows the type.
struct Record {
    QString name;
    quint16 type = A;
    quint16 cls = kClassIn;
    quint32 ttl = 0;
    QHostAddress address;  // A, AAAA
    QString target;        // CNAME, PTR, NS
    Srv srv;               // SRV
    Soa soa;               // SOA
    QByteArray rdata;      // TXT (character-strings as on the wire) and types this codec does not know

    static Record a(const QString &name, quint32 ttl, const QHostAddress &address);
    static Record pointer(quint16 type, const QString &name, quint32 ttl, const QString &target);  // CNAME, PTR, NS
    static Record service(const QString &name, quint32 ttl, const Srv &srv);
    static Record authority(const QString &name, quint32 ttl, const Soa &soa);
    static Record text(const QString &name, quint32 ttl, const QString &text);
};

struct Message {
    quint16 id = 0;
    bool response = false;
    quint8 opcode = 0;
    bool authoritative = false;
    bool truncated = false;
    bool recursionDesired = false;
    bool recursionAvailable = false;
    quint8 rcode = NoError;
    QList<Question> questions;
    QList<Record> answers, authority, additional;  // additional never holds the OPT record
    int ednsUdpSize = 0;  // > 0: an OPT record with this UDP payload size
};

// The message in wire, or nullopt with *error (a FORMERR) when it is
// malformed: short, a label or pointer out of bounds, a compression loop.
std::optional<Message> parse(const QByteArray &wire, QString *error = nullptr);

// The message on the wire, at most maxSize bytes: records that do not fit
// are left off whole; leaving off an answer or authority record sets TC.
QByteArray compose(const Message &message, int maxSize = 65535);

// "10.96.0.10" -> "10.0.96.10.in-addr.arpa"; IPv6 as nibbles under ip6.arpa.
QString reverseName(const QHostAddress &address);
// The inverse; a null address when name is no complete reverse name.
QHostAddress addressOfReverseName(const QString &name);

QString typeName(quint16 type);

}  // namespace timoneiro::network::dns
