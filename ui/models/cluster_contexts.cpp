#include "cluster_contexts.h"

#include "client/kubeconfig.h"

#include <QCoreApplication>

namespace timoneiro::ui {

// The translation context of this file's messages.
class ClusterContexts {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::ClusterContexts)
};

QList<ClusterChoice> kubeconfigClusters(const QStringList &kubeconfigs, QString *error)
{
    QList<ClusterChoice> out;
    auto config = client::Kubeconfig::load(kubeconfigs);
    if (!config) {
        if (error)
            *error = config.error().message;
        return out;
    }
    for (auto it = config->contexts.begin(); it != config->contexts.end(); ++it) {
        ClusterChoice c{it.key(), kubeconfigs, false, config->clusters.value(it.value().cluster).server};
        if (it.key() == config->currentContext)
            out.prepend(c);
        else
            out.append(c);
    }
    return out;
}

api::Result<client::ServerConfig> serverConfigOf(const ClusterChoice &choice)
{
    auto config = client::Kubeconfig::load(choice.kubeconfigs);
    if (!config)
        return config.error();
    return config->serverConfig(choice.context);
}

QString describeConnectionError(const QString &cluster, const api::ApiError &e)
{
    if (e.code == 401)
        return ClusterContexts::tr("%1 refused your credentials (401 Unauthorized): the token or client certificate of "
                                   "this context has expired or is not valid for this cluster. Get new credentials "
                                   "(or a new kubeconfig) and choose the context again.")
            .arg(cluster);
    if (e.code == 403)
        return ClusterContexts::tr("%1: you are not allowed to do that (403 Forbidden): %2").arg(cluster, e.message);
    if (e.code == 503 && e.reason == QLatin1String("ServiceUnavailable"))
        return ClusterContexts::tr("Cannot reach %1: %2. Is the cluster running, and is its address in the kubeconfig "
                                   "right? Retrying…")
            .arg(cluster, e.message);
    return ClusterContexts::tr("%1 answered with an error (%2 %3): %4").arg(cluster).arg(e.code).arg(e.reason, e.message);
}

}  // namespace timoneiro::ui
