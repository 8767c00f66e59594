#include "service_ip_allocator.h"

#include <QRandomGenerator>

namespace timoneiro::apiserver {

ServiceIpAllocator::ServiceIpAllocator(const QString &cidr) : cidr_(cidr)
{
    const auto parsed = QHostAddress::parseSubnet(cidr);
    if (parsed.first.protocol() != QAbstractSocket::IPv4Protocol || parsed.second < 8 || parsed.second > 30)
        return;
    quint32 mask = parsed.second == 0 ? 0 : ~quint32(0) << (32 - parsed.second);
    base_ = parsed.first.toIPv4Address() & mask;
    size_ = (~mask) - 1;  // without network and broadcast addresses
}

QString ServiceIpAllocator::first() const
{
    return QHostAddress(base_ + 1).toString();
}

bool ServiceIpAllocator::contains(const QString &ip) const
{
    QHostAddress a(ip);
    if (a.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    quint32 v = a.toIPv4Address();
    return v > base_ && v <= base_ + size_;
}

bool ServiceIpAllocator::isAllocated(const QString &ip) const
{
    return used_.contains(QHostAddress(ip).toIPv4Address());
}

bool ServiceIpAllocator::allocate(const QString &ip)
{
    if (!contains(ip) || isAllocated(ip))
        return false;
    used_.insert(QHostAddress(ip).toIPv4Address());
    return true;
}

std::optional<QString> ServiceIpAllocator::allocateNext()
{
    if (size_ == 0 || quint32(used_.size()) >= size_)
        return std::nullopt;
    // Random start, then scan: the same spread Kubernetes gives, in bounded steps.
    quint32 offset = QRandomGenerator::global()->bounded(size_);
    for (quint32 i = 0; i < size_; ++i) {
        quint32 v = base_ + 1 + (offset + i) % size_;
        if (!used_.contains(v)) {
            used_.insert(v);
            return QHostAddress(v).toString();
        }
    }
    return std::nullopt;
}

void ServiceIpAllocator::release(const QString &ip)
{
    used_.remove(QHostAddress(ip).toIPv4Address());
}

bool NodePortAllocator::allocate(int port)
{
    if (!contains(port) || used_.contains(port))
        return false;
    used_.insert(port);
    return true;
}

std::optional<int> NodePortAllocator::allocateNext()
{
    int size = max_ - min_ + 1;
    if (used_.size() >= size)
        return std::nullopt;
    int offset = QRandomGenerator::global()->bounded(size);
    for (int i = 0; i < size; ++i) {
        int port = min_ + (offset + i) % size;
        if (!used_.contains(port)) {
            used_.insert(port);
            return port;
        }
    }
    return std::nullopt;
}

}  // namespace timoneiro::apiserver
