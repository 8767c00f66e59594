#include "volume_token.h"

#include "client/client.h"

#include <QJsonArray>
#include <QPointer>

namespace timoneiro::kubelet {

VolumeTokens::VolumeTokens(client::Client &client, QObject *parent) : QObject(parent), client_(client)
{
}

void VolumeTokens::forget(const QString &podUid)
{
    const QString prefix = podUid + QLatin1Char('/');
    for (auto it = tokens_.begin(); it != tokens_.end();)
        it = it.key().startsWith(prefix) ? tokens_.erase(it) : std::next(it);
}

void VolumeTokens::tokensFor(const QJsonObject &pod, std::function<void(QHash<QString, QString>, QStringList)> done)
{
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    const QString ns = meta.value(QStringLiteral("namespace")).toString();
    const QString uid = meta.value(QStringLiteral("uid")).toString();
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    const QString account = spec.value(QStringLiteral("serviceAccountName")).toString(QStringLiteral("default"));
    struct Pending {
        QHash<QString, QString> tokens;
        QStringList errors;
        int remaining = 1;  // released after the loop, so done runs once
        std::function<void(QHash<QString, QString>, QStringList)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    auto release = [pending] {
        if (--pending->remaining == 0)
            pending->done(pending->tokens, pending->errors);
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QPointer<VolumeTokens> self(this);
    for (const QJsonValue &v : spec.value(QStringLiteral("volumes")).toArray()) {
        const QJsonObject vol = v.toObject();
        const QString volume = vol.value(QStringLiteral("name")).toString();
        for (const QJsonValue &s : vol.value(QStringLiteral("projected")).toObject().value(QStringLiteral("sources")).toArray()) {
            const QJsonObject source = s.toObject().value(QStringLiteral("serviceAccountToken")).toObject();
            if (s.toObject().value(QStringLiteral("serviceAccountToken")).isUndefined())
                continue;
            const QString key = uid + QLatin1Char('/') + volume;
            const auto cached = tokens_.constFind(key);
            if (cached != tokens_.cend() && cached->refreshAt > now) {
                pending->tokens.insert(volume, cached->value);
                continue;
            }
            const qint64 seconds = qint64(source.value(QStringLiteral("expirationSeconds")).toDouble(3607));
            QJsonObject requestSpec{{QStringLiteral("expirationSeconds"), seconds},
                                    {QStringLiteral("boundObjectRef"), QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                                                   {QStringLiteral("kind"), QStringLiteral("Pod")},
                                                                                   {QStringLiteral("name"), meta.value(QStringLiteral("name"))},
                                                                                   {QStringLiteral("uid"), uid}}}};
            const QString audience = source.value(QStringLiteral("audience")).toString();
            if (!audience.isEmpty())
                requestSpec.insert(QStringLiteral("audiences"), QJsonArray{audience});
            const QJsonObject request{{QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
                                      {QStringLiteral("kind"), QStringLiteral("TokenRequest")},
                                      {QStringLiteral("spec"), requestSpec}};
            ++pending->remaining;
            client_.post(QStringLiteral("/api/v1/namespaces/%1/serviceaccounts/%2/token").arg(ns, account), request,
                         [self, pending, release, key, volume, seconds, account](const api::Result<QJsonObject> &r) {
                             const QString token = r ? r->value(QStringLiteral("status")).toObject().value(QStringLiteral("token")).toString() : QString();
                             if (token.isEmpty())
                                 pending->errors << QStringLiteral("failed to fetch token: serviceaccounts \"%1\" token: %2")
                                                        .arg(account, r ? QStringLiteral("empty token") : r.error().message);
                             else {
                                 pending->tokens.insert(volume, token);
                                 if (self)
                                     self->tokens_.insert(key, {token, QDateTime::currentDateTimeUtc().addSecs(seconds * 8 / 10)});
                             }
                             release();
                         });
        }
    }
    release();
}

}  // namespace timoneiro::kubelet
