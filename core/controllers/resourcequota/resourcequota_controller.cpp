#include "resourcequota_controller.h"

#include "api/quota_usage.h"

namespace timoneiro::controllers {

ResourceQuotaController::ResourceQuotaController(client::Client &client, QObject *parent)
    : Controller(client, QStringLiteral("resourcequota-controller"), parent), quotas_(watch("", "resourcequotas"))
{
    static const std::pair<const char *, const char *> kinds[] = {{"", "pods"},        {"", "services"},
                                                                  {"", "configmaps"},  {"", "secrets"},
                                                                  {"apps", "deployments"}, {"apps", "replicasets"}};
    for (const auto &[group, plural] : kinds)
        counted_.append(&watch(group, plural, [this](const QJsonObject &obj) { return quotasIn(namespaceOf(obj)); }));
    counted_.append(&quotas_);
}

QStringList ResourceQuotaController::quotasIn(const QString &ns) const
{
    QStringList keys;
    for (const QJsonObject &q : quotas_.list(ns))
        keys << client::Informer::keyOf(q);
    return keys;
}

bool ResourceQuotaController::reconcile(const QString &key)
{
    const std::optional<QJsonObject> quota = quotas_.get(key);
    if (!quota)
        return true;
    const QString ns = namespaceOf(*quota);
    api::Usage used;
    for (const client::Informer *informer : counted_) {
        const api::ResourceInfo &r = informer->resource();
        for (const QJsonObject &o : informer->list(ns))
            if (!isDeleting(o))
                api::addUsage(used, api::usageOf(r.group, r.kind, r.plural, o));
    }
    const QJsonObject hard = api::specOf(*quota).value(QStringLiteral("hard")).toObject();
    QJsonObject usedJson;
    for (auto it = hard.begin(); it != hard.end(); ++it)
        usedJson.insert(it.key(), api::formatQuantity(it.key(), used.value(it.key())));
    const QJsonObject status{{QStringLiteral("hard"), hard}, {QStringLiteral("used"), usedJson}};
    if (api::statusOf(*quota) == status)
        return true;
    QJsonObject updated = *quota;
    updated.insert(QStringLiteral("status"), status);
    client_.updateStatus(builtinResource("", "resourcequotas"), updated, retryOnError(key));
    return true;
}

}  // namespace timoneiro::controllers
