// Pod startup latency on real containerd nodes, as Kubernetes' SLI defines
// it: from a pod's creation to the moment a watch on pods sees all its
// containers running and started (the image already on the node). A real
// `timoneirod --nodes 2` gets N pods (busybox sleep, or nginx) created at a
// modest rate and spread by its scheduler over both nodes; p50 and p99 are
// printed beside the floor measured in the same run: the same pod made
// straight through CRI (RunPodSandbox + CreateContainer + StartContainer,
// with the kubelet's own configs) against a containerd this program starts
// with the same supervisor and settings, at the same rate, and the ratios.
// Then the resident memory (VmRSS from /proc) of each node's containerd, of
// its shims (containerd-shim-runc-v2 for that node's socket only) and of
// timoneirod, beside the floor containerd's with as many pods.
// Anchor: Kubernetes' SLO is p99 <= 5 s (stateless pods, image present).
// Prints figures; asserts nothing. Every wait is bounded; pods are deleted,
// timoneirod and the floor's containerd stopped by PID, the temp dir removed.
//
//   bench_runtime_pod_startup [--pods 50] [--rate 5] [--image busybox|nginx] [--timeout 300]
#include "bench_support.h"
#include "kubelet/container_spec.h"
#include "runtime/containerd_supervisor.h"
#include "runtime/local_images.h"
#include "runtime/node_teardown.h"
#include "timoneirod_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QUuid>

#include <cstdio>
#include <future>
#include <unistd.h>

using namespace timoneiro::bench;
using timoneiro::testing::TimoneirodProcess;
namespace cri = timoneiro::kubelet::cri;
namespace rt = timoneiro::runtime;

namespace {

QString gBase;
const QString kNs = QStringLiteral("bench-startup");

QJsonObject podJson(const QString &name, const QString &image, const QString &uid = {})
{
    QJsonObject container{{QStringLiteral("name"), QStringLiteral("app")}, {QStringLiteral("image"), image}};
    if (image == QLatin1String("busybox"))
        container.insert(QStringLiteral("command"), QJsonArray{QStringLiteral("sleep"), QStringLiteral("3600")});
    QJsonObject meta{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), kNs}};
    if (!uid.isEmpty())
        meta.insert(QStringLiteral("uid"), uid);
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("terminationGracePeriodSeconds"), 1},
                                                 {QStringLiteral("containers"), QJsonArray{container}}}}};
}

// Every container running and started: the SLI's end.
bool allStarted(const QJsonObject &pod)
{
    const QJsonArray statuses = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("containerStatuses")).toArray();
    const qsizetype want = pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray().size();
    if (statuses.isEmpty() || statuses.size() < want)
        return false;
    for (const QJsonValue &c : statuses) {
        if (!c[QStringLiteral("state")].toObject().contains(QStringLiteral("running")))
            return false;
        if (c.toObject().contains(QStringLiteral("started")) && !c[QStringLiteral("started")].toBool())
            return false;
    }
    return true;
}

// A watch on the namespace's pods, on a thread of its own: when each pod was
// first seen all started (ms on the shared clock), on which node, and how
// many are left.
class StartWatcher : public WatchThread {
public:
    explicit StartWatcher(const QElapsedTimer &clock)
        : WatchThread(QUrl(gBase + QStringLiteral("/api/v1/namespaces/%1/pods?watch=true").arg(kNs)), gTls()), clock_(clock)
    {
    }
    ~StartWatcher() override { stop(); }
    std::atomic<int> present{0};
    QMutex mutex;
    QHash<QString, qint64> startedAtMs;
    QHash<QString, QString> nodeOf;

protected:
    void onEvent(const QString &type, const QJsonObject &pod) override
    {
        const qint64 now = clock_.elapsed();
        const QString name = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
        if (type == QLatin1String("DELETED"))
            live_.remove(name);
        else
            live_.insert(name);
        present = int(live_.size());
        if (type == QLatin1String("DELETED"))
            return;
        QMutexLocker lock(&mutex);
        if (!startedAtMs.contains(name) && allStarted(pod)) {
            startedAtMs.insert(name, now);
            nodeOf.insert(name, pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString());
        }
    }

private:
    const QElapsedTimer &clock_;
    QSet<QString> live_;
};

QByteArray readProc(qint64 pid, const char *file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The containerd whose command line names this config file (only ours).
qint64 containerdOf(const QString &configFile)
{
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        const qint64 pid = entry.toLongLong();
        if (pid > 0 && readProc(pid, "comm").trimmed() == "containerd" && readProc(pid, "cmdline").contains(configFile.toUtf8()))
            return pid;
    }
    return 0;
}

struct RuntimeMemory {
    qint64 containerdKb = 0;
    qint64 shimsKb = 0;
    int shims = 0;
};

