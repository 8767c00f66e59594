// RFC 6902 JSON patch over QJsonValue trees (copy on write, so a failed
// operation leaves the target as it was).
#include "patch.h"

#include <QJsonDocument>

namespace timoneiro::api {

namespace {

ApiError patchError(const QString &message)
{
    ApiError e;
    e.code = 422;
    e.reason = QStringLiteral("Invalid");
    e.message = message;
    return e;
}

std::optional<QStringList> parsePointer(const QString &pointer)
{
    if (pointer.isEmpty())
        return QStringList();
    if (!pointer.startsWith(QLatin1Char('/')))
        return std::nullopt;
    QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString &t : tokens)
        t.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return tokens;
}

// Array index of token for an array of size n; "-" means n when allowed.
std::optional<qsizetype> indexOf(const QString &token, qsizetype n, bool allowEnd)
{
    if (allowEnd && token == QLatin1String("-"))
        return n;
    bool ok = false;
    const qsizetype i = token.toLongLong(&ok);
    if (!ok || i < 0 || (token.size() > 1 && token.startsWith(QLatin1Char('0'))) || i > (allowEnd ? n : n - 1))
        return std::nullopt;
    return i;
}

std::optional<QJsonValue> get(const QJsonValue &doc, const QStringList &tokens)
{
    QJsonValue v = doc;
    for (const QString &t : tokens) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(t))
                return std::nullopt;
            v = o.value(t);
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            auto i = indexOf(t, a.size(), false);
            if (!i)
                return std::nullopt;
            v = a.at(*i);
        } else {
            return std::nullopt;
        }
    }
    return v;
}

enum class Edit { Add, Remove, Replace };

// Applies one edit at tokens[depth..]; nullopt when the path does not apply.
std::optional<QJsonValue> edit(const QJsonValue &doc, const QStringList &tokens, qsizetype depth, Edit op,
                               const QJsonValue &value)
{
    if (depth == tokens.size())
        return op == Edit::Remove ? std::nullopt : std::optional<QJsonValue>(value);
    const QString &t = tokens[depth];
    const bool last = depth + 1 == tokens.size();
    if (doc.isObject()) {
        QJsonObject o = doc.toObject();
        if (last) {
            if (op != Edit::Add && !o.contains(t))
                return std::nullopt;
            if (op == Edit::Remove)
                o.remove(t);
            else
                o.insert(t, value);
            return QJsonValue(o);
        }
        if (!o.contains(t))
            return std::nullopt;
        auto child = edit(o.value(t), tokens, depth + 1, op, value);
        if (!child)
            return std::nullopt;
        o.insert(t, *child);
        return QJsonValue(o);
    }
    if (doc.isArray()) {
        QJsonArray a = doc.toArray();
        auto i = indexOf(t, a.size(), last && op == Edit::Add);
        if (!i)
            return std::nullopt;
        if (last) {
            if (op == Edit::Add)
                a.insert(*i, value);
            else if (op == Edit::Remove)
                a.removeAt(*i);
            else
                a.replace(*i, value);
            return QJsonValue(a);
        }
        auto child = edit(a.at(*i), tokens, depth + 1, op, value);
        if (!child)
            return std::nullopt;
        a.replace(*i, *child);
        return QJsonValue(a);
    }
    return std::nullopt;
}

}  // namespace

Result<QJsonObject> applyJsonPatch(const QJsonObject &target, const QJsonArray &operations)
{
    QJsonValue doc = target;
    for (const QJsonValue &opValue : operations) {
        if (!opValue.isObject())
            return ApiError::badRequest(QStringLiteral("json patch: an operation must be an object"));
        const QJsonObject op = opValue.toObject();
        const QString name = op.value(QStringLiteral("op")).toString();
        const QString pathText = op.value(QStringLiteral("path")).toString();
        auto path = parsePointer(pathText);
        if (!op.value(QStringLiteral("path")).isString() || !path)
            return ApiError::badRequest(QStringLiteral("json patch: invalid path \"%1\"").arg(pathText));
        const bool needsValue = name == QLatin1String("add") || name == QLatin1String("replace") || name == QLatin1String("test");
        if (needsValue && !op.contains(QStringLiteral("value")))
            return ApiError::badRequest(QStringLiteral("json patch: %1 operation missing value").arg(name));
        const QJsonValue value = op.value(QStringLiteral("value"));
        std::optional<QJsonValue> next;
        if (name == QLatin1String("add")) {
            next = edit(doc, *path, 0, Edit::Add, value);
        } else if (name == QLatin1String("remove")) {
            next = edit(doc, *path, 0, Edit::Remove, {});
        } else if (name == QLatin1String("replace")) {
            next = edit(doc, *path, 0, Edit::Replace, value);
        } else if (name == QLatin1String("test")) {
            auto current = get(doc, *path);
            if (!current || *current != value)
                return patchError(QStringLiteral("testing value %1 failed: test failed").arg(pathText));
            next = doc;
        } else if (name == QLatin1String("move") || name == QLatin1String("copy")) {
            const QString fromText = op.value(QStringLiteral("from")).toString();
            auto from = parsePointer(fromText);
            if (!from)
                return ApiError::badRequest(QStringLiteral("json patch: invalid from \"%1\"").arg(fromText));
            auto moved = get(doc, *from);
            if (!moved)
                return patchError(QStringLiteral("%1 operation does not apply: doc is missing from path: %2").arg(name, fromText));
            next = doc;
            if (name == QLatin1String("move")) {
                if (pathText.startsWith(fromText + QLatin1Char('/')))
                    return patchError(QStringLiteral("move operation does not apply: cannot move into a descendant"));
                next = edit(doc, *from, 0, Edit::Remove, {});
            }
            if (next)
                next = edit(*next, *path, 0, Edit::Add, *moved);
        } else {
            return ApiError::badRequest(QStringLiteral("json patch: unexpected operation \"%1\"").arg(name));
        }
        if (!next)
            return patchError(QStringLiteral("%1 operation does not apply: doc is missing path: \"%2\"").arg(name, pathText));
        doc = *next;
    }
    if (!doc.isObject())
        return patchError(QStringLiteral("json patch: the result is not an object"));
    return doc.toObject();
}

}  // namespace timoneiro::api
