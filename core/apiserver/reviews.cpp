// Requests answered rather than stored: SelfSubjectAccessReview and
// SubjectAccessReview (`kubectl auth can-i`), SelfSubjectRulesReview
// (`can-i --list`), SelfSubjectReview (`kubectl auth whoami`), and the
// TokenRequest subresource of ServiceAccounts (`kubectl create token`).
#include "apiserver_p.h"
#include "negotiation.h"
#include "object_meta.h"

#include "security/service_account_token.h"

#include <QJsonArray>

namespace timoneiro::apiserver {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

RequestAttributes attributesOf(const QJsonObject &spec, const api::UserInfo &user)
{
    RequestAttributes a;
    a.user = user;
    const QJsonObject res = spec.value(QStringLiteral("resourceAttributes")).toObject();
    if (!res.isEmpty()) {
        a.resourceRequest = true;
        a.verb = str(res, "verb");
        a.apiGroup = str(res, "group");
        a.resource = str(res, "resource");
        a.subresource = str(res, "subresource");
        a.namespaceName = str(res, "namespace");
        a.name = str(res, "name");
    } else {
        const QJsonObject nonRes = spec.value(QStringLiteral("nonResourceAttributes")).toObject();
        a.verb = str(nonRes, "verb");
        a.path = str(nonRes, "path");
    }
    return a;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

}  // namespace

api::ApiResponse ApiServer::Private::review(RestContext &ctx)
{
    if (ctx.request.method != "POST")
        return errorResponse(api::ApiError::methodNotAllowed(
            QStringLiteral("the server does not allow this method on the requested resource")));
    auto body = decodeObjectBody(ctx.request);
    if (!body)
        return errorResponse(body.error());
    QJsonObject obj = *body;
    const QJsonObject spec = obj.value(QStringLiteral("spec")).toObject();
    const api::UserInfo &self = ctx.request.user;
    const QString kind = ctx.resource.kind;
    QJsonObject status;

    if (kind == QLatin1String("SelfSubjectAccessReview") || kind == QLatin1String("SubjectAccessReview")) {
        api::UserInfo user = self;
        if (kind == QLatin1String("SubjectAccessReview")) {
            user.name = str(spec, "user");
            user.groups.clear();
            for (const QJsonValue &g : spec.value(QStringLiteral("groups")).toArray())
                user.groups << g.toString();
        }
        const RequestAttributes a = attributesOf(spec, user);
        if (a.verb.isEmpty())
            return errorResponse(api::ApiError::invalid(ctx.resource.group, kind, QString(),
                                                        {api::requiredCause(QStringLiteral("spec.resourceAttributes.verb"))}));
        const Decision decision = rbac.authorize(a);
        status.insert(QStringLiteral("allowed"), decision.allowed);
        if (!decision.reason.isEmpty())
            status.insert(QStringLiteral("reason"), decision.reason);
    } else if (kind == QLatin1String("SelfSubjectRulesReview")) {
        QJsonArray resourceRules, nonResourceRules;
        for (const QJsonObject &rule : rbac.rulesFor(self, str(spec, "namespace"))) {
            if (rule.contains(QStringLiteral("nonResourceURLs")))
                nonResourceRules.append(QJsonObject{{QStringLiteral("verbs"), rule.value(QStringLiteral("verbs"))},
                                                    {QStringLiteral("nonResourceURLs"),
                                                     rule.value(QStringLiteral("nonResourceURLs"))}});
            else
                resourceRules.append(rule);
        }
        status = {{QStringLiteral("resourceRules"), resourceRules},
                  {QStringLiteral("nonResourceRules"), nonResourceRules},
                  {QStringLiteral("incomplete"), false}};
    } else if (kind == QLatin1String("SelfSubjectReview")) {
        status = {{QStringLiteral("userInfo"),
                   QJsonObject{{QStringLiteral("username"), self.name}, {QStringLiteral("groups"), strings(self.groups)}}}};
    } else {
        return errorResponse(api::ApiError::pathNotFound());
    }
    QJsonObject meta = metadataOf(obj);
    meta.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    obj.insert(QStringLiteral("metadata"), meta);
    obj.insert(QStringLiteral("status"), status);
    obj.insert(QStringLiteral("apiVersion"), ctx.resource.apiVersion());
    obj.insert(QStringLiteral("kind"), kind);
    return jsonResponse(201, obj);
}

api::ApiResponse ApiServer::Private::tokenRequest(RestContext &ctx)
{
    if (ctx.request.method != "POST")
        return errorResponse(api::ApiError::methodNotAllowed(
            QStringLiteral("the server does not allow this method on the requested resource")));
    if (!tokenSigner)
        return errorResponse(api::ApiError::internal(QStringLiteral("no service-account signing key configured")));
    auto sa = getObject(ctx.resource, ctx.path.namespaceName, ctx.path.name);
    if (!sa)
        return errorResponse(sa.error());
    auto body = decodeObjectBody(ctx.request);
    if (!body)
        return errorResponse(body.error());
    QJsonObject request = *body;
    const QJsonObject spec = request.value(QStringLiteral("spec")).toObject();
    // Kubernetes' default and floor: an hour, never under ten minutes.
    const qint64 seconds = qint64(spec.value(QStringLiteral("expirationSeconds")).toDouble(3600));
    if (seconds < 600)
        return errorResponse(api::ApiError::invalid(
            QStringLiteral("authentication.k8s.io"), QStringLiteral("TokenRequest"), ctx.path.name,
            {api::invalidCause(QStringLiteral("spec.expirationSeconds"), QString::number(seconds),
                               QStringLiteral("may not specify a duration less than 10 minutes"))}));
    security::TokenClaims claims;
    claims.subject = QStringLiteral("system:serviceaccount:%1:%2").arg(ctx.path.namespaceName, ctx.path.name);
    claims.namespaceName = ctx.path.namespaceName;
    claims.serviceAccountName = ctx.path.name;
    claims.serviceAccountUid = metadataOf(*sa).value(QStringLiteral("uid")).toString();
    const QJsonObject bound = spec.value(QStringLiteral("boundObjectRef")).toObject();
    if (str(bound, "kind") == QLatin1String("Pod")) {
        claims.podName = str(bound, "name");
        claims.podUid = str(bound, "uid");
    }
    claims.issuedAt = QDateTime::currentDateTimeUtc();
    claims.expires = claims.issuedAt.addSecs(seconds);
    QJsonObject outSpec = spec;
    outSpec.insert(QStringLiteral("expirationSeconds"), seconds);
    if (!outSpec.contains(QStringLiteral("audiences")))
        outSpec.insert(QStringLiteral("audiences"), QJsonArray{claims.audience});
    request.insert(QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1"));
    request.insert(QStringLiteral("kind"), QStringLiteral("TokenRequest"));
    QJsonObject meta = metadataOf(request);
    meta.insert(QStringLiteral("name"), ctx.path.name);
    meta.insert(QStringLiteral("namespace"), ctx.path.namespaceName);
    meta.insert(QStringLiteral("creationTimestamp"), rfc3339(claims.issuedAt));
    request.insert(QStringLiteral("metadata"), meta);
    request.insert(QStringLiteral("spec"), outSpec);
    request.insert(QStringLiteral("status"),
                   QJsonObject{{QStringLiteral("token"), QString::fromLatin1(tokenSigner->sign(claims))},
                               {QStringLiteral("expirationTimestamp"), rfc3339(claims.expires)}});
    return jsonResponse(201, request);
}

}  // namespace timoneiro::apiserver
