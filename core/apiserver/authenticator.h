#pragma once
// Authentication as Kubernetes chains it: an x509 client certificate signed
// by the cluster CA, else a bearer token (ServiceAccount and node tokens
// signed with the cluster's service-account key), else anonymous. A
// presented credential that does not verify is refused, never downgraded.
#include "api/request.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace timoneiro::security {
class ClientCertificateVerifier;
class TokenSigner;
}

namespace timoneiro::apiserver {

struct Authentication {
    enum class Outcome { Anonymous, Authenticated, Rejected };
    Outcome outcome = Outcome::Anonymous;
    api::UserInfo user;
};

class Authenticator {
public:
    Authenticator(const QByteArray &caCertificatePem, const QByteArray &serviceAccountKeyPem);
    ~Authenticator();

    // peerChainDer: the TLS peer's certificates (leaf first); authorization:
    // the Authorization header.
    Authentication authenticate(const QList<QByteArray> &peerChainDer, const QByteArray &authorization) const;

    // The user a token's subject names, with the groups Kubernetes gives it
    // (system:serviceaccounts, system:serviceaccounts:<ns>, system:nodes, ...).
    static api::UserInfo userForSubject(const QString &subject, const QStringList &extraGroups);

private:
    std::unique_ptr<security::ClientCertificateVerifier> certificates_;
    std::unique_ptr<security::TokenSigner> tokens_;
};

// Kubernetes answers requests without valid credentials with 401, except
// the health and version endpoints anyone may read.
bool isPublicPath(const QString &path);

}  // namespace timoneiro::apiserver
