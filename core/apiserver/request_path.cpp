#include "request_path.h"

#include <QStringList>

namespace timoneiro::apiserver {

RequestPath parseRequestPath(const QString &path)
{
    RequestPath p;
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    int i = 0;
    if (parts.size() >= 3 && parts[0] == QLatin1String("api")) {
        p.version = parts[1];
        i = 2;
    } else if (parts.size() >= 4 && parts[0] == QLatin1String("apis")) {
        p.group = parts[1];
        p.version = parts[2];
        i = 3;
    } else {
        return p;
    }
    if (parts[i] == QLatin1String("watch")) {
        p.legacyWatch = true;
        ++i;
    }
    QStringList rest = parts.mid(i);
    // namespaces/<ns>/<resource>[/<name>[/<sub>]] names a namespaced resource;
    // namespaces[/<name>[/<sub>]] names the Namespace object itself.
    // Except namespaces/<name>/status and /finalize: subresources of the Namespace (as Kubernetes reads them).
    const bool namespaceSubresource = rest.size() == 3 && rest[0] == QLatin1String("namespaces")
        && (rest[2] == QLatin1String("status") || rest[2] == QLatin1String("finalize"));
    if (rest.size() >= 3 && rest[0] == QLatin1String("namespaces") && !namespaceSubresource) {
        p.namespaceName = rest[1];
        rest = rest.mid(2);
    }
    if (rest.isEmpty() || rest.size() > 3)
        return p;
    p.resource = rest[0];
    if (rest.size() >= 2)
        p.name = rest[1];
    if (rest.size() == 3)
        p.subresource = rest[2];
    p.isResource = true;
    return p;
}

}  // namespace timoneiro::apiserver