RuntimeMemory runtimeMemory(const QString &configFile, const QString &socket)
{
    RuntimeMemory m;
    m.containerdKb = processMemory(containerdOf(configFile)).rssKb;
    for (const rt::ShimProcess &shim : rt::teardown::shimsOf(socket)) {
        m.shimsKb += processMemory(shim.pid).rssKb;
        ++m.shims;
    }
    return m;
}

QString mb(qint64 kb)
{
    return QString::number(double(kb) / 1024.0, 'f', 1);
}

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

bool waitFor(const char *what, int timeoutMs, const std::function<bool()> &done, const std::function<QString()> &seen, int pollMs = 100)
{
    if (waitUntil(done, timeoutMs, pollMs))
        return true;
    std::fprintf(stderr, "bench: timed out after %d s waiting for %s (%s)\n", timeoutMs / 1000, what, qPrintable(seen()));
    return false;
}

// The floor: the same pods through CRI alone, started at the same rate;
// each one's time from its first call to StartContainer's answer.
std::vector<double> criFloor(cri::RuntimeClient &runtime, const rt::NodeRuntimePaths &paths, const QString &cgroupParent,
                             const QString &image, int pods, int intervalMs, int *failures, QStringList *sandboxes)
{
    std::vector<std::future<std::pair<double, QString>>> runs;
    QElapsedTimer schedule;
    schedule.start();
    for (int i = 0; i < pods; ++i) {
        const qint64 due = qint64(i) * intervalMs;
        if (schedule.elapsed() < due)
            QThread::msleep(quint64(due - schedule.elapsed()));
        runs.push_back(std::async(std::launch::async, [&runtime, &paths, cgroupParent, image, i] {
            const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const QJsonObject pod = podJson(QStringLiteral("floor-%1").arg(i), image, uid);
            const QJsonObject container = pod[QStringLiteral("spec")][QStringLiteral("containers")][0].toObject();
            QElapsedTimer t;
            t.start();
            const auto sandbox = timoneiro::kubelet::sandboxConfig(pod, paths.base + QStringLiteral("/pods"),
                                                                   cgroupParent + QStringLiteral("/pod") + uid, 0);
            QString sandboxId, containerId, error;
            cri::CriError e;
            if (!runtime.runPodSandbox(sandbox, &sandboxId, &e))
                return std::pair<double, QString>{-1, QString()};
            cri::v1::PodSandboxStatusResponse status;
            runtime.podSandboxStatus(sandboxId, &status, &e);  // the pod IP, as the kubelet asks for it
            const timoneiro::kubelet::EnvSources none;
            const auto config = timoneiro::kubelet::containerConfig(
                pod, container, 0, {QString::fromStdString(status.status().network().ip()), QString(), QStringLiteral("floor"), &none}, &error);
            if (!config || !runtime.createContainer(sandboxId, *config, sandbox, &containerId, &e) || !runtime.startContainer(containerId, &e))
                return std::pair<double, QString>{-1, sandboxId};
            return std::pair<double, QString>{double(t.nsecsElapsed()) / 1e6, sandboxId};
        }));
    }
    std::vector<double> latencies;
    for (auto &r : runs) {
        const auto [ms, sandboxId] = r.get();
        if (!sandboxId.isEmpty())
            sandboxes->append(sandboxId);
        if (ms < 0)
            ++*failures;
        else
            latencies.push_back(ms);
    }
    return latencies;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption podsOpt(QStringLiteral("pods"), QStringLiteral("Pods to start."), QStringLiteral("N"), QStringLiteral("50"));
    QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Pods created per second."), QStringLiteral("R"), QStringLiteral("5"));
    QCommandLineOption imageOpt(QStringLiteral("image"), QStringLiteral("busybox (sleep 3600) or nginx."), QStringLiteral("I"),
                                QStringLiteral("busybox"));
    QCommandLineOption timeoutOpt(QStringLiteral("timeout"), QStringLiteral("Longest wait for each phase, in seconds."), QStringLiteral("S"),
                                  QStringLiteral("300"));
    parser.addOptions({podsOpt, rateOpt, imageOpt, timeoutOpt});
    parser.addHelpOption();
    parser.process(app);
    const int pods = std::max(1, parser.value(podsOpt).toInt());
    const double rate = std::max(0.1, parser.value(rateOpt).toDouble());
    const int intervalMs = int(1000.0 / rate);
    const QString image = parser.value(imageOpt);
    const int timeoutMs = std::max(10, parser.value(timeoutOpt).toInt()) * 1000;
    if (::geteuid() != 0) {
        std::fprintf(stderr, "bench: needs root (containerd, network namespaces and bridges)\n");
        return 2;
    }
    if (rt::teardown::linkExists(QStringLiteral("tmn-node-1"))) {
        std::fprintf(stderr, "bench: tmn-node-1 exists: another timoneirod with --nodes runs on this machine\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("TIMONEIRO_IMAGE_CACHE"))
        qputenv("TIMONEIRO_IMAGE_CACHE", (QDir::tempPath() + QStringLiteral("/timoneiro-e2e-images")).toUtf8());

    QTemporaryDir dir;
    TimoneirodProcess server({QStringLiteral("--nodes"), QStringLiteral("2")});
    if (!server.start(dir.path() + QStringLiteral("/data"))) {
        std::fprintf(stderr, "bench: timoneirod --nodes 2 did not start:\n%s\n", qPrintable(server.log()));
        return 1;
    }
    gBase = server.server();
    gTls() = server.adminTls();
    QNetworkAccessManager nam;
    auto readyNodes = [&] {
        int ready = 0;
        const Reply r = request(nam, gTls(), "GET", QUrl(gBase + QStringLiteral("/api/v1/nodes")));
        for (const QJsonValue &n : QJsonDocument::fromJson(r.body).object().value(QStringLiteral("items")).toArray())
            for (const QJsonValue &c : n[QStringLiteral("status")][QStringLiteral("conditions")].toArray())
                ready += c[QStringLiteral("type")] == QStringLiteral("Ready") && c[QStringLiteral("status")] == QStringLiteral("True");
        return ready;
    };
    if (!waitFor("both nodes to be Ready", timeoutMs, [&] { return readyNodes() == 2; }, [&] { return server.log().right(2000); }, 500))
        return 1;
    std::printf("Timoneiro pod startup benchmark: %d pods (%s) at %.1f/s on 2 containerd nodes, and the CRI floor\n", pods,
                qPrintable(image), rate);
    std::fflush(stdout);
    request(nam, gTls(), "POST", QUrl(gBase + QStringLiteral("/api/v1/namespaces")),
            QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")}, {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), kNs}}}}).toJson(QJsonDocument::Compact));
    QThread::sleep(1);  // the namespace's service account, which admission gives the pods

    // 1. Through the cluster: creation -> all containers started, seen by a watch.
    QElapsedTimer clock;
    clock.start();
    StartWatcher watcher(clock);
    watcher.start();
    waitUntil([&] { return watcher.open.load(); }, 10000);
    QHash<QString, qint64> createdAtMs;
    int createFailures = 0;
    for (int i = 0; i < pods; ++i) {
        const qint64 due = qint64(i) * intervalMs;
        if (clock.elapsed() < due)
            waitUntil([&] { return clock.elapsed() >= due; }, intervalMs + 1000, 5);
        const QString name = QStringLiteral("pod-%1").arg(i);
        createdAtMs.insert(name, clock.elapsed());
        const Reply r = request(nam, gTls(), "POST", QUrl(gBase + QStringLiteral("/api/v1/namespaces/%1/pods").arg(kNs)),
                                QJsonDocument(podJson(name, image)).toJson(QJsonDocument::Compact));
        createFailures += r.status == 201 ? 0 : 1;
    }
    auto started = [&] {
        QMutexLocker lock(&watcher.mutex);
        return int(watcher.startedAtMs.size());
    };
    waitFor("every pod to start", timeoutMs, [&] { return started() >= pods - createFailures; },
            [&] { return QStringLiteral("%1 of %2 started").arg(started()).arg(pods); });
    std::vector<double> sli;
    QHash<QString, int> perNode;
    {
        QMutexLocker lock(&watcher.mutex);
        for (auto it = watcher.startedAtMs.cbegin(); it != watcher.startedAtMs.cend(); ++it) {
            sli.push_back(double(it.value() - createdAtMs.value(it.key())));
            ++perNode[watcher.nodeOf.value(it.key())];
        }
    }
    // Memory with the pods running: per node, its containerd and its shims; timoneirod holds every kubelet.
    QList<RuntimeMemory> nodeMemory;
    for (int n = 1; n <= 2; ++n) {
        const rt::NodeRuntimePaths paths = rt::NodeRuntimePaths::forDataDir(server.dataDir() + QStringLiteral("/nodes/node-%1").arg(n));
        nodeMemory.append(runtimeMemory(paths.configFile, paths.socket));
    }
    const ProcessMemory daemon = processMemory(server.pid());
    request(nam, gTls(), "DELETE", QUrl(gBase + QStringLiteral("/api/v1/namespaces/%1/pods").arg(kNs)));
    waitFor("the pods to be deleted", timeoutMs, [&] { return watcher.present.load() == 0; },
            [&] { return QStringLiteral("%1 left").arg(watcher.present.load()); }, 250);

    // 2. The floor: a containerd of our own (same supervisor, same config), same image, same rate.
    rt::NodeRuntimeConfig fc;
    fc.nodeName = QStringLiteral("bench-floor");
    fc.dataDir = dir.path() + QStringLiteral("/floor");
    fc.podCidr = QStringLiteral("10.244.250.0/24");
    fc.bridgeName = QStringLiteral("tmn-bench");
    fc.sandboxImage = rt::LocalImages::pauseReference();
    std::vector<double> floor;
    int floorFailures = 0;
    RuntimeMemory floorMemory;
    {
        rt::ContainerdSupervisor supervisor(fc);
        QString error;
        bool ready = false;
        QObject::connect(&supervisor, &rt::ContainerdSupervisor::ready, [&] { ready = true; });
        rt::LocalImagesOptions options;
        options.cacheDir = qEnvironmentVariable("TIMONEIRO_IMAGE_CACHE");  // what timoneirod built, cached
        rt::LocalImages images(options);
        QStringList errors;
        if (!supervisor.start(&error) || !waitFor("the floor's containerd", 30000, [&] { return ready; }, [&] { return error; })
            || !images.ensureBuilt(&errors) || !images.importInto(supervisor.paths().socket, supervisor.snapshotter(), &error)) {
            std::fprintf(stderr, "bench: the floor's containerd: %s %s\n", qPrintable(error), qPrintable(errors.join(QStringLiteral("; "))));
        } else {
            cri::RuntimeClient runtime(supervisor.paths().socket, 60000);
            QStringList sandboxes;
            floor = criFloor(runtime, supervisor.paths(), rt::nodeCgroupParent(fc.nodeName), image, pods, intervalMs, &floorFailures, &sandboxes);
            floorMemory = runtimeMemory(supervisor.paths().configFile, supervisor.paths().socket);
            // As the kubelet removes pods: each sandbox stopped (CNI releases its IP) and removed.
            std::vector<std::future<void>> removals;
            for (const QString &id : std::as_const(sandboxes))
                removals.push_back(std::async(std::launch::async, [&runtime, id] {
                    cri::CriError e;
                    runtime.stopPodSandbox(id, &e);
                    runtime.removePodSandbox(id, &e);
                }));
            for (auto &r : removals)
                r.wait();
        }
        supervisor.stop();  // its tasks, shims, mounts, netns and bridge
    }

    const double p50 = percentile(sli, 0.50), p99 = percentile(sli, 0.99);
    const double f50 = percentile(floor, 0.50), f99 = percentile(floor, 0.99);
    const QString spread = QStringLiteral("node-1: %1, node-2: %2").arg(perNode.value(QStringLiteral("node-1"))).arg(perNode.value(QStringLiteral("node-2")));
    std::printf("  pods started: %zu of %d (%s)\n", sli.size(), pods, qPrintable(spread));
    std::printf("  pod startup (create -> all containers started, seen by a watch): p50 %7.0f ms   p99 %7.0f ms\n", p50, p99);
    std::printf("  floor: RunPodSandbox+CreateContainer+StartContainer over CRI:    p50 %7.0f ms   p99 %7.0f ms  (%zu pods)\n", f50, f99,
                floor.size());
    std::printf("  ratio cluster : floor:                                           p50 %7.2f      p99 %7.2f\n", ratio(p50, f50), ratio(p99, f99));
    std::printf("  anchor: Kubernetes' SLO is p99 <= 5000 ms (measured p99 is %.0f%% of it)\n", 100.0 * p99 / 5000.0);
    for (int n = 0; n < nodeMemory.size(); ++n) {
        const RuntimeMemory &m = nodeMemory[n];
        std::printf("  node-%d: containerd VmRSS %s MB; %d shims %s MB (%s MB each)\n", n + 1, qPrintable(mb(m.containerdKb)), m.shims,
                    qPrintable(mb(m.shimsKb)), qPrintable(mb(m.shims ? m.shimsKb / m.shims : 0)));
    }
    std::printf("  floor containerd with %d pods: VmRSS %s MB; %d shims %s MB (%s MB each)\n", int(floor.size()), qPrintable(mb(floorMemory.containerdKb)),
                floorMemory.shims, qPrintable(mb(floorMemory.shimsKb)), qPrintable(mb(floorMemory.shims ? floorMemory.shimsKb / floorMemory.shims : 0)));
    std::printf("  timoneirod (API server, control plane and both kubelets): VmRSS %s MB, VmHWM %s MB\n", qPrintable(mb(daemon.rssKb)),
                qPrintable(mb(daemon.hwmKb)));
    std::printf("  failures: %d creates, %d floor pods\n", createFailures, floorFailures);
    watcher.stop();
    server.stop();
    return 0;
}
