#pragma once
// A manifest as the YAML editor holds it: one or more "---" separated
// documents, each an object with the line of every field, so that what the
// API server says about "spec.containers[0].image" lands on the line where
// the user wrote it.
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace timoneiro::ui {

// Something wrong with the manifest, where it is (lines and columns 0-based).
struct ManifestProblem {
    int document = -1;  // index into Manifest::documents(), -1 for the whole text
    int line = 0;
    int column = 0;
    QString field;      // spec.containers[0].image; empty when not about one field
    QString message;
    bool warning = false;  // a note that does not stop an apply
};

struct ManifestDocument {
    QJsonObject object;
    int firstLine = 0;  // first line of its content
    int lastLine = 0;
    // Field path segments (joined by '\x1f') -> line of that field's key or item.
    QHash<QString, int> lines;

    QString kind() const { return object.value(QStringLiteral("kind")).toString(); }
    QString apiVersion() const { return object.value(QStringLiteral("apiVersion")).toString(); }
    QString name() const;
    QString namespaceName() const;
    QString resourceVersion() const;
};

class Manifest {
    Q_DECLARE_TR_FUNCTIONS(timoneiro::ui::Manifest)
public:
    // Parses text; a YAML syntax error gives a manifest with parseError() set
    // (on its line) and no documents.
    static Manifest parse(const QString &text);

    const std::optional<ManifestProblem> &parseError() const { return parseError_; }
    const QList<ManifestDocument> &documents() const { return documents_; }

    // The line a field path of a document's object is written on, or of its
    // deepest written ancestor (a missing required field points at its parent);
    // the document's first line when nothing of the path is written.
    int lineOf(int document, const QString &fieldPath) const;
    // The document whose lines include line, or -1.
    int documentAt(int line) const;

    // What can be told before anything is sent: each document is an object
    // with apiVersion, kind and metadata.name.
    QList<ManifestProblem> localProblems() const;

private:
    std::optional<ManifestProblem> parseError_;
    QList<ManifestDocument> documents_;
};

// "spec.containers[0].image" -> {spec, containers, 0, image};
// "metadata.labels[app.kubernetes.io/name]" -> {metadata, labels, app.kubernetes.io/name}.
QStringList splitFieldPath(const QString &path);

// The object as the editor shows it: without managedFields (noise no one edits).
QJsonObject editableObject(QJsonObject obj);
// The JSON merge patch (RFC 7386) that turns original into modified: the
// user's own edits, to lay over an object that changed meanwhile. Leaves
// status out (not the user's to set).
QJsonObject mergePatchBetween(const QJsonObject &original, const QJsonObject &modified);
// Documents as one YAML text, "---" between them.
QString manifestText(const QList<QJsonObject> &objects);

}  // namespace timoneiro::ui
