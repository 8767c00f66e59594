#include "node_ipam_controller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace timoneiro::controllers {

NodeIpamController::NodeIpamController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("node-ipam-controller"), parent), nodes_(watch("", "nodes"))
{
}

QString NodeIpamController::cidr(int n)
{
    return QStringLiteral("10.244.%1.0/24").arg(n);
}

bool NodeIpamController::reconcile(const QString &key)
{
    const std::optional<QJsonObject> node = nodes_.get(key);
    if (!node) {
        pending_.remove(key);
        return true;
    }
    const QString current = node->value(QStringLiteral("spec")).toObject().value(QStringLiteral("podCIDR")).toString();
    if (!current.isEmpty()) {
        pending_.remove(key);
        return true;
    }
    if (pending_.contains(key))
        return true;
    QSet<QString> used(pending_.begin(), pending_.end());
    for (const QJsonObject &n : nodes_.list())
        used.insert(n.value(QStringLiteral("spec")).toObject().value(QStringLiteral("podCIDR")).toString());
    // 10.244.0.0/24 stays free, as the first node of kubeadm clusters gets it only when asked.
    for (int i = 1; i < 256; ++i) {
        if (used.contains(cidr(i)))
            continue;
        pending_.insert(key, cidr(i));
        const QJsonObject patch{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("podCIDR"), cidr(i)},
                                                                     {QStringLiteral("podCIDRs"), QJsonArray{cidr(i)}}}}};
        client_.patch(resource("", "nodes"), {}, key, client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                      [this, key](const api::Result<QJsonObject> &r) {
                          if (!r) {
                              pending_.remove(key);
                              queue_.addRateLimited(key);
                          }
                      });
        events_.record(*node, QStringLiteral("Normal"), QStringLiteral("CIDRAssignmentSucceeded"),
                       QStringLiteral("Node %1 gets podCIDR %2").arg(key, cidr(i)));
        return true;
    }
    events_.record(*node, QStringLiteral("Warning"), QStringLiteral("CIDRNotAvailable"),
                   QStringLiteral("Node %1 status is now: CIDRNotAvailable").arg(key));
    return false;
}

}  // namespace timoneiro::controllers
