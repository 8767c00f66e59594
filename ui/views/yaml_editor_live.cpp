// A live object in the editor: opened from the cluster, watched while open
// (a change or deletion on the server is told, the text never overwritten),
// reloaded on request (as one edit, so Undo brings the user's text back),
// and the user's edits laid over a newer version after a conflict.
#include "yaml_editor.h"

#include "models/manifest_apply.h"
#include "views/yaml_text_edit.h"

#include "api/yaml.h"
#include "client/client.h"

#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

namespace timoneiro::ui {

namespace {

QString versionOf(const QJsonObject &obj)
{
    return obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("resourceVersion")).toString();
}

// Who wrote an object last, from its managedFields (the newest entry).
QString lastManager(const QJsonObject &obj)
{
    QString manager, time;
    for (const QJsonValue &v : obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("managedFields")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString t = e.value(QStringLiteral("time")).toString();
        if (t >= time) {
            time = t;
            manager = e.value(QStringLiteral("manager")).toString();
        }
    }
    return manager;
}

ManifestDocument documentOf(const QJsonObject &obj)
{
    ManifestDocument doc;
    doc.object = obj;
    return doc;
}

}  // namespace

void YamlEditor::openObject(const QJsonObject &obj)
{
    ++opened_;
    serverLatest_ = {};
    showNotice(Notice::None, {});
    adoptLive(obj, true);
    tabs_->setCurrentWidget(edit_);
    const ManifestDocument doc = documentOf(live_);
    setMessage(tr("Editing the live %1 \"%2\": Apply sends your changes; changes made meanwhile on the server are "
                  "reported, never written over your text.").arg(doc.kind(), doc.name()));
    watchRefused_ = false;
    startWatch();
}

void YamlEditor::adoptLive(const QJsonObject &obj, bool replaceText)
{
    live_ = editableObject(obj);
    if (serverLatest_.isEmpty() || versionOf(serverLatest_) == versionOf(live_))
        serverLatest_ = live_;
    if (replaceText)
        setText(QString::fromUtf8(api::toYaml(live_)));
    reloadButton_->setEnabled(!busy_);
    // Our own write, reported by the watch before the answer came: not news.
    if (notice_ == Notice::ChangedOnServer && versionOf(serverLatest_) == versionOf(live_))
        showNotice(Notice::None, {});
}

void YamlEditor::startWatch()
{
    watch_.reset();
    const int generation = ++watchGeneration_;
    const ManifestDocument doc = documentOf(live_);
    const api::ResourceInfo *r = ManifestApplier::resourceOf(doc, nullptr);
    if (!r || doc.name().isEmpty())
        return;
    client::ListOptions options;
    options.fieldSelector = QStringLiteral("metadata.name=") + doc.name();
    options.resourceVersion = versionOf(serverLatest_);
    const QString ns = r->namespaced ? (doc.namespaceName().isEmpty() ? applier_->defaultNamespace() : doc.namespaceName()) : QString();
    QPointer<YamlEditor> self(this);
    watch_ = client_.watch(
        *r, ns, options,
        [self, generation](const api::WatchEvent &e) {
            if (self && generation == self->watchGeneration_)
                self->onServerObject(e.type, e.object);
        },
        [self, generation](const std::optional<api::ApiError> &error) {
            if (!self || generation != self->watchGeneration_)
                return;
            // Ended (a timeout, the server went away): watch again shortly from the
            // newest version seen; too old a version (410) means reading it afresh.
            const bool expired = error && error->code == 410;
            // Credentials refused: said once; watching goes on, in case they are renewed.
            if (error && (error->code == 401 || error->code == 403) && !self->watchRefused_) {
                self->watchRefused_ = true;
                self->setMessage(tr("Cannot watch this object for changes on the server: %1").arg(describeError(*error)));
            }
            QTimer::singleShot(error ? 5000 : 1000, self.data(), [self, generation, expired] {
                if (!self || generation != self->watchGeneration_ || self->live_.isEmpty())
                    return;
                if (!expired) {
                    self->startWatch();
                    return;
                }
                self->applier_->fetch(documentOf(self->live_), [self, generation](const DocumentResult &r) {
                    if (!self || generation != self->watchGeneration_)
                        return;
                    if (r.ok)
                        self->onServerObject(QStringLiteral("MODIFIED"), r.object);
                    self->startWatch();
                });
            });
        });
}

