#pragma once
// How a Client reaches an API server: in process (the handler chain itself)
// or over HTTPS. Both deliver results on the caller's event loop, never
// inside the call, so callers need not worry about reentrancy.
#include "api/request.h"
#include "api/status.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace timoneiro::client {

using ResponseCallback = std::function<void(const api::ApiResponse &)>;
using EventCallback = std::function<void(const api::WatchEvent &)>;
// Called once when a watch ends: nothing for a normal end (timeout, server
// closed it), or the error that ended it.
using EndCallback = std::function<void(const std::optional<api::ApiError> &)>;
// Bytes of a streamed response body (a pod's log), as they arrive.
using DataCallback = std::function<void(const QByteArray &)>;

// A running watch; destroying it stops it (no callback afterwards).
class WatchHandle {
public:
    virtual ~WatchHandle() = default;
};

// A watch the server refused: reports the error once, on the event loop.
class FailedWatch final : public QObject, public WatchHandle {
    Q_OBJECT
public:
    FailedWatch(const api::ApiError &error, EndCallback onEnd);
};

class Transport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void send(const api::ApiRequest &request, ResponseCallback done) = 0;
    virtual std::unique_ptr<WatchHandle> watch(const api::ApiRequest &request, EventCallback onEvent, EndCallback onEnd) = 0;
    // A GET whose body is read as it arrives (pods/log?follow=true). An
    // error status ends it with the Status the server sent. The default
    // delivers the whole body at once, for transports whose handler answers
    // in one piece; destroying the handle stops it.
    virtual std::unique_ptr<WatchHandle> stream(const api::ApiRequest &request, DataCallback onData, EndCallback onEnd);
};

// The error an HTTP status and body stand for (a Status when the server sent one).
api::ApiError errorFromResponse(const api::ApiResponse &response);

}  // namespace timoneiro::client
