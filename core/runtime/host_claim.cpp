#include "host_claim.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace timoneiro::runtime {

namespace {

int openLock(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}

// "PID 812, data dir /x" from what the holder wrote: "812\n/x\n".
QString describe(const QByteArray &content)
{
    const QList<QByteArray> parts = content.split('\n');
    const QString pid = QString::fromUtf8(parts.value(0)).trimmed();
    const QString dataDir = QString::fromUtf8(parts.value(1)).trimmed();
    if (pid.isEmpty())
        return QStringLiteral("PID unknown");
    return dataDir.isEmpty() ? QStringLiteral("PID %1").arg(pid) : QStringLiteral("PID %1, data dir %2").arg(pid, dataDir);
}

// Open-file-description locks: owned by the open file, not the process
// (so a test is never mistaken for a holder), dropped when it closes.
struct flock wholeFile(short type)
{
    struct flock lock {};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    return lock;
}

QByteArray contentOf(int fd)
{
    QByteArray content(256, '\0');
    const ssize_t n = ::pread(fd, content.data(), size_t(content.size()), 0);
    content.truncate(n > 0 ? n : 0);
    return content;
}

}  // namespace

HostClaim::~HostClaim()
{
    release();
}

QString HostClaim::lockPath()
{
    const QString dir = qEnvironmentVariable("TIMONEIRO_RUN_DIR", QStringLiteral("/run/timoneiro"));
    return dir + QStringLiteral("/local-nodes.lock");
}

QString HostClaim::ownedBySentence(const QString &holder)
{
    return QStringLiteral("another timoneirod (%1) owns this machine's local-node bridges tmn-node-N and pod range 10.244.0.0/16")
        .arg(holder);
}

QString HostClaim::holder()
{
    const int fd = openLock(lockPath());
    if (fd < 0)
        return {};
    QString result;
    // Only asks: taking the lock to see would get in the way of a timoneirod starting now.
    struct flock lock = wholeFile(F_WRLCK);
    if (::fcntl(fd, F_OFD_GETLK, &lock) == 0 && lock.l_type != F_UNLCK) {
        const QByteArray content = contentOf(fd);
        // This process's own claim (a second open of the file) is no other holder.
        if (content.split('\n').value(0).trimmed().toLongLong() != ::getpid())
            result = describe(content);
    }
    ::close(fd);
    return result;
}

bool HostClaim::acquire(const QString &dataDir, QString *why)
{
    if (fd_ >= 0)
        return true;
    const int fd = openLock(lockPath());
    if (fd < 0) {
        *why = QStringLiteral("cannot open %1: %2").arg(lockPath(), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct flock lock = wholeFile(F_WRLCK);
    if (::fcntl(fd, F_OFD_SETLK, &lock) != 0) {
        const QByteArray content = contentOf(fd);
        ::close(fd);
        *why = ownedBySentence(describe(content));
        return false;
    }
    const QByteArray content = QByteArray::number(qint64(::getpid())) + '\n' + QFile::encodeName(QDir(dataDir).absolutePath()) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, content.constData(), size_t(content.size()), 0) != content.size()) {
        ::close(fd);
        *why = QStringLiteral("cannot write %1").arg(lockPath());
        return false;
    }
    fd_ = fd;
    return true;
}

void HostClaim::release()
{
    if (fd_ < 0)
        return;
    // Emptied first, so nobody reads a PID that no longer holds it; the
    // lock goes with the file's close.
    [[maybe_unused]] const int ignored = ::ftruncate(fd_, 0);
    ::close(fd_);
    fd_ = -1;
}

}  // namespace timoneiro::runtime
