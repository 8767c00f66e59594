#pragma once
// A bounded cache of client certificate chains that already verified, so a
// client's every request (and reconnect) with the same certificate skips the
// chain check. An entry lives no longer than the chain's earliest notAfter:
// an expired certificate is never answered from here. Thread-safe.
#include "api/request.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>

#include <deque>
#include <optional>

namespace timoneiro::security {

class VerifiedCertificateCache {
public:
    explicit VerifiedCertificateCache(qsizetype capacity = 1024) : capacity_(capacity) {}

    // SHA-256 over the chain's certificates (each length-prefixed), so a leaf
    // offered with different intermediates is a different entry.
    static QByteArray keyOf(const QList<QByteArray> &chainDer);

    // The user, when key verified before and now is before its notAfter.
    std::optional<api::UserInfo> lookup(const QByteArray &key, const QDateTime &now);
    // Remembers a verified chain; the oldest entry goes when full.
    void insert(const QByteArray &key, const api::UserInfo &user, const QDateTime &notAfter);
    qsizetype size() const;

private:
    struct Entry {
        api::UserInfo user;
        QDateTime notAfter;
    };
    void evictOldest();

    mutable QMutex mutex_;
    qsizetype capacity_;
    QHash<QByteArray, Entry> entries_;
    std::deque<QByteArray> order_;  // insertion order, oldest first
};

}  // namespace timoneiro::security
