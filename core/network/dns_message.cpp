#include "dns_message.h"

#include <QHash>
#include <QStringList>

namespace timoneiro::network::dns {

namespace {

constexpr int kHeaderSize = 12;
constexpr int kMaxPointerHops = 64;  // more than any honest name needs; stops loops

class Reader {
public:
    explicit Reader(const QByteArray &wire) : w_(wire) {}

    bool u8(quint8 *v)
    {
        if (pos_ + 1 > w_.size())
            return fail(QStringLiteral("message ends inside a field"));
        *v = quint8(w_[pos_++]);
        return true;
    }
    bool u16(quint16 *v)
    {
        if (pos_ + 2 > w_.size())
            return fail(QStringLiteral("message ends inside a field"));
        *v = quint16(quint8(w_[pos_]) << 8 | quint8(w_[pos_ + 1]));
        pos_ += 2;
        return true;
    }
    bool u32(quint32 *v)
    {
        quint16 hi = 0, lo = 0;
        if (!u16(&hi) || !u16(&lo))
            return false;
        *v = quint32(hi) << 16 | lo;
        return true;
    }
    bool bytes(int n, QByteArray *out)
    {
        if (n < 0 || pos_ + n > w_.size())
            return fail(QStringLiteral("record data runs past the end of the message"));
        *out = w_.mid(pos_, n);
        pos_ += n;
        return true;
    }
    // A possibly compressed name; the reader ends after its first pointer.
    bool name(QString *out)
    {
        QStringList labels;
        int at = pos_;
        int end = -1;
        int length = 0;
        for (int hops = 0;;) {
            if (at >= w_.size())
                return fail(QStringLiteral("name runs past the end of the message"));
            const quint8 len = quint8(w_[at]);
            if ((len & 0xC0) == 0xC0) {
                if (at + 2 > w_.size())
                    return fail(QStringLiteral("compression pointer cut off"));
                if (++hops > kMaxPointerHops)
                    return fail(QStringLiteral("compression pointers loop"));
                if (end < 0)
                    end = at + 2;
                at = (len & 0x3F) << 8 | quint8(w_[at + 1]);
                continue;
            }
            if (len & 0xC0)
                return fail(QStringLiteral("unknown label type"));
            if (len == 0) {
                if (end < 0)
                    end = at + 1;
                break;
            }
            if (at + 1 + len > w_.size())
                return fail(QStringLiteral("label runs past the end of the message"));
            length += len + 1;
            if (length > 255)
                return fail(QStringLiteral("name longer than 255 octets"));
            labels << QString::fromLatin1(w_.constData() + at + 1, len);
            at += 1 + len;
        }
        pos_ = end;
        *out = labels.join(QLatin1Char('.'));
        return true;
    }
    int pos() const { return pos_; }
    const QString &error() const { return error_; }

private:
    bool fail(const QString &why)
    {
        if (error_.isEmpty())
            error_ = why;
        return false;
    }
    const QByteArray &w_;
    int pos_ = 0;
    QString error_;
};

bool readRecord(Reader &r, Record *rec, int *ednsSize)
{
    quint16 rdlength = 0;
    if (!r.name(&rec->name) || !r.u16(&rec->type) || !r.u16(&rec->cls) || !r.u32(&rec->ttl) || !r.u16(&rdlength))
        return false;
    const int end = r.pos() + rdlength;
    if (rec->type == OPT) {
        *ednsSize = std::max<int>(kClassicUdpSize, rec->cls);
        return r.bytes(rdlength, &rec->rdata);
    }
    bool ok = true;
    switch (rec->type) {
    case A:
    case AAAA: {
        QByteArray raw;
        ok = r.bytes(rdlength, &raw);
        if (ok && rec->type == A && raw.size() == 4)
            rec->address = QHostAddress(quint32(quint8(raw[0])) << 24 | quint8(raw[1]) << 16 | quint8(raw[2]) << 8 | quint8(raw[3]));
        else if (ok && rec->type == AAAA && raw.size() == 16)
            rec->address = QHostAddress(reinterpret_cast<const quint8 *>(raw.constData()));
        else
            rec->rdata = raw;
        break;
    }
    case CNAME:
    case PTR:
    case NS:
        ok = r.name(&rec->target);
        break;
    case SRV:
        ok = r.u16(&rec->srv.priority) && r.u16(&rec->srv.weight) && r.u16(&rec->srv.port) && r.name(&rec->srv.target);
        break;
    case SOA:
        ok = r.name(&rec->soa.mname) && r.name(&rec->soa.rname) && r.u32(&rec->soa.serial) && r.u32(&rec->soa.refresh)
             && r.u32(&rec->soa.retry) && r.u32(&rec->soa.expire) && r.u32(&rec->soa.minimum);
        break;
    default:
        ok = r.bytes(rdlength, &rec->rdata);
    }
    return ok && r.pos() == end;
}

class Writer {
public:
    explicit Writer(int limit) : limit_(limit) {}

