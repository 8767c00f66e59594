#pragma once
// Cluster DNS on the wire: UDP (512 bytes, or the EDNS0 size up to 4096,
// truncated with TC so the client retries over TCP) and TCP (two-byte
// length prefix, several queries per connection) on the addresses it is
// told -- each one bound by itself, never the wildcard, so a resolver the
// host runs on 127.0.0.53 or elsewhere is left alone. Answers come from a
// DnsResolver on the owner's thread.
#include "dns_resolver.h"

#include <QHostAddress>
#include <QObject>

#include <map>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QUdpSocket;

namespace timoneiro::network {

class DnsServer : public QObject {
    Q_OBJECT
public:
    explicit DnsServer(const DnsResolver &resolver, QObject *parent = nullptr);
    ~DnsServer() override;

    // UDP and TCP on address:port (port 0: a free one, the same for both).
    // freebind: bound before the address exists on an interface, as a node's
    // bridge gateway appears with the bridge. Returns the port, 0 on failure with *error.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error, bool freebind = false);
    void close(const QHostAddress &address);
    void closeAll();
    bool listening(const QHostAddress &address) const { return listeners_.count(address.toString()) > 0; }
    QList<QHostAddress> addresses() const;

    // The answer to one query's bytes; maxSize bounds it (UDP).
    QByteArray respond(const QByteArray &query, bool udp) const;
    quint64 queries() const { return queries_; }

private:
    struct Listener;
    void readDatagrams(QUdpSocket *socket);
    void acceptConnections(QTcpServer *server);
    void readStream(QTcpSocket *socket);

    const DnsResolver &resolver_;
    std::map<QString, std::unique_ptr<Listener>> listeners_;
    mutable quint64 queries_ = 0;
    int connections_ = 0;
};

}  // namespace timoneiro::network
