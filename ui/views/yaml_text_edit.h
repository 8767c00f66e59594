#pragma once
// The editor's text area: line numbers, and each problem marked on its line
// (a wavy underline, a tinted line, a dot in the margin, the message as a
// tooltip).
#include "models/manifest.h"

#include <QPlainTextEdit>

namespace timoneiro::ui {

class YamlTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit YamlTextEdit(QWidget *parent = nullptr);

    void setProblems(const QList<ManifestProblem> &problems);
    const QList<ManifestProblem> &problems() const { return problems_; }
    // Moves the cursor to the start of line (0-based) and shows it.
    void goToLine(int line, int column = 0);
    // Replaces the whole text as one edit, so that Undo brings the old text back.
    void replaceText(const QString &text);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    // YAML is indented with spaces, never tabs: Tab indents by two spaces,
    // Shift+Tab takes two away, Return keeps the line's indentation (deeper
    // after "key:" or "- ").
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateMarks();

    QWidget *lineNumbers_;
    QList<ManifestProblem> problems_;
};

}  // namespace timoneiro::ui
