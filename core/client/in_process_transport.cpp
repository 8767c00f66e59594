#include "in_process_transport.h"

#include <QJsonDocument>
#include <QPointer>

#include <atomic>

namespace timoneiro::client {

namespace {

// Drains a server-side watch stream on the receiver's event loop.
class InProcessWatch final : public QObject, public WatchHandle {
public:
    InProcessWatch(std::shared_ptr<api::WatchStream> stream, EventCallback onEvent, EndCallback onEnd)
        : stream_(std::move(stream)), onEvent_(std::move(onEvent)), onEnd_(std::move(onEnd))
    {
        QPointer<InProcessWatch> self(this);
        auto pending = pending_;
        stream_->setNotifier([self, pending] {
            // Any thread: coalesce wake-ups into one drain on our thread.
            if (pending->exchange(true))
                return;
            QMetaObject::invokeMethod(
                self.data(), [self] { if (self) self->drain(); }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(this, [self] { if (self) self->drain(); }, Qt::QueuedConnection);
    }
    ~InProcessWatch() override
    {
        stream_->setNotifier({});
        stream_->cancel();
    }

private:
    void drain()
    {
        pending_->store(false);
        if (ended_)
            return;
        const QList<api::WatchEvent> events = stream_->take();
        QPointer<InProcessWatch> self(this);
        for (const api::WatchEvent &e : events) {
            if (e.type == QLatin1String("ERROR")) {
                ended_ = true;
                api::ApiError err;
                err.code = e.object.value(QStringLiteral("code")).toInt(500);
                err.reason = e.object.value(QStringLiteral("reason")).toString();
                err.message = e.object.value(QStringLiteral("message")).toString();
                onEnd_(err);
                return;
            }
            onEvent_(e);
            if (!self)
                return;  // the callback destroyed us
        }
        if (stream_->finished()) {
            ended_ = true;
            onEnd_(std::nullopt);
        }
    }

    std::shared_ptr<api::WatchStream> stream_;
    EventCallback onEvent_;
    EndCallback onEnd_;
    std::shared_ptr<std::atomic<bool>> pending_ = std::make_shared<std::atomic<bool>>(false);
    bool ended_ = false;
};

}  // namespace

FailedWatch::FailedWatch(const api::ApiError &error, EndCallback onEnd)
{
    QPointer<FailedWatch> self(this);
    QMetaObject::invokeMethod(
        this, [self, error, onEnd = std::move(onEnd)] { if (self) onEnd(error); }, Qt::QueuedConnection);
}

InProcessTransport::InProcessTransport(api::Handler &handler, api::UserInfo user, QObject *parent)
    : Transport(parent), handler_(handler), user_(std::move(user))
{
}

api::ApiRequest InProcessTransport::withUser(api::ApiRequest request) const
{
    request.user = user_;
    if (request.userAgent.isEmpty())
        request.userAgent = user_.name;
    return request;
}

void InProcessTransport::send(const api::ApiRequest &request, ResponseCallback done)
{
    api::ApiResponse response = handler_.handle(withUser(request));
    if (response.watch)
        response.watch->cancel();
    QMetaObject::invokeMethod(
        this, [done = std::move(done), response] { done(response); }, Qt::QueuedConnection);
}

std::unique_ptr<WatchHandle> InProcessTransport::watch(const api::ApiRequest &request, EventCallback onEvent, EndCallback onEnd)
{
    api::ApiResponse response = handler_.handle(withUser(request));
    if (!response.watch)
        return std::make_unique<FailedWatch>(errorFromResponse(response), std::move(onEnd));
    return std::make_unique<InProcessWatch>(response.watch, std::move(onEvent), std::move(onEnd));
}

}  // namespace timoneiro::client
