#pragma once
// Colours YAML as it is typed: keys, strings (quoted and block scalars),
// numbers and booleans, comments, and the "---" between documents.
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace timoneiro::ui {

class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum Role { Key, String, Number, Keyword, Comment, DocumentSeparator };

    explicit YamlHighlighter(QTextDocument *document);

    // The format given to a role (tests check a position's colour against it).
    QTextCharFormat roleFormat(Role role) const { return formats_[role]; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &text, int start);
    int commentStart(const QString &text, int from) const;

    QTextCharFormat formats_[DocumentSeparator + 1];
};

}  // namespace timoneiro::ui
