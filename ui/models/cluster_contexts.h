#pragma once
// The clusters the app can open: every context of the kubeconfig files
// kubectl would read ($KUBECONFIG or ~/.kube/config, merged), plus the
// local cluster Timoneiro starts itself; and what a connection error means
// in plain words (unreachable, expired credentials, forbidden).
#include "api/result.h"
#include "client/http_transport.h"

#include <QStringList>

namespace timoneiro::ui {

struct ClusterChoice {
    QString context;          // kubeconfig context ("" with local)
    QStringList kubeconfigs;  // files the context comes from
    bool local = false;       // the local cluster (started on demand)
    QString server;           // the cluster's URL, for tooltips
};

// The contexts of kubeconfigs (merged, the first file naming one wins), sorted,
// the current context first. error: why the files could not be read.
QList<ClusterChoice> kubeconfigClusters(const QStringList &kubeconfigs, QString *error = nullptr);
// What the transport of choice needs (TLS, token, client certificate).
api::Result<client::ServerConfig> serverConfigOf(const ClusterChoice &choice);
// A connection error for the window: what happened and what to do.
QString describeConnectionError(const QString &cluster, const api::ApiError &error);

}  // namespace timoneiro::ui
