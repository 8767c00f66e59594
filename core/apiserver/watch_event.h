#pragma once
// A committed store event decoded once for every watch that sees it. With
// a thousand kubelets each watching pods with its own field selector, every
// pod write reaches a thousand watch streams: decoding the JSON (and
// looking selector fields up) once per event instead of once per stream is
// what keeps a write's fan-out cheap, as the real API server's watch cache
// does.
#include "store/store.h"

#include <QHash>
#include <QJsonObject>

#include <memory>
#include <mutex>

namespace timoneiro::apiserver {

struct DecodedEvent {
    store::StoreEvent::Type type = store::StoreEvent::Type::Added;
    qint64 revision = 0;
    QJsonObject object;    // the new value (for Deleted, the last one)
    QJsonObject previous;  // empty for Added
    QJsonObject labels;
    QJsonObject previousLabels;

    // A field selector's dotted field of object (or previous), looked up
    // once per event. Only called from store callbacks, which the store
    // serializes under its lock.
    const QString &field(const QString &dottedPath, bool ofPrevious) const;

private:
    mutable QHash<QString, QString> fields_;
    mutable QHash<QString, QString> previousFields_;
};

class WatchEventDecoder {
public:
    // The decoded form of event; the same object for every stream that
    // asks about the same revision.
    std::shared_ptr<const DecodedEvent> decode(const store::StoreEvent &event);

private:
    std::mutex mutex_;
    std::shared_ptr<const DecodedEvent> last_;
    QString lastKey_;
};

}  // namespace timoneiro::apiserver