void YamlEditor::onServerObject(const QString &type, const QJsonObject &obj)
{
    if (type == QLatin1String("BOOKMARK") || type == QLatin1String("ERROR"))
        return;
    if (type == QLatin1String("DELETED")) {
        serverLatest_ = {};
        showNotice(Notice::DeletedOnServer, tr("This object was deleted on the server. Your text is kept: Apply creates it again."));
        return;
    }
    serverLatest_ = editableObject(obj);
    if (versionOf(serverLatest_) == versionOf(live_))
        return;
    const QString who = lastManager(obj);
    showNotice(Notice::ChangedOnServer,
               who.isEmpty() ? tr("This object changed on the server since you opened it (resourceVersion %1). Your text "
                                  "is kept: Reload to take the new version, Diff to compare.").arg(versionOf(obj))
                             : tr("This object changed on the server since you opened it (resourceVersion %1, by %2). Your "
                                  "text is kept: Reload to take the new version, Diff to compare.").arg(versionOf(obj), who));
}

void YamlEditor::reloadLive()
{
    ManifestDocument doc = documentOf(live_);
    if (live_.isEmpty()) {
        // A manifest of one object, applied before: reload it by its name.
        const Manifest m = Manifest::parse(text());
        if (m.parseError() || m.documents().size() != 1 || m.documents().first().name().isEmpty()) {
            setMessage(tr("Reload needs one object with a kind and a name in the text."));
            return;
        }
        doc = m.documents().first();
    }
    setBusy(true);
    QPointer<YamlEditor> self(this);
    const int opened = opened_;
    applier_->fetch(doc, [self, opened](const DocumentResult &r) {
        if (!self)
            return;
        self->setBusy(false);
        if (opened != self->opened_)
            return;
        if (!r.ok) {
            self->setMessage(r.error.code == 404 ? tr("The object no longer exists on the server; your text is kept.")
                                                 : describeError(r.error));
            return;
        }
        self->serverLatest_ = {};
        self->showNotice(Notice::None, {});
        self->adoptLive(r.object, true);
        self->tabs_->setCurrentWidget(self->edit_);
        self->setMessage(tr("Reloaded the live object (resourceVersion %1). Undo (Ctrl+Z) brings your text back.")
                             .arg(versionOf(r.object)));
        self->startWatch();
    });
}

void YamlEditor::applyOverLive()
{
    Manifest manifest;
    if (!parseOrShow(&manifest))
        return;
    if (live_.isEmpty() || manifest.documents().size() != 1) {
        setMessage(tr("Applying over the current object needs the one live object you opened."));
        return;
    }
    QJsonObject patch = mergePatchBetween(live_, manifest.documents().first().object);
    patch.remove(QStringLiteral("status"));
    QJsonObject meta = patch.value(QStringLiteral("metadata")).toObject();
    meta.remove(QStringLiteral("resourceVersion"));
    meta.remove(QStringLiteral("managedFields"));
    if (meta.isEmpty())
        patch.remove(QStringLiteral("metadata"));
    else
        patch.insert(QStringLiteral("metadata"), meta);
    setBusy(true);
    setMessage(tr("Applying your changes over the current object…"));
    QPointer<YamlEditor> self(this);
    const int opened = opened_;
    applier_->mergePatch(documentOf(live_), patch, [self, manifest, opened](const DocumentResult &r) {
        if (!self)
            return;
        self->setBusy(false);
        if (opened != self->opened_)
            return;
        if (!r.ok) {
            self->showProblems(problemsOf(manifest, r));
            self->setMessage(describeError(r.error));
            return;
        }
        self->serverLatest_ = {};
        self->showNotice(Notice::None, {});
        self->adoptLive(r.object, true);
        self->setMessage(tr("Your changes were applied over the current object (resourceVersion %1).").arg(versionOf(r.object)));
        emit self->applied({r.object});
    });
}

void YamlEditor::showNotice(Notice notice, const QString &text)
{
    notice_ = notice;
    bannerText_->setText(text);
    banner_->setVisible(notice != Notice::None);
    bannerReload_->setVisible(notice != Notice::None);
    bannerApplyOver_->setVisible((notice == Notice::Conflict || notice == Notice::ChangedOnServer) && !live_.isEmpty());
    bannerForce_->setVisible(notice == Notice::ApplyConflict);
    bannerDiff_->setVisible(notice == Notice::Conflict || notice == Notice::ChangedOnServer);
    if (!text.isEmpty())
        emit message(text);
}

}  // namespace timoneiro::ui
