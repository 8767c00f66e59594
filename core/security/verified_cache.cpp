#include "verified_cache.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QSet>

namespace timoneiro::security {

QByteArray VerifiedCertificateCache::keyOf(const QList<QByteArray> &chainDer)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &der : chainDer) {
        const quint64 n = quint64(der.size());
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
        hash.addData(der);
    }
    return hash.result();
}

std::optional<api::UserInfo> VerifiedCertificateCache::lookup(const QByteArray &key, const QDateTime &now)
{
    QMutexLocker lock(&mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end())
        return std::nullopt;
    if (now >= it->notAfter) {
        // Left in order_; evictOldest skips keys no longer present.
        entries_.erase(it);
        return std::nullopt;
    }
    return it->user;
}

void VerifiedCertificateCache::insert(const QByteArray &key, const api::UserInfo &user, const QDateTime &notAfter)
{
    if (capacity_ <= 0 || !notAfter.isValid())
        return;
    QMutexLocker lock(&mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
        *it = {user, notAfter};
        return;
    }
    while (entries_.size() >= capacity_)
        evictOldest();
    entries_.insert(key, {user, notAfter});
    order_.push_back(key);
    // Keys of expired entries linger in order_ (and a key re-inserted after
    // expiry appears twice): compact now and then so it stays bounded.
    if (qsizetype(order_.size()) > 2 * capacity_) {
        QSet<QByteArray> seen;
        std::deque<QByteArray> live;
        for (auto k = order_.rbegin(); k != order_.rend(); ++k)
            if (entries_.contains(*k) && !seen.contains(*k)) {
                seen.insert(*k);
                live.push_front(*k);
            }
        order_ = std::move(live);
    }
}

void VerifiedCertificateCache::evictOldest()
{
    while (!order_.empty()) {
        const QByteArray oldest = order_.front();
        order_.pop_front();
        if (entries_.remove(oldest))
            return;
    }
}

qsizetype VerifiedCertificateCache::size() const
{
    QMutexLocker lock(&mutex_);
    return entries_.size();
}

}  // namespace timoneiro::security
