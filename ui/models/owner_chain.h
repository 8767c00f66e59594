#pragma once
// Who owns an object, up to the top: Pod -> ReplicaSet -> Deployment,
// followed through each controller ownerReference with a GET. Results
// come back as a signal; a newer resolve() drops older answers.
#include "client/client.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

namespace timoneiro::ui {

struct OwnerLink {
    QString apiVersion;
    QString kind;
    QString namespaceName;
    QString name;
    QString problem;  // why the chain stops here (owner not found, not allowed), "" when it does not

    // timoneiro:select?... -- the link the details panel shows for this object.
    QUrl url() const;
    static std::optional<OwnerLink> fromUrl(const QUrl &url);
    static OwnerLink of(const QJsonObject &obj);
};

class OwnerChain : public QObject {
    Q_OBJECT
public:
    explicit OwnerChain(client::Client &client, QObject *parent = nullptr);

    // Starts resolving obj's owners; emits resolved() once (maybe at once).
    void resolve(const QJsonObject &obj);
    // The last chain resolved: the topmost owner first, obj itself last.
    const QList<OwnerLink> &chain() const { return chain_; }

signals:
    void resolved(const QList<timoneiro::ui::OwnerLink> &chain);

private:
    void step(const QJsonObject &obj, int depth, quint64 generation);

    client::Client &client_;
    QList<OwnerLink> chain_;
    QList<OwnerLink> building_;
    quint64 generation_ = 0;
};

}  // namespace timoneiro::ui
