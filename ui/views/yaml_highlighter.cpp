// Line by line; the block state carries a block scalar ("key: |") across
// lines: it holds the indentation of the line that opened it (+1; -1 none),
// and lines indented deeper are its text.
#include "yaml_highlighter.h"

#include <QColor>
#include <QFont>

namespace timoneiro::ui {

namespace {

int indentOf(const QString &text)
{
    int i = 0;
    while (i < text.size() && text[i] == QLatin1Char(' '))
        ++i;
    return i;
}

}  // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    formats_[Key].setForeground(QColor(0x1f, 0x5f, 0xa8));
    formats_[Key].setFontWeight(QFont::DemiBold);
    formats_[String].setForeground(QColor(0x2e, 0x7d, 0x32));
    formats_[Number].setForeground(QColor(0xb0, 0x4a, 0x00));
    formats_[Keyword].setForeground(QColor(0x8e, 0x24, 0xaa));
    formats_[Comment].setForeground(QColor(0x80, 0x80, 0x80));
    formats_[Comment].setFontItalic(true);
    formats_[DocumentSeparator].setForeground(QColor(0xc6, 0x28, 0x28));
    formats_[DocumentSeparator].setFontWeight(QFont::Bold);
}

int YamlHighlighter::commentStart(const QString &text, int from) const
{
    // '#' starts a comment at the line's start or after a space, outside quotes.
    QChar quote;
    for (int i = from; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) && (i == from || text[i - 1].isSpace() || text[i - 1] == QLatin1Char('[') || text[i - 1] == QLatin1Char(',')))
            quote = c;
        else if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace()))
            return i;
    }
    return -1;
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const int indent = indentOf(text);
    const int blockIndent = previousBlockState() - 1;
    setCurrentBlockState(0);
    if (blockIndent >= 0 && (text.trimmed().isEmpty() || indent > blockIndent)) {
        setFormat(0, text.size(), formats_[String]);
        setCurrentBlockState(blockIndent + 1);
        return;
    }
    static const QRegularExpression separator(QStringLiteral("^(---|\\.\\.\\.)(\\s|$)"));
    if (separator.match(text).hasMatch()) {
        setFormat(0, 3, formats_[DocumentSeparator]);
        const int c = commentStart(text, 3);
        if (c >= 0)
            setFormat(c, text.size() - c, formats_[Comment]);
        return;
    }
    const int comment = commentStart(text, 0);
    const QString code = comment >= 0 ? text.left(comment) : text;
    if (comment >= 0)
        setFormat(comment, text.size() - comment, formats_[Comment]);

    int pos = indent;
    // Sequence dashes: "- - key: value".
    while (pos + 1 < code.size() && code[pos] == QLatin1Char('-') && code[pos + 1] == QLatin1Char(' ')) {
        pos += 2;
        while (pos < code.size() && code[pos] == QLatin1Char(' '))
            ++pos;
    }
    static const QRegularExpression key(QStringLiteral("(\"[^\"]*\"|'[^']*'|[^\\s#'\"{\\[][^:#]*?)\\s*:(\\s|$)"));
    const auto m = key.match(code, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (m.hasMatch()) {
        setFormat(m.capturedStart(1), m.capturedLength(1), formats_[Key]);
        pos = m.capturedEnd(0);
    }
    highlightValue(code, pos);
    // A value of "|" or ">" (with chomping or indentation marks) opens a block scalar.
    static const QRegularExpression blockScalar(QStringLiteral("(^|[\\s:-])[|>][-+0-9]*\\s*$"));
    if (blockScalar.match(code).hasMatch())
        setCurrentBlockState(indent + 1);
}

void YamlHighlighter::highlightValue(const QString &text, int start)
{
    while (start < text.size() && text[start] == QLatin1Char(' '))
        ++start;
    const QString value = text.mid(start).trimmed();
    if (value.isEmpty())
        return;
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"));
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F]+|0o?[0-7]+|[0-9]*\\.[0-9]+([eE][-+]?[0-9]+)?)$"));
    static const QRegularExpression keyword(
        QStringLiteral("^(true|false|True|False|TRUE|FALSE|yes|no|on|off|null|Null|NULL|~)$"));
    if (number.match(value).hasMatch()) {
        setFormat(start, value.size(), formats_[Number]);
        return;
    }
    if (keyword.match(value).hasMatch()) {
        setFormat(start, value.size(), formats_[Keyword]);
        return;
    }
    if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))
        || value.startsWith(QLatin1Char('[')) || value.startsWith(QLatin1Char('{'))) {
        // Flow collections and quoted strings: colour each quoted part.
        auto it = quoted.globalMatch(text, start);
        while (it.hasNext()) {
            const auto q = it.next();
            setFormat(q.capturedStart(), q.capturedLength(), formats_[String]);
        }
        return;
    }
    if (value.startsWith(QLatin1Char('|')) || value.startsWith(QLatin1Char('>')) || value.startsWith(QLatin1Char('&'))
        || value.startsWith(QLatin1Char('*')) || value.startsWith(QLatin1Char('!')))
        return;
    setFormat(start, value.size(), formats_[String]);
}

}  // namespace timoneiro::ui
