// Benchmark of the control plane on simulated nodes, driving a real
// `timoneirod --simulated-nodes N` over HTTPS: pods/s scheduled and bound,
// the time for a Deployment to be all Ready, and timoneirod's resident
// memory at that size. Each figure is printed beside a floor measured in the
// same run, as a ratio:
//   - pods/s bound    vs the same number of pod creates + Binding writes
//                        made by this program (no scheduler decides anything);
//   - Deployment time vs the time for as many pods created directly (bare
//                        pods: scheduler and nodes, but no Deployment or
//                        ReplicaSet controller) to be all Ready;
//   - memory          vs the same process idle with its nodes and no pod.
// Kubernetes' scheduler_perf publishes a few hundred pods/s for
// kube-scheduler alone on real hardware: the anchor for the first figure.
// Prints figures; asserts nothing about time. Every wait is bounded.
//
//   bench_control_plane [--nodes N] [--pods N] [--replicas N] [--clients N] [--timeout S]
#include "bench_support.h"
#include "timoneirod_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

#include <cstdio>

using namespace timoneiro::bench;
using timoneiro::testing::Kubectl;
using timoneiro::testing::TimoneirodProcess;

namespace {

QString gBase;

QJsonObject podTemplateSpec(const QString &schedulerName = {})
{
    // scheduler_perf's default pod: one container requesting 100m CPU and 500Mi.
    QJsonObject spec{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("pause")},
                                             {QStringLiteral("image"), QStringLiteral("registry.k8s.io/pause:3.10")},
                                             {QStringLiteral("resources"),
                                              QJsonObject{{QStringLiteral("requests"),
                                                           QJsonObject{{QStringLiteral("cpu"), QStringLiteral("100m")},
                                                                       {QStringLiteral("memory"), QStringLiteral("500Mi")}}}}}}}}};
    if (!schedulerName.isEmpty())
        spec.insert(QStringLiteral("schedulerName"), schedulerName);
    return spec;
}

QByteArray pod(const QString &name, const QString &schedulerName = {})
{
    const QJsonObject p{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Pod")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                        {QStringLiteral("spec"), podTemplateSpec(schedulerName)}};
    return QJsonDocument(p).toJson(QJsonDocument::Compact);
}

bool post(QNetworkAccessManager &nam, const QString &path, const QByteArray &body)
{
    return request(nam, gTls(), "POST", QUrl(gBase + path), body).status == 201;
}

bool createNamespace(const QString &name)
{
    QNetworkAccessManager nam;
    return post(nam, QStringLiteral("/api/v1/namespaces"),
                QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                          {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}})
                    .toJson(QJsonDocument::Compact));
}

bool readyCondition(const QJsonObject &obj)
{
    for (const QJsonValue &c : obj.value(QStringLiteral("status")).toObject().value(QStringLiteral("conditions")).toArray())
        if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True");
    return false;
}

// Watches the pods of one namespace on a thread of its own and counts those
// bound to a node and those Ready.
class PodWatcher : public WatchThread {
public:
    explicit PodWatcher(const QString &ns)
        : WatchThread(QUrl(gBase + QStringLiteral("/api/v1/namespaces/%1/pods?watch=true").arg(ns)), gTls())
    {
    }
    ~PodWatcher() override { stop(); }
    std::atomic<int> bound{0};
    std::atomic<int> ready{0};

protected:
    void onEvent(const QString &type, const QJsonObject &obj) override
    {
        const QString name = obj.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
        const bool deleted = type == QLatin1String("DELETED");
        if (!deleted && !obj.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString().isEmpty())
            boundSet_.insert(name);
        else
            boundSet_.remove(name);
        if (!deleted && readyCondition(obj))
            readySet_.insert(name);
        else
            readySet_.remove(name);
        bound = int(boundSet_.size());
        ready = int(readySet_.size());
    }

private:
    QSet<QString> boundSet_, readySet_;
};

