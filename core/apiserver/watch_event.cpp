#include "watch_event.h"

#include "object_meta.h"

#include "api/selector.h"

namespace timoneiro::apiserver {

const QString &DecodedEvent::field(const QString &dottedPath, bool ofPrevious) const
{
    QHash<QString, QString> &cache = ofPrevious ? previousFields_ : fields_;
    auto it = cache.find(dottedPath);
    if (it == cache.end())
        it = cache.insert(dottedPath, api::fieldValue(ofPrevious ? previous : object, dottedPath));
    return *it;
}

std::shared_ptr<const DecodedEvent> WatchEventDecoder::decode(const store::StoreEvent &event)
{
    std::lock_guard guard(mutex_);
    if (last_ && last_->revision == event.revision && lastKey_ == event.key)
        return last_;
    auto d = std::make_shared<DecodedEvent>();
    d->type = event.type;
    d->revision = event.revision;
    d->object = decodeStored(event.value, event.revision);
    d->labels = metadataOf(d->object).value(QStringLiteral("labels")).toObject();
    if (!event.prevValue.isEmpty()) {
        d->previous = decodeStored(event.prevValue, event.revision);
        d->previousLabels = metadataOf(d->previous).value(QStringLiteral("labels")).toObject();
    }
    last_ = d;
    lastKey_ = event.key;
    return d;
}

}  // namespace timoneiro::apiserver
