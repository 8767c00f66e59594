// The whole handler chain, as the HTTP transport feeds it: method, path and
// query, content type, body. Every answer must be a status code a client
// understands, and every error a Status object; the server must not crash
// or hang, whatever arrives.
#include "fuzz_support.h"

#include "apiserver/apiserver.h"
#include "apiserver/http_server.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace timoneiro;

namespace {

struct Cluster {
    QTemporaryDir dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<apiserver::ApiServer> api;

    Cluster()
    {
        store::Options options;
        options.synchronous = QStringLiteral("OFF");  // durability is not what this target tests
        store = std::move(*store::Store::open(dir.filePath(QStringLiteral("store.db")), options));
        api = std::make_unique<apiserver::ApiServer>(*store);
        if (!api->bootstrap())
            std::abort();
    }
};

Cluster &cluster()
{
    static Cluster c;
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = fuzz::bytes(data, size).split('\n');
    if (parts.size() < 3)
        return 0;
    api::ApiRequest req;
    req.method = parts[0].left(16).toUpper();
    const QByteArray target = parts[1];
    const int q = target.indexOf('?');
    req.path = QString::fromUtf8(QByteArray::fromPercentEncoding(q < 0 ? target : target.left(q)));
    if (q >= 0)
        req.query = apiserver::decodeQuery(target.mid(q + 1));
    req.headers.emplaceBack("content-type", parts[2]);
    // An optional fourth line "accept:<media types>", then the body.
    const bool accept = parts.size() > 3 && parts[3].startsWith("accept:");
    req.headers.emplaceBack("accept", accept ? parts[3].mid(7) : QByteArray("application/json"));
    qsizetype offset = parts[0].size() + parts[1].size() + parts[2].size() + 3;
    if (accept)
        offset += parts[3].size() + 1;
    req.body = fuzz::bytes(data, size).mid(offset);
    req.user = {QStringLiteral("fuzzer"), {QStringLiteral("system:masters"), QStringLiteral("system:authenticated")}};
    req.userAgent = QStringLiteral("fuzz/1.0");

    api::ApiResponse resp = cluster().api->handle(req);
    if (resp.status < 200 || resp.status > 599)
        std::abort();
    if (resp.watch) {
        resp.watch->take();
        resp.watch->cancel();
        return 0;
    }
    if (resp.status >= 400) {
        const QJsonObject status = QJsonDocument::fromJson(resp.body).object();
        if (status.value(QStringLiteral("kind")).toString() != QLatin1String("Status")
            || status.value(QStringLiteral("code")).toInt() != resp.status)
            std::abort();
    }
    return 0;
}
