// Values come from core's YAML -> JSON (the typing kubectl's YAML has);
// lines come from yaml-cpp's node marks over the same text, parsed by the
// same parser, so the two agree document by document.
#include "manifest.h"

#include "api/yaml.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace timoneiro::ui {

namespace {

const QChar kSeparator(0x1f);

void indexNode(const YAML::Node &node, const QString &prefix, QHash<QString, int> &lines, int &lastLine, int depth)
{
    if (depth > 256)
        return;
    lastLine = std::max(lastLine, node.Mark().line);
    auto child = [&prefix](const QString &segment) { return prefix.isEmpty() ? segment : prefix + kSeparator + segment; };
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                continue;
            const QString path = child(QString::fromStdString(it->first.Scalar()));
            lines.insert(path, it->first.Mark().line);
            lastLine = std::max(lastLine, it->first.Mark().line);
            indexNode(it->second, path, lines, lastLine, depth + 1);
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            const QString path = child(QString::number(i));
            lines.insert(path, node[i].Mark().line);
            indexNode(node[i], path, lines, lastLine, depth + 1);
        }
    }
}

QString metaField(const QJsonObject &obj, const char *field)
{
    return obj.value(QStringLiteral("metadata")).toObject().value(QLatin1String(field)).toString();
}

}  // namespace

QString ManifestDocument::name() const { return metaField(object, "name"); }
QString ManifestDocument::namespaceName() const { return metaField(object, "namespace"); }
QString ManifestDocument::resourceVersion() const { return metaField(object, "resourceVersion"); }

