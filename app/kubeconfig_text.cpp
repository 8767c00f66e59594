#include "kubeconfig_text.h"

#include <QRegularExpression>

QByteArray kubeconfigText(const KubeconfigSpec &s)
{
    auto b64 = [](const QByteArray &pem) { return QString::fromLatin1(pem.toBase64()); };
    return QStringLiteral("apiVersion: v1\n"
                          "kind: Config\n"
                          "clusters:\n"
                          "- name: %1\n"
                          "  cluster:\n"
                          "    server: %2\n"
                          "    certificate-authority-data: %3\n"
                          "users:\n"
                          "- name: %4\n"
                          "  user:\n"
                          "    client-certificate-data: %5\n"
                          "    client-key-data: %6\n"
                          "contexts:\n"
                          "- name: %1\n"
                          "  context:\n"
                          "    cluster: %1\n"
                          "    user: %4\n"
                          "    namespace: %7\n"
                          "current-context: %1\n"
                          "preferences: {}\n")
        .arg(s.context, s.server, b64(s.caPem), s.userName, b64(s.certificatePem), b64(s.keyPem), s.namespaceName)
        .toUtf8();
}

QString kubeconfigServer(const QByteArray &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*server:\\s*(\\S+)\\s*$"),
                                       QRegularExpression::MultilineOption);
    const auto m = re.match(QString::fromUtf8(text));
    return m.hasMatch() ? m.captured(1) : QString();
}
