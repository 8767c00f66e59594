#include "serviceaccount_admission.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace timoneiro::apiserver {

namespace {

const QString kMountPath = QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount");

// Kubernetes' utilrand alphabet: no vowels (no words), no look-alikes.
QString randomSuffix()
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < 5; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet) - 1)]);
    return s;
}

QJsonObject projectedVolume(const QString &name)
{
    const QJsonArray sources{
        QJsonObject{{QStringLiteral("serviceAccountToken"),
                     QJsonObject{{QStringLiteral("expirationSeconds"), 3607}, {QStringLiteral("path"), QStringLiteral("token")}}}},
        QJsonObject{{QStringLiteral("configMap"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("kube-root-ca.crt")},
                                 {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("ca.crt")},
                                                                                  {QStringLiteral("path"), QStringLiteral("ca.crt")}}}}}}},
        QJsonObject{{QStringLiteral("downwardAPI"),
                     QJsonObject{{QStringLiteral("items"),
                                  QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("namespace")},
                                                         {QStringLiteral("fieldRef"),
                                                          QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                                      {QStringLiteral("fieldPath"),
                                                                       QStringLiteral("metadata.namespace")}}}}}}}}}};
    return {{QStringLiteral("name"), name},
            {QStringLiteral("projected"), QJsonObject{{QStringLiteral("defaultMode"), 420}, {QStringLiteral("sources"), sources}}}};
}

void mountInto(QJsonObject &spec, const char *list, const QString &volume)
{
    QJsonArray containers = spec.value(QLatin1String(list)).toArray();
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject c = containers[i].toObject();
        QJsonArray mounts = c.value(QStringLiteral("volumeMounts")).toArray();
        bool present = false;
        for (const QJsonValue &m : mounts)
            present = present || m.toObject().value(QStringLiteral("mountPath")).toString() == kMountPath;
        if (present)
            continue;
        mounts.append(QJsonObject{{QStringLiteral("name"), volume},
                                  {QStringLiteral("readOnly"), true},
                                  {QStringLiteral("mountPath"), kMountPath}});
        c.insert(QStringLiteral("volumeMounts"), mounts);
        containers[i] = c;
    }
    if (!containers.isEmpty())
        spec.insert(QLatin1String(list), containers);
}

}  // namespace

void admitPodServiceAccount(QJsonObject &pod, bool automountDefault)
{
    QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    QString account = spec.value(QStringLiteral("serviceAccountName")).toString();
    if (account.isEmpty())
        account = spec.value(QStringLiteral("serviceAccount")).toString();
    if (account.isEmpty())
        account = QStringLiteral("default");
    spec.insert(QStringLiteral("serviceAccountName"), account);
    spec.insert(QStringLiteral("serviceAccount"), account);

    const QJsonValue podSays = spec.value(QStringLiteral("automountServiceAccountToken"));
    const bool automount = podSays.isBool() ? podSays.toBool() : automountDefault;
    if (automount) {
        QJsonArray volumes = spec.value(QStringLiteral("volumes")).toArray();
        bool mounted = false;
        for (const char *list : {"containers", "initContainers"})
            for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray())
                for (const QJsonValue &m : c.toObject().value(QStringLiteral("volumeMounts")).toArray())
                    mounted = mounted || m.toObject().value(QStringLiteral("mountPath")).toString() == kMountPath;
        if (!mounted) {
            const QString name = QStringLiteral("kube-api-access-") + randomSuffix();
            volumes.append(projectedVolume(name));
            spec.insert(QStringLiteral("volumes"), volumes);
            mountInto(spec, "containers", name);
            mountInto(spec, "initContainers", name);
        }
    }
    pod.insert(QStringLiteral("spec"), spec);
}

}  // namespace timoneiro::apiserver
