// The cluster PKI and ServiceAccount tokens: certificates chain to the CA,
// carry the names they must, keys are private, tokens verify and expire.
#include "security/client_certificate.h"
#include "security/pki.h"
#include "security/service_account_token.h"
#include "security/verified_cache.h"

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

    void verifiedCertificatesAreCachedUntilNotAfter()
    {
        auto pki = Pki::loadOrCreate(dir_.filePath(QStringLiteral("pki6")), names_);
        auto other = Pki::loadOrCreate(dir_.filePath(QStringLiteral("pki7")), names_);
        const ClientCertificateVerifier verifier(pki->caCertificatePem());
        auto jane = pki->issueClient(QStringLiteral("jane"), {QStringLiteral("students")}, 1);
        const QSslCertificate janeCert(jane->certificatePem);
        const QList<QByteArray> chain{janeCert.toDer()};
        const QDateTime now = QDateTime::currentDateTimeUtc();

        QCOMPARE(verifier.cachedCount(), 0);
        QCOMPARE(verifier.verify(chain, now)->name, QStringLiteral("jane"));
        QCOMPARE(verifier.cachedCount(), 1);
        // The same certificate again is answered from the cache, same user.
        auto again = verifier.verify(chain, now.addSecs(60));
        QVERIFY(again.has_value());
        QCOMPARE(again->groups, (QStringList{QStringLiteral("students"), QStringLiteral("system:authenticated")}));
        QCOMPARE(verifier.cachedCount(), 1);

        // At notAfter the cached answer is gone and the certificate refused.
        const QDateTime notAfter = janeCert.expiryDate().toUTC();
        QVERIFY(verifier.verify(chain, notAfter.addSecs(-1)).has_value());
        QVERIFY(!verifier.verify(chain, notAfter.addSecs(1)).has_value());
        QCOMPARE(verifier.cachedCount(), 0);
        QVERIFY(!verifier.verify(chain, notAfter.addSecs(1)).has_value());
        QCOMPARE(verifier.cachedCount(), 0);

        // A certificate that failed is never remembered as good.
        auto mallory = other->issueClient(QStringLiteral("mallory"), {QStringLiteral("system:masters")});
        const QList<QByteArray> bad{QSslCertificate(mallory->certificatePem).toDer()};
        QVERIFY(!verifier.verify(bad, now).has_value());
        QVERIFY(!verifier.verify(bad, now).has_value());
        QVERIFY(!verifier.verify({QByteArray("junk")}, now).has_value());
        QVERIFY(!verifier.verify({QSslCertificate(pki->serving().certificatePem).toDer()}, now).has_value());
        QCOMPARE(verifier.cachedCount(), 0);
    }

    void verifiedCacheExpiresAndEvictsTheOldest()
    {
        VerifiedCertificateCache cache(2);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        const timoneiro::api::UserInfo user{QStringLiteral("u"), {}};
        const QByteArray a = VerifiedCertificateCache::keyOf({QByteArray("a")});
        const QByteArray b = VerifiedCertificateCache::keyOf({QByteArray("b")});
        const QByteArray c = VerifiedCertificateCache::keyOf({QByteArray("c")});
        QVERIFY(a != VerifiedCertificateCache::keyOf({QByteArray("a"), QByteArray("x")}));
        cache.insert(a, user, t0.addSecs(10));
        QVERIFY(cache.lookup(a, t0.addSecs(9)).has_value());
        QVERIFY(!cache.lookup(a, t0.addSecs(10)).has_value());
        QCOMPARE(cache.size(), 0);
        cache.insert(a, user, t0.addSecs(100));
        cache.insert(b, user, t0.addSecs(100));
        cache.insert(c, user, t0.addSecs(100));
        QCOMPARE(cache.size(), 2);
        QVERIFY(!cache.lookup(a, t0).has_value());
        QVERIFY(cache.lookup(b, t0).has_value());
        QVERIFY(cache.lookup(c, t0).has_value());
        // Many short-lived entries stay within the bound.
        for (int i = 0; i < 50; ++i) {
            const QByteArray k = VerifiedCertificateCache::keyOf({QByteArray::number(i)});
            cache.insert(k, user, t0.addSecs(1));
            QVERIFY(!cache.lookup(k, t0.addSecs(2)).has_value());
        }
        QVERIFY(cache.size() <= 2);
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
