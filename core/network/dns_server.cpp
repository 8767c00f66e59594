#include "dns_server.h"

#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUdpSocket>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace timoneiro::network {

namespace {

constexpr int kMaxTcpConnections = 256;
constexpr int kTcpIdleMs = 10000;         // as CoreDNS's read timeout
constexpr int kMaxTcpBuffered = 2 + 65535;  // one whole message at most
constexpr int kMaxDatagramsPerRead = 256;   // then back to the event loop

// A socket bound to exactly address:port; -1 with *error.
int boundSocket(const QHostAddress &address, quint16 port, int type, bool freebind, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    // TCP only: for UDP, SO_REUSEADDR would let a second server share the port silently.
    if (type == SOCK_STREAM)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (freebind)
        ::setsockopt(fd, v6 ? SOL_IPV6 : SOL_IP, v6 ? IPV6_FREEBIND : IP_FREEBIND, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, a.c, 16);
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        length = sizeof(sockaddr_in6);
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || (type == SOCK_STREAM && ::listen(fd, 64) != 0)) {
        *error = QStringLiteral("%1:%2: %3").arg(address.toString()).arg(port).arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 portOf(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
}

}  // namespace

struct DnsServer::Listener {
    QHostAddress address;
    std::unique_ptr<QUdpSocket> udp;
    std::unique_ptr<QTcpServer> tcp;
};

DnsServer::DnsServer(const DnsResolver &resolver, QObject *parent) : QObject(parent), resolver_(resolver) {}

DnsServer::~DnsServer()
{
    closeAll();
}

quint16 DnsServer::listen(const QHostAddress &address, quint16 port, QString *error, bool freebind)
{
    close(address);
    // Port 0: the UDP port the kernel picks is tried for TCP too, a few times.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int udpFd = boundSocket(address, port, SOCK_DGRAM, freebind, error);
        if (udpFd < 0)
            return 0;
        const quint16 bound = portOf(udpFd);
        const int tcpFd = boundSocket(address, bound, SOCK_STREAM, freebind, error);
        if (tcpFd < 0) {
            ::close(udpFd);
            if (port != 0)
                return 0;
            continue;
        }
        auto listener = std::make_unique<Listener>();
        listener->address = address;
        listener->udp = std::make_unique<QUdpSocket>();
        listener->tcp = std::make_unique<QTcpServer>();
        if (!listener->udp->setSocketDescriptor(udpFd, QAbstractSocket::BoundState) || !listener->tcp->setSocketDescriptor(tcpFd)) {
            *error = QStringLiteral("%1:%2: the sockets could not be adopted").arg(address.toString()).arg(bound);
            return 0;
        }
        QUdpSocket *udp = listener->udp.get();
        QTcpServer *tcp = listener->tcp.get();
        connect(udp, &QUdpSocket::readyRead, this, [this, udp] { readDatagrams(udp); });
        connect(tcp, &QTcpServer::newConnection, this, [this, tcp] { acceptConnections(tcp); });
        listeners_[address.toString()] = std::move(listener);
        return bound;
    }
    return 0;
}

void DnsServer::close(const QHostAddress &address)
{
    listeners_.erase(address.toString());
}

void DnsServer::closeAll()
{
    listeners_.clear();
}

QList<QHostAddress> DnsServer::addresses() const
{
    QList<QHostAddress> out;
    for (const auto &[key, listener] : listeners_)
        out << listener->address;
    return out;
}

QByteArray DnsServer::respond(const QByteArray &query, bool udp) const
{
    ++queries_;
    QString error;
    const auto message = dns::parse(query, &error);
    if (!message) {
        if (query.size() < 2)
            return {};
        dns::Message formErr;
        formErr.id = quint16(quint8(query[0]) << 8 | quint8(query[1]));
        formErr.response = true;
        formErr.rcode = dns::FormErr;
        return dns::compose(formErr);
    }
    if (message->response)
        return {};  // never answer an answer (reflection loops)
    const dns::Message answer = resolver_.answer(*message);
    const int limit = !udp ? 65535 : message->ednsUdpSize > 0 ? std::min(message->ednsUdpSize, dns::kMaxUdpSize) : dns::kClassicUdpSize;
    return dns::compose(answer, limit);
}

void DnsServer::readDatagrams(QUdpSocket *socket)
{
    for (int i = 0; i < kMaxDatagramsPerRead && socket->hasPendingDatagrams(); ++i) {
        const QNetworkDatagram datagram = socket->receiveDatagram(65535);
        const QByteArray reply = respond(datagram.data(), true);
        if (!reply.isEmpty())
            socket->writeDatagram(reply, datagram.senderAddress(), quint16(datagram.senderPort()));
    }
    if (socket->hasPendingDatagrams())
        QTimer::singleShot(0, socket, [this, socket] { readDatagrams(socket); });
}

void DnsServer::acceptConnections(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        if (connections_ >= kMaxTcpConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++connections_;
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->start(kTcpIdleMs);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
            idle->start(kTcpIdleMs);
            readStream(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --connections_;
            socket->deleteLater();
        });
        // The socket belongs to its server: closing a listener drops its connections.
        socket->setParent(server);
    }
}

void DnsServer::readStream(QTcpSocket *socket)
{
    // Whole length-prefixed messages only; a partial one waits for more bytes.
    while (socket->bytesAvailable() >= 2) {
        const QByteArray prefix = socket->peek(2);
        const int length = quint8(prefix[0]) << 8 | quint8(prefix[1]);
        if (socket->bytesAvailable() < 2 + length) {
            if (socket->bytesAvailable() > kMaxTcpBuffered)
                socket->abort();
            return;
        }
        socket->read(2);
        const QByteArray reply = respond(socket->read(length), false);
        if (reply.isEmpty())
            continue;
        QByteArray framed;
        framed.append(char(reply.size() >> 8));
        framed.append(char(reply.size() & 0xFF));
        framed.append(reply);
        socket->write(framed);
    }
}

}  // namespace timoneiro::network
