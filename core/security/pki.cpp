#include "pki.h"

#include "openssl_util.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <ctime>

namespace timoneiro::security {

namespace {

enum class Usage { Ca, Server, Client };

api::ApiError pkiError(const QString &what)
{
    return api::ApiError::internal(QStringLiteral("pki: ") + what);
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ossl::Free free;
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    free(ext);
    return ok;
}

QByteArray subjectAltNames(const ServingNames &names)
{
    QStringList parts;
    for (const QString &dns : names.dnsNames)
        parts << QStringLiteral("DNS:") + dns;
    for (const QHostAddress &ip : names.addresses)
        parts << QStringLiteral("IP:") + ip.toString();
    return parts.join(QLatin1Char(',')).toLatin1();
}

// Issues a certificate for key, signed by issuer (self-signed when issuer is null).
ossl::Cert issue(EVP_PKEY *key, const QString &commonName, const QStringList &organizations, X509 *issuer,
                 EVP_PKEY *issuerKey, int days, Usage usage, const ServingNames *names = nullptr)
{
    ossl::Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;  // positive, as RFC 5280 requires
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // An hour of slack for clocks that disagree a little.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 24 * 3600);
    X509_set_pubkey(cert.get(), key);

    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const QString &org : organizations)
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(org.toUtf8().constData()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName.toUtf8().constData()), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));

    bool ok = true;
    switch (usage) {
    case Usage::Ca:
        ok = addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE")
            && addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyCertSign,cRLSign");
        break;
    case Usage::Server:
        ok = addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE")
            && addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment")
            && addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth")
            && addExtension(cert.get(), signer, NID_subject_alt_name, subjectAltNames(*names));
        break;
    case Usage::Client:
        ok = addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE")
            && addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment")
            && addExtension(cert.get(), signer, NID_ext_key_usage, "clientAuth");
        break;
    }
    ok = ok && addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    if (issuer)
        ok = ok && addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

// Whether cert still serves every name and has a month left.
bool servingCertCovers(X509 *cert, const ServingNames &names)
{
    time_t monthAhead = std::time(nullptr) + 30L * 24 * 3600;
    if (X509_cmp_time(X509_get0_notAfter(cert), &monthAhead) < 0)
        return false;
    for (const QString &dns : names.dnsNames) {
        const QByteArray host = dns.toLatin1();
        if (X509_check_host(cert, host.constData(), size_t(host.size()), 0, nullptr) != 1)
            return false;
    }
    for (const QHostAddress &ip : names.addresses) {
        const QByteArray text = ip.toString().toLatin1();
        if (X509_check_ip_asc(cert, text.constData(), 0) != 1)
            return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

bool writePrivateFile(const QString &path, const QByteArray &data, bool worldReadable)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    f.setPermissions(worldReadable ? owner | QFileDevice::ReadGroup | QFileDevice::ReadOther : owner);
    return f.write(data) == data.size() && f.commit();
}

api::Result<Pki> Pki::loadOrCreate(const QString &dir, const ServingNames &names)
{
    if (!QDir().mkpath(dir) || !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                              | QFileDevice::ExeOwner))
        return pkiError(QStringLiteral("cannot create ") + dir);
    const QString caCrt = dir + QStringLiteral("/ca.crt"), caKey = dir + QStringLiteral("/ca.key");
    Pki pki;
    pki.ca_ = {readFile(caCrt), readFile(caKey)};
    ossl::Cert ca = ossl::certFromPem(pki.ca_.certificatePem);
    ossl::Key caPrivate = ossl::keyFromPem(pki.ca_.keyPem);
    if (!ca || !caPrivate) {
        caPrivate = ossl::newEcKey();
        ca = issue(caPrivate.get(), QStringLiteral("timoneiro-ca"), {}, nullptr, nullptr, 3650, Usage::Ca);
        if (!ca)
            return pkiError(QStringLiteral("cannot create the cluster CA"));
        pki.ca_ = {ossl::certToPem(ca.get()), ossl::keyToPem(caPrivate.get())};
        if (!writePrivateFile(caKey, pki.ca_.keyPem) || !writePrivateFile(caCrt, pki.ca_.certificatePem, true))
            return pkiError(QStringLiteral("cannot write the CA under ") + dir);
    }

    const QString srvCrt = dir + QStringLiteral("/apiserver.crt"), srvKey = dir + QStringLiteral("/apiserver.key");
    pki.serving_ = {readFile(srvCrt), readFile(srvKey)};
    ossl::Cert serving = ossl::certFromPem(pki.serving_.certificatePem);
    if (!serving || !ossl::keyFromPem(pki.serving_.keyPem) || !servingCertCovers(serving.get(), names)
        || X509_check_issued(ca.get(), serving.get()) != X509_V_OK) {
        ossl::Key key = ossl::newEcKey();
        serving = issue(key.get(), QStringLiteral("kube-apiserver"), {}, ca.get(), caPrivate.get(), 365,
                        Usage::Server, &names);
        if (!serving)
            return pkiError(QStringLiteral("cannot issue the serving certificate"));
        pki.serving_ = {ossl::certToPem(serving.get()), ossl::keyToPem(key.get())};
        if (!writePrivateFile(srvKey, pki.serving_.keyPem) || !writePrivateFile(srvCrt, pki.serving_.certificatePem, true))
            return pkiError(QStringLiteral("cannot write the serving certificate under ") + dir);
    }

    const QString saKey = dir + QStringLiteral("/sa.key");
    pki.saKeyPem_ = readFile(saKey);
    if (!ossl::keyFromPem(pki.saKeyPem_)) {
        ossl::Key key = ossl::newEcKey();
        pki.saKeyPem_ = ossl::keyToPem(key.get());
        if (!writePrivateFile(saKey, pki.saKeyPem_))
            return pkiError(QStringLiteral("cannot write the service-account key under ") + dir);
    }
    return pki;
}

api::Result<CertificateAndKey> Pki::issueClient(const QString &user, const QStringList &groups, int days) const
{
    ossl::Cert ca = ossl::certFromPem(ca_.certificatePem);
    ossl::Key caKey = ossl::keyFromPem(ca_.keyPem);
    ossl::Key key = ossl::newEcKey();
    if (!ca || !caKey || !key)
        return pkiError(QStringLiteral("the CA is not loaded"));
    ossl::Cert cert = issue(key.get(), user, groups, ca.get(), caKey.get(), days, Usage::Client);
    if (!cert)
        return pkiError(QStringLiteral("cannot issue a client certificate for ") + user);
    return CertificateAndKey{ossl::certToPem(cert.get()), ossl::keyToPem(key.get())};
}

}  // namespace timoneiro::security
