// Benchmark of the desktop app under a busy cluster: N pods on M simulated
// nodes changing at R updates/s, shown live in the main window (offscreen).
// It measures how long the UI thread is kept from its event loop (a 5 ms
// heartbeat timer: every interval past 5 ms is a stall), the time until the
// table holds every pod, and the app's resident memory. The floor, in the
// same run over the same stream of updates: a bare informer of pods (what the
// client library alone costs the thread), and the idle heartbeat.
// Prints figures; asserts nothing about time.
//
//   bench_ui_stalls [--nodes 1000] [--pods 10000] [--rate 200] [--seconds 20]
#include "bench_support.h"
#include "timoneirod_process.h"

#include "client/client.h"
#include "client/http_transport.h"
#include "client/informer.h"
#include "client/kubeconfig.h"
#include "views/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>

using namespace timoneiro;
using timoneiro::bench::percentile;
using timoneiro::testing::TimoneirodProcess;

namespace {

constexpr int kHeartbeatMs = 5;

// Records the intervals of a 5 ms timer on the calling thread while it runs.
class Heartbeat {
public:
    Heartbeat()
    {
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            intervals_.push_back(double(last_.nsecsElapsed()) / 1e6);
            last_.restart();
        });
    }
    void start()
    {
        intervals_.clear();
        last_.start();
        timer_.start(kHeartbeatMs);
    }
    std::vector<double> stop()
    {
        timer_.stop();
        return intervals_;
    }

private:
    QTimer timer_;
    QElapsedTimer last_;
    std::vector<double> intervals_;
};

void printStalls(const char *what, const std::vector<double> &intervals)
{
    double worst = 0;
    for (double v : intervals)
        worst = std::max(worst, v);
    std::printf("  %-34s heartbeat p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms  (%zu beats of %d ms)\n", what,
                percentile(intervals, 0.5), percentile(intervals, 0.99), worst, intervals.size(), kHeartbeatMs);
}

// Patches pod annotations at a fixed rate from its own thread (its own
// network manager), so the UI thread only receives the watch events.
class Updater {
public:
    Updater(QString base, QSslConfiguration tls, int pods, int rate)
        : base_(std::move(base)), tls_(std::move(tls)), pods_(pods), rate_(rate)
    {
    }
    ~Updater() { stop(); }

    void start(int seconds)
    {
        stop();
        sent_ = 0;
        failed_ = 0;
        thread_.reset(QThread::create([this, seconds] { run(seconds); }));
        thread_->start();
    }
    void stop()
    {
        if (thread_)
            thread_->wait();
        thread_.reset();
    }
    // Waits for the run to end while this thread goes on with its events.
    void finish()
    {
        bench::waitUntil([this] { return !thread_ || thread_->isFinished(); }, 24 * 3600 * 1000, 5);
        stop();
    }
    int sent() const { return sent_; }
    int failed() const { return failed_; }

private:
    void run(int seconds)
    {
        QNetworkAccessManager nam;
        QElapsedTimer clock;
        clock.start();
        const qint64 total = qint64(rate_) * seconds;
        int inFlight = 0;
        QEventLoop loop;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            // Catch up with the schedule, never more than 32 requests in flight.
            const qint64 due = std::min(total, clock.elapsed() * rate_ / 1000);
            while (sent_ < due && inFlight < 32) {
                const int i = sent_ % pods_;
                QNetworkRequest req(QUrl(base_ + QStringLiteral("/api/v1/namespaces/default/pods/p-%1").arg(i)));
                req.setSslConfiguration(tls_);
                req.setHeader(QNetworkRequest::ContentTypeHeader, "application/merge-patch+json");
                const QByteArray body = QByteArray(R"({"metadata":{"annotations":{"bench/tick":")")
                                        + QByteArray::number(sent_) + "\"}}}";
                QNetworkReply *reply = nam.sendCustomRequest(req, "PATCH", body);
                ++inFlight;
                ++sent_;
                QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                        ++failed_;
                    reply->deleteLater();
                    --inFlight;
                });
            }
            if (sent_ >= total && inFlight == 0)
                loop.quit();
            if (clock.elapsed() > qint64(seconds) * 1000 + 30000)
                loop.quit();  // bounded: a server that stopped answering ends the run
        });
        tick.start(2);
        loop.exec();
    }

    QString base_;
    QSslConfiguration tls_;
    int pods_;
    int rate_;
    std::unique_ptr<QThread> thread_;
    std::atomic<int> sent_{0};
    std::atomic<int> failed_{0};
};

