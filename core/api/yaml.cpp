// YAML <-> JSON with yaml-cpp. Scalars are typed as sigs.k8s.io/yaml
// (go-yaml v2, YAML 1.1) types them, so a manifest means here what it means
// to kubectl.
#include "yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace timoneiro::api {

namespace {

// Bounds against hostile documents (alias expansion, deep nesting).
constexpr int kMaxDepth = 512;
constexpr qint64 kMaxNodes = 2'000'000;

struct Converter {
    qint64 nodes = 0;
    QString error;

    std::optional<QJsonValue> scalar(const YAML::Node &n)
    {
        const std::string &raw = n.Scalar();
        const QString text = QString::fromStdString(raw);
        // Quoted or explicitly tagged !!str: a string, whatever it looks like.
        if (n.Tag() == "!" || n.Tag() == "tag:yaml.org,2002:str")
            return QJsonValue(text);
        static const QStringList nulls{QString(), QStringLiteral("~"), QStringLiteral("null"), QStringLiteral("Null"),
                                       QStringLiteral("NULL")};
        static const QStringList trues{QStringLiteral("y"), QStringLiteral("Y"), QStringLiteral("yes"), QStringLiteral("Yes"),
                                       QStringLiteral("YES"), QStringLiteral("true"), QStringLiteral("True"),
                                       QStringLiteral("TRUE"), QStringLiteral("on"), QStringLiteral("On"), QStringLiteral("ON")};
        static const QStringList falses{QStringLiteral("n"), QStringLiteral("N"), QStringLiteral("no"), QStringLiteral("No"),
                                        QStringLiteral("NO"), QStringLiteral("false"), QStringLiteral("False"),
                                        QStringLiteral("FALSE"), QStringLiteral("off"), QStringLiteral("Off"),
                                        QStringLiteral("OFF")};
        if (nulls.contains(text))
            return QJsonValue(QJsonValue::Null);
        if (trues.contains(text))
            return QJsonValue(true);
        if (falses.contains(text))
            return QJsonValue(false);
        static const QRegularExpression intRe(QStringLiteral("^[-+]?(0|[1-9][0-9_]*)$"));
        static const QRegularExpression hexRe(QStringLiteral("^[-+]?0x[0-9a-fA-F_]+$"));
        static const QRegularExpression octRe(QStringLiteral("^[-+]?0[0-7_]+$"));
        static const QRegularExpression floatRe(
            QStringLiteral("^[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"));
        QString digits = text;
        digits.remove(QLatin1Char('_'));
        bool ok = false;
        if (intRe.match(text).hasMatch()) {
            const double v = digits.toDouble(&ok);
            if (ok)
                return QJsonValue(v);
        }
        if (hexRe.match(text).hasMatch() || octRe.match(text).hasMatch()) {
            const bool negative = digits.startsWith(QLatin1Char('-'));
            QString body = digits;
            if (body.startsWith(QLatin1Char('-')) || body.startsWith(QLatin1Char('+')))
                body = body.mid(1);
            const qint64 v = body.startsWith(QLatin1String("0x")) ? body.mid(2).toLongLong(&ok, 16) : body.toLongLong(&ok, 8);
            if (ok)
                return QJsonValue(double(negative ? -v : v));
        }
        if (floatRe.match(text).hasMatch() && text != QLatin1String(".")) {
            const double v = digits.toDouble(&ok);
            if (ok && std::isfinite(v))
                return QJsonValue(v);
        }
        if (text == QLatin1String(".inf") || text == QLatin1String(".nan") || text == QLatin1String("-.inf")) {
            error = QStringLiteral("json: unsupported value: %1").arg(text);
            return std::nullopt;
        }
        return QJsonValue(text);
    }

