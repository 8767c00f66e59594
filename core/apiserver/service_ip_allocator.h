#pragma once
// ClusterIP allocation from the service range (10.96.0.0/12 by default), as
// Kubernetes' ipallocator: the first address is the kubernetes Service's,
// others are picked at random and scanned forward; duplicates refused.
#include <QHostAddress>
#include <QSet>
#include <QString>

#include <optional>

namespace timoneiro::apiserver {

class ServiceIpAllocator {
public:
    explicit ServiceIpAllocator(const QString &cidr);

    bool valid() const { return size_ > 0; }
    QString cidr() const { return cidr_; }
    QString first() const;                      // 10.96.0.1
    bool contains(const QString &ip) const;     // in range, not network/broadcast
    bool isAllocated(const QString &ip) const;
    bool allocate(const QString &ip);           // false if taken or out of range
    std::optional<QString> allocateNext();      // random free address
    void release(const QString &ip);
    int used() const { return int(used_.size()); }

private:
    QString cidr_;
    quint32 base_ = 0;   // network address
    quint32 size_ = 0;   // usable addresses: base+1 .. base+size
    QSet<quint32> used_;
};

// NodePort allocation from 30000-32767.
class NodePortAllocator {
public:
    NodePortAllocator(int min, int max) : min_(min), max_(max) {}
    bool contains(int port) const { return port >= min_ && port <= max_; }
    bool isAllocated(int port) const { return used_.contains(port); }
    bool allocate(int port);
    std::optional<int> allocateNext();
    void release(int port) { used_.remove(port); }
    QString range() const { return QStringLiteral("%1-%2").arg(min_).arg(max_); }

private:
    int min_;
    int max_;
    QSet<int> used_;
};

}  // namespace timoneiro::apiserver