QStringList splitFieldPath(const QString &path)
{
    QStringList segments;
    QString current;
    bool inBracket = false;
    for (const QChar c : path) {
        if (inBracket) {
            if (c == QLatin1Char(']')) {
                segments << current;
                current.clear();
                inBracket = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('.') || c == QLatin1Char('[')) {
            if (!current.isEmpty())
                segments << current;
            current.clear();
            inBracket = c == QLatin1Char('[');
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        segments << current;
    return segments;
}

Manifest Manifest::parse(const QString &text)
{
    Manifest m;
    const QByteArray utf8 = text.toUtf8();
    auto values = api::parseYamlDocuments(utf8);
    std::vector<YAML::Node> nodes;
    try {
        nodes = YAML::LoadAll(utf8.toStdString());
    } catch (const YAML::Exception &e) {
        // yaml-cpp's own mark is exact (line and column); core's message has the same line.
        m.parseError_ = ManifestProblem{-1, std::max(0, e.mark.line), std::max(0, e.mark.column), QString(),
                                        values ? QString::fromStdString(e.msg) : values.error().message};
        return m;
    }
    if (!values) {
        static const QRegularExpression lineRe(QStringLiteral("line (\\d+)"));
        const auto match = lineRe.match(values.error().message);
        m.parseError_ = ManifestProblem{-1, match.hasMatch() ? match.captured(1).toInt() - 1 : 0, 0, QString(),
                                        values.error().message};
        return m;
    }
    std::vector<YAML::Node> contentNodes;
    for (const YAML::Node &n : nodes)
        if (n.IsDefined() && !n.IsNull())
            contentNodes.push_back(n);
    for (int i = 0; i < values->size(); ++i) {
        ManifestDocument doc;
        doc.object = values->at(i).toObject();
        if (!values->at(i).isObject())
            doc.object = {};
        if (std::size_t(i) < contentNodes.size()) {
            const YAML::Node &n = contentNodes[std::size_t(i)];
            doc.firstLine = std::max(0, n.Mark().line);
            doc.lastLine = doc.firstLine;
            indexNode(n, QString(), doc.lines, doc.lastLine, 0);
        }
        // kubectl get -o yaml of several objects is one List: its items are the documents.
        if (doc.kind() == QLatin1String("List") && doc.object.value(QStringLiteral("items")).isArray()) {
            const QJsonArray items = doc.object.value(QStringLiteral("items")).toArray();
            for (int j = 0; j < items.size(); ++j) {
                ManifestDocument item;
                item.object = items[j].toObject();
                const QString prefix = QStringLiteral("items") + kSeparator + QString::number(j);
                item.firstLine = doc.lines.value(prefix, doc.firstLine);
                item.lastLine = item.firstLine;
                for (auto it = doc.lines.constBegin(); it != doc.lines.constEnd(); ++it) {
                    if (it.key().startsWith(prefix + kSeparator)) {
                        item.lines.insert(it.key().mid(prefix.size() + 1), it.value());
                        item.lastLine = std::max(item.lastLine, it.value());
                    }
                }
                m.documents_ << item;
            }
            continue;
        }
        m.documents_ << doc;
    }
    return m;
}

int Manifest::lineOf(int document, const QString &fieldPath) const
{
    if (document < 0 || document >= documents_.size())
        return 0;
    const ManifestDocument &doc = documents_[document];
    QStringList segments = splitFieldPath(fieldPath);
    while (!segments.isEmpty()) {
        auto it = doc.lines.constFind(segments.join(kSeparator));
        if (it != doc.lines.constEnd())
            return it.value();
        segments.removeLast();
    }
    return doc.firstLine;
}

int Manifest::documentAt(int line) const
{
    for (int i = documents_.size() - 1; i >= 0; --i)
        if (line >= documents_[i].firstLine)
            return i;
    return documents_.isEmpty() ? -1 : 0;
}

QList<ManifestProblem> Manifest::localProblems() const
{
    QList<ManifestProblem> problems;
    auto add = [&](int doc, const QString &field, const QString &message) {
        problems << ManifestProblem{doc, lineOf(doc, field), 0, field, message};
    };
    if (parseError_)
        return {*parseError_};
    if (documents_.isEmpty())
        problems << ManifestProblem{-1, 0, 0, QString(), Manifest::tr("The manifest is empty.")};
    for (int i = 0; i < documents_.size(); ++i) {
        const ManifestDocument &doc = documents_[i];
        if (doc.object.isEmpty()) {
            add(i, QString(), Manifest::tr("This document is not an object (a mapping of fields)."));
            continue;
        }
        if (doc.apiVersion().isEmpty())
            add(i, QStringLiteral("apiVersion"), Manifest::tr("apiVersion: Required value"));
        if (doc.kind().isEmpty())
            add(i, QStringLiteral("kind"), Manifest::tr("kind: Required value"));
        if (doc.name().isEmpty())
            add(i, QStringLiteral("metadata.name"),
                Manifest::tr("metadata.name: Required value: the editor applies objects by name"));
    }
    return problems;
}

QJsonObject editableObject(QJsonObject obj)
{
    QJsonObject meta = obj.value(QStringLiteral("metadata")).toObject();
    if (meta.contains(QStringLiteral("managedFields"))) {
        meta.remove(QStringLiteral("managedFields"));
        obj.insert(QStringLiteral("metadata"), meta);
    }
    return obj;
}

QJsonObject mergePatchBetween(const QJsonObject &original, const QJsonObject &modified)
{
    QJsonObject patch;
    for (auto it = modified.begin(); it != modified.end(); ++it) {
        const QJsonValue old = original.value(it.key());
        if (old.isObject() && it.value().isObject()) {
            const QJsonObject inner = mergePatchBetween(old.toObject(), it.value().toObject());
            if (!inner.isEmpty())
                patch.insert(it.key(), inner);
        } else if (old != it.value()) {
            patch.insert(it.key(), it.value());
        }
    }
    for (auto it = original.begin(); it != original.end(); ++it)
        if (!modified.contains(it.key()))
            patch.insert(it.key(), QJsonValue(QJsonValue::Null));
    return patch;
}

QString manifestText(const QList<QJsonObject> &objects)
{
    QString text;
    for (const QJsonObject &obj : objects) {
        if (!text.isEmpty())
            text += QStringLiteral("---\n");
        text += QString::fromUtf8(api::toYaml(obj));
    }
    return text;
}

}  // namespace timoneiro::ui
