#include "service_account_token.h"

#include "openssl_util.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/ecdsa.h>

namespace timoneiro::security {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

api::ApiError invalidToken(const QString &why)
{
    api::ApiError e = api::ApiError::unauthorized();
    e.message = QStringLiteral("invalid bearer token: ") + why;
    return e;
}

QByteArray segment(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kB64);
}

// JWS ES256 signatures are r || s, 32 bytes each; libcrypto speaks DER.
QByteArray derToJose(const QByteArray &der)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, der.size());
    if (!sig)
        return {};
    QByteArray out(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(out.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(out.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return out;
}

QByteArray joseToDer(const QByteArray &jose)
{
    if (jose.size() != 64)
        return {};
    ECDSA_SIG *sig = ECDSA_SIG_new();
    const auto *bytes = reinterpret_cast<const unsigned char *>(jose.constData());
    ECDSA_SIG_set0(sig, BN_bin2bn(bytes, 32, nullptr), BN_bin2bn(bytes + 32, 32, nullptr));
    unsigned char *der = nullptr;
    const int n = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = n > 0 ? QByteArray(reinterpret_cast<char *>(der), n) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

}  // namespace

api::Result<TokenSigner> TokenSigner::fromPrivateKeyPem(const QByteArray &keyPem)
{
    ossl::Key key = ossl::keyFromPem(keyPem);
    if (!key)
        return api::ApiError::internal(QStringLiteral("service-account key: not a private key"));
    unsigned char *der = nullptr;
    const int n = i2d_PUBKEY(key.get(), &der);
    TokenSigner signer;
    signer.keyPem_ = keyPem;
    // Like Kubernetes, the key id is a hash of the public key.
    signer.keyId_ = QString::fromLatin1(QCryptographicHash::hash(QByteArray(reinterpret_cast<char *>(der), n),
                                                                 QCryptographicHash::Sha256).toBase64(kB64));
    OPENSSL_free(der);
    return signer;
}

QByteArray TokenSigner::sign(const TokenClaims &c) const
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("kid"), keyId_}};
    QJsonObject k8s{{QStringLiteral("namespace"), c.namespaceName}};
    if (!c.serviceAccountName.isEmpty())
        k8s.insert(QStringLiteral("serviceaccount"), QJsonObject{{QStringLiteral("name"), c.serviceAccountName},
                                                                 {QStringLiteral("uid"), c.serviceAccountUid}});
    if (!c.podName.isEmpty())
        k8s.insert(QStringLiteral("pod"), QJsonObject{{QStringLiteral("name"), c.podName},
                                                      {QStringLiteral("uid"), c.podUid}});
    const QDateTime iat = c.issuedAt.isValid() ? c.issuedAt : QDateTime::currentDateTimeUtc();
    QJsonObject payload{{QStringLiteral("iss"), c.issuer},
                        {QStringLiteral("sub"), c.subject},
                        {QStringLiteral("aud"), QJsonArray{c.audience}},
                        {QStringLiteral("iat"), iat.toSecsSinceEpoch()},
                        {QStringLiteral("nbf"), iat.toSecsSinceEpoch()},
                        {QStringLiteral("kubernetes.io"), k8s}};
    if (c.expires.isValid())
        payload.insert(QStringLiteral("exp"), c.expires.toSecsSinceEpoch());
    if (!c.groups.isEmpty())
        payload.insert(QStringLiteral("groups"), QJsonArray::fromStringList(c.groups));
    const QByteArray input = segment(header) + '.' + segment(payload);

    ossl::Key key = ossl::keyFromPem(keyPem_);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray der;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()),
                          size_t(input.size())) == 1) {
        der.resize(qsizetype(len));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(der.data()), &len,
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1)
            der.resize(qsizetype(len));
        else
            der.clear();
    }
    EVP_MD_CTX_free(ctx);
    return input + '.' + derToJose(der).toBase64(kB64);
}

api::Result<TokenClaims> TokenSigner::verify(const QByteArray &token, const QDateTime &now) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return invalidToken(QStringLiteral("not a JWT"));
    const QByteArray input = parts[0] + '.' + parts[1];
    const QByteArray der = joseToDer(QByteArray::fromBase64(parts[2], kB64));
    ossl::Key key = ossl::keyFromPem(keyPem_);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool good = !der.isEmpty() && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(der.constData()), size_t(der.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    if (!good)
        return invalidToken(QStringLiteral("signature does not verify"));

    const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], kB64)).object();
    const QJsonObject p = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], kB64)).object();
    if (header.value(QStringLiteral("alg")).toString() != QLatin1String("ES256"))
        return invalidToken(QStringLiteral("unexpected algorithm"));
    TokenClaims c;
    if (p.value(QStringLiteral("iss")).toString() != c.issuer)
        return invalidToken(QStringLiteral("unknown issuer"));
    if (!p.value(QStringLiteral("aud")).toArray().contains(c.audience))
        return invalidToken(QStringLiteral("wrong audience"));
    const qint64 t = now.toSecsSinceEpoch();
    if (p.contains(QStringLiteral("exp")) && qint64(p.value(QStringLiteral("exp")).toDouble()) < t)
        return invalidToken(QStringLiteral("token has expired"));
    if (qint64(p.value(QStringLiteral("nbf")).toDouble()) > t + 60)
        return invalidToken(QStringLiteral("token is not valid yet"));
    c.subject = p.value(QStringLiteral("sub")).toString();
    const QJsonObject k8s = p.value(QStringLiteral("kubernetes.io")).toObject();
    c.namespaceName = k8s.value(QStringLiteral("namespace")).toString();
    c.serviceAccountName = k8s.value(QStringLiteral("serviceaccount")).toObject().value(QStringLiteral("name")).toString();
    c.serviceAccountUid = k8s.value(QStringLiteral("serviceaccount")).toObject().value(QStringLiteral("uid")).toString();
    c.podName = k8s.value(QStringLiteral("pod")).toObject().value(QStringLiteral("name")).toString();
    c.podUid = k8s.value(QStringLiteral("pod")).toObject().value(QStringLiteral("uid")).toString();
    for (const QJsonValue &g : p.value(QStringLiteral("groups")).toArray())
        c.groups << g.toString();
    c.issuedAt = QDateTime::fromSecsSinceEpoch(qint64(p.value(QStringLiteral("iat")).toDouble()), Qt::UTC);
    if (p.contains(QStringLiteral("exp")))
        c.expires = QDateTime::fromSecsSinceEpoch(qint64(p.value(QStringLiteral("exp")).toDouble()), Qt::UTC);
    return c;
}

}  // namespace timoneiro::security
