#include "serviceaccount_controller.h"

namespace timoneiro::controllers {

ServiceAccountController::ServiceAccountController(client::Client &client, QByteArray caCertificatePem, QObject *parent)
    : Controller(client, QStringLiteral("serviceaccount-controller"), parent),
      caPem_(std::move(caCertificatePem)),
      namespaces_(watch("", "namespaces")),
      accounts_(watch("", "serviceaccounts", [](const QJsonObject &sa) { return QStringList{namespaceOf(sa)}; })),
      configMaps_(watch("", "configmaps", [](const QJsonObject &cm) { return QStringList{namespaceOf(cm)}; }))
{
}

bool ServiceAccountController::reconcile(const QString &ns)
{
    const std::optional<QJsonObject> namespaceObj = namespaces_.get(ns);
    if (!namespaceObj || isDeleting(*namespaceObj))
        return true;
    if (!accounts_.get(ns + QStringLiteral("/default")))
        client_.create(builtinResource("", "serviceaccounts"), ns,
                       {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("ServiceAccount")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("default")}}}},
                       retryOnError(ns));
    if (!caPem_.isEmpty() && !configMaps_.get(ns + QStringLiteral("/kube-root-ca.crt")))
        client_.create(builtinResource("", "configmaps"), ns,
                       {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("kube-root-ca.crt")},
                                     {QStringLiteral("annotations"),
                                      QJsonObject{{QStringLiteral("kubernetes.io/description"),
                                                   QStringLiteral("Contains a CA bundle that can be used to verify the "
                                                                  "kube-apiserver when using internal endpoints such as the "
                                                                  "internal service IP or kubernetes.default.svc. No other "
                                                                  "usage is guaranteed across distributions of Kubernetes "
                                                                  "clusters.")}}}}},
                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("ca.crt"), QString::fromLatin1(caPem_)}}}},
                       retryOnError(ns));
    return true;
}

}  // namespace timoneiro::controllers
