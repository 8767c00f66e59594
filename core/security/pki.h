#pragma once
// The cluster's PKI, kept under <data-dir>/pki like kubeadm's /etc/kubernetes/pki:
// a CA, the API server's serving certificate, and client certificates whose
// subject names the user (CN) and groups (O), as Kubernetes' x509
// authenticator reads them. Keys are ECDSA P-256, readable by the owner only.
#include "api/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::security {

struct CertificateAndKey {
    QByteArray certificatePem;
    QByteArray keyPem;
};

struct ServingNames {
    QStringList dnsNames;          // localhost, the host name, kubernetes.default.svc...
    QList<QHostAddress> addresses; // 127.0.0.1, node IPs, the kubernetes Service IP
};

class Pki {
public:
    // Loads dir/ca.{crt,key}, dir/apiserver.{crt,key} and dir/sa.key, creating
    // whatever is missing. The serving certificate is re-issued when names
    // it must carry are missing from it.
    static api::Result<Pki> loadOrCreate(const QString &dir, const ServingNames &names);

    QByteArray caCertificatePem() const { return ca_.certificatePem; }
    const CertificateAndKey &serving() const { return serving_; }
    // The key ServiceAccount tokens are signed with.
    QByteArray serviceAccountKeyPem() const { return saKeyPem_; }

    // A client certificate for user with groups, valid for days.
    api::Result<CertificateAndKey> issueClient(const QString &user, const QStringList &groups, int days = 365) const;

private:
    CertificateAndKey ca_;
    CertificateAndKey serving_;
    QByteArray saKeyPem_;
};

// Writes data to path with mode 0600 (0644 when world-readable is true),
// atomically (temporary file + rename).
bool writePrivateFile(const QString &path, const QByteArray &data, bool worldReadable = false);

}  // namespace timoneiro::security
