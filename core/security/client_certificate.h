#pragma once
// Kubernetes' x509 authenticator: a client certificate that chains to the
// cluster CA and is valid for client auth names the user (CN) and groups (O).
#include "api/request.h"
#include "security/verified_cache.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

namespace timoneiro::security {

class ClientCertificateVerifier {
public:
    explicit ClientCertificateVerifier(const QByteArray &caCertificatePem) : caPem_(caCertificatePem) {}

    // chainDer: the peer's certificate first, then any intermediates (DER).
    // Nothing when the chain does not verify at `at` (now by default). A
    // chain that verified is remembered until its earliest notAfter, so a
    // client's repeated requests skip the chain check; one that failed is not.
    std::optional<api::UserInfo> verify(const QList<QByteArray> &chainDer) const;
    std::optional<api::UserInfo> verify(const QList<QByteArray> &chainDer, const QDateTime &at) const;

    // Chains remembered as verified (not yet expired or evicted).
    qsizetype cachedCount() const { return verified_.size(); }

private:
    std::optional<api::UserInfo> verifyChain(const QList<QByteArray> &chainDer, const QDateTime &at,
                                             QDateTime *notAfter) const;

    QByteArray caPem_;
    mutable VerifiedCertificateCache verified_;
};

}  // namespace timoneiro::security
