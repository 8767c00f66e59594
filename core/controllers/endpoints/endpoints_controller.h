#pragma once
// Endpoints and EndpointSlices follow pods: for each Service with a
// selector, the IPs of the pods it selects -- ready ones in addresses,
// the others in notReadyAddresses -- with the Service's target ports
// resolved against each pod's named container ports.
#include "controllers/controller.h"

#include <QJsonArray>
#include <QSet>

namespace timoneiro::controllers {

struct EndpointsView {
    QJsonArray subsets;     // core/v1 Endpoints.subsets
    QJsonArray endpoints;   // discovery/v1 EndpointSlice.endpoints
    QJsonArray slicePorts;  // discovery/v1 EndpointSlice.ports
};

// Pure: what the Endpoints of svc are, given the pods of its namespace.
EndpointsView computeEndpoints(const QJsonObject &svc, const QList<QJsonObject> &pods);

class EndpointsController final : public Controller {
    Q_OBJECT
public:
    explicit EndpointsController(client::Client &client, QObject *parent = nullptr);

protected:
    bool reconcile(const QString &key) override;

private:
    QStringList servicesSelecting(const QJsonObject &pod) const;
    void syncSlice(const QString &key, const QJsonObject &svc, const EndpointsView &view);

    client::Informer &services_;
    client::Informer &pods_;
    client::Informer &endpoints_;
    client::Informer &slices_;
    QSet<QString> creating_;
};

}  // namespace timoneiro::controllers
