#include "node_drain.h"

#include "object_actions.h"

#include "api/object.h"

#include <QPointer>

namespace timoneiro::ui {

NodeDrain::NodeDrain(client::Client &client, const QString &node, QObject *parent)
    : QObject(parent), client_(client), node_(node)
{
}

QString NodeDrain::skipReason(const QJsonObject &pod)
{
    if (api::metaOf(pod).value(QStringLiteral("annotations")).toObject().contains(QStringLiteral("kubernetes.io/config.mirror")))
        return tr("mirror pod, managed by the kubelet");
    if (api::controllerRefOf(pod).value(QStringLiteral("kind")).toString() == QLatin1String("DaemonSet"))
        return tr("DaemonSet pod, its controller ignores cordons");
    // kubectl drain refuses these without --force: nothing would recreate them.
    if (api::controllerRefOf(pod).isEmpty() && !api::isDeleting(pod))
        return tr("not managed by a controller: evicting it would remove it for good (kubectl drain needs --force)");
    return {};
}

void NodeDrain::start()
{
    emit progress(tr("Cordoning %1…").arg(node_));
    QPointer<NodeDrain> self(this);
    setUnschedulable(client_, node_, true, [self](const api::Result<QJsonObject> &r) {
        if (!self)
            return;
        if (!r) {
            self->report_.error = r.error();
            self->finish();
            return;
        }
        self->listPods();
    });
}

void NodeDrain::listPods()
{
    client::ListOptions options;
    options.fieldSelector = QStringLiteral("spec.nodeName=") + node_;
    QPointer<NodeDrain> self(this);
    client_.list(api::builtinResource(QString(), QStringLiteral("pods")), QString(), options,
                 [self](const api::Result<QJsonObject> &r) {
                     if (!self)
                         return;
                     if (!r) {
                         self->report_.error = r.error();
                         self->finish();
                         return;
                     }
                     for (const QJsonValue &v : r->value(QStringLiteral("items")).toArray()) {
                         const QJsonObject pod = v.toObject();
                         const QString why = skipReason(pod);
                         const QString key = api::namespaceOf(pod) + QLatin1Char('/') + api::nameOf(pod);
                         if (!why.isEmpty())
                             self->report_.skipped << QStringLiteral("%1 (%2)").arg(key, why);
                         else if (!api::isDeleting(pod))
                             self->pending_.append(pod);
                     }
                     self->evictNext();
                 });
}

void NodeDrain::evictNext()
{
    if (pending_.isEmpty()) {
        finish();
        return;
    }
    const QJsonObject pod = pending_.takeFirst();
    const QString ns = api::namespaceOf(pod);
    const QString name = api::nameOf(pod);
    const QString key = ns + QLatin1Char('/') + name;
    emit progress(tr("Evicting %1…").arg(key));
    const QJsonObject eviction{{QStringLiteral("apiVersion"), QStringLiteral("policy/v1")},
                               {QStringLiteral("kind"), QStringLiteral("Eviction")},
                               {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}}};
    const api::ResourceInfo &pods = api::builtinResource(QString(), QStringLiteral("pods"));
    QPointer<NodeDrain> self(this);
    client_.post(client::Client::path(pods, ns, name, QStringLiteral("eviction")), eviction,
                 [self, ns, name, key](const api::Result<QJsonObject> &r) {
                     if (!self)
                         return;
                     if (r || (r.error().code == 404 && r.error().name == name)) {
                         self->report_.evicted << key;  // evicted, or already gone
                         self->evictNext();
                         return;
                     }
                     // 404 for the subresource itself, or 405: this server has no eviction.
                     if (r.error().code == 404 || r.error().code == 405) {
                         self->client_.remove(api::builtinResource(QString(), QStringLiteral("pods")), ns, name,
                                              [self, key](const api::Result<QJsonObject> &d) {
                                                  if (!self)
                                                      return;
                                                  if (d)
                                                      self->report_.deleted << key;
                                                  else
                                                      self->report_.failed << QStringLiteral("%1: %2").arg(key, d.error().message);
                                                  self->evictNext();
                                              });
                         return;
                     }
                     // 429: a PodDisruptionBudget forbids it now; kubectl retries, we report it.
                     self->report_.failed << QStringLiteral("%1: %2").arg(key, r.error().message);
                     self->evictNext();
                 });
}

void NodeDrain::finish()
{
    emit finished(report_);
}

}  // namespace timoneiro::ui
