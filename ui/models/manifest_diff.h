#pragma once
// A line diff of two YAML texts (what the cluster has -> what applying
// would make of it), as the editor shows it before an apply.
#include <QList>
#include <QString>
#include <QStringList>

namespace timoneiro::ui {

struct DiffLine {
    enum Kind { Same, Removed, Added };
    Kind kind = Same;
    QString text;
};

// The shortest edit between the lines of before and after (longest common
// subsequence), removals before additions within a change.
QList<DiffLine> diffLines(const QStringList &before, const QStringList &after);
QList<DiffLine> diffTexts(const QString &before, const QString &after);

// True when some line was added or removed.
bool hasChanges(const QList<DiffLine> &diff);

// Unified-diff-like text: "  same", "- removed", "+ added".
QString diffText(const QList<DiffLine> &diff);

}  // namespace timoneiro::ui
