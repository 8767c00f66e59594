#include "client_certificate.h"

#include "openssl_util.h"

#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <vector>

namespace timoneiro::security {

namespace {

QStringList nameEntries(X509_NAME *name, int nid)
{
    QStringList values;
    for (int i = X509_NAME_get_index_by_NID(name, nid, -1); i >= 0; i = X509_NAME_get_index_by_NID(name, nid, i)) {
        ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
        unsigned char *utf8 = nullptr;
        const int n = ASN1_STRING_to_UTF8(&utf8, data);
        if (n >= 0)
            values << QString::fromUtf8(reinterpret_cast<char *>(utf8), n);
        OPENSSL_free(utf8);
    }
    return values;
}

ossl::Cert fromDer(const QByteArray &der)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    return ossl::Cert(d2i_X509(nullptr, &p, der.size()));
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm t = {};
    if (!time || ASN1_TIME_to_tm(time, &t) != 1)
        return {};
    return QDateTime(QDate(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday), QTime(t.tm_hour, t.tm_min, t.tm_sec),
                     Qt::UTC);
}

}  // namespace

std::optional<api::UserInfo> ClientCertificateVerifier::verify(const QList<QByteArray> &chainDer) const
{
    return verify(chainDer, QDateTime::currentDateTimeUtc());
}

std::optional<api::UserInfo> ClientCertificateVerifier::verify(const QList<QByteArray> &chainDer,
                                                               const QDateTime &at) const
{
    if (chainDer.isEmpty())
        return std::nullopt;
    const QByteArray key = VerifiedCertificateCache::keyOf(chainDer);
    if (auto user = verified_.lookup(key, at))
        return user;
    QDateTime notAfter;
    auto user = verifyChain(chainDer, at, &notAfter);
    if (user)
        verified_.insert(key, *user, notAfter);
    return user;
}

std::optional<api::UserInfo> ClientCertificateVerifier::verifyChain(const QList<QByteArray> &chainDer,
                                                                    const QDateTime &at, QDateTime *notAfter) const
{
    ossl::Cert leaf = fromDer(chainDer.first());
    ossl::Cert ca = ossl::certFromPem(caPem_);
    if (!leaf || !ca)
        return std::nullopt;
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, ca.get());
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    std::vector<ossl::Cert> intermediates;
    for (qsizetype i = 1; i < chainDer.size(); ++i) {
        if (ossl::Cert c = fromDer(chainDer[i])) {
            sk_X509_push(untrusted, c.get());
            intermediates.push_back(std::move(c));
        }
    }
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    bool ok = X509_STORE_CTX_init(ctx, store, leaf.get(), untrusted) == 1;
    if (ok) {
        X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_CLIENT);
        X509_STORE_CTX_set_time(ctx, 0, time_t(at.toSecsSinceEpoch()));
        ok = X509_verify_cert(ctx) == 1;
    }
    if (ok) {
        // The chain is only as good as its first certificate to expire (leaf,
        // intermediate or CA): no cached answer may outlive it.
        // An unreadable date leaves notAfter invalid, which the cache refuses.
        STACK_OF(X509) *verified = X509_STORE_CTX_get0_chain(ctx);
        bool readable = verified && sk_X509_num(verified) > 0;
        for (int i = 0; readable && i < sk_X509_num(verified); ++i) {
            const QDateTime end = toDateTime(X509_get0_notAfter(sk_X509_value(verified, i)));
            readable = end.isValid();
            if (readable && (!notAfter->isValid() || end < *notAfter))
                *notAfter = end;
        }
        if (!readable)
            *notAfter = QDateTime();
    }
    X509_STORE_CTX_free(ctx);
    sk_X509_free(untrusted);
    X509_STORE_free(store);
    if (!ok)
        return std::nullopt;
    X509_NAME *subject = X509_get_subject_name(leaf.get());
    const QStringList cn = nameEntries(subject, NID_commonName);
    if (cn.isEmpty() || cn.first().isEmpty())
        return std::nullopt;
    api::UserInfo user;
    user.name = cn.first();
    user.groups = nameEntries(subject, NID_organizationName);
    user.groups << QStringLiteral("system:authenticated");
    return user;
}

}  // namespace timoneiro::security
