#pragma once
// The garbage collector: objects whose owners (ownerReferences) are all gone
// are deleted (background propagation); owners deleted with the
// foregroundDeletion finalizer wait until their blocking dependents are
// gone; owners deleted with the orphan finalizer let their dependents go
// free. Then the finalizer comes off and the owner is deleted.
#include "controllers/controller.h"

#include <QSet>

namespace timoneiro::controllers {

class GarbageCollector final : public Controller {
    Q_OBJECT
public:
    explicit GarbageCollector(client::Client &client, QObject *parent = nullptr);

protected:
    // key: "<group>/<plural>|<ns>/<name>"
    bool reconcile(const QString &key) override;

private:
    struct Kind {
        const char *group;
        const char *plural;
        const char *kind;
    };
    void reconcileDependent(const api::ResourceInfo &r, const QJsonObject &obj);
    void reconcileOwner(const api::ResourceInfo &r, const QJsonObject &owner);
    std::optional<QJsonObject> ownerByUid(const QString &kind, const QString &uid) const;
    QList<QPair<const api::ResourceInfo *, QJsonObject>> dependentsOf(const QString &uid) const;
    void removeFinalizer(const api::ResourceInfo &r, const QJsonObject &obj, const QString &finalizer);

    // Keeps the owner graph below current: a lookup per event instead of a
    // scan of every cached object (what made each pod write cost as much as
    // the number of pods in the cluster).
    void index(const QString &prefix, const QJsonObject &obj, bool present);
    // The object named by "<group>/<plural>|<ns>/<name>", and its informer.
    std::optional<QJsonObject> objectAt(const QString &ref, client::Informer **informer) const;

    QHash<QString, client::Informer *> byKind_;    // Kind -> informer
    QHash<QString, client::Informer *> byPrefix_;  // "<group>/<plural>" -> informer
    QHash<QString, QString> byUid_;                // uid -> "<group>/<plural>|<ns>/<name>"
    QHash<QString, QSet<QString>> dependents_;     // owner uid -> its dependents' refs
    QHash<QString, QStringList> ownersOf_;         // a dependent's ref -> the owner uids it names
};

}  // namespace timoneiro::controllers
