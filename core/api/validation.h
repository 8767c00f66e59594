#pragma once
// Validation like Kubernetes' ValidateX for the built-in kinds. Returns the
// causes (field path, reason, message in Kubernetes' words); empty = valid.
#include "status.h"

#include <QJsonObject>
#include <QList>

namespace timoneiro::api {

struct ResourceInfo;

// Validates a defaulted object. old is the stored object on update (null on
// create): immutable fields (e.g. a Service's clusterIP, a Deployment's
// selector, a Pod's spec beyond image and a few others) are checked against it.
QList<StatusCause> validateObject(const ResourceInfo &resource, const QJsonObject &obj,
                                  const QJsonObject *old = nullptr);

// Name rules; each returns the error messages Kubernetes gives (empty = ok).
QStringList validateDnsLabel(const QString &value);       // RFC 1123 label, 63 chars
QStringList validateDnsSubdomain(const QString &value);   // RFC 1123 subdomain, 253 chars
QStringList validateLabelKey(const QString &key);         // qualified name
QStringList validateLabelValue(const QString &value);
// The metadata.name rule of a resource: DNS label for namespaces, services;
// DNS subdomain for most; path segment for a few (events).
QStringList validateName(const ResourceInfo &resource, const QString &name);

}  // namespace timoneiro::api
