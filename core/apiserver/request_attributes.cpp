#include "request_attributes.h"

namespace timoneiro::apiserver {

RequestAttributes requestAttributes(const api::ApiRequest &request, const RequestPath &path)
{
    RequestAttributes a;
    a.user = request.user;
    a.path = request.path;
    const QByteArray &m = request.method;
    if (!path.isResource) {
        a.verb = m == "GET" || m == "HEAD" ? QStringLiteral("get")
                 : m == "POST"              ? QStringLiteral("post")
                 : m == "PUT"               ? QStringLiteral("put")
                 : m == "PATCH"             ? QStringLiteral("patch")
                 : m == "DELETE"            ? QStringLiteral("delete")
                                            : QString::fromLatin1(m).toLower();
        return a;
    }
    a.resourceRequest = true;
    a.apiGroup = path.group;
    a.resource = path.resource;
    a.subresource = path.subresource;
    a.namespaceName = path.namespaceName;
    a.name = path.name;
    // The Namespace object itself is cluster-scoped but authorized in its own namespace.
    if (path.group.isEmpty() && path.resource == QLatin1String("namespaces") && path.namespaceName.isEmpty())
        a.namespaceName = path.name;
    const QString watch = request.queryValue(QStringLiteral("watch"));
    const bool watching = path.legacyWatch || watch == QLatin1String("true") || watch == QLatin1String("1");
    // A WebSocket upgrade to a pod's exec, attach or portforward is a GET that
    // starts a process or a tunnel: authorized as create, as the POST it
    // replaces (Kubernetes 1.32, AuthorizePodWebsocketUpgradeCreatePermission).
    const bool streaming = path.group.isEmpty() && path.resource == QLatin1String("pods")
                           && (path.subresource == QLatin1String("exec") || path.subresource == QLatin1String("attach")
                               || path.subresource == QLatin1String("portforward"));
    if (m == "GET" && streaming && request.header("upgrade").toLower() == "websocket")
        a.verb = QStringLiteral("create");
    else if (m == "GET" || m == "HEAD")
        a.verb = watching ? QStringLiteral("watch") : path.name.isEmpty() ? QStringLiteral("list") : QStringLiteral("get");
    else if (m == "POST")
        a.verb = QStringLiteral("create");
    else if (m == "PUT")
        a.verb = QStringLiteral("update");
    else if (m == "PATCH")
        a.verb = QStringLiteral("patch");
    else if (m == "DELETE")
        a.verb = path.name.isEmpty() ? QStringLiteral("deletecollection") : QStringLiteral("delete");
    else
        a.verb = QString::fromLatin1(m).toLower();
    return a;
}

QString forbiddenMessage(const RequestAttributes &a, const QString &reason)
{
    const QString who = QStringLiteral("User \"%1\"").arg(a.user.name);
    QString text;
    if (!a.resourceRequest) {
        text = QStringLiteral("forbidden: %1 cannot %2 path \"%3\"").arg(who, a.verb, a.path);
    } else {
        const QString resource = a.subresource.isEmpty() ? a.resource : a.resource + QLatin1Char('/') + a.subresource;
        const QString qualified = a.apiGroup.isEmpty() ? a.resource : a.resource + QLatin1Char('.') + a.apiGroup;
        const QString subject = a.name.isEmpty() ? qualified : QStringLiteral("%1 \"%2\"").arg(qualified, a.name);
        const QString scope = a.namespaceName.isEmpty() ? QStringLiteral("at the cluster scope")
                                                        : QStringLiteral("in the namespace \"%1\"").arg(a.namespaceName);
        text = QStringLiteral("%1 is forbidden: %2 cannot %3 resource \"%4\" in API group \"%5\" %6")
                   .arg(subject, who, a.verb, resource, a.apiGroup, scope);
    }
    if (!reason.isEmpty())
        text += QStringLiteral(": ") + reason;
    return text;
}

}  // namespace timoneiro::apiserver
