#pragma once
// The YAML editor: a live object (as the API server has it, without
// managedFields) or a new manifest from a template; syntax colours; the
// server's dry-run verdict on the lines it is about; a diff against the
// cluster before applying; apply (create or update) with conflicts told
// and the text always kept. Every call is asynchronous.
#include "models/manifest.h"
#include "models/manifest_diff.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace timoneiro::client {
class Client;
class WatchHandle;
}

namespace timoneiro::ui {

class ManifestApplier;
class YamlHighlighter;
class YamlTextEdit;
struct DocumentResult;

class YamlEditor : public QWidget {
    Q_OBJECT
public:
    explicit YamlEditor(client::Client &client, QWidget *parent = nullptr);
    ~YamlEditor() override;

    void openObject(const QJsonObject &obj);  // a live object
    void openTemplate(const QString &kind);   // a new manifest
    QStringList templateKinds() const;

    QString text() const;
    void setText(const QString &text);

    void validate();
    void showDiff();
    void apply();

    // The namespace of documents that name none (kubectl's -n).
    void setDefaultNamespace(const QString &ns);

    // What the editor shows now (also for tests).
    const QList<ManifestProblem> &problems() const;
    const QList<DiffLine> &diff() const { return diff_; }
    QString notice() const;    // the banner's text: a conflict, a change on the server
    QString lastMessage() const { return lastMessage_; }
    bool busy() const { return busy_; }
    YamlTextEdit *textEdit() const { return edit_; }
    YamlHighlighter *highlighter() const { return highlighter_; }

    // What the banner's buttons do.
    void reloadLive();
    void applyOverLive();  // the user's edits as a merge patch over the current object
    void forceApply();     // server-side apply taking fields other managers own

signals:
    void applied(const QList<QJsonObject> &objects);
    void message(const QString &text);

private:
    enum class Notice { None, Conflict, ApplyConflict, ChangedOnServer, DeletedOnServer };

    void buildUi();
    bool parseOrShow(Manifest *manifest);
    void showProblems(const QList<ManifestProblem> &problems);
    void setMessage(const QString &text);
    void setBusy(bool busy);
    void showNotice(Notice notice, const QString &text);
    void runApply(bool force);
    void finishApply(const Manifest &manifest, const QList<DocumentResult> &results);
    void buildDiff(const Manifest &manifest, const QList<DocumentResult> &dryRun, const QList<DocumentResult> &live);
    void adoptLive(const QJsonObject &obj, bool replaceText);
    void startWatch();
    void onServerObject(const QString &type, const QJsonObject &obj);

    client::Client &client_;
    ManifestApplier *applier_;
    YamlTextEdit *edit_;
    YamlHighlighter *highlighter_;
    QPlainTextEdit *diffView_;
    QTabWidget *tabs_;
    QListWidget *problemList_;
    QLabel *messageLabel_;
    QComboBox *templates_;
    QPushButton *validateButton_;
    QPushButton *diffButton_;
    QPushButton *applyButton_;
    QPushButton *reloadButton_;
    QWidget *banner_;
    QLabel *bannerText_;
    QPushButton *bannerReload_;
    QPushButton *bannerApplyOver_;
    QPushButton *bannerForce_;
    QPushButton *bannerDiff_;

    QList<DiffLine> diff_;
    QString lastMessage_;
    bool busy_ = false;
    Notice notice_ = Notice::None;
    // The live object the text was opened from (editable form), when any;
    // the version the text is based on, and the newest the server reported.
    QJsonObject live_;
    QJsonObject serverLatest_;
    std::unique_ptr<client::WatchHandle> watch_;
    int watchGeneration_ = 0;
    // Bumped when another object or template is opened: answers to requests
    // about the text before it are then not applied to the new one.
    int opened_ = 0;
    bool watchRefused_ = false;
    int marksRevision_ = -1;  // the text's revision the marks were made for
};

}  // namespace timoneiro::ui
