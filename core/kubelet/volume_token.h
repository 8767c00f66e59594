#pragma once
// The kubelet's service-account token manager: the token of each projected
// serviceAccountToken source, obtained through the TokenRequest API
// (serviceaccounts/<name>/token, bound to the pod) as the node, and asked
// again once 80% of its lifetime has passed, as the kubelet rotates it.
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace timoneiro::client {
class Client;
}

namespace timoneiro::kubelet {

class VolumeTokens : public QObject {
    Q_OBJECT
public:
    explicit VolumeTokens(client::Client &client, QObject *parent = nullptr);

    // The pod's tokens by volume name (for VolumeContext::tokens); done runs
    // on this object's thread once every token is known or failed (a failed
    // one is absent, with its error in errors).
    void tokensFor(const QJsonObject &pod, std::function<void(QHash<QString, QString> tokens, QStringList errors)> done);
    // The pod is gone: its tokens are forgotten.
    void forget(const QString &podUid);

private:
    struct Token {
        QString value;
        QDateTime refreshAt;
    };
    client::Client &client_;
    QHash<QString, Token> tokens_;  // by "<pod uid>/<volume>"
};

}  // namespace timoneiro::kubelet
