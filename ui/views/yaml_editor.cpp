// The editor's widgets and its three actions (validate, diff, apply). Each
// action parses first, so bad YAML is shown on its line before anything is
// sent; the text is never replaced by an action's outcome except when a
// live object's own update succeeded (the text then carries the new
// resourceVersion), and that replacement can be undone.
#include "yaml_editor.h"

#include "models/manifest_apply.h"
#include "models/manifest_templates.h"
#include "views/yaml_highlighter.h"
#include "views/yaml_text_edit.h"

#include "api/yaml.h"
#include "client/client.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include <memory>

namespace timoneiro::ui {

YamlEditor::YamlEditor(client::Client &client, QWidget *parent)
    : QWidget(parent), client_(client), applier_(new ManifestApplier(client, this))
{
    buildUi();
}

YamlEditor::~YamlEditor() = default;

void YamlEditor::buildUi()
{
    templates_ = new QComboBox(this);
    templates_->addItem(tr("New from template…"));
    templates_->addItems(templateKinds());
    connect(templates_, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            openTemplate(templates_->itemText(index));
        templates_->setCurrentIndex(0);
    });
    validateButton_ = new QPushButton(tr("&Validate"), this);
    validateButton_->setToolTip(tr("Ask the API server to check the manifest without changing anything (dry run)"));
    diffButton_ = new QPushButton(tr("&Diff"), this);
    diffButton_->setToolTip(tr("Compare what the cluster has with what applying would make of it"));
    applyButton_ = new QPushButton(tr("&Apply"), this);
    applyButton_->setToolTip(tr("Create the objects, or update them when they exist"));
    reloadButton_ = new QPushButton(tr("&Reload"), this);
    reloadButton_->setToolTip(tr("Load the live object again (Undo brings your text back)"));
    reloadButton_->setEnabled(false);
    connect(validateButton_, &QPushButton::clicked, this, &YamlEditor::validate);
    connect(diffButton_, &QPushButton::clicked, this, &YamlEditor::showDiff);
    connect(applyButton_, &QPushButton::clicked, this, &YamlEditor::apply);
    connect(reloadButton_, &QPushButton::clicked, this, &YamlEditor::reloadLive);

    auto *bar = new QHBoxLayout;
    bar->addWidget(templates_);
    bar->addStretch();
    for (QPushButton *b : {validateButton_, diffButton_, applyButton_, reloadButton_})
        bar->addWidget(b);

