#pragma once
// Kubernetes' ServiceAccount admission for new pods: the `default`
// ServiceAccount when none is named, and the projected kube-api-access-*
// volume (token, cluster CA, namespace) mounted in every container at
// /var/run/secrets/kubernetes.io/serviceaccount, unless automounting is off.
#include <QJsonObject>

namespace timoneiro::apiserver {

// automountDefault: the ServiceAccount's automountServiceAccountToken
// (true when it does not say).
void admitPodServiceAccount(QJsonObject &pod, bool automountDefault = true);

}  // namespace timoneiro::apiserver
