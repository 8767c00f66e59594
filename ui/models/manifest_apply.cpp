// Requests go through the Client's transport rather than its typed verbs:
// those have no dryRun or force option, and their errors drop the Status'
// details.causes, which are what puts an error on its line.
#include "manifest_apply.h"

#include "client/client.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <memory>

namespace timoneiro::ui {

namespace {

// The documents of one run and the results so far, shared by its callbacks.
struct Run {
    Manifest manifest;
    ManifestApplier::Mode mode;
    bool force;
    ManifestApplier::Done done;
    QList<DocumentResult> results;
};

}  // namespace

api::ApiError errorWithCauses(int status, const QByteArray &body)
{
    api::ApiResponse response;
    response.status = status;
    response.body = body;
    return client::errorFromResponse(response);
}

QString describeError(const api::ApiError &e)
{
    if (e.code == 503 && e.reason == QLatin1String("ServiceUnavailable"))
        return ManifestApplier::tr("Cannot reach the cluster: %1").arg(e.message);
    if (e.code == 401)
        return ManifestApplier::tr("The cluster did not accept your credentials (401 Unauthorized). They may have expired: "
                  "renew them or open the kubeconfig again.");
    if (e.code == 403)
        return ManifestApplier::tr("Forbidden (403): %1").arg(e.message);
    if (e.code == 409 && e.reason == QLatin1String("Conflict"))
        return ManifestApplier::tr("Conflict (409): the object was changed on the server after you opened it. "
                  "Your text is kept; reload the live object or apply your changes over it.");
    if (e.code == 422)
        return ManifestApplier::tr("Invalid (422): %1").arg(e.message);
    if (e.code == 404)
        return ManifestApplier::tr("Not found (404): %1").arg(e.message);
    return ManifestApplier::tr("The server refused it (%1 %2): %3").arg(e.code).arg(e.reason, e.message);
}

ManifestApplier::ManifestApplier(client::Client &client, QObject *parent) : QObject(parent), client_(client) {}

const api::ResourceInfo *ManifestApplier::resourceOf(const ManifestDocument &doc, QString *why)
{
    const api::ResourceInfo *r = api::ResourceRegistry::builtin().findByKind(doc.apiVersion(), doc.kind());
    if (!r && why)
        *why = ManifestApplier::tr("no matches for kind \"%1\" in version \"%2\"").arg(doc.kind(), doc.apiVersion());
    return r;
}

QString ManifestApplier::objectPath(const api::ResourceInfo &r, const ManifestDocument &doc) const
{
    const QString ns = r.namespaced ? (doc.namespaceName().isEmpty() ? defaultNamespace_ : doc.namespaceName()) : QString();
    return client::Client::path(r, ns, doc.name());
}

void ManifestApplier::run(const Manifest &manifest, Mode mode, Done done, bool force)
{
    auto run = std::make_shared<Run>(Run{manifest, mode, force, std::move(done), {}});
    QPointer<ManifestApplier> self(this);
    auto step = std::make_shared<std::function<void()>>();
    // The step holds itself only through a weak pointer, so a run that ends
    // (or whose applier is gone) frees everything.
    std::weak_ptr<std::function<void()>> weakStep = step;
    *step = [self, run, weakStep]() {
        if (!self)
            return;
        const int i = run->results.size();
        if (i == run->manifest.documents().size()) {
            run->done(run->results);
            return;
        }
        auto next = weakStep.lock();
        self->send(run->manifest.documents()[i], i, run->mode, run->force, [run, next](const DocumentResult &r) {
            run->results << r;
            if (next)
                (*next)();
        });
    };
    // Kept alive by the callbacks in flight, which hold `next`.
    (*step)();
}

const api::ResourceInfo *ManifestApplier::resourceOrRefuse(const ManifestDocument &doc, int index, const ObjectDone &done)
{
    QString why;
    if (const api::ResourceInfo *r = resourceOf(doc, &why))
        return r;
    DocumentResult result;
    result.document = index;
    result.error = api::ApiError::badRequest(why);
    // Answered on the next turn, as a request's answer would be.
    QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
    return nullptr;
}

void ManifestApplier::send(const ManifestDocument &doc, int index, Mode mode, bool force, ObjectDone done)
{
    const api::ResourceInfo *r = resourceOrRefuse(doc, index, done);
    if (!r)
        return;
    const bool dryRun = mode == Mode::DryRun;
    const QString path = objectPath(*r, doc);
    QJsonObject obj = doc.object;
    const QString version = doc.resourceVersion();
    if (!version.isEmpty()) {
        // A live object's YAML saved under another name (or deleted meanwhile)
        // has a resourceVersion but nothing to update: create it by apply.
        QPointer<ManifestApplier> self(this);
        ManifestDocument fresh = doc;
        QJsonObject meta = fresh.object.value(QStringLiteral("metadata")).toObject();
        meta.remove(QStringLiteral("resourceVersion"));
        fresh.object.insert(QStringLiteral("metadata"), meta);
        sendRequest("PUT", path, "application/json", QJsonDocument(obj).toJson(QJsonDocument::Compact), dryRun, false, index,
                    version, [self, fresh, index, mode, force, done](const DocumentResult &r) {
                        if (self && !r.ok && r.error.code == 404 && r.error.reason == QLatin1String("NotFound")
                            && r.error.kind != QLatin1String("namespaces"))
                            self->send(fresh, index, mode, force, done);
                        else
                            done(r);
                    });
    } else {
        // Server-side apply owns no status: the editor's copy of it is not an intent.
        obj.remove(QStringLiteral("status"));
        sendRequest("PATCH", path, "application/apply-patch+yaml", QJsonDocument(obj).toJson(QJsonDocument::Compact), dryRun,
                    force, index, version, std::move(done));
    }
}

void ManifestApplier::sendRequest(const QByteArray &method, const QString &path, const QByteArray &contentType,
                                  const QByteArray &body, bool dryRun, bool force, int index, const QString &sentVersion,
                                  ObjectDone done)
{
    api::ApiRequest req;
    req.method = method;
    req.path = path;
    req.headers.emplaceBack("accept", "application/json");
    if (!body.isEmpty()) {
        req.headers.emplaceBack("content-type", contentType);
        req.body = body;
    }
    if (method != "GET") {
        req.query.append({QStringLiteral("fieldManager"), fieldManager_});
        if (dryRun)
            req.query.append({QStringLiteral("dryRun"), QStringLiteral("All")});
        if (force)
            req.query.append({QStringLiteral("force"), QStringLiteral("true")});
    }
    QPointer<ManifestApplier> self(this);
    client_.transport().send(req, [self, done = std::move(done), index, sentVersion](const api::ApiResponse &resp) {
        if (!self)
            return;
        DocumentResult result;
        result.document = index;
        if (resp.status >= 200 && resp.status < 300) {
            result.ok = true;
            result.created = resp.status == 201;
            result.object = QJsonDocument::fromJson(resp.body).object();
            result.unchanged = !sentVersion.isEmpty()
                && result.object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("resourceVersion")).toString()
                       == sentVersion;
        } else {
            result.error = errorWithCauses(resp.status, resp.body);
        }
        done(result);
    });
}

