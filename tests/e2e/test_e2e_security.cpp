// Secure by default, checked with the real kubectl: verified TLS with the
// generated kubeconfig, 401 without credentials, RBAC with Kubernetes'
// Forbidden lines for a view-only user, `auth can-i`, ServiceAccount tokens.
#include "timoneirod_process.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using timoneiro::testing::CommandResult;
using timoneiro::testing::Kubectl;
using timoneiro::testing::TimoneirodProcess;

#define EXPECT_OK(r) QVERIFY2((r).exitCode == 0, qPrintable((r).err + (r).out))

class SecurityE2E : public QObject {
    Q_OBJECT

private:
    TimoneirodProcess server_;
    std::unique_ptr<Kubectl> admin_;
    QTemporaryDir files_;

    CommandResult admin(const QStringList &args, const QByteArray &in = {}) { return admin_->run(args, in); }
    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = files_.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }

private slots:
    void initTestCase()
    {
        if (Kubectl::path().isEmpty())
            QSKIP("kubectl is not installed (this machine kind has v1.32 at /usr/bin/kubectl)");
        QVERIFY2(server_.start(), qPrintable(server_.log()));
        admin_ = std::make_unique<Kubectl>(server_.kubeconfig());
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }

    void kubectlVerifiesTheServer()
    {
        QVERIFY(server_.server().startsWith(QStringLiteral("https://")));
        QFile f(server_.kubeconfig());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("certificate-authority-data:"));
        QVERIFY(!text.contains("insecure-skip-tls-verify"));
        QCOMPARE(QFileInfo(server_.kubeconfig()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(QFileInfo(server_.dataDir() + QStringLiteral("/pki/ca.key")).permissions()
                     & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        CommandResult r = admin({QStringLiteral("get"), QStringLiteral("namespaces")});
        EXPECT_OK(r);
        QVERIFY(r.out.contains(QStringLiteral("kube-system")));
        r = admin({QStringLiteral("auth"), QStringLiteral("whoami")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Username\\s+kubernetes-admin"))), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("system:masters")));
    }

    void noCredentialsIsUnauthorized()
    {
        // The same cluster and CA, a bearer token the cluster never issued.
        QFile f(server_.kubeconfig());
        f.open(QIODevice::ReadOnly);
        QString plain = QString::fromUtf8(f.readAll());
        plain.remove(QRegularExpression(QStringLiteral("    client-(certificate|key)-data: \\S+\\n")));
        plain.replace(QStringLiteral("  user:\n"), QStringLiteral("  user:\n    token: not-a-token\n"));
        Kubectl anonymous(write(QStringLiteral("anonymous.kubeconfig"), plain.toUtf8()));
        CommandResult r = anonymous.run({QStringLiteral("get"), QStringLiteral("pods")});
        QCOMPARE(r.exitCode, 1);
        // kubectl's words for a 401 (its discovery is refused before the list).
        QVERIFY2(r.err.contains(QStringLiteral("error: You must be logged in to the server")), qPrintable(r.err));
    }

    void viewOnlyUserCannotWrite()
    {
        const QString jane = server_.mintKubeconfig(QStringLiteral("jane"), {QStringLiteral("students")});
        QVERIFY(!jane.isEmpty());
        Kubectl student(jane);
        CommandResult r = student.run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("default")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral(
                     "Error from server (Forbidden): pods is forbidden: User \"jane\" cannot list resource \"pods\" "
                     "in API group \"\" in the namespace \"default\"")),
                 qPrintable(r.err));

        EXPECT_OK(admin({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: students-view\n"
                        "  namespace: default\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n"
                        "  name: view\nsubjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: students\n"));
        EXPECT_OK(admin({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("settings"),
                         QStringLiteral("--from-literal=a=b")}));

        r = student.run({QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), QStringLiteral("default")});
        EXPECT_OK(r);
        QVERIFY(r.out.contains(QStringLiteral("settings")));
        r = student.run({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("settings"),
                         QStringLiteral("-n"), QStringLiteral("default")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral(
                     "Error from server (Forbidden): configmaps \"settings\" is forbidden: User \"jane\" cannot delete "
                     "resource \"configmaps\" in API group \"\" in the namespace \"default\"")),
                 qPrintable(r.err));
        r = student.run({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("pods"),
                         QStringLiteral("-n"), QStringLiteral("default")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        r = student.run({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("create"), QStringLiteral("pods"),
                         QStringLiteral("-n"), QStringLiteral("default")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
        QCOMPARE(r.exitCode, 1);
        r = student.run({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("list"), QStringLiteral("pods"),
                         QStringLiteral("-n"), QStringLiteral("kube-system")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
        // The admin can do anything, as system:masters can.
        r = admin({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("*"), QStringLiteral("*")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
    }

    void serviceAccountTokensAuthenticate()
    {
        EXPECT_OK(admin({QStringLiteral("create"), QStringLiteral("serviceaccount"), QStringLiteral("robot")}));
        CommandResult r = admin({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("robot")});
        EXPECT_OK(r);
        const QString token = r.out.trimmed();
        QCOMPARE(token.count(QLatin1Char('.')), 2);
        QFile f(server_.kubeconfig());
        f.open(QIODevice::ReadOnly);
        QString text = QString::fromUtf8(f.readAll());
        text.remove(QRegularExpression(QStringLiteral("    client-(certificate|key)-data: \\S+\\n")));
        text.replace(QStringLiteral("  user:\n"), QStringLiteral("  user:\n    token: ") + token + QLatin1Char('\n'));
        Kubectl robot(write(QStringLiteral("robot.kubeconfig"), text.toUtf8()));
        r = robot.run({QStringLiteral("auth"), QStringLiteral("whoami")});
        EXPECT_OK(r);
        QVERIFY2(r.out.contains(QStringLiteral("system:serviceaccount:default:robot")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("system:serviceaccounts:default")));
        r = robot.run({QStringLiteral("get"), QStringLiteral("pods")});
        QVERIFY2(r.err.contains(QStringLiteral("pods is forbidden: User \"system:serviceaccount:default:robot\" cannot "
                                               "list resource \"pods\" in API group \"\" in the namespace \"default\"")),
                 qPrintable(r.err));
        // Its token dies with it.
        EXPECT_OK(admin({QStringLiteral("delete"), QStringLiteral("serviceaccount"), QStringLiteral("robot")}));
        r = robot.run({QStringLiteral("auth"), QStringLiteral("whoami")});
        QVERIFY2(r.err.contains(QStringLiteral("Unauthorized")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(SecurityE2E)
#include "test_e2e_security.moc"
