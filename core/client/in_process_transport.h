#pragma once
// The in-process transport: requests go straight into the API server's
// handler chain (same admission, validation and watch semantics as HTTP,
// no sockets), under the component's own identity.
#include "transport.h"

namespace timoneiro::client {

class InProcessTransport final : public Transport {
    Q_OBJECT
public:
    InProcessTransport(api::Handler &handler, api::UserInfo user, QObject *parent = nullptr);

    void send(const api::ApiRequest &request, ResponseCallback done) override;
    std::unique_ptr<WatchHandle> watch(const api::ApiRequest &request, EventCallback onEvent, EndCallback onEnd) override;

private:
    api::ApiRequest withUser(api::ApiRequest request) const;

    api::Handler &handler_;
    api::UserInfo user_;
};

}  // namespace timoneiro::client
