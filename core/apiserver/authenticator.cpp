#include "authenticator.h"

#include "security/client_certificate.h"
#include "security/service_account_token.h"

#include <QDateTime>

namespace timoneiro::apiserver {

Authenticator::Authenticator(const QByteArray &caCertificatePem, const QByteArray &serviceAccountKeyPem)
    : certificates_(std::make_unique<security::ClientCertificateVerifier>(caCertificatePem))
{
    if (auto signer = security::TokenSigner::fromPrivateKeyPem(serviceAccountKeyPem))
        tokens_ = std::make_unique<security::TokenSigner>(*signer);
}

Authenticator::~Authenticator() = default;

api::UserInfo Authenticator::userForSubject(const QString &subject, const QStringList &extraGroups)
{
    api::UserInfo user;
    user.name = subject;
    user.groups = extraGroups;
    const QStringList parts = subject.split(QLatin1Char(':'));
    if (parts.size() == 4 && parts[0] == QLatin1String("system") && parts[1] == QLatin1String("serviceaccount"))
        user.groups << QStringLiteral("system:serviceaccounts") << QStringLiteral("system:serviceaccounts:") + parts[2];
    user.groups << QStringLiteral("system:authenticated");
    return user;
}

Authentication Authenticator::authenticate(const QList<QByteArray> &peerChainDer, const QByteArray &authorization) const
{
    Authentication result;
    if (!peerChainDer.isEmpty()) {
        if (auto user = certificates_->verify(peerChainDer)) {
            result.outcome = Authentication::Outcome::Authenticated;
            result.user = *user;
            return result;
        }
        result.outcome = Authentication::Outcome::Rejected;
        return result;
    }
    const QByteArray value = authorization.trimmed();
    if (value.isEmpty()) {
        result.user = {QStringLiteral("system:anonymous"), {QStringLiteral("system:unauthenticated")}};
        return result;
    }
    result.outcome = Authentication::Outcome::Rejected;
    if (!value.startsWith("Bearer ") || !tokens_)
        return result;
    auto claims = tokens_->verify(value.mid(7).trimmed(), QDateTime::currentDateTimeUtc());
    if (!claims)
        return result;
    result.outcome = Authentication::Outcome::Authenticated;
    result.user = userForSubject(claims->subject, claims->groups);
    return result;
}

bool isPublicPath(const QString &path)
{
    for (const char *p : {"/healthz", "/livez", "/readyz"}) {
        const QLatin1String prefix(p);
        if (path == prefix || path.startsWith(prefix + QLatin1Char('/')))
            return true;
    }
    return path == QLatin1String("/version") || path == QLatin1String("/version/");
}

}  // namespace timoneiro::apiserver
