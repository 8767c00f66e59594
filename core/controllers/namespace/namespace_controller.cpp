#include "namespace_controller.h"

#include <QJsonArray>

#include <memory>

namespace timoneiro::controllers {

NamespaceController::NamespaceController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("namespace-controller"), parent), namespaces_(watch("", "namespaces"))
{
}

bool NamespaceController::reconcile(const QString &ns)
{
    const std::optional<QJsonObject> obj = namespaces_.get(ns);
    if (!obj || !isDeleting(*obj) || sweeping_.contains(ns))
        return true;
    // One sweep at a time: list every namespaced kind, delete what is there,
    // and finalize when a sweep finds nothing left.
    struct Sweep {
        int pending = 0;
        int remaining = 0;
        bool failed = false;
    };
    auto sweep = std::make_shared<Sweep>();
    sweeping_.insert(ns);
    const QJsonObject nsObj = *obj;
    auto finished = [this, ns, sweep, nsObj] {
        if (--sweep->pending > 0)
            return;
        sweeping_.remove(ns);
        if (sweep->failed || sweep->remaining > 0)
            queue_.addAfter(ns, 1000);  // pods terminate gracefully; look again soon
        else
            finalize(nsObj);
    };
    for (const api::ResourceInfo &r : api::ResourceRegistry::builtin().all()) {
        if (!r.namespaced || !r.verbs.contains(QStringLiteral("list")) || !r.verbs.contains(QStringLiteral("delete")))
            continue;
        // Events go last, with the namespace, as in Kubernetes; they never hold it up.
        if (r.group.isEmpty() && r.plural == QLatin1String("events"))
            continue;
        ++sweep->pending;
        client_.list(r, ns, {}, [this, r, ns, sweep, finished](const api::Result<QJsonObject> &list) {
            if (!list) {
                sweep->failed = true;
                finished();
                return;
            }
            for (const QJsonValue &item : list->value(QStringLiteral("items")).toArray()) {
                ++sweep->remaining;
                if (!isDeleting(item.toObject()))
                    client_.remove(r, ns, nameOf(item.toObject()), [](const api::Result<QJsonObject> &) {},
                                   QJsonObject{{QStringLiteral("propagationPolicy"), QStringLiteral("Background")}});
            }
            finished();
        });
    }
    return true;
}

void NamespaceController::finalize(const QJsonObject &ns)
{
    QJsonObject body = ns;
    QJsonObject spec = body.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("finalizers"), QJsonArray());
    body.insert(QStringLiteral("spec"), spec);
    const QString path = client::Client::path(builtinResource("", "namespaces"), {}, nameOf(ns), QStringLiteral("finalize"));
    client_.put(path, body, retryOnError(nameOf(ns)));
}

}  // namespace timoneiro::controllers
