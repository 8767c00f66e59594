#pragma once
// IPv4 prefix arithmetic for NetworkPolicy ipBlocks: iptables matches one
// prefix per rule, so "cidr except [a, b]" becomes the disjoint prefixes
// that cover cidr without a and b.
#include <QString>
#include <QStringList>

#include <optional>

namespace timoneiro::network {

struct Ipv4Prefix {
    quint32 address = 0;  // host bits zero
    int length = 0;

    static std::optional<Ipv4Prefix> parse(const QString &text);  // "10.0.0.0/8" or "10.0.0.1" (a /32)
    bool contains(quint32 ip) const;
    bool contains(const Ipv4Prefix &other) const;
    QString toString() const;
};

std::optional<quint32> parseIpv4(const QString &text);

// cidr without every prefix of except, as disjoint prefixes in address
// order. Excepts outside cidr are ignored; an unparsable cidr gives none.
QStringList subtractPrefixes(const QString &cidr, const QStringList &except);

}  // namespace timoneiro::network
