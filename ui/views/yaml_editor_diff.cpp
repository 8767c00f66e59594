// The editor's diff: what applying would make of each object (the server's
// dry-run answer) against what the cluster has now, line by line, added
// and removed lines coloured.
#include "yaml_editor.h"

#include "models/manifest_apply.h"
#include "views/yaml_text_edit.h"

#include "api/yaml.h"

#include <QPlainTextEdit>
#include <QPointer>
#include <QTabWidget>
#include <QTextBlock>

#include <memory>

namespace timoneiro::ui {

namespace {

QString describeObject(const ManifestDocument &doc)
{
    const QString ns = doc.namespaceName();
    return QStringLiteral("%1 %2").arg(doc.kind(), ns.isEmpty() ? doc.name() : ns + QLatin1Char('/') + doc.name());
}

// What the diff compares: no managedFields, no resourceVersion (it always differs).
QString diffable(const QJsonObject &obj)
{
    if (obj.isEmpty())
        return {};
    QJsonObject o = editableObject(obj);
    QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
    meta.remove(QStringLiteral("resourceVersion"));
    o.insert(QStringLiteral("metadata"), meta);
    return QString::fromUtf8(api::toYaml(o));
}

}  // namespace

void YamlEditor::showDiff()
{
    Manifest manifest;
    if (!parseOrShow(&manifest))
        return;
    setBusy(true);
    setMessage(tr("Comparing with the cluster…"));
    QPointer<YamlEditor> self(this);
    const int opened = opened_;
    applier_->run(manifest, ManifestApplier::Mode::DryRun, [self, manifest, opened](const QList<DocumentResult> &dryRun) {
        if (!self)
            return;
        // The live objects, all asked at once; the diff is built when the last answers.
        auto live = std::make_shared<QList<DocumentResult>>(manifest.documents().size());
        auto pending = std::make_shared<int>(int(manifest.documents().size()));
        for (int i = 0; i < manifest.documents().size(); ++i) {
            self->applier_->fetch(manifest.documents()[i], [self, manifest, dryRun, live, pending, i, opened](const DocumentResult &r) {
                (*live)[i] = r;
                if (--*pending != 0 || !self)
                    return;
                if (opened == self->opened_)
                    self->buildDiff(manifest, dryRun, *live);
                else
                    self->setBusy(false);
            });
        }
    });
}

void YamlEditor::buildDiff(const Manifest &manifest, const QList<DocumentResult> &dryRun, const QList<DocumentResult> &live)
{
    setBusy(false);
    diff_.clear();
    QList<ManifestProblem> problems;
    QString failure;
    int changed = 0;
    for (int i = 0; i < manifest.documents().size(); ++i) {
        const ManifestDocument &doc = manifest.documents()[i];
        const DocumentResult &now = live[i];
        if (!now.ok && now.error.code != 404 && failure.isEmpty())
            failure = describeError(now.error);
        // What applying would make of it; the text as written when the server refused it.
        const DocumentResult &after = dryRun.value(i);
        problems << problemsOf(manifest, after);
        const QList<DiffLine> d = diffTexts(now.ok ? diffable(now.object) : QString(),
                                            diffable(after.ok ? after.object : doc.object));
        const bool changes = hasChanges(d);
        changed += changes ? 1 : 0;
        QString header = !now.ok ? tr("# %1: new").arg(describeObject(doc))
                         : changes ? tr("# %1: changes").arg(describeObject(doc))
                                   : tr("# %1: no changes").arg(describeObject(doc));
        if (!after.ok)
            header += tr(" (refused by the server: compared as written)");
        diff_.append({DiffLine::Same, header});
        diff_.append(d);
    }
    showProblems(problems);  // also records the text's revision the diff belongs to
    diffView_->setPlainText(diffText(diff_));
    QList<QTextEdit::ExtraSelection> colours;
    for (int i = 0; i < diff_.size(); ++i) {
        if (diff_[i].kind == DiffLine::Same && !diff_[i].text.startsWith(QLatin1String("# ")))
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(diffView_->document()->findBlockByNumber(i));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        if (diff_[i].kind == DiffLine::Added)
            s.format.setBackground(QColor(0xd4, 0xf7, 0xd9));
        else if (diff_[i].kind == DiffLine::Removed)
            s.format.setBackground(QColor(0xfd, 0xd8, 0xdb));
        else
            s.format.setFontWeight(QFont::Bold);
        colours << s;
    }
    diffView_->setExtraSelections(colours);
    tabs_->setCurrentWidget(diffView_);
    if (!failure.isEmpty())
        setMessage(failure);
    else
        setMessage(tr("%n of %1 object(s) would change.", nullptr, changed).arg(manifest.documents().size()));
}

}  // namespace timoneiro::ui