    std::optional<QJsonValue> convert(const YAML::Node &n, int depth)
    {
        if (++nodes > kMaxNodes || depth > kMaxDepth) {
            error = QStringLiteral("yaml: document too large or too deeply nested");
            return std::nullopt;
        }
        switch (n.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            return QJsonValue(QJsonValue::Null);
        case YAML::NodeType::Scalar:
            return scalar(n);
        case YAML::NodeType::Sequence: {
            QJsonArray a;
            for (const YAML::Node &item : n) {
                auto v = convert(item, depth + 1);
                if (!v)
                    return std::nullopt;
                a.append(*v);
            }
            return QJsonValue(a);
        }
        case YAML::NodeType::Map: {
            QJsonObject o;
            for (const auto &kv : n) {
                if (!kv.first.IsScalar()) {
                    error = QStringLiteral("yaml: line %1: map keys must be strings").arg(kv.first.Mark().line + 1);
                    return std::nullopt;
                }
                auto v = convert(kv.second, depth + 1);
                if (!v)
                    return std::nullopt;
                o.insert(QString::fromStdString(kv.first.Scalar()), *v);
            }
            return QJsonValue(o);
        }
        }
        return QJsonValue(QJsonValue::Null);
    }
};

ApiError yamlError(const QString &message)
{
    return ApiError::badRequest(QStringLiteral("error converting YAML to JSON: ") + message);
}

// Whether a plain scalar would be read back as something other than this string.
bool needsQuotes(const QString &s)
{
    if (s.isEmpty() || s.trimmed() != s)
        return true;
    Converter c;
    YAML::Node n(s.toStdString());
    auto typed = c.scalar(n);
    if (!typed || !typed->isString())
        return true;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (indicators.contains(s.front()))
        return true;
    for (const QChar ch : s)
        if (ch.unicode() < 0x20 || ch == QChar(0x7f))
            return true;
    return s.contains(QLatin1String(": ")) || s.contains(QLatin1String(" #")) || s.endsWith(QLatin1Char(':'));
}

QByteArray scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return "null";
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 1e15)
            return QByteArray::number(qint64(d));
        return QByteArray::number(d, 'g', 17);
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        if (!needsQuotes(s))
            return s.toUtf8();
        // A JSON string is a valid YAML double-quoted scalar.
        const QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        return json.mid(1, json.size() - 2);
    }
    default:
        return {};
    }
}

void writeNode(QByteArray &out, const QJsonValue &v, int indent, bool inlineStart);

void writeMap(QByteArray &out, const QJsonObject &o, int indent, bool inlineStart)
{
    bool first = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!(first && inlineStart))
            out += QByteArray(indent, ' ');
        first = false;
        out += scalarText(QJsonValue(it.key())) + ':';
        const QJsonValue v = it.value();
        if (v.isObject() && !v.toObject().isEmpty()) {
            out += '\n';
            writeMap(out, v.toObject(), indent + 2, false);
        } else if (v.isArray() && !v.toArray().isEmpty()) {
            out += '\n';
            writeNode(out, v, indent, false);  // kubectl's style: list items at the key's indentation
        } else {
            out += ' ';
            writeNode(out, v, indent, true);
        }
    }
}

void writeNode(QByteArray &out, const QJsonValue &v, int indent, bool inlineStart)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}\n";
            return;
        }
        writeMap(out, o, indent, inlineStart);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]\n";
            return;
        }
        for (const QJsonValue &item : a) {
            out += QByteArray(indent, ' ') + "- ";
            if (item.isArray() && !item.toArray().isEmpty()) {
                out += '\n';
                writeNode(out, item, indent + 2, false);
            } else {
                writeNode(out, item, indent + 2, true);
            }
        }
    } else {
        out += scalarText(v) + '\n';
    }
}

}  // namespace

Result<QList<QJsonValue>> parseYamlDocuments(const QByteArray &text)
{
    QList<QJsonValue> docs;
    try {
        const std::vector<YAML::Node> nodes = YAML::LoadAll(text.toStdString());
        for (const YAML::Node &n : nodes) {
            if (n.IsNull())
                continue;
            Converter c;
            auto v = c.convert(n, 0);
            if (!v)
                return yamlError(c.error);
            docs.append(*v);
        }
    } catch (const YAML::Exception &e) {
        return yamlError(QStringLiteral("yaml: line %1: %2").arg(e.mark.line + 1).arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return yamlError(QStringLiteral("yaml: %1").arg(QString::fromUtf8(e.what())));
    }
    return docs;
}

Result<QJsonObject> parseObjectBody(const QByteArray &body, bool yaml)
{
    if (!yaml) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (err.error != QJsonParseError::NoError)
            return ApiError::badRequest(QStringLiteral("the body of the request was in an unknown format - "
                                                       "accepted media types include: application/json, "
                                                       "application/yaml, application/vnd.kubernetes.protobuf (%1 at "
                                                       "offset %2)")
                                            .arg(err.errorString())
                                            .arg(err.offset));
        if (!doc.isObject())
            return ApiError::badRequest(QStringLiteral("the body of the request must be a JSON object"));
        return doc.object();
    }
    auto docs = parseYamlDocuments(body);
    if (!docs)
        return docs.error();
    if (docs->size() != 1 || !docs->first().isObject())
        return ApiError::badRequest(QStringLiteral("the body of the request must be one YAML object"));
    return docs->first().toObject();
}

QByteArray toYaml(const QJsonValue &value)
{
    QByteArray out;
    writeNode(out, value, 0, false);
    return out;
}

}  // namespace timoneiro::api
