#pragma once
// kubeconfig files as kubectl reads them: clusters, users and contexts,
// several files merged as $KUBECONFIG merges them (the first file that
// names an entry wins), and a context resolved into what a transport needs.
#include "http_transport.h"

#include "api/result.h"

#include <QMap>
#include <QStringList>

namespace timoneiro::client {

struct KubeconfigCluster {
    QString server;
    QByteArray certificateAuthorityData;  // PEM (from -data or the file)
    bool insecureSkipTlsVerify = false;
};

struct KubeconfigUser {
    QByteArray clientCertificateData;  // PEM
    QByteArray clientKeyData;          // PEM
    QByteArray token;
};

struct KubeconfigContext {
    QString cluster;
    QString user;
    QString namespaceName;
};

struct Kubeconfig {
    QMap<QString, KubeconfigCluster> clusters;
    QMap<QString, KubeconfigUser> users;
    QMap<QString, KubeconfigContext> contexts;
    QString currentContext;

    // Reads and merges files in order. Missing files are skipped; a file that
    // does not parse is an error naming it.
    static api::Result<Kubeconfig> load(const QStringList &paths);
    // The files kubectl would read: $KUBECONFIG (colon-separated) or ~/.kube/config.
    static QStringList defaultPaths();

    // What a transport needs to reach the context's cluster as its user.
    api::Result<ServerConfig> serverConfig(const QString &context = {}) const;
    QString namespaceOf(const QString &context = {}) const;
};

// Adds (or replaces) a cluster, user and context named name in the file at
// path, keeping every other entry, and makes it current -- what kind and
// minikube do to ~/.kube/config.
api::Result<bool> mergeContextIntoFile(const QString &path, const QString &name, const KubeconfigCluster &cluster,
                                       const KubeconfigUser &user, const QString &namespaceName = QStringLiteral("default"));

}  // namespace timoneiro::client