    void u8(quint8 v) { out_.append(char(v)); }
    void u16(quint16 v)
    {
        out_.append(char(v >> 8));
        out_.append(char(v & 0xFF));
    }
    void u32(quint32 v)
    {
        u16(quint16(v >> 16));
        u16(quint16(v & 0xFFFF));
    }
    void set16(int at, quint16 v)
    {
        out_[at] = char(v >> 8);
        out_[at + 1] = char(v & 0xFF);
    }
    // Compressed against every suffix already written with the same spelling (offsets below 0x4000 only).
    void name(const QString &name)
    {
        QStringList labels = name.split(QLatin1Char('.'), Qt::SkipEmptyParts);
        for (int i = 0; i < labels.size(); ++i) {
            const QString suffix = QStringList(labels.mid(i)).join(QLatin1Char('.'));  // case kept: each name keeps its spelling
            if (const auto it = offsets_.constFind(suffix); it != offsets_.constEnd()) {
                u16(quint16(0xC000 | *it));
                return;
            }
            if (out_.size() < 0x4000)
                offsets_.insert(suffix, out_.size());
            const QByteArray label = labels[i].toLatin1().left(63);
            u8(quint8(label.size()));
            out_.append(label);
        }
        u8(0);
    }
    int size() const { return out_.size(); }
    int limit() const { return limit_; }
    // Undo what a record that did not fit wrote, compression offsets included.
    void rewind(int to)
    {
        out_.truncate(to);
        for (auto it = offsets_.begin(); it != offsets_.end();)
            it = *it >= to ? offsets_.erase(it) : std::next(it);
    }
    QByteArray &bytes() { return out_; }

private:
    QByteArray out_;
    QHash<QString, int> offsets_;
    int limit_;
};

void writeRecord(Writer &w, const Record &rec)
{
    w.name(rec.name);
    w.u16(rec.type);
    w.u16(rec.cls);
    w.u32(rec.ttl);
    const int lengthAt = w.size();
    w.u16(0);
    const int start = w.size();
    switch (rec.type) {
    case A:
        w.u32(rec.address.toIPv4Address());
        break;
    case AAAA: {
        const Q_IPV6ADDR a = rec.address.toIPv6Address();
        for (quint8 b : a.c)
            w.u8(b);
        break;
    }
    case CNAME:
    case PTR:
    case NS:
        w.name(rec.target);
        break;
    case SRV:
        w.u16(rec.srv.priority);
        w.u16(rec.srv.weight);
        w.u16(rec.srv.port);
        w.name(rec.srv.target);  // RFC 2782 forbids compressing it; resolvers accept both, miekg compresses it too
        break;
    case SOA:
        w.name(rec.soa.mname);
        w.name(rec.soa.rname);
        w.u32(rec.soa.serial);
        w.u32(rec.soa.refresh);
        w.u32(rec.soa.retry);
        w.u32(rec.soa.expire);
        w.u32(rec.soa.minimum);
        break;
    default:
        w.bytes().append(rec.rdata);
    }
    w.set16(lengthAt, quint16(w.size() - start));
}

}  // namespace

Record Record::a(const QString &name, quint32 ttl, const QHostAddress &address)
{
    Record r;
    r.name = name;
    r.type = address.protocol() == QAbstractSocket::IPv6Protocol ? AAAA : A;
    r.ttl = ttl;
    r.address = address;
    return r;
}

Record Record::pointer(quint16 type, const QString &name, quint32 ttl, const QString &target)
{
    Record r;
    r.name = name;
    r.type = type;
    r.ttl = ttl;
    r.target = target;
    return r;
}

Record Record::service(const QString &name, quint32 ttl, const Srv &srv)
{
    Record r;
    r.name = name;
    r.type = SRV;
    r.ttl = ttl;
    r.srv = srv;
    return r;
}

Record Record::authority(const QString &name, quint32 ttl, const Soa &soa)
{
    Record r;
    r.name = name;
    r.type = SOA;
    r.ttl = ttl;
    r.soa = soa;
    return r;
}

Record Record::text(const QString &name, quint32 ttl, const QString &text)
{
    Record r;
    r.name = name;
    r.type = TXT;
    r.ttl = ttl;
    const QByteArray bytes = text.toUtf8().left(255);
    r.rdata.append(char(bytes.size()));
    r.rdata.append(bytes);
    return r;
}

std::optional<Message> parse(const QByteArray &wire, QString *error)
{
    auto failed = [error](const QString &why) -> std::optional<Message> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (wire.size() < kHeaderSize)
        return failed(QStringLiteral("message shorter than a DNS header"));
    Reader r(wire);
    Message m;
    quint16 flags = 0, qd = 0, an = 0, ns = 0, ar = 0;
    r.u16(&m.id);
    r.u16(&flags);
    r.u16(&qd);
    r.u16(&an);
    r.u16(&ns);
    r.u16(&ar);
    m.response = flags & 0x8000;
    m.opcode = (flags >> 11) & 0xF;
    m.authoritative = flags & 0x0400;
    m.truncated = flags & 0x0200;
    m.recursionDesired = flags & 0x0100;
    m.recursionAvailable = flags & 0x0080;
    m.rcode = flags & 0xF;
    for (int i = 0; i < qd; ++i) {
        Question q;
        if (!r.name(&q.name) || !r.u16(&q.type) || !r.u16(&q.cls))
            return failed(r.error());
        m.questions.append(q);
    }
    QList<Record> *sections[] = {&m.answers, &m.authority, &m.additional};
    const int counts[] = {an, ns, ar};
    for (int s = 0; s < 3; ++s) {
        for (int i = 0; i < counts[s]; ++i) {
            Record rec;
            int edns = 0;
            if (!readRecord(r, &rec, &edns))
                return failed(r.error().isEmpty() ? QStringLiteral("record data does not match its length") : r.error());
            if (rec.type == OPT && s == 2)
                m.ednsUdpSize = edns;
            else
                sections[s]->append(rec);
        }
    }
    return m;
}

QByteArray compose(const Message &message, int maxSize)
{
    const int optSize = message.ednsUdpSize > 0 ? 11 : 0;
    Writer w(std::max(kHeaderSize, maxSize) - optSize);
    w.u16(message.id);
    w.u16(0);  // flags, set at the end (TC is known only then)
    w.u16(quint16(message.questions.size()));
    for (int i = 0; i < 3; ++i)
        w.u16(0);  // an, ns, ar: counted as written
    for (const Question &q : message.questions) {
        w.name(q.name);
        w.u16(q.type);
        w.u16(q.cls);
    }
    bool truncated = message.truncated;
    bool full = false;
    const QList<Record> *sections[] = {&message.answers, &message.authority, &message.additional};
    for (int s = 0; s < 3; ++s) {
        quint16 written = 0;
        for (const Record &rec : *sections[s]) {
            if (full)
                break;
            const int before = w.size();
            writeRecord(w, rec);
            if (w.size() > w.limit()) {
                w.rewind(before);
                full = true;
                // RFC 2181 9: only a missing answer or authority record makes the answer truncated.
                truncated = truncated || s < 2;
                break;
            }
            ++written;
        }
        w.set16(6 + 2 * s, written);
    }
    if (optSize) {
        w.name(QString());
        w.u16(OPT);
        w.u16(quint16(std::min(message.ednsUdpSize, kMaxUdpSize)));
        w.u32(0);
        w.u16(0);
        w.set16(10, quint16(quint8(w.bytes()[10]) << 8 | quint8(w.bytes()[11])) + 1);
    }
    quint16 flags = quint16((message.response ? 0x8000 : 0) | (message.opcode & 0xF) << 11 | (message.authoritative ? 0x0400 : 0)
                            | (truncated ? 0x0200 : 0) | (message.recursionDesired ? 0x0100 : 0)
                            | (message.recursionAvailable ? 0x0080 : 0) | (message.rcode & 0xF));
    w.set16(2, flags);
    return w.bytes();
}

QString reverseName(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = address.toIPv4Address();
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa").arg(a & 0xFF).arg(a >> 8 & 0xFF).arg(a >> 16 & 0xFF).arg(a >> 24);
    }
    const Q_IPV6ADDR a = address.toIPv6Address();
    QStringList nibbles;
    for (int i = 15; i >= 0; --i) {
        nibbles << QString::number(a.c[i] & 0xF, 16) << QString::number(a.c[i] >> 4, 16);
    }
    return nibbles.join(QLatin1Char('.')) + QStringLiteral(".ip6.arpa");
}