QByteArray podBody(int i, int nodes)
{
    const QJsonObject pod{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("p-%1").arg(i)},
                                                 {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("bench")}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), QStringLiteral("sim-node-%1").arg(i % nodes + 1)},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web")}, {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
    return QJsonDocument(pod).toJson(QJsonDocument::Compact);
}

}  // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("Simulated nodes."), QStringLiteral("N"), QStringLiteral("1000"));
    QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("Pods."), QStringLiteral("N"), QStringLiteral("10000"));
    QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Pod updates per second."), QStringLiteral("N"), QStringLiteral("200"));
    QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Seconds of updates per phase."), QStringLiteral("N"),
                                  QStringLiteral("20"));
    parser.addOptions({nodesOpt, podsOpt, rateOpt, secondsOpt});
    parser.addHelpOption();
    parser.process(app);
    const int nodes = std::max(1, parser.value(nodesOpt).toInt());
    const int pods = std::max(1, parser.value(podsOpt).toInt());
    const int rate = std::max(1, parser.value(rateOpt).toInt());
    const int seconds = std::max(1, parser.value(secondsOpt).toInt());

    QTemporaryDir dir;
    TimoneirodProcess server({QStringLiteral("--simulated-nodes"), QString::number(nodes)});
    if (!server.start(dir.path() + QStringLiteral("/data"))) {
        std::fprintf(stderr, "bench: timoneirod did not start:\n%s\n", qPrintable(server.log()));
        return 1;
    }
    const QSslConfiguration tls = server.adminTls();
    std::printf("bench_ui_stalls: %d pods on %d simulated nodes, %d updates/s for %d s per phase\n", pods, nodes, rate, seconds);

    // The pods, bound by name to the simulated nodes (their kubelets mark them Running).
    QElapsedTimer t;
    t.start();
    const auto created = bench::runParallel(4, pods, [&](QNetworkAccessManager &nam, int i) {
        const auto r = bench::request(nam, tls, "POST", QUrl(server.server() + QStringLiteral("/api/v1/namespaces/default/pods")),
                                      podBody(i, nodes));
        return r.status == 201;
    });
    std::printf("  created %d pods in %.1f s (%d failed)\n", pods, bench::secondsOf(t), created.failures);

    auto config = client::Kubeconfig::load({server.kubeconfig()});
    auto serverConfig = config ? config->serverConfig() : api::Result<client::ServerConfig>(config.error());
    if (!serverConfig) {
        std::fprintf(stderr, "bench: kubeconfig: %s\n", qPrintable(serverConfig.error().message));
        return 1;
    }
    client::Client client(new client::HttpTransport(*serverConfig));
    Heartbeat heartbeat;
    Updater updater(server.server(), tls, pods, rate);
    const qint64 rssStart = bench::processMemory(QCoreApplication::applicationPid()).rssKb;

    heartbeat.start();
    bench::waitUntil([] { return false; }, 2000);
    printStalls("idle (floor)", heartbeat.stop());

    // Floor: a bare informer of pods receiving the same stream.
    std::vector<double> floorUpdates;
    {
        client::Informer informer(client, api::builtinResource(QString(), QStringLiteral("pods")));
        heartbeat.start();
        t.restart();
        informer.start();
        if (!bench::waitUntil([&] { return informer.hasSynced(); }, 300000)) {
            std::fprintf(stderr, "bench: the informer never synced\n");
            return 1;
        }
        const double syncSeconds = bench::secondsOf(t);
        printStalls("informer: initial list (floor)", heartbeat.stop());
        std::printf("  informer synced %lld pods in %.2f s\n", qlonglong(informer.list().size()), syncSeconds);
        heartbeat.start();
        updater.start(seconds);
        updater.finish();
        floorUpdates = heartbeat.stop();
        printStalls("informer: updates (floor)", floorUpdates);
    }

    // The main window showing every pod.
    const qint64 rssBeforeWindow = bench::processMemory(QCoreApplication::applicationPid()).rssKb;
    heartbeat.start();
    t.restart();
    auto window = std::make_unique<ui::MainWindow>(client, QStringLiteral("bench"));
    window->show();
    window->showResource(QString(), QStringLiteral("pods"));
    if (!bench::waitUntil([&] { return window->visibleRows() >= pods; }, 600000)) {
        std::fprintf(stderr, "bench: the table never held every pod (%d of %d)\n", window->visibleRows(), pods);
        return 1;
    }
    const double loadSeconds = bench::secondsOf(t);
    printStalls("window: initial load", heartbeat.stop());
    std::printf("  window showed %d pods in %.2f s\n", window->visibleRows(), loadSeconds);
    heartbeat.start();
    updater.start(seconds);
    updater.finish();
    const std::vector<double> windowUpdates = heartbeat.stop();
    printStalls("window: updates", windowUpdates);
    std::printf("  updates sent %d, failed %d\n", updater.sent(), updater.failed());
    const double ratio = percentile(windowUpdates, 0.99) / std::max(0.001, percentile(floorUpdates, 0.99));
    std::printf("  UI stall p99 under updates: window %.1f ms vs bare informer %.1f ms = %.2fx\n",
                percentile(windowUpdates, 0.99), percentile(floorUpdates, 0.99), ratio);

    const auto mem = bench::processMemory(QCoreApplication::applicationPid());
    std::printf("  app resident memory: %.0f MB (peak %.0f MB); at start %.0f MB, before the window %.0f MB\n",
                double(mem.rssKb) / 1024, double(mem.hwmKb) / 1024, double(rssStart) / 1024, double(rssBeforeWindow) / 1024);
    const auto serverMem = bench::processMemory(server.pid());
    std::printf("  timoneirod resident memory: %.0f MB (peak %.0f MB)\n", double(serverMem.rssKb) / 1024,
                double(serverMem.hwmKb) / 1024);
    window.reset();
    return server.stop() == 0 ? 0 : 1;
}