void ManifestApplier::fetch(const ManifestDocument &doc, ObjectDone done)
{
    const api::ResourceInfo *r = resourceOrRefuse(doc, -1, done);
    if (!r)
        return;
    sendRequest("GET", objectPath(*r, doc), {}, {}, false, false, -1, {}, std::move(done));
}

void ManifestApplier::mergePatch(const ManifestDocument &doc, const QJsonObject &patch, ObjectDone done)
{
    const api::ResourceInfo *r = resourceOrRefuse(doc, -1, done);
    if (!r)
        return;
    sendRequest("PATCH", objectPath(*r, doc), "application/merge-patch+json",
                QJsonDocument(patch).toJson(QJsonDocument::Compact), false, false, 0, {}, std::move(done));
}

QList<ManifestProblem> problemsOf(const Manifest &manifest, const DocumentResult &result)
{
    QList<ManifestProblem> problems;
    if (result.ok)
        return problems;
    const int doc = result.document;
    // A namespace this same manifest creates does not exist yet during a
    // dry run: say so instead of calling the document wrong.
    if (result.error.code == 404 && result.error.kind == QLatin1String("namespaces")) {
        for (int i = 0; i < doc && i < manifest.documents().size(); ++i) {
            const ManifestDocument &d = manifest.documents()[i];
            if (d.kind() == QLatin1String("Namespace") && d.name() == result.error.name) {
                ManifestProblem p{doc, manifest.lineOf(doc, QStringLiteral("metadata.namespace")), 0,
                                  QStringLiteral("metadata.namespace"),
                                  ManifestApplier::tr("namespace \"%1\" is created by document %2 of this manifest; this document "
                                     "is checked once it exists").arg(result.error.name).arg(i + 1)};
                p.warning = true;
                return {p};
            }
        }
    }
    for (const api::StatusCause &c : result.error.causes) {
        const QString text = c.field.isEmpty() ? c.message : c.field + QStringLiteral(": ") + c.message;
        problems << ManifestProblem{doc, manifest.lineOf(doc, c.field), 0, c.field, text};
    }
    // A stale resourceVersion is what a conflict is about: mark that line.
    if (problems.isEmpty() && result.error.code == 409 && doc >= 0 && doc < manifest.documents().size()
        && !manifest.documents()[doc].resourceVersion().isEmpty()) {
        const QString field = QStringLiteral("metadata.resourceVersion");
        problems << ManifestProblem{doc, manifest.lineOf(doc, field), 0, field, describeError(result.error)};
    }
    if (problems.isEmpty()) {
        const int line = doc >= 0 && doc < manifest.documents().size() ? manifest.documents()[doc].firstLine : 0;
        problems << ManifestProblem{doc, line, 0, QString(), describeError(result.error)};
    }
    return problems;
}

}  // namespace timoneiro::ui
