#pragma once
// Kubernetes' x509 authenticator: a client certificate that chains to the
// cluster CA and is valid for client auth names the user (CN) and groups (O).
#include "api/request.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace timoneiro::security {

class ClientCertificateVerifier {
public:
    explicit ClientCertificateVerifier(const QByteArray &caCertificatePem) : caPem_(caCertificatePem) {}

    // chainDer: the peer's certificate first, then any intermediates (DER).
    // Nothing when the chain does not verify.
    std::optional<api::UserInfo> verify(const QList<QByteArray> &chainDer) const;

private:
    QByteArray caPem_;
};

}  // namespace timoneiro::security
