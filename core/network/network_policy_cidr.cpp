#include "network_policy_cidr.h"

#include <QHostAddress>

#include <algorithm>

namespace timoneiro::network {

namespace {

quint32 maskOf(int length)
{
    return length == 0 ? 0 : ~quint32(0) << (32 - length);
}

// Splits p in halves until each piece is either inside one except (dropped)
// or clear of all of them (kept): at most 32 levels per except.
void subtract(const Ipv4Prefix &p, const QList<Ipv4Prefix> &except, QList<Ipv4Prefix> *out)
{
    bool overlaps = false;
    for (const Ipv4Prefix &e : except) {
        if (e.contains(p))
            return;
        if (p.contains(e))
            overlaps = true;
    }
    if (!overlaps) {
        out->append(p);
        return;
    }
    const int next = p.length + 1;
    subtract({p.address, next}, except, out);
    subtract({p.address | (quint32(1) << (32 - next)), next}, except, out);
}

}  // namespace

std::optional<quint32> parseIpv4(const QString &text)
{
    QHostAddress address;
    if (!address.setAddress(text) || address.protocol() != QAbstractSocket::IPv4Protocol)
        return std::nullopt;
    return address.toIPv4Address();
}

std::optional<Ipv4Prefix> Ipv4Prefix::parse(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const auto ip = parseIpv4(slash < 0 ? text : text.left(slash));
    if (!ip)
        return std::nullopt;
    int length = 32;
    if (slash >= 0) {
        bool ok = false;
        length = text.mid(slash + 1).toInt(&ok);
        if (!ok || length < 0 || length > 32)
            return std::nullopt;
    }
    return Ipv4Prefix{*ip & maskOf(length), length};
}

bool Ipv4Prefix::contains(quint32 ip) const
{
    return (ip & maskOf(length)) == address;
}

bool Ipv4Prefix::contains(const Ipv4Prefix &other) const
{
    return other.length >= length && contains(other.address);
}

QString Ipv4Prefix::toString() const
{
    return QHostAddress(address).toString() + QLatin1Char('/') + QString::number(length);
}

QStringList subtractPrefixes(const QString &cidr, const QStringList &except)
{
    const auto whole = Ipv4Prefix::parse(cidr);
    if (!whole)
        return {};
    QList<Ipv4Prefix> cut;
    for (const QString &e : except) {
        if (const auto p = Ipv4Prefix::parse(e); p && (whole->contains(*p) || p->contains(*whole)))
            cut.append(*p);
    }
    QList<Ipv4Prefix> pieces;
    subtract(*whole, cut, &pieces);
    std::sort(pieces.begin(), pieces.end(), [](const Ipv4Prefix &a, const Ipv4Prefix &b) { return a.address < b.address; });
    QStringList out;
    for (const Ipv4Prefix &p : std::as_const(pieces))
        out << p.toString();
    return out;
}

}  // namespace timoneiro::network
