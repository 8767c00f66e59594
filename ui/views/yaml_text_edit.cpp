#include "yaml_text_edit.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace timoneiro::ui {

namespace {

const QColor kError(0xd3, 0x2f, 0x2f);
const QColor kWarning(0xef, 0x8f, 0x00);

class LineNumberArea final : public QWidget {
public:
    explicit LineNumberArea(YamlTextEdit *editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return {editor_->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { editor_->paintLineNumbers(event); }

private:
    YamlTextEdit *editor_;
};

}  // namespace

YamlTextEdit::YamlTextEdit(QWidget *parent) : QPlainTextEdit(parent), lineNumbers_(new LineNumberArea(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    // YAML forbids tabs for indentation; two spaces is what manifests use.
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            lineNumbers_->scroll(0, dy);
        else
            lineNumbers_->update(0, rect.y(), lineNumbers_->width(), rect.height());
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

int YamlTextEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void YamlTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    lineNumbers_->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void YamlTextEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(lineNumbers_);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QHash<int, bool> marked;  // line -> is an error (else a warning)
    for (const ManifestProblem &p : std::as_const(problems_))
        marked[p.line] = marked.value(p.line) || !p.warning;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int height = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible()) {
            const int line = block.blockNumber();
            auto it = marked.constFind(line);
            if (it != marked.constEnd()) {
                painter.setBrush(it.value() ? kError : kWarning);
                painter.setPen(Qt::NoPen);
                painter.drawEllipse(QRect(3, top + height / 2 - 3, 6, 6));
            }
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, lineNumbers_->width() - 4, height, Qt::AlignRight, QString::number(line + 1));
        }
        top += qRound(blockBoundingRect(block).height());
        block = block.next();
    }
}

void YamlTextEdit::setProblems(const QList<ManifestProblem> &problems)
{
    problems_ = problems;
    updateMarks();
    lineNumbers_->update();
}

void YamlTextEdit::updateMarks()
{
    QList<QTextEdit::ExtraSelection> marks;
    for (const ManifestProblem &p : std::as_const(problems_)) {
        const QTextBlock block = document()->findBlockByNumber(p.line);
        if (!block.isValid())
            continue;
        const QColor colour = p.warning ? kWarning : kError;
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 28));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        marks << line;
        // The underline spans the written part of the line (after its indentation).
        const QString text = block.text();
        int start = 0;
        while (start < text.size() && text[start].isSpace())
            ++start;
        if (start == text.size())
            continue;
        QTextEdit::ExtraSelection underline;
        underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.format.setUnderlineColor(colour);
        underline.cursor = QTextCursor(block);
        underline.cursor.setPosition(block.position() + start);
        underline.cursor.setPosition(block.position() + int(text.size()), QTextCursor::KeepAnchor);
        marks << underline;
    }
    setExtraSelections(marks);
}

void YamlTextEdit::keyPressEvent(QKeyEvent *event)
{
    const QString indentUnit = QStringLiteral("  ");
    QTextCursor c = textCursor();
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (plain && (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab)) {
        const bool out = event->key() == Qt::Key_Backtab || (event->modifiers() & Qt::ShiftModifier);
        if (!out && !c.hasSelection()) {
            c.insertText(indentUnit);
            return;
        }
        // Every line the selection touches, as one edit.
        QTextBlock first = document()->findBlock(c.selectionStart());
        const QTextBlock last = document()->findBlock(std::max(c.selectionStart(), c.selectionEnd() - (c.hasSelection() ? 1 : 0)));
        QTextCursor edit(document());
        edit.beginEditBlock();
        for (QTextBlock b = first; b.isValid() && b.blockNumber() <= last.blockNumber(); b = b.next()) {
            edit.setPosition(b.position());
            if (!out) {
                edit.insertText(indentUnit);
                continue;
            }
            int spaces = 0;
            while (spaces < 2 && spaces < b.text().size() && b.text()[spaces] == QLatin1Char(' '))
                ++spaces;
            edit.setPosition(b.position() + spaces, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        }
        edit.endEditBlock();
        return;
    }
    if (plain && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString line = c.block().text().left(c.positionInBlock());
        int indent = 0;
        while (indent < line.size() && line[indent] == QLatin1Char(' '))
            ++indent;
        QString next(indent, QLatin1Char(' '));
        const QString trimmed = line.trimmed();
        if (trimmed.endsWith(QLatin1Char(':')) || trimmed == QLatin1String("-"))
            next += indentUnit;
        else if (trimmed.startsWith(QLatin1String("- ")))
            next += indentUnit;  // the next field of the same list item
        c.insertText(QStringLiteral("\n") + next);
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool YamlTextEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint at = viewport()->mapFromGlobal(help->globalPos());
        const int line = cursorForPosition(at).blockNumber();
        QStringList messages;
        for (const ManifestProblem &p : std::as_const(problems_))
            if (p.line == line)
                messages << p.message;
        if (messages.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void YamlTextEdit::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line));
    if (!block.isValid())
        return;
    QTextCursor c(block);
    c.setPosition(block.position() + std::clamp(column, 0, std::max(0, int(block.length()) - 1)));
    setTextCursor(c);
    centerCursor();
    setFocus();
}

void YamlTextEdit::replaceText(const QString &text)
{
    QTextCursor c(document());
    c.beginEditBlock();
    c.select(QTextCursor::Document);
    c.insertText(text);
    c.endEditBlock();
    c.movePosition(QTextCursor::Start);
    setTextCursor(c);
}

}  // namespace timoneiro::ui
