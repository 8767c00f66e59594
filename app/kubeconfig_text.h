#pragma once
// The kubeconfig timoneirod hands out: the cluster's CA, the server URL and
// a client certificate, all inline, so the file works as is and can be
// copied to another user's machine.
#include <QByteArray>
#include <QString>

struct KubeconfigSpec {
    QString context;        // timoneiro-<name>, also the cluster's name
    QString userName;       // the kubeconfig's user entry
    QString server;         // https://127.0.0.1:6443
    QByteArray caPem;
    QByteArray certificatePem;
    QByteArray keyPem;
    QString namespaceName = QStringLiteral("default");
};

QByteArray kubeconfigText(const KubeconfigSpec &spec);
// The server: line of a kubeconfig (the admin kubeconfig a running cluster wrote).
QString kubeconfigServer(const QByteArray &text);
