#pragma once
// Namespace deletion: a Terminating namespace has everything in it
// deleted; once it is empty the controller finalizes it (removes the
// `kubernetes` finalizer) and the API server lets it go.
#include "controllers/controller.h"

#include <QSet>

namespace timoneiro::controllers {

class NamespaceController final : public Controller {
    Q_OBJECT
public:
    explicit NamespaceController(client::Client &client, QObject *parent = nullptr);

protected:
    bool reconcile(const QString &ns) override;

private:
    void finalize(const QJsonObject &ns);

    client::Informer &namespaces_;
    QSet<QString> sweeping_;
};

}  // namespace timoneiro::controllers
