#pragma once
// Node IPAM: each node gets a /24 podCIDR from the cluster's pod range
// (10.244.0.0/16, extended to 10.244.0.0/14 past the 255th node so large
// simulated clusters fit), as kube-controller-manager's range allocator
// gives them; the node's pods take their IPs from it.
#include "controllers/controller.h"

#include <QSet>

namespace timoneiro::controllers {

class NodeIpamController final : public Controller {
    Q_OBJECT
public:
    explicit NodeIpamController(client::Client &client, QObject *parent = nullptr);

    // The n-th /24 of 10.244.0.0/14 ("10.244.<n>.0/24" for n < 256).
    static QString cidr(int n);

protected:
    bool reconcile(const QString &key) override;

private:
    client::Informer &nodes_;
    QHash<QString, QString> pending_;  // node -> CIDR requested but not yet seen
    QHash<QString, QString> byNode_;   // node -> the podCIDR the informer shows
    QSet<QString> assigned_;           // the values of byNode_
};

}  // namespace timoneiro::controllers
