#pragma once
// The real API server in the test's own process: a store in a temporary
// directory, the handler chain with the bootstrap objects, and an admin
// client through the in-process transport (no HTTP). Header-only: only the
// tests that link the API server include it.
#include "apiserver/apiserver.h"
#include "client/client.h"
#include "store/store.h"

#include <QTemporaryDir>

#include <memory>

namespace timoneiro::testing {

struct InProcessApi {
    QTemporaryDir dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<apiserver::ApiServer> api;
    std::unique_ptr<client::Client> client;

    // False when the store does not open or the bootstrap fails.
    bool start(const store::Options &options = {})
    {
        auto opened = store::Store::open(dir.filePath(QStringLiteral("s.db")), options);
        if (!opened)
            return false;
        store = std::move(*opened);
        api = std::make_unique<apiserver::ApiServer>(*store);
        if (!api->bootstrap().ok())
            return false;
        client.reset(client::Client::inProcess(*api, {QStringLiteral("admin"), {QStringLiteral("system:masters")}}));
        return true;
    }
};

}  // namespace timoneiro::testing
