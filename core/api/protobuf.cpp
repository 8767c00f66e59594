// Decoding Kubernetes' protobuf request bodies into the JSON the rest of
// the API server speaks: the "k8s\0" magic, the runtime.Unknown envelope,
// then the object by its message description.
#include "protobuf.h"

#include "protobuf_schema.h"
#include "protobuf_wire.h"

#include <QDateTime>
#include <QJsonArray>

namespace timoneiro::api {

namespace {

using pb::Field;
using pb::Kind;
using pb::Message;
using pb::Reader;
using pb::WireType;

constexpr int kMaxDepth = 48;

struct Decoder {
    QString error;

    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }

    // A two-field entry or wrapper message: field 1 and field 2 as raw bytes/varints.
    bool entry(const QByteArray &bytes, QByteArray *key, QByteArray *value)
    {
        Reader r(bytes);
        while (!r.atEnd()) {
            int n;
            WireType t;
            if (!r.tag(&n, &t))
                return fail(QStringLiteral("malformed map entry"));
            if ((n == 1 || n == 2) && t == pb::LengthDelimited) {
                if (!r.bytes(n == 1 ? key : value))
                    return fail(QStringLiteral("malformed map entry"));
            } else if (!r.skip(t)) {
                return fail(QStringLiteral("malformed map entry"));
            }
        }
        return true;
    }

    std::optional<QJsonValue> special(Kind kind, const QByteArray &bytes)
    {
        Reader r(bytes);
        qint64 ints[3] = {0, 0, 0};
        QByteArray text;
        while (!r.atEnd()) {
            int n;
            WireType t;
            if (!r.tag(&n, &t))
                return fail(QStringLiteral("malformed message")), std::nullopt;
            uint64_t v = 0;
            if (t == pb::Varint && n >= 1 && n <= 3) {
                if (!r.varint(&v))
                    return fail(QStringLiteral("malformed varint")), std::nullopt;
                ints[n - 1] = qint64(v);
            } else if (t == pb::LengthDelimited && (n == 1 || n == 3)) {
                if (!r.bytes(&text))
                    return fail(QStringLiteral("malformed string")), std::nullopt;
            } else if (!r.skip(t)) {
                return fail(QStringLiteral("malformed message")), std::nullopt;
            }
        }
        switch (kind) {
        case Kind::IntOrString:
            return ints[0] == 1 ? QJsonValue(QString::fromUtf8(text)) : QJsonValue(int(int32_t(ints[1])));
        case Kind::Quantity:
            return QJsonValue(QString::fromUtf8(text));
        case Kind::Time: {
            if (ints[0] == 0 && ints[1] == 0)
                return QJsonValue(QJsonValue::Null);
            if (ints[0] < -62135596800LL || ints[0] > 253402300799LL)
                return fail(QStringLiteral("timestamp out of range")), std::nullopt;
            return QJsonValue(QDateTime::fromSecsSinceEpoch(ints[0], Qt::UTC).toString(Qt::ISODate));
        }
        default:
            return std::nullopt;
        }
    }

