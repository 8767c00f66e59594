// The cluster PKI and ServiceAccount tokens: certificates chain to the CA,
// carry the names they must, keys are private, tokens verify and expire.
#include "security/client_certificate.h"
#include "security/pki.h"
#include "security/service_account_token.h"

#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro::security;

class PkiTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    ServingNames names_{{QStringLiteral("localhost"), QStringLiteral("kubernetes.default.svc")},
                        {QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("10.96.0.1"))}};

private slots:
    void createsCaServingAndClientCertificates()
    {
        auto pki = Pki::loadOrCreate(dir_.filePath(QStringLiteral("pki")), names_);
        QVERIFY2(pki.ok(), qPrintable(pki.ok() ? QString() : pki.error().message));
        const QSslCertificate ca(pki->caCertificatePem());
        const QSslCertificate serving(pki->serving().certificatePem);
        QVERIFY(!ca.isNull() && !serving.isNull());
        QCOMPARE(serving.issuerInfo(QSslCertificate::CommonName), ca.subjectInfo(QSslCertificate::CommonName));
        const auto sans = serving.subjectAlternativeNames();
        QVERIFY(sans.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(sans.values(QSsl::IpAddressEntry).contains(QStringLiteral("10.96.0.1")));

        auto client = pki->issueClient(QStringLiteral("jane"), {QStringLiteral("students"), QStringLiteral("x")});
        QVERIFY(client.ok());
        const QSslCertificate c(client->certificatePem);
        QCOMPARE(c.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("jane")});
        QStringList groups = c.subjectInfo(QSslCertificate::Organization);
        groups.sort();
        QCOMPARE(groups, (QStringList{QStringLiteral("students"), QStringLiteral("x")}));
        QVERIFY(!QSslKey(client->keyPem, QSsl::Ec).isNull());

        const QFileInfo key(dir_.filePath(QStringLiteral("pki/ca.key")));
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void reloadKeepsTheCaAndReissuesForNewNames()
    {
        const QString path = dir_.filePath(QStringLiteral("pki2"));
        auto first = Pki::loadOrCreate(path, names_);
        auto again = Pki::loadOrCreate(path, names_);
        QCOMPARE(again->caCertificatePem(), first->caCertificatePem());
        QCOMPARE(again->serving().certificatePem, first->serving().certificatePem);
        ServingNames more = names_;
        more.addresses << QHostAddress(QStringLiteral("172.30.0.2"));
        auto wider = Pki::loadOrCreate(path, more);
        QCOMPARE(wider->caCertificatePem(), first->caCertificatePem());
        QVERIFY(wider->serving().certificatePem != first->serving().certificatePem);
    }

    void clientCertificatesNameUserAndGroups()
    {
        auto pki = Pki::loadOrCreate(dir_.filePath(QStringLiteral("pki4")), names_);
        auto other = Pki::loadOrCreate(dir_.filePath(QStringLiteral("pki5")), names_);
        const ClientCertificateVerifier verifier(pki->caCertificatePem());
        auto jane = pki->issueClient(QStringLiteral("jane"), {QStringLiteral("students")});
        auto user = verifier.verify({QSslCertificate(jane->certificatePem).toDer()});
        QVERIFY(user.has_value());
        QCOMPARE(user->name, QStringLiteral("jane"));
        QVERIFY(user->groups.contains(QStringLiteral("students")));
        QVERIFY(user->groups.contains(QStringLiteral("system:authenticated")));
        auto stranger = other->issueClient(QStringLiteral("mallory"), {QStringLiteral("system:masters")});
        QVERIFY(!verifier.verify({QSslCertificate(stranger->certificatePem).toDer()}).has_value());
        // A serving certificate is not a client certificate.
        QVERIFY(!verifier.verify({QSslCertificate(pki->serving().certificatePem).toDer()}).has_value());
        QVERIFY(!verifier.verify({QByteArray("junk")}).has_value());
        QVERIFY(!verifier.verify({}).has_value());
    }

    void tokensVerifyAndExpire()
    {
        auto pki = Pki::loadOrCreate(dir_.filePath(QStringLiteral("pki3")), names_);
        auto signer = TokenSigner::fromPrivateKeyPem(pki->serviceAccountKeyPem());
        QVERIFY(signer.ok());
        TokenClaims claims;
        claims.subject = QStringLiteral("system:serviceaccount:giropops:default");
        claims.namespaceName = QStringLiteral("giropops");
        claims.serviceAccountName = QStringLiteral("default");
        claims.podName = QStringLiteral("nginx");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        claims.expires = now.addSecs(3600);
        const QByteArray token = signer->sign(claims);
        auto back = signer->verify(token, now);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->subject, claims.subject);
        QCOMPARE(back->podName, QStringLiteral("nginx"));
        QVERIFY(!signer->verify(token, now.addSecs(7200)).ok());
        QByteArray tampered = token;
        tampered[tampered.indexOf('.') + 5] ^= 1;
        QVERIFY(!signer->verify(tampered, now).ok());
        QVERIFY(!signer->verify("garbage", now).ok());
        QCOMPARE(signer->verify("a.b.c", now).error().code, 401);
    }
};

QTEST_GUILESS_MAIN(PkiTest)
#include "test_security_pki.moc"
