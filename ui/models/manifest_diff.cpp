#include "manifest_diff.h"

#include <vector>

namespace timoneiro::ui {

namespace {
// Past this many cells the table would cost more memory than a manifest
// deserves: the middle is then shown as all removed, then all added.
constexpr qsizetype kMaxCells = 16 * 1024 * 1024;
}

QList<DiffLine> diffLines(const QStringList &before, const QStringList &after)
{
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    const qsizetype n = before.size() - prefix - suffix;
    const qsizetype m = after.size() - prefix - suffix;

    QList<DiffLine> out;
    for (qsizetype i = 0; i < prefix; ++i)
        out.append({DiffLine::Same, before[i]});
    if (n * m > kMaxCells || n == 0 || m == 0) {
        for (qsizetype i = 0; i < n; ++i)
            out.append({DiffLine::Removed, before[prefix + i]});
        for (qsizetype j = 0; j < m; ++j)
            out.append({DiffLine::Added, after[prefix + j]});
    } else {
        // lcs[i][j]: longest common subsequence of before[i..n) and after[j..m).
        std::vector<int> lcs(std::size_t((n + 1) * (m + 1)), 0);
        auto at = [m](qsizetype i, qsizetype j) { return std::size_t(i * (m + 1) + j); };
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                lcs[at(i, j)] = before[prefix + i] == after[prefix + j]
                                    ? lcs[at(i + 1, j + 1)] + 1
                                    : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before[prefix + i] == after[prefix + j]) {
                out.append({DiffLine::Same, before[prefix + i]});
                ++i;
                ++j;
            } else if (i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
                out.append({DiffLine::Removed, before[prefix + i]});
                ++i;
            } else {
                out.append({DiffLine::Added, after[prefix + j]});
                ++j;
            }
        }
    }
    for (qsizetype i = before.size() - suffix; i < before.size(); ++i)
        out.append({DiffLine::Same, before[i]});
    return out;
}

QList<DiffLine> diffTexts(const QString &before, const QString &after)
{
    auto lines = [](const QString &text) {
        QStringList l = text.split(QLatin1Char('\n'));
        if (!l.isEmpty() && l.last().isEmpty())
            l.removeLast();
        return l;
    };
    return diffLines(lines(before), lines(after));
}

bool hasChanges(const QList<DiffLine> &diff)
{
    for (const DiffLine &l : diff)
        if (l.kind != DiffLine::Same)
            return true;
    return false;
}

QString diffText(const QList<DiffLine> &diff)
{
    QString text;
    for (const DiffLine &l : diff) {
        text += l.kind == DiffLine::Same ? QStringLiteral("  ") : l.kind == DiffLine::Added ? QStringLiteral("+ ") : QStringLiteral("- ");
        text += l.text;
        text += QLatin1Char('\n');
    }
    return text;
}

}  // namespace timoneiro::ui