QHostAddress addressOfReverseName(const QString &name)
{
    const QString lower = name.toLower();
    QStringList labels = lower.split(QLatin1Char('.'));
    if (lower.endsWith(QLatin1String(".in-addr.arpa")) && labels.size() == 6) {
        quint32 a = 0;
        for (int i = 3; i >= 0; --i) {
            bool ok = false;
            const uint octet = labels[i].toUInt(&ok);
            if (!ok || octet > 255 || labels[i].isEmpty() || (labels[i].size() > 1 && labels[i].startsWith(QLatin1Char('0'))))
                return {};
            a = a << 8 | octet;
        }
        return QHostAddress(a);
    }
    if (lower.endsWith(QLatin1String(".ip6.arpa")) && labels.size() == 34) {
        Q_IPV6ADDR a{};
        for (int i = 0; i < 32; ++i) {
            bool ok = false;
            const uint nibble = labels[i].toUInt(&ok, 16);
            if (!ok || labels[i].size() != 1)
                return {};
            const int byte = 15 - i / 2;
            a.c[byte] = quint8(i % 2 == 0 ? (a.c[byte] & 0xF0) | nibble : (a.c[byte] & 0x0F) | nibble << 4);
        }
        return QHostAddress(a);
    }
    return {};
}

QString typeName(quint16 type)
{
    switch (type) {
    case A: return QStringLiteral("A");
    case NS: return QStringLiteral("NS");
    case CNAME: return QStringLiteral("CNAME");
    case SOA: return QStringLiteral("SOA");
    case PTR: return QStringLiteral("PTR");
    case TXT: return QStringLiteral("TXT");
    case AAAA: return QStringLiteral("AAAA");
    case SRV: return QStringLiteral("SRV");
    case OPT: return QStringLiteral("OPT");
    case ANY: return QStringLiteral("ANY");
    default: return QStringLiteral("TYPE%1").arg(type);
    }
}

}  // namespace timoneiro::network::dns
