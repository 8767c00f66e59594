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

}  // namespace

std::optional<api::UserInfo> ClientCertificateVerifier::verify(const QList<QByteArray> &chainDer) const
{
    if (chainDer.isEmpty())
        return std::nullopt;
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
        ok = X509_verify_cert(ctx) == 1;
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
