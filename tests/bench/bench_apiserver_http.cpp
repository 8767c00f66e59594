// Benchmark of the API server over HTTP: creates/s with concurrent clients,
// list latency, watch delivery delay -- beside the floor measured in the
// same run on the same disk: raw SQLite inserts with the store's settings.
// Prints figures; asserts nothing about time.
//
//   bench_apiserver_http [--clients N] [--objects N] [--watch-events N]
#include "bench_support.h"
#include "timoneirod_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using timoneiro::bench::percentile;
using timoneiro::testing::TimoneirodProcess;

namespace {

QByteArray configMap(const QString &name)
{
    QJsonObject cm{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                   {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                   {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                            {QStringLiteral("labels"), QJsonObject{{QStringLiteral("bench"), QStringLiteral("yes")}}}}},
                   {QStringLiteral("data"), QJsonObject{{QStringLiteral("payload"), QString(200, QLatin1Char('x'))}}}};
    return QJsonDocument(cm).toJson(QJsonDocument::Compact);
}

// The admin's TLS (cluster CA, client certificate), set once the server runs.

// One blocking request on this thread's manager; returns the HTTP status.
int request(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &body = {})
{
    return timoneiro::bench::request(nam, timoneiro::bench::gTls(), method, url, body).status;
}

// The floor: what SQLite itself does on this disk with the store's settings
// (WAL, synchronous=FULL, one transaction per write) for rows of the same size.
double sqliteInsertsPerSecond(const QString &dir, int rows, const char *synchronous = "FULL")
{
    sqlite3 *db = nullptr;
    const QByteArray path = (dir + QStringLiteral("/floor-%1.db").arg(QLatin1String(synchronous))).toUtf8();
    if (sqlite3_open(path.constData(), &db) != SQLITE_OK)
        return 0;
    const QByteArray sync = QByteArray("PRAGMA synchronous=") + synchronous + ";";
    sqlite3_exec(db, sync.constData(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL;"
                     "CREATE TABLE kv(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, value BLOB);"
                     "CREATE INDEX kv_name ON kv(name, id);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO kv(name, value) VALUES(?, ?)", -1, &stmt, nullptr);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < rows; ++i) {
        const QByteArray key = "/registry/core/configmaps/bench/cm-" + QByteArray::number(i);
        const QByteArray value = configMap(QStringLiteral("cm-%1").arg(i));
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(stmt, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(stmt, 2, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows / seconds;
}

class Client : public QThread {
public:
    Client(QString base, int from, int count) : base_(std::move(base)), from_(from), count_(count) {}
    std::atomic<int> failures{0};
    std::vector<double> latenciesMs;
    enum class Mode { Create, List } mode = Mode::Create;

protected:
    void run() override
    {
        QNetworkAccessManager nam;
        for (int i = from_; i < from_ + count_; ++i) {
            QElapsedTimer t;
            t.start();
            int status = mode == Mode::Create
                             ? request(nam, "POST", QUrl(base_ + QStringLiteral("/api/v1/namespaces/bench/configmaps")),
                                       configMap(QStringLiteral("cm-%1").arg(i)))
                             : request(nam, "GET", QUrl(base_ + QStringLiteral("/api/v1/namespaces/bench/configmaps")));
            latenciesMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (status != (mode == Mode::Create ? 201 : 200))
                ++failures;
        }
    }

private:
    QString base_;
    int from_;
    int count_;
};

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("Concurrent clients."), QStringLiteral("N"), QStringLiteral("8"));
    QCommandLineOption objectsOpt(QStringLiteral("objects"), QStringLiteral("Objects created."), QStringLiteral("N"), QStringLiteral("2000"));
    QCommandLineOption watchOpt(QStringLiteral("watch-events"), QStringLiteral("Watch events timed."), QStringLiteral("N"), QStringLiteral("300"));
    parser.addOptions({clientsOpt, objectsOpt, watchOpt});
    parser.addHelpOption();
    parser.process(app);
    const int clients = std::max(1, parser.value(clientsOpt).toInt());
    const int objects = std::max(clients, parser.value(objectsOpt).toInt());
    const int watchEvents = std::max(10, parser.value(watchOpt).toInt());

    QTemporaryDir dir;
    TimoneirodProcess server;
    if (!server.start(dir.path() + QStringLiteral("/data"))) {
        std::fprintf(stderr, "bench: timoneirod did not start:\n%s\n", qPrintable(server.log()));
        return 1;
    }
    const QString base = server.server();
    timoneiro::bench::gTls() = server.adminTls();
    QNetworkAccessManager nam;
    request(nam, "POST", QUrl(base + QStringLiteral("/api/v1/namespaces")),
            R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}})");

