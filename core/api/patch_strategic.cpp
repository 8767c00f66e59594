// Kubernetes' strategic merge patch: maps merge recursively, lists with a
// merge key merge element by element, other lists are replaced; the
// $patch, $retainKeys, $setElementOrder and $deleteFromPrimitiveList
// directives are honoured.
#include "patch.h"
#include "patch_merge_keys.h"

namespace timoneiro::api {

namespace {

const QString kPatch = QStringLiteral("$patch");
const QString kRetainKeys = QStringLiteral("$retainKeys");
const QString kOrderPrefix = QStringLiteral("$setElementOrder/");
const QString kDeletePrefix = QStringLiteral("$deleteFromPrimitiveList/");

struct Merger {
    std::optional<ApiError> error;

    void fail(const QString &message)
    {
        if (!error)
            error = ApiError::badRequest(message);
    }

    QJsonValue mergeList(const QJsonArray &original, const QJsonArray &patch, const smp::FieldInfo &info)
    {
        if (info.mergePrimitives) {
            QJsonArray result = original;
            for (const QJsonValue &v : patch)
                if (!result.contains(v))
                    result.append(v);
            return result;
        }
        if (info.mergeKey.isEmpty())
            return stripDirectives(patch);
        // A {"$patch": "replace"} element replaces the whole list with the others.
        QJsonArray items;
        bool replace = false;
        for (const QJsonValue &v : patch) {
            const QJsonObject o = v.toObject();
            if (o.value(kPatch).toString() == QLatin1String("replace") && o.size() == 1)
                replace = true;
            else
                items.append(v);
        }
        if (replace)
            return stripDirectives(items);
        QJsonArray result = original;
        for (const QJsonValue &v : items) {
            if (!v.isObject()) {
                fail(QStringLiteral("strategic merge patch: a list with merge key %1 takes objects").arg(info.mergeKey));
                return original;
            }
            const QJsonObject p = v.toObject();
            const QJsonValue key = p.value(info.mergeKey);
            qsizetype at = -1;
            for (qsizetype i = 0; i < result.size() && at < 0; ++i)
                if (result.at(i).toObject().value(info.mergeKey) == key)
                    at = i;
            const QString directive = p.value(kPatch).toString();
            if (directive == QLatin1String("delete")) {
                if (at >= 0)
                    result.removeAt(at);
                continue;
            }
            if (at >= 0)
                result.replace(at, mergeObject(result.at(at).toObject(), p, info.type));
            else
                result.append(mergeObject({}, p, info.type));
        }
        return result;
    }

    QJsonArray stripDirectives(const QJsonArray &list)
    {
        QJsonArray out;
        for (const QJsonValue &v : list)
            out.append(v.isObject() ? QJsonValue(mergeObject({}, v.toObject(), QString())) : v);
        return out;
    }

    static QJsonArray ordered(const QJsonArray &list, const QJsonArray &order, const QString &key)
    {
        QJsonArray out;
        QList<bool> used(list.size(), false);
        for (const QJsonValue &o : order) {
            const QJsonValue want = key.isEmpty() ? o : o.toObject().value(key);
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QJsonValue have = key.isEmpty() ? list.at(i) : list.at(i).toObject().value(key);
                if (!used[i] && have == want) {
                    out.append(list.at(i));
                    used[i] = true;
                    break;
                }
            }
        }
        for (qsizetype i = 0; i < list.size(); ++i)
            if (!used[i])
                out.append(list.at(i));
        return out;
    }

    QJsonObject mergeObject(const QJsonObject &original, const QJsonObject &patch, const QString &type)
    {
        const QString directive = patch.value(kPatch).toString();
        QJsonObject result = directive == QLatin1String("replace") ? QJsonObject() : original;
        if (!directive.isEmpty() && directive != QLatin1String("replace") && directive != QLatin1String("merge")
            && directive != QLatin1String("delete"))
            fail(QStringLiteral("Unknown patch type: %1").arg(directive));
        QJsonObject orders;
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            const QString &k = it.key();
            if (k == kPatch || k == kRetainKeys)
                continue;
            if (k.startsWith(kOrderPrefix)) {
                orders.insert(k.mid(kOrderPrefix.size()), it.value());
                continue;
            }
            if (k.startsWith(kDeletePrefix)) {
                const QString field = k.mid(kDeletePrefix.size());
                QJsonArray kept;
                const QJsonArray gone = it.value().toArray();
                for (const QJsonValue &v : result.value(field).toArray())
                    if (!gone.contains(v))
                        kept.append(v);
                result.insert(field, kept);
                continue;
            }
            const QJsonValue pv = it.value();
            if (pv.isNull()) {
                result.remove(k);
                continue;
            }
            const smp::FieldInfo info = smp::fieldOf(type, k);
            const QJsonValue ov = result.value(k);
            if (pv.isObject()) {
                const QJsonObject po = pv.toObject();
                if (po.value(kPatch).toString() == QLatin1String("delete")) {
                    result.remove(k);
                    continue;
                }
                QJsonObject merged = mergeObject(ov.toObject(), po, info.type);
                if (info.retainKeys || po.contains(kRetainKeys)) {
                    const QJsonArray keep = po.value(kRetainKeys).toArray();
                    if (!keep.isEmpty())
                        for (const QString &key : merged.keys())
                            if (!keep.contains(QJsonValue(key)))
                                merged.remove(key);
                }
                result.insert(k, merged);
            } else if (pv.isArray()) {
                result.insert(k, mergeList(ov.toArray(), pv.toArray(), info));
            } else {
                result.insert(k, pv);
            }
        }
        for (auto it = orders.begin(); it != orders.end(); ++it) {
            const smp::FieldInfo info = smp::fieldOf(type, it.key());
            if (result.value(it.key()).isArray())
                result.insert(it.key(), ordered(result.value(it.key()).toArray(), it.value().toArray(), info.mergeKey));
        }
        return result;
    }
};

}  // namespace

Result<QJsonObject> applyStrategicMergePatch(const QJsonObject &target, const QJsonObject &patch,
                                             const QString &apiVersion, const QString &kind)
{
    Merger m;
    QJsonObject result = m.mergeObject(target, patch, smp::rootType(apiVersion, kind));
    if (m.error)
        return *m.error;
    return result;
}

}  // namespace timoneiro::api