    bool decode(const Message &desc, const QByteArray &bytes, QJsonObject &out, int depth)
    {
        if (depth > kMaxDepth)
            return fail(QStringLiteral("message nested too deeply"));
        Reader r(bytes);
        while (!r.atEnd()) {
            int number;
            WireType type;
            if (!r.tag(&number, &type))
                return fail(QStringLiteral("malformed field tag"));
            const Field *f = desc.find(number);
            if (!f) {
                if (!r.skip(type))
                    return fail(QStringLiteral("malformed field %1").arg(number));
                continue;
            }
            const bool scalarVarint = f->kind == Kind::Int32 || f->kind == Kind::Int64 || f->kind == Kind::Bool;
            if (type != (scalarVarint ? pb::Varint : pb::LengthDelimited))
                return fail(QStringLiteral("field %1 (%2) has the wrong wire type").arg(number).arg(QLatin1String(f->json)));
            const QString name = QLatin1String(f->json);
            QJsonValue value;
            if (scalarVarint) {
                uint64_t v = 0;
                if (!r.varint(&v))
                    return fail(QStringLiteral("malformed varint"));
                value = f->kind == Kind::Bool    ? QJsonValue(v != 0)
                        : f->kind == Kind::Int32 ? QJsonValue(int(int32_t(v)))
                                                 : QJsonValue(double(int64_t(v)));
            } else {
                QByteArray bytes;
                if (!r.bytes(&bytes))
                    return fail(QStringLiteral("truncated field %1").arg(number));
                switch (f->kind) {
                case Kind::String:
                    value = QString::fromUtf8(bytes);
                    break;
                case Kind::Bytes:
                    value = QString::fromLatin1(bytes.toBase64());
                    break;
                case Kind::Message: {
                    QJsonObject child;
                    if (!decode(*f->desc, bytes, child, depth + 1))
                        return false;
                    value = child;
                    break;
                }
                case Kind::Inline: {
                    QJsonObject child;
                    if (!decode(*f->desc, bytes, child, depth + 1))
                        return false;
                    for (auto it = child.begin(); it != child.end(); ++it)
                        out.insert(it.key(), it.value());
                    continue;
                }
                case Kind::MapString:
                case Kind::MapBytes:
                case Kind::MapQuantity: {
                    QByteArray key, raw;
                    if (!entry(bytes, &key, &raw))
                        return false;
                    QJsonValue v = QString::fromUtf8(raw);
                    if (f->kind == Kind::MapBytes) {
                        v = QString::fromLatin1(raw.toBase64());
                    } else if (f->kind == Kind::MapQuantity) {
                        auto q = special(Kind::Quantity, raw);
                        if (!q)
                            return false;
                        v = *q;
                    }
                    QJsonObject map = out.value(name).toObject();
                    map.insert(QString::fromUtf8(key), v);
                    out.insert(name, map);
                    continue;
                }
                default: {
                    auto v = special(f->kind, bytes);
                    if (!v)
                        return false;
                    value = *v;
                }
                }
            }
            if (f->repeated) {
                QJsonArray a = out.value(name).toArray();
                a.append(value);
                out.insert(name, a);
                continue;
            }
            // Go's omitempty: zero values of non-pointer fields are not part of the JSON.
            const bool zero = (value.isString() && value.toString().isEmpty()) || (value.isDouble() && value.toDouble() == 0)
                              || (value.isBool() && !value.toBool());
            if (zero && !f->keepZero)
                out.remove(name);
            else
                out.insert(name, value);
        }
        return true;
    }
};

ApiError malformed(const QString &why)
{
    return ApiError::badRequest(QStringLiteral("unable to decode the protobuf body: ") + why);
}

}  // namespace

Result<QJsonObject> decodeProtobufObject(const QByteArray &body)
{
    static const QByteArray magic("k8s\0", 4);
    if (!body.startsWith(magic))
        return malformed(QStringLiteral("the body does not start with the Kubernetes protobuf magic"));
    Reader envelope(body.constData() + 4, body.constData() + body.size());
    QByteArray typeMeta, raw, encoding;
    while (!envelope.atEnd()) {
        int n;
        WireType t;
        if (!envelope.tag(&n, &t))
            return malformed(QStringLiteral("malformed envelope"));
        QByteArray *target = n == 1 ? &typeMeta : n == 2 ? &raw : n == 3 ? &encoding : nullptr;
        if (target && t == pb::LengthDelimited) {
            if (!envelope.bytes(target))
                return malformed(QStringLiteral("truncated envelope"));
        } else if (!envelope.skip(t)) {
            return malformed(QStringLiteral("malformed envelope"));
        }
    }
    Decoder d;
    QByteArray apiVersion, kind;
    if (!d.entry(typeMeta, &apiVersion, &kind))
        return malformed(d.error);
    if (!encoding.isEmpty())
        return ApiError::unsupportedMediaType(QStringLiteral("application/vnd.kubernetes.protobuf (contentEncoding %1)")
                                                  .arg(QString::fromUtf8(encoding)));
    const QString av = QString::fromUtf8(apiVersion), k = QString::fromUtf8(kind);
    const pb::Message *desc = pb::messageFor(av, k);
    if (!desc) {
        ApiError e = ApiError::unsupportedMediaType(QStringLiteral("application/vnd.kubernetes.protobuf"));
        e.message = QStringLiteral("the protobuf body of a %1 %2 cannot be decoded by this server; send it as JSON").arg(av, k);
        return e;
    }
    QJsonObject obj;
    if (!d.decode(*desc, raw, obj, 0))
        return malformed(d.error);
    obj.insert(QStringLiteral("apiVersion"), av);
    obj.insert(QStringLiteral("kind"), k);
    return obj;
}

}  // namespace timoneiro::api