    // 1. creates/s with concurrent clients
    std::vector<std::unique_ptr<Client>> workers;
    const int each = objects / clients;
    QElapsedTimer t;
    t.start();
    for (int c = 0; c < clients; ++c) {
        workers.push_back(std::make_unique<Client>(base, c * each, each));
        workers.back()->start();
    }
    int failures = 0;
    std::vector<double> createLatency;
    for (auto &w : workers) {
        w->wait();
        failures += w->failures;
        createLatency.insert(createLatency.end(), w->latenciesMs.begin(), w->latenciesMs.end());
    }
    const double createSeconds = double(t.nsecsElapsed()) / 1e9;
    const double createsPerSecond = (each * clients) / createSeconds;

    // 2. list latency: several clients listing every object at once
    workers.clear();
    const int listClients = std::min(clients, 4);
    for (int c = 0; c < listClients; ++c) {
        workers.push_back(std::make_unique<Client>(base, 0, 10));
        workers.back()->mode = Client::Mode::List;
        workers.back()->start();
    }
    std::vector<double> listLatency;
    for (auto &w : workers) {
        w->wait();
        failures += w->failures;
        listLatency.insert(listLatency.end(), w->latenciesMs.begin(), w->latenciesMs.end());
    }

    // 3. watch delivery delay: create -> event received, one at a time
    QNetworkRequest watchReq(QUrl(base + QStringLiteral("/api/v1/namespaces/bench/configmaps?watch=true&labelSelector=probe%3Dyes")));
    watchReq.setSslConfiguration(timoneiro::bench::gTls());
    QNetworkReply *watch = nam.get(watchReq);
    QHash<QString, qint64> sentAt;
    std::vector<double> watchDelay;
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer;
    QEventLoop loop;
    QObject::connect(watch, &QNetworkReply::readyRead, &loop, [&] {
        buffer += watch->readAll();
        int nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QJsonObject ev = QJsonDocument::fromJson(buffer.left(nl)).object();
            buffer.remove(0, nl + 1);
            const QString name = ev.value(QStringLiteral("object")).toObject().value(QStringLiteral("metadata")).toObject()
                                     .value(QStringLiteral("name")).toString();
            if (sentAt.contains(name))
                watchDelay.push_back(double(clock.nsecsElapsed() - sentAt.take(name)) / 1e6);
        }
        loop.quit();
    });
    QThread::msleep(200);
    QCoreApplication::processEvents();
    QNetworkAccessManager writer;
    for (int i = 0; i < watchEvents; ++i) {
        const QString name = QStringLiteral("probe-%1").arg(i);
        QJsonObject obj = QJsonDocument::fromJson(configMap(name)).object();
        QJsonObject meta = obj.value(QStringLiteral("metadata")).toObject();
        meta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("probe"), QStringLiteral("yes")}});
        obj.insert(QStringLiteral("metadata"), meta);
        sentAt.insert(name, clock.nsecsElapsed());
        request(writer, "POST", QUrl(base + QStringLiteral("/api/v1/namespaces/bench/configmaps")),
                QJsonDocument(obj).toJson(QJsonDocument::Compact));
        QTimer::singleShot(2000, &loop, &QEventLoop::quit);
        while (sentAt.contains(name) && clock.elapsed() < 60000)
            loop.exec();
    }
    watch->abort();

    const double floor = sqliteInsertsPerSecond(dir.path(), objects);
    server.stop();

    std::printf("Timoneiro API server benchmark (HTTP on loopback, store in %s)\n", qPrintable(dir.path()));
    std::printf("  creates/s, %d clients, %d ConfigMaps:      %8.1f   (p50 %.2f ms, p99 %.2f ms per create)\n", clients,
                each * clients, createsPerSecond, percentile(createLatency, 0.5), percentile(createLatency, 0.99));
    std::printf("  floor: raw SQLite inserts/s, same disk:     %8.1f   (WAL, synchronous=FULL, one transaction each)\n", floor);
    std::printf("  ratio creates/s : SQLite floor:             %8.2f\n", floor > 0 ? createsPerSecond / floor : 0.0);
    // What durability costs: the same inserts when a commit survives a
    // process crash but not a power loss.
    const double normal = sqliteInsertsPerSecond(dir.path(), objects, "NORMAL");
    std::printf("  SQLite inserts/s with synchronous=NORMAL:   %8.1f   (FULL costs %.0f%% of that)\n", normal,
                normal > 0 ? 100.0 * (1.0 - floor / normal) : 0.0);
    std::printf("  list latency, %d objects, %d clients:       p50 %.2f ms, p99 %.2f ms\n", each * clients + 0, listClients,
                percentile(listLatency, 0.5), percentile(listLatency, 0.99));
    std::printf("  watch delivery delay (create -> event), %zu events: p50 %.2f ms, p99 %.2f ms\n", watchDelay.size(),
                percentile(watchDelay, 0.5), percentile(watchDelay, 0.99));
    std::printf("  failed requests: %d\n", failures);
    return failures == 0 && int(watchDelay.size()) == watchEvents ? 0 : 1;
}