struct Timeouts {
    int ms;
    bool any = false;
    // Waits for done(); on timeout says what it waited for and what it saw.
    bool wait(const char *what, const std::function<bool()> &done, const std::function<QString()> &seen, int pollMs = 50)
    {
        if (waitUntil(done, ms, pollMs))
            return true;
        std::fprintf(stderr, "bench: timed out after %d s waiting for %s (%s)\n", ms / 1000, what, qPrintable(seen()));
        any = true;
        return false;
    }
};

int readyNodes(QNetworkAccessManager &nam)
{
    const Reply r = request(nam, gTls(), "GET", QUrl(gBase + QStringLiteral("/api/v1/nodes")));
    int ready = 0;
    for (const QJsonValue &n : QJsonDocument::fromJson(r.body).object().value(QStringLiteral("items")).toArray())
        ready += readyCondition(n.toObject()) ? 1 : 0;
    return ready;
}

// Creates count pods in ns over the clients; returns the creates' run.
RunResult createPods(const QString &ns, int count, int clients, const QString &schedulerName = {})
{
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns);
    return runParallel(clients, count, [&](QNetworkAccessManager &nam, int i) {
        return post(nam, path, pod(QStringLiteral("pod-%1").arg(i), schedulerName));
    });
}

QString mb(qint64 kb)
{
    return QString::number(double(kb) / 1024.0, 'f', 1);
}

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("Simulated nodes."), QStringLiteral("N"), QStringLiteral("1000"));
    QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("Pods to schedule."), QStringLiteral("N"), QStringLiteral("10000"));
    QCommandLineOption replicasOpt(QStringLiteral("replicas"), QStringLiteral("Replicas of the Deployment."), QStringLiteral("N"),
                                   QStringLiteral("1000"));
    QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("Concurrent clients creating pods."), QStringLiteral("N"),
                                  QStringLiteral("8"));
    QCommandLineOption timeoutOpt(QStringLiteral("timeout"), QStringLiteral("Longest wait for each phase, in seconds."),
                                  QStringLiteral("S"), QStringLiteral("1800"));
    parser.addOptions({nodesOpt, podsOpt, replicasOpt, clientsOpt, timeoutOpt});
    parser.addHelpOption();
    parser.process(app);
    const int nodes = std::max(1, parser.value(nodesOpt).toInt());
    const int pods = std::max(1, parser.value(podsOpt).toInt());
    const int replicas = std::max(1, parser.value(replicasOpt).toInt());
    const int clients = std::max(1, parser.value(clientsOpt).toInt());
    Timeouts timeout{std::max(1, parser.value(timeoutOpt).toInt()) * 1000};

    QTemporaryDir dir;
    TimoneirodProcess server({QStringLiteral("--simulated-nodes"), QString::number(nodes)});
    QElapsedTimer startClock;
    startClock.start();
    if (!server.start(dir.path() + QStringLiteral("/data"))) {
        std::fprintf(stderr, "bench: timoneirod --simulated-nodes %d did not start:\n%s\n", nodes, qPrintable(server.log()));
        return 1;
    }
    gBase = server.server();
    gTls() = server.adminTls();
    QNetworkAccessManager nam;
    std::printf("Timoneiro control plane benchmark: %d simulated nodes, %d pods, a %d-replica Deployment, %d clients (HTTPS on loopback)\n",
                nodes, pods, replicas, clients);
    std::fflush(stdout);

    // 0. Every node registered and Ready.
    int lastReady = 0;
    timeout.wait("every node to be Ready", [&] { return (lastReady = readyNodes(nam)) >= nodes; },
                 [&] { return QStringLiteral("%1 of %2 Ready").arg(lastReady).arg(nodes); }, 1000);
    const double nodesReadySeconds = secondsOf(startClock);
    QThread::sleep(2);  // let the first heartbeats and node IPAM settle
    const ProcessMemory idle = processMemory(server.pid());

    // 1. Pods scheduled and bound: creates start the clock, the last Binding stops it.
    for (const char *ns : {"bench-sched", "bench-deploy", "bench-direct", "bench-floor"})
        createNamespace(QLatin1String(ns));
    double boundSeconds = 0, allReadySeconds = 0;
    RunResult creates;
    {
        PodWatcher watcher(QStringLiteral("bench-sched"));
        watcher.start();
        waitUntil([&] { return watcher.open.load(); }, 10000);
        QElapsedTimer t;
        t.start();
        creates = createPods(QStringLiteral("bench-sched"), pods, clients);
        timeout.wait("every pod to be bound", [&] { return watcher.bound >= pods - creates.failures; },
                     [&] { return QStringLiteral("%1 of %2 bound").arg(watcher.bound.load()).arg(pods); });
        boundSeconds = secondsOf(t);
        timeout.wait("every pod to be Ready", [&] { return watcher.ready >= pods - creates.failures; },
                     [&] { return QStringLiteral("%1 of %2 Ready").arg(watcher.ready.load()).arg(pods); });
        allReadySeconds = secondsOf(t);
    }
    const ProcessMemory loaded = processMemory(server.pid());

    // 2. A Deployment, from its create to status.readyReplicas == replicas.
    const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("bench")}};
    const QJsonObject deployment{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("bench")}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas},
                                             {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                             {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                                                                                      {QStringLiteral("spec"), podTemplateSpec()}}}}}};
    QElapsedTimer deployClock;
    deployClock.start();
    int failures = creates.failures;
    if (!post(nam, QStringLiteral("/apis/apps/v1/namespaces/bench-deploy/deployments"), QJsonDocument(deployment).toJson(QJsonDocument::Compact)))
        ++failures;
    int readyReplicas = 0;
    timeout.wait("the Deployment to be all Ready",
                 [&] {
                     const Reply r = request(nam, gTls(), "GET", QUrl(gBase + QStringLiteral("/apis/apps/v1/namespaces/bench-deploy/deployments/bench")));
                     readyReplicas = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("status")).toObject()
                                         .value(QStringLiteral("readyReplicas")).toInt();
                     return readyReplicas >= replicas;
                 },
                 [&] { return QStringLiteral("%1 of %2 replicas Ready").arg(readyReplicas).arg(replicas); }, 200);
    const double deploySeconds = secondsOf(deployClock);
    const ProcessMemory full = processMemory(server.pid());

    // Floor for 2: as many bare pods, created directly, until all Ready.
    double directSeconds = 0;
    RunResult direct;
    {
        PodWatcher watcher(QStringLiteral("bench-direct"));
        watcher.start();
        waitUntil([&] { return watcher.open.load(); }, 10000);
        QElapsedTimer t;
        t.start();
        direct = createPods(QStringLiteral("bench-direct"), replicas, clients);
        timeout.wait("the direct pods to be Ready", [&] { return watcher.ready >= replicas - direct.failures; },
                     [&] { return QStringLiteral("%1 of %2 Ready").arg(watcher.ready.load()).arg(replicas); });
        directSeconds = secondsOf(t);
        failures += direct.failures;
    }

    // Floor for 1: the same number of pod creates and Binding writes through
    // the API, no scheduler: the pods name another scheduler, this program
    // binds them to a node no kubelet runs, so nothing else writes them.
    const QString floorPods = QStringLiteral("/api/v1/namespaces/bench-floor/pods");
    const RunResult floor = runParallel(clients, pods, [&](QNetworkAccessManager &n, int i) {
        const QString name = QStringLiteral("pod-%1").arg(i);
        const QJsonObject binding{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Binding")},
                                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                                  {QStringLiteral("target"), QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                                                         {QStringLiteral("kind"), QStringLiteral("Node")},
                                                                         {QStringLiteral("name"), QStringLiteral("bench-floor-node")}}}};
        return post(n, floorPods, pod(name, QStringLiteral("bench-floor-scheduler")))
            && post(n, floorPods + QLatin1Char('/') + name + QStringLiteral("/binding"), QJsonDocument(binding).toJson(QJsonDocument::Compact));
    });
    failures += floor.failures;

    // kubectl at this size: the commands a user types, beside kubectl's own start-up and TLS.
    std::vector<std::pair<QString, double>> kubectlTimes;
    if (!Kubectl::path().isEmpty()) {
        Kubectl kubectl(server.kubeconfig());
        for (const QStringList &args : {QStringList{QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/version")},
                                        QStringList{QStringLiteral("get"), QStringLiteral("nodes")},
                                        QStringList{QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")}}) {
            QElapsedTimer t;
            t.start();
            const auto r = kubectl.run(args, {}, timeout.ms);
            kubectlTimes.emplace_back(QStringLiteral("kubectl ") + args.join(QLatin1Char(' ')) + (r.exitCode == 0 ? QString() : QStringLiteral(" (failed)")),
                                      secondsOf(t));
        }
    }
    server.stop();

    const double boundRate = pods / boundSeconds;
    const double floorRate = pods / floor.seconds;
    const double createRate = pods / creates.seconds;
    std::printf("  nodes registered and Ready:                  %8.2f s for %d nodes (from the process start)\n", nodesReadySeconds, nodes);
    std::printf("  pods scheduled and bound/s:                  %8.1f   (%d pods, first create to last Binding: %.2f s; all Ready after %.2f s)\n",
                boundRate, pods, boundSeconds, allReadySeconds);
    std::printf("  floor: pod creates + Bindings/s, no scheduler:%8.1f   (%d pods, %.2f s, same %d clients)\n", floorRate, pods, floor.seconds,
                clients);
    std::printf("  ratio bound/s : floor:                       %8.2f\n", ratio(boundRate, floorRate));
    std::printf("  API creates/s while the scheduler ran:       %8.1f   (p50 %.2f ms, p99 %.2f ms); ratio bound/s : creates/s %.2f\n",
                createRate, percentile(creates.latenciesMs, 0.5), percentile(creates.latenciesMs, 0.99), ratio(boundRate, createRate));
    std::printf("  anchor: kube-scheduler's scheduler_perf publishes a few hundred pods/s\n");
    std::printf("  Deployment of %d replicas all Ready:       %8.2f s\n", replicas, deploySeconds);
    std::printf("  floor: %d bare pods created directly, all Ready: %.2f s (creates alone %.2f s)\n", replicas, directSeconds, direct.seconds);
    std::printf("  ratio Deployment : floor:                    %8.2f\n", ratio(deploySeconds, directSeconds));
    std::printf("  timoneirod memory, idle with %d nodes:      VmRSS %s MB, VmHWM %s MB\n", nodes, qPrintable(mb(idle.rssKb)),
                qPrintable(mb(idle.hwmKb)));
    std::printf("  ... with %d pods bound and Ready:           VmRSS %s MB, VmHWM %s MB (ratio to idle %.2f)\n", pods,
                qPrintable(mb(loaded.rssKb)), qPrintable(mb(loaded.hwmKb)), ratio(double(loaded.rssKb), double(idle.rssKb)));
    std::printf("  ... and the Deployment's %d more:           VmRSS %s MB, VmHWM %s MB (ratio to idle %.2f; %.1f KB per pod over idle)\n",
                replicas, qPrintable(mb(full.rssKb)), qPrintable(mb(full.hwmKb)), ratio(double(full.rssKb), double(idle.rssKb)),
                double(full.rssKb - idle.rssKb) / double(pods + replicas));
    for (const auto &[what, seconds] : kubectlTimes)
        std::printf("  %-44s %8.2f s\n", qPrintable(what + QLatin1Char(':')), seconds);
    std::printf("  failed requests: %d%s\n", failures, timeout.any ? " (and a wait timed out: see above)" : "");
    return failures == 0 && !timeout.any ? 0 : 1;
}
