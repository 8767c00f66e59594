#pragma once
// Sends a manifest's documents to the API server, one after another, as
// kubectl apply does: a document that carries a resourceVersion (a live
// object opened in the editor) is an update with that version, so a change
// made meanwhile on the server is a 409 Conflict instead of being lost;
// any other is a server-side apply (created when absent). The same requests
// with ?dryRun=All validate without changing anything. Asynchronous: results
// arrive through callbacks on the event loop.
#include "manifest.h"

#include "api/resource.h"
#include "api/status.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace timoneiro::client {
class Client;
}

namespace timoneiro::ui {

struct DocumentResult {
    int document = -1;
    bool ok = false;
    bool created = false;    // 201: it did not exist
    bool unchanged = false;  // the update changed nothing (same resourceVersion)
    QJsonObject object;      // the server's answer when ok
    api::ApiError error;     // with the Status' details.causes
};

class ManifestApplier : public QObject {
    Q_OBJECT
public:
    enum class Mode { DryRun, Apply };
    using Done = std::function<void(const QList<DocumentResult> &)>;
    using ObjectDone = std::function<void(const DocumentResult &)>;

    explicit ManifestApplier(client::Client &client, QObject *parent = nullptr);

    void setFieldManager(const QString &manager) { fieldManager_ = manager; }
    void setDefaultNamespace(const QString &ns) { defaultNamespace_ = ns; }
    QString defaultNamespace() const { return defaultNamespace_; }

    // Every document in order (each one tried even when an earlier one failed).
    // force: server-side apply takes fields other managers own (a real
    // cluster's apply conflict).
    void run(const Manifest &manifest, Mode mode, Done done, bool force = false);
    // The live object a document names (404 -> ok false, error code 404).
    void fetch(const ManifestDocument &doc, ObjectDone done);
    // A JSON merge patch on the object a document names, without a
    // resourceVersion: the user's own edits laid over the current object.
    void mergePatch(const ManifestDocument &doc, const QJsonObject &patch, ObjectDone done);

    // The resource a document's apiVersion and kind name, or null with why.
    static const api::ResourceInfo *resourceOf(const ManifestDocument &doc, QString *why);
    // The object's path (its namespace, or the default one, when namespaced).
    QString objectPath(const api::ResourceInfo &r, const ManifestDocument &doc) const;

private:
    // The document's resource; nullptr after answering done with a BadRequest.
    const api::ResourceInfo *resourceOrRefuse(const ManifestDocument &doc, int index, const ObjectDone &done);
    void send(const ManifestDocument &doc, int index, Mode mode, bool force, ObjectDone done);
    void sendRequest(const QByteArray &method, const QString &path, const QByteArray &contentType, const QByteArray &body,
                     bool dryRun, bool force, int index, const QString &sentVersion, ObjectDone done);

    client::Client &client_;
    QString fieldManager_ = QStringLiteral("timoneiro");
    QString defaultNamespace_ = QStringLiteral("default");
};

// The ApiError a response stands for, with details.causes (field, message).
api::ApiError errorWithCauses(int status, const QByteArray &body);

// Where each error of a result goes in the text: one problem per cause, on
// the line of its field; one on the document's first line otherwise.
QList<ManifestProblem> problemsOf(const Manifest &manifest, const DocumentResult &result);

// What an error means for the user, in plain words (unreachable, 401, 403, ...).
QString describeError(const api::ApiError &error);

}  // namespace timoneiro::ui
