#include "node_ipam_controller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace timoneiro::controllers {

namespace {
constexpr int kCidrs = 4 * 256;  // the /24s of 10.244.0.0/14
}

NodeIpamController::NodeIpamController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("node-ipam-controller"), parent), nodes_(watch("", "nodes"))
{
    // The CIDRs nodes hold, kept from events: a reconcile then costs no scan of every node.
    auto track = [this](const QJsonObject &node, bool present) {
        const QString name = nameOf(node);
        assigned_.remove(byNode_.take(name));
        const QString cidr = present ? node.value(QStringLiteral("spec")).toObject().value(QStringLiteral("podCIDR")).toString() : QString();
        if (!cidr.isEmpty()) {
            byNode_.insert(name, cidr);
            assigned_.insert(cidr);
        }
    };
    connect(&nodes_, &client::Informer::added, this, [track](const QJsonObject &n) { track(n, true); });
    connect(&nodes_, &client::Informer::updated, this, [track](const QJsonObject &, const QJsonObject &n) { track(n, true); });
    connect(&nodes_, &client::Informer::deleted, this, [track](const QJsonObject &n) { track(n, false); });
}

QString NodeIpamController::cidr(int n)
{
    // 10.244.1.0/24 .. 10.244.255.0/24, then on into 10.245-10.247 (10.244.0.0/14) for large simulated clusters.
    return QStringLiteral("10.%1.%2.0/24").arg(244 + n / 256).arg(n % 256);
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
    used.unite(assigned_);
    // 10.244.0.0/24 stays free, as the first node of kubeadm clusters gets it only when asked.
    for (int i = 1; i < kCidrs; ++i) {
        if (used.contains(cidr(i)))
            continue;
        pending_.insert(key, cidr(i));
        const QJsonObject patch{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("podCIDR"), cidr(i)},
                                                                     {QStringLiteral("podCIDRs"), QJsonArray{cidr(i)}}}}};
        client_.patch(builtinResource("", "nodes"), {}, key, client::PatchType::Merge, QJsonDocument(patch).toJson(QJsonDocument::Compact),
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
