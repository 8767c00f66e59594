// RFC 7386 JSON merge patch.
#include "patch.h"

namespace timoneiro::api {

namespace {
QJsonValue merge(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject p = patch.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), merge(result.value(it.key()), it.value()));
    }
    return result;
}
}  // namespace

Result<QJsonObject> applyMergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    return merge(target, patch).toObject();
}

}  // namespace timoneiro::api
