#pragma once
// ServiceAccount tokens: JWTs signed with the cluster's service-account key
// (ES256), with the claims Kubernetes' bound tokens carry, so that the API
// server can authenticate pods (and node agents) by bearer token.
#include "api/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace timoneiro::security {

struct TokenClaims {
    QString issuer = QStringLiteral("https://kubernetes.default.svc.cluster.local");
    QString subject;            // system:serviceaccount:<ns>:<name>, or system:node:<name>
    QString audience = QStringLiteral("https://kubernetes.default.svc.cluster.local");
    QString namespaceName;      // kubernetes.io.namespace
    QString serviceAccountName; // kubernetes.io.serviceaccount.name
    QString serviceAccountUid;
    QString podName;            // bound to a pod when set
    QString podUid;
    QStringList groups;         // extra groups for non-ServiceAccount subjects (nodes)
    QDateTime issuedAt;
    QDateTime expires;          // invalid = never
};

class TokenSigner {
public:
    // keyPem: an EC P-256 private key (Pki::serviceAccountKeyPem()).
    static api::Result<TokenSigner> fromPrivateKeyPem(const QByteArray &keyPem);

    QByteArray sign(const TokenClaims &claims) const;
    // Verifies the signature, issuer, audience and expiry at now; returns the claims.
    api::Result<TokenClaims> verify(const QByteArray &token, const QDateTime &now) const;

private:
    QByteArray keyPem_;
    QString keyId_;
};

}  // namespace timoneiro::security
