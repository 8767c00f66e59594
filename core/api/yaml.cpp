// YAML <-> JSON with yaml-cpp. Scalars are typed as sigs.k8s.io/yaml
// (go-yaml v2, YAML 1.1) types them, so a manifest means here what it means
// to kubectl.
#include "yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QHash>
#include <QRegularExpression>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

#include <cmath>

namespace timoneiro::api {

namespace {

// Bounds against hostile documents (alias expansion, deep nesting).
constexpr int kMaxDepth = 512;
constexpr qint64 kMaxNodes = 2'000'000;
// yaml-cpp 0.7 loops on some inputs (a lone ',') emitting nodes without
// moving on; a real document never puts this many nodes at one place.
constexpr int kMaxNodesAtOnePlace = 1000;

// Types a scalar: quoted (tag "!") or !!str is a string; plain ones follow
// go-yaml v2's YAML 1.1 resolution.
std::optional<QJsonValue> typedScalar(const std::string &tag, const QString &text, QString *error)
{
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
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
        *error = QStringLiteral("json: unsupported value: %1").arg(text);
        return std::nullopt;
    }
    return QJsonValue(text);
}

struct Abort {
    QString message;
};

// Builds JSON straight from yaml-cpp's parse events, with a budget: the
// event API lets a hostile document (alias bombs, inputs yaml-cpp loops
// on) be cut off instead of exhausting the server.
class JsonBuilder final : public YAML::EventHandler {
public:
    QList<QJsonValue> documents;

    void OnDocumentStart(const YAML::Mark &) override { stack_.clear(); root_ = QJsonValue(QJsonValue::Null); hasRoot_ = false; }
    void OnDocumentEnd() override
    {
        if (hasRoot_ && !root_.isNull())
            documents.append(root_);
    }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { add(mark, QJsonValue(QJsonValue::Null), anchor, 1); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end())
            throw Abort{QStringLiteral("yaml: line %1: unknown anchor").arg(mark.line + 1)};
        add(mark, it->first, 0, it->second);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        QString error;
        auto v = typedScalar(tag, QString::fromStdString(value), &error);
        if (!v)
            throw Abort{error};
        // A mapping key stays the text it was written as.
        if (!stack_.isEmpty() && stack_.last().isMap && !stack_.last().haveKey) {
            stack_.last().key = QString::fromStdString(value);
            stack_.last().haveKey = true;
            count(mark, 1);
            return;
        }
        add(mark, *v, anchor, 1);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, false, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, true, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        bool isMap;
        QJsonObject map;
        QJsonArray list;
        QString key;
        bool haveKey = false;
        YAML::anchor_t anchor;
        qint64 size = 1;
    };

    void count(const YAML::Mark &mark, qint64 n)
    {
        nodes_ += n;
        if (nodes_ > kMaxNodes)
            throw Abort{QStringLiteral("yaml: line %1: document too large").arg(mark.line + 1)};
        if (mark.pos != lastPos_) {
            lastPos_ = mark.pos;
            nodesHere_ = 0;
        } else if (++nodesHere_ > kMaxNodesAtOnePlace) {
            throw Abort{QStringLiteral("yaml: line %1: did not find expected node content").arg(mark.line + 1)};
        }
    }

    void open(const YAML::Mark &mark, bool isMap, YAML::anchor_t anchor)
    {
        if (!stack_.isEmpty() && stack_.last().isMap && !stack_.last().haveKey)
            throw Abort{QStringLiteral("yaml: line %1: map keys must be strings").arg(mark.line + 1)};
        if (stack_.size() >= kMaxDepth)
            throw Abort{QStringLiteral("yaml: line %1: document nested too deeply").arg(mark.line + 1)};
        count(mark, 1);
        stack_.append(Frame{isMap, {}, {}, {}, false, anchor});
    }

    void close()
    {
        Frame f = stack_.takeLast();
        const QJsonValue v = f.isMap ? QJsonValue(f.map) : QJsonValue(f.list);
        if (f.anchor)
            anchors_.insert(f.anchor, {v, f.size});
        place(v, f.size);
    }

    void add(const YAML::Mark &mark, const QJsonValue &v, YAML::anchor_t anchor, qint64 size)
    {
        if (!stack_.isEmpty() && stack_.last().isMap && !stack_.last().haveKey)
            throw Abort{QStringLiteral("yaml: line %1: map keys must be strings").arg(mark.line + 1)};
        count(mark, size);
        if (anchor)
            anchors_.insert(anchor, {v, size});
        place(v, size);
    }

    void place(const QJsonValue &v, qint64 size)
    {
        if (stack_.isEmpty()) {
            root_ = v;
            hasRoot_ = true;
            return;
        }
        Frame &top = stack_.last();
        top.size += size;
        if (top.isMap) {
            top.map.insert(top.key, v);
            top.haveKey = false;
        } else {
            top.list.append(v);
        }
    }

    QList<Frame> stack_;
    QHash<YAML::anchor_t, QPair<QJsonValue, qint64>> anchors_;
    QJsonValue root_;
    bool hasRoot_ = false;
    qint64 nodes_ = 0;
    int lastPos_ = -1;
    int nodesHere_ = 0;
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
    QString error;
    auto typed = typedScalar("?", s, &error);
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
    // YAML forbids these (go-yaml says so too), and yaml-cpp loops forever on a NUL.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = uchar(text.at(i));
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            const qsizetype line = text.left(i).count('\n') + 1;
            return yamlError(QStringLiteral("yaml: line %1: control characters are not allowed").arg(line));
        }
    }
    try {
        std::istringstream in(text.toStdString());
        YAML::Parser parser(in);
        JsonBuilder builder;
        while (parser.HandleNextDocument(builder)) {
        }
        docs = builder.documents;
    } catch (const Abort &a) {
        return yamlError(a.message);
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
