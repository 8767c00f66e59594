#pragma once
// What a request asks to do, in the terms authorization speaks: user, verb,
// API group, resource/subresource, namespace, name -- or a non-resource path.
#include "request_path.h"

#include "api/request.h"

namespace timoneiro::apiserver {

struct RequestAttributes {
    api::UserInfo user;
    QString verb;             // get list watch create update patch delete deletecollection
    bool resourceRequest = false;
    QString apiGroup;
    QString resource;
    QString subresource;
    QString namespaceName;
    QString name;
    QString path;             // for non-resource requests
};

RequestAttributes requestAttributes(const api::ApiRequest &request, const RequestPath &path);

// "pods is forbidden: User \"jane\" cannot create resource \"pods\" in API
// group \"\" in the namespace \"default\"" -- Kubernetes' wording.
QString forbiddenMessage(const RequestAttributes &a, const QString &reason = {});

}  // namespace timoneiro::apiserver