    banner_ = new QWidget(this);
    banner_->setAutoFillBackground(true);
    QPalette bannerPalette = banner_->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xcd));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x66, 0x4d, 0x03));
    banner_->setPalette(bannerPalette);
    bannerText_ = new QLabel(banner_);
    bannerText_->setWordWrap(true);
    bannerReload_ = new QPushButton(tr("Reload live object"), banner_);
    bannerApplyOver_ = new QPushButton(tr("Apply my changes over it"), banner_);
    bannerForce_ = new QPushButton(tr("Force apply"), banner_);
    bannerDiff_ = new QPushButton(tr("Diff"), banner_);
    auto *dismiss = new QPushButton(tr("Dismiss"), banner_);
    connect(bannerReload_, &QPushButton::clicked, this, &YamlEditor::reloadLive);
    connect(bannerApplyOver_, &QPushButton::clicked, this, &YamlEditor::applyOverLive);
    connect(bannerForce_, &QPushButton::clicked, this, &YamlEditor::forceApply);
    connect(bannerDiff_, &QPushButton::clicked, this, &YamlEditor::showDiff);
    connect(dismiss, &QPushButton::clicked, this, [this] { showNotice(Notice::None, {}); });
    // The words on a row of their own: they are the point, and they wrap.
    auto *bannerLayout = new QVBoxLayout(banner_);
    bannerLayout->addWidget(bannerText_);
    auto *bannerButtons = new QHBoxLayout;
    bannerButtons->addStretch();
    for (QPushButton *b : {bannerReload_, bannerApplyOver_, bannerForce_, bannerDiff_, dismiss})
        bannerButtons->addWidget(b);
    bannerLayout->addLayout(bannerButtons);
    banner_->hide();

    edit_ = new YamlTextEdit(this);
    highlighter_ = new YamlHighlighter(edit_->document());
    diffView_ = new QPlainTextEdit(this);
    diffView_->setReadOnly(true);
    diffView_->setLineWrapMode(QPlainTextEdit::NoWrap);
    diffView_->setFont(edit_->font());
    tabs_ = new QTabWidget(this);
    tabs_->addTab(edit_, tr("YAML"));
    tabs_->addTab(diffView_, tr("Diff"));

    problemList_ = new QListWidget(this);
    connect(problemList_, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        tabs_->setCurrentWidget(edit_);
        edit_->goToLine(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    connect(problemList_, &QListWidget::itemClicked, problemList_, &QListWidget::itemActivated);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(tabs_);
    split->addWidget(problemList_);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    messageLabel_ = new QLabel(this);
    messageLabel_->setWordWrap(true);
    messageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(banner_);
    layout->addWidget(split, 1);
    layout->addWidget(messageLabel_);

    // Marks belong to the text they were found in: an edit clears them.
    // (The revision, not contentsChange: colouring also reports changes.)
    connect(edit_->document(), &QTextDocument::contentsChanged, this, [this] {
        if (edit_->document()->revision() == marksRevision_)
            return;
        if (!edit_->problems().isEmpty())
            showProblems({});
        if (!diff_.isEmpty()) {
            diff_.clear();
            diffView_->setExtraSelections({});
            diffView_->setPlainText(tr("The text changed after this comparison: press Diff to compare again."));
        }
    });
}

QStringList YamlEditor::templateKinds() const { return manifestTemplateKinds(); }
QString YamlEditor::text() const { return edit_->toPlainText(); }
void YamlEditor::setDefaultNamespace(const QString &ns) { applier_->setDefaultNamespace(ns.isEmpty() ? QStringLiteral("default") : ns); }
const QList<ManifestProblem> &YamlEditor::problems() const { return edit_->problems(); }
QString YamlEditor::notice() const { return notice_ != Notice::None ? bannerText_->text() : QString(); }

void YamlEditor::setText(const QString &text)
{
    edit_->replaceText(text);
    showProblems({});
}

void YamlEditor::openTemplate(const QString &kind)
{
    const QString text = manifestTemplate(kind);
    if (text.isEmpty()) {
        setMessage(tr("There is no template for %1.").arg(kind));
        return;
    }
    ++opened_;
    live_ = {};
    serverLatest_ = {};
    watch_.reset();
    ++watchGeneration_;
    reloadButton_->setEnabled(false);
    showNotice(Notice::None, {});
    setText(text);
    tabs_->setCurrentWidget(edit_);
    setMessage(tr("New %1 from a template: edit it, then Validate or Apply.").arg(kind));
}

void YamlEditor::setMessage(const QString &text)
{
    lastMessage_ = text;
    messageLabel_->setText(text);
    emit message(text);
}

void YamlEditor::setBusy(bool busy)
{
    busy_ = busy;
    // The text stays editable: only a second request at once is prevented.
    for (QPushButton *b : {validateButton_, diffButton_, applyButton_, bannerApplyOver_, bannerForce_})
        b->setEnabled(!busy);
    reloadButton_->setEnabled(!busy && !live_.isEmpty());
}

bool YamlEditor::parseOrShow(Manifest *manifest)
{
    if (busy_) {
        setMessage(tr("Still waiting for the API server's answer to the last request."));
        return false;
    }
    *manifest = Manifest::parse(text());
    const QList<ManifestProblem> local = manifest->localProblems();
    if (local.isEmpty())
        return true;
    showProblems(local);
    tabs_->setCurrentWidget(edit_);
    setMessage(manifest->parseError() ? tr("The YAML is not valid (line %1): %2").arg(local.first().line + 1).arg(local.first().message)
                                      : tr("The manifest is incomplete: %n problem(s), nothing was sent.", nullptr, int(local.size())));
    return false;
}

void YamlEditor::showProblems(const QList<ManifestProblem> &problems)
{
    marksRevision_ = edit_->document()->revision();
    edit_->setProblems(problems);
    problemList_->clear();
    for (const ManifestProblem &p : problems) {
        auto *item = new QListWidgetItem(tr("Line %1: %2").arg(p.line + 1).arg(p.message), problemList_);
        item->setToolTip(p.message);
        item->setData(Qt::UserRole, p.line);
        item->setData(Qt::UserRole + 1, p.column);
        item->setForeground(p.warning ? QColor(0xb2, 0x6a, 0x00) : QColor(0xc6, 0x28, 0x28));
    }
}

void YamlEditor::validate()
{
    Manifest manifest;
    if (!parseOrShow(&manifest))
        return;
    setBusy(true);
    setMessage(tr("Validating %n document(s) on the server (dry run)…", nullptr, int(manifest.documents().size())));
    QPointer<YamlEditor> self(this);
    const int opened = opened_;
    applier_->run(manifest, ManifestApplier::Mode::DryRun, [self, manifest, opened](const QList<DocumentResult> &results) {
        if (!self)
            return;
        self->setBusy(false);
        if (opened != self->opened_)
            return;
        QList<ManifestProblem> problems;
        for (const DocumentResult &r : results)
            problems << problemsOf(manifest, r);
        self->showProblems(problems);
        int errors = 0;
        for (const ManifestProblem &p : std::as_const(problems))
            errors += p.warning ? 0 : 1;
        if (errors == 0)
            self->setMessage(tr("Valid: the API server accepts the manifest (dry run, nothing changed)."));
        else
            self->setMessage(tr("The API server found %n problem(s); each is marked on its line.", nullptr, errors));
    });
}

void YamlEditor::apply() { runApply(false); }
void YamlEditor::forceApply() { runApply(true); }

void YamlEditor::runApply(bool force)
{
    Manifest manifest;
    if (!parseOrShow(&manifest))
        return;
    setBusy(true);
    setMessage(tr("Applying %n document(s)…", nullptr, int(manifest.documents().size())));
    QPointer<YamlEditor> self(this);
    const int opened = opened_;
    applier_->run(
        manifest, ManifestApplier::Mode::Apply,
        [self, manifest, opened](const QList<DocumentResult> &results) {
            if (!self)
                return;
            if (opened == self->opened_) {
                self->finishApply(manifest, results);
                return;
            }
            // Applied, though the editor shows something else by now: say what happened.
            self->setBusy(false);
            QList<QJsonObject> objects;
            for (const DocumentResult &r : results)
                if (r.ok)
                    objects << r.object;
            if (!objects.isEmpty())
                emit self->applied(objects);
        },
        force);
}

void YamlEditor::finishApply(const Manifest &manifest, const QList<DocumentResult> &results)
{
    setBusy(false);
    QList<ManifestProblem> problems;
    QList<QJsonObject> appliedObjects;
    QStringList lines;
    bool conflict = false, applyConflict = false;
    for (const DocumentResult &r : results) {
        const ManifestDocument &doc = manifest.documents()[r.document];
        QString why;
        const api::ResourceInfo *res = ManifestApplier::resourceOf(doc, &why);
        // kubectl's words: deployment.apps/web configured.
        const QString what = res ? res->singular + (res->group.isEmpty() ? QString() : QLatin1Char('.') + res->group)
                                       + QLatin1Char('/') + doc.name()
                                 : doc.kind().toLower() + QLatin1Char('/') + doc.name();
        if (r.ok) {
            appliedObjects << r.object;
            lines << (r.created ? tr("%1 created").arg(what) : r.unchanged ? tr("%1 unchanged").arg(what) : tr("%1 configured").arg(what));
            continue;
        }
        problems << problemsOf(manifest, r);
        lines << tr("%1 not applied: %2").arg(what, describeError(r.error));
        if (r.error.code == 409 && r.error.reason == QLatin1String("Conflict")) {
            if (doc.resourceVersion().isEmpty())
                applyConflict = true;
            else
                conflict = true;
        }
    }
    showProblems(problems);
    tabs_->setCurrentWidget(edit_);
    setMessage(lines.join(QLatin1Char('\n')));
    if (conflict)
        showNotice(Notice::Conflict, tr("Conflict: the object changed on the server since you opened it, so it was not "
                                        "updated. Your text is kept. Reload the live object (Undo brings your text back), "
                                        "or apply your changes over the current object."));
    else if (applyConflict)
        showNotice(Notice::ApplyConflict, tr("Conflict: other field managers own fields this manifest sets, so the server "
                                             "refused the apply. Your text is kept. Force apply takes those fields over."));
    else if (problems.isEmpty())
        showNotice(Notice::None, {});
    // A live object's own update: the text now carries its new resourceVersion.
    if (manifest.documents().size() == 1 && results.size() == 1 && results.first().ok && !live_.isEmpty()
        && !manifest.documents().first().resourceVersion().isEmpty())
        adoptLive(results.first().object, true);
    if (!appliedObjects.isEmpty())
        emit applied(appliedObjects);
}

}  // namespace timoneiro::ui
