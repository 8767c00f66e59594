// `timoneirod kubeconfig --user jane --group students`: a kubeconfig with a
// client certificate for that user, signed by the cluster's CA -- what an
// instructor hands a student. What the user may do is up to RBAC bindings.
#include "commands.h"
#include "kubeconfig_text.h"

#include "security/pki.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int runKubeconfigCommand(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Mints a kubeconfig for a user of a Timoneiro cluster (an x509 client certificate: CN = user, O = groups).\n"
        "Grant access with RBAC, e.g. kubectl create rolebinding jane-view --clusterrole=view --user=jane -n default"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("kubeconfig"), QStringLiteral("The subcommand."));
    QCommandLineOption userOpt(QStringLiteral("user"), QStringLiteral("User name (required)."), QStringLiteral("name"));
    QCommandLineOption groupOpt(QStringLiteral("group"), QStringLiteral("A group of the user (repeatable)."),
                                QStringLiteral("group"));
    QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("Cluster name."), QStringLiteral("name"),
                               QStringLiteral("local"));
    QCommandLineOption dataOpt(QStringLiteral("data-dir"), QStringLiteral("The cluster's data directory."),
                               QStringLiteral("dir"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QStringLiteral("Validity of the certificate."), QStringLiteral("N"),
                               QStringLiteral("365"));
    QCommandLineOption outOpt(QStringLiteral("o"), QStringLiteral("Write to this file (default: standard output)."),
                              QStringLiteral("file"));
    parser.addOptions({userOpt, groupOpt, nameOpt, dataOpt, daysOpt, outOpt});
    parser.process(app);

    const QString user = parser.value(userOpt);
    if (user.isEmpty()) {
        std::fprintf(stderr, "timoneirod kubeconfig: --user is required\n");
        return 2;
    }
    const QString name = parser.value(nameOpt);
    const QString dataDir = parser.isSet(dataOpt) ? parser.value(dataOpt) : defaultDataDir(name);
    QFile admin(dataDir + QStringLiteral("/kubeconfig"));
    if (!admin.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "timoneirod kubeconfig: no cluster in %s (start timoneirod there first)\n",
                     qPrintable(dataDir));
        return 1;
    }
    auto pki = timoneiro::security::Pki::loadOrCreate(dataDir + QStringLiteral("/pki"), {});
    if (!pki) {
        std::fprintf(stderr, "timoneirod kubeconfig: %s\n", qPrintable(pki.error().message));
        return 1;
    }
    auto cert = pki->issueClient(user, parser.values(groupOpt), parser.value(daysOpt).toInt());
    if (!cert) {
        std::fprintf(stderr, "timoneirod kubeconfig: %s\n", qPrintable(cert.error().message));
        return 1;
    }
    KubeconfigSpec spec;
    spec.context = QStringLiteral("timoneiro-") + name;
    spec.userName = user + QLatin1Char('@') + spec.context;
    spec.server = kubeconfigServer(admin.readAll());
    spec.caPem = pki->caCertificatePem();
    spec.certificatePem = cert->certificatePem;
    spec.keyPem = cert->keyPem;
    const QByteArray text = kubeconfigText(spec);
    if (!parser.isSet(outOpt)) {
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        return 0;
    }
    if (!timoneiro::security::writePrivateFile(parser.value(outOpt), text)) {
        std::fprintf(stderr, "timoneirod kubeconfig: cannot write %s\n", qPrintable(parser.value(outOpt)));
        return 1;
    }
    return 0;
}
