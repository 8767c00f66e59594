// kube-proxy on real packets. A real `timoneirod --nodes 2` runs a
// Deployment of 2 busybox httpd pods (each answers with its name); then:
// - Service creation to traffic: from the POST of a ClusterIP Service to
//   the first answer through its ClusterIP, beside the floor: from the same
//   POST to its EndpointSlice listing the ready endpoints (the control
//   plane's part; the rest is the proxier's sync);
// - endpoint change to traffic: one pod's label removed (it leaves the
//   selector), until 20 requests in a row avoid it, beside the floor: the
//   same PATCH to the EndpointSlice without it;
// - requests/s through the ClusterIP (now one backend) against straight to
//   that pod's IP, same client, same requests, in the same run (ratio);
// - rule sync at 1,000 Services (3 ready endpoints each): generation and
//   iptables-restore in a network namespace of its own (unshare -n), full
//   and after one endpoint change (partial), beside the floor of a sync
//   with no Services (iptables-restore's own cost).
// Prints figures; asserts nothing. Every wait is bounded; timoneirod is
// stopped by PID, which removes its chains.
//
//   bench_proxy_services [--requests 2000] [--services 1000]
#include "bench_support.h"
#include "proxy/proxier.h"
#include "proxy/proxy_rules.h"
#include "network/iptables.h"
#include "timoneirod_process.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <cstdio>
#include <memory>
#include <functional>
#include <unistd.h>

using namespace timoneiro::bench;
using timoneiro::testing::Kubectl;
using timoneiro::testing::TimoneirodProcess;

namespace {

QString get(const QString &host, int port, int timeoutMs = 1000)
{
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write("GET / HTTP/1.0\r\n\r\n");
    QByteArray response;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(100);
        response += socket.readAll();
    }
    response += socket.readAll();
    const int body = response.indexOf("\r\n\r\n");
    return response.contains(" 200 ") && body > 0 ? QString::fromUtf8(response.mid(body + 4)).trimmed() : QString();
}

bool until(const std::function<bool()> &check, int timeoutMs, int stepMs = 5)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (check())
            return true;
        QThread::msleep(stepMs);
    }
    return check();
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void ruleSync(int services)
{
    using namespace timoneiro::proxy;
    if (timoneiro::network::iptables::chainsIn(timoneiro::network::iptables::save(QStringLiteral("nat"))).contains(QStringLiteral("KUBE-SERVICES"))) {
        std::printf("rule sync: skipped, another kube-proxy's chains are on this machine\n");
        return;
    }
    ProxyState state;
    state.nodes = {{QStringLiteral("node-1"), QStringLiteral("tmn-node-1"), QStringLiteral("10.244.1.1")}};
    for (int i = 0; i < services; ++i) {
        const QString name = QStringLiteral("svc-%1").arg(i);
        state.services << QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), QStringLiteral("bench")}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("clusterIP"), QStringLiteral("10.100.%1.%2").arg(i / 250).arg(i % 250 + 1)},
                                                 {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("port"), 80}}}}}}};
        QJsonArray endpoints;
        for (int e = 0; e < 3; ++e)
            endpoints.append(QJsonObject{{QStringLiteral("addresses"), QJsonArray{QStringLiteral("10.245.%1.%2").arg(i % 250).arg(e * 50 + i / 250 + 1)}},
                                         {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("ready"), true}}}});
        state.slices << QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name + QStringLiteral("-x")}, {QStringLiteral("namespace"), QStringLiteral("bench")},
                                                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/service-name"), name}}}}},
            {QStringLiteral("addressType"), QStringLiteral("IPv4")},
            {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("port"), 8080}, {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
            {QStringLiteral("endpoints"), endpoints}};
    }
    auto once = [](const ProxyState &s, const ProxyRules::Written &previous, ProxyRules::Written *written, double *generate, double *restore) {
        QElapsedTimer t;
        t.start();
        const ProxyRules rules = buildProxyRules(s);
        const QByteArray text = rules.restoreText(previous, written);
        *generate = ms(t);
        t.restart();
        const auto r = timoneiro::network::iptables::restore(text);
        *restore = ms(t);
        if (!r.ok)
            std::printf("iptables-restore failed: %s\n", qPrintable(r.error));
        return int(rules.natRules.size() + rules.filterRules.size());
    };
    double g0 = 0, r0 = 0, g1 = 0, r1 = 0, g2 = 0, r2 = 0;
    ProxyRules::Written none, empty, full, partial;
    once(ProxyState{{}, {}, state.nodes}, none, &empty, &g0, &r0);
    const int rules = once(state, empty, &full, &g1, &r1);
    // One endpoint of one Service changes: what a sync costs in a steady cluster (kube-proxy's partial sync).
    QJsonObject changed = state.slices[500];
    QJsonArray eps = changed[QStringLiteral("endpoints")].toArray();
    QJsonObject first = eps[0].toObject();
    first[QStringLiteral("addresses")] = QJsonArray{QStringLiteral("10.245.254.254")};
    eps[0] = first;
    changed[QStringLiteral("endpoints")] = eps;
    state.slices[500] = changed;
    once(state, full, &partial, &g2, &r2);
    std::printf("rule sync, %d Services x 3 endpoints (%d rules, %lld nat chains):\n"
                "  full sync: generation %.1f ms + iptables-restore %.1f ms = %.1f ms; floor (no Services) %.1f + %.1f ms; ratio %.0fx\n"
                "  one endpoint changed (partial sync, only changed chains + KUBE-SERVICES): %.1f + %.1f ms = %.1f ms; ratio to full %.2f\n",
                services, rules, qlonglong(full.nat.size()), g1, r1, g1 + r1, g0, r0, (g1 + r1) / std::max(0.1, g0 + r0), g2, r2, g2 + r2,
                (g2 + r2) / std::max(0.1, g1 + r1));
    Proxier::removeAll();
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption requestsOpt(QStringLiteral("requests"), QStringLiteral("Requests per path for requests/s."), QStringLiteral("n"), QStringLiteral("2000"));
    QCommandLineOption servicesOpt(QStringLiteral("services"), QStringLiteral("Services for the rule sync."), QStringLiteral("n"), QStringLiteral("1000"));
    QCommandLineOption syncOnlyOpt(QStringLiteral("rule-sync-only"), QStringLiteral("Only the rule sync (run inside unshare -n)."));
    parser.addHelpOption();
    parser.addOptions({requestsOpt, servicesOpt, syncOnlyOpt});
    parser.process(app);
    if (::geteuid() != 0) {
        std::printf("needs root (containerd nodes, iptables)\n");
        return 0;
    }
    if (qEnvironmentVariableIsEmpty("TIMONEIRO_IMAGE_CACHE"))
        qputenv("TIMONEIRO_IMAGE_CACHE", (QDir::tempPath() + QStringLiteral("/timoneiro-e2e-images")).toUtf8());

    if (parser.isSet(syncOnlyOpt)) {
        ruleSync(parser.value(servicesOpt).toInt());
        return 0;
    }
    // The rule sync in a network namespace of its own (unshare -n): the same
    // iptables, an empty ruleset, nothing of this machine's touched.
    QProcess sync;
    sync.setProcessChannelMode(QProcess::ForwardedChannels);
    sync.start(QStringLiteral("unshare"), {QStringLiteral("-n"), QCoreApplication::applicationFilePath(), QStringLiteral("--rule-sync-only"),
                                           QStringLiteral("--services"), parser.value(servicesOpt)});
    if (!sync.waitForFinished(300000))
        sync.kill();

    // One cluster with containerd nodes per machine: wait (bounded) for another to finish.
    std::unique_ptr<TimoneirodProcess> owned;
    for (int attempt = 0; attempt < 120; ++attempt) {
        owned = std::make_unique<TimoneirodProcess>(QStringList{QStringLiteral("--nodes"), QStringLiteral("2")});
        if (owned->start())
            break;
        if (!owned->log().contains(QLatin1String("owns this machine"))) {
            std::printf("timoneirod did not start: %s\n", qPrintable(owned->log()));
            return 1;
        }
        owned.reset();
        QThread::msleep(2000);
    }
    if (!owned) {
        std::printf("another cluster held this machine's local nodes for 4 minutes\n");
        return 1;
    }
    TimoneirodProcess &server = *owned;
    Kubectl kubectl(server.kubeconfig());
    const QByteArray deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: echo}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: echo}}\n"
        "  template:\n    metadata: {labels: {app: echo}}\n    spec:\n      terminationGracePeriodSeconds: 1\n      containers:\n"
        "      - name: web\n        image: busybox\n        command: [\"sh\", \"-c\", \"mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n";
    if (kubectl.run({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, deployment).exitCode != 0
        || kubectl.run({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/echo"), QStringLiteral("--timeout=180s")}, {}, 200000).exitCode != 0) {
        std::printf("the pods did not start: %s\n", qPrintable(server.log()));
        return 1;
    }
    QNetworkAccessManager nam;
    const QSslConfiguration tls = server.adminTls();
    const QString api = server.server();
    auto slice = [&] {
        const Reply r = request(nam, tls, "GET", QUrl(api + QStringLiteral("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io/service-name%3Decho")));
        QStringList ready;
        for (const QJsonValue &s : QJsonDocument::fromJson(r.body).object()[QStringLiteral("items")].toArray())
            for (const QJsonValue &e : s[QStringLiteral("endpoints")].toArray())
                if (e[QStringLiteral("conditions")][QStringLiteral("ready")].toBool(true))
                    ready << e[QStringLiteral("addresses")][0].toString();
        return ready;
    };

    // Service creation -> traffic.
    const QByteArray svc = R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"echo"},
        "spec":{"selector":{"app":"echo"},"ports":[{"port":80,"targetPort":8080}]}})";
    QElapsedTimer t;
    t.start();
    const Reply created = request(nam, tls, "POST", QUrl(api + QStringLiteral("/api/v1/namespaces/default/services")), svc);
    const QString clusterIp = QJsonDocument::fromJson(created.body).object()[QStringLiteral("spec")][QStringLiteral("clusterIP")].toString();
    const bool sliceReady = until([&] { return slice().size() == 2; }, 20000);
    const double toSlice = ms(t);
    // A SYN sent before the rules exist dies on tmn-svc: short attempts keep the resolution near 20 ms.
    const bool flowing = until([&] { return !get(clusterIp, 80, 20).isEmpty(); }, 20000, 1);
    const double toTraffic = ms(t);
    std::printf("service creation -> traffic through %s: %.0f ms; floor (-> EndpointSlice with 2 ready endpoints): %.0f ms; ratio %.2fx%s\n",
                qPrintable(clusterIp), toTraffic, toSlice, toTraffic / std::max(1.0, toSlice), sliceReady && flowing ? "" : " (TIMED OUT)");

    // Endpoint change -> traffic follows.
    const QJsonArray pods = QJsonDocument::fromJson(kubectl.run({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"), QStringLiteral("app=echo"),
                                                                 QStringLiteral("-o"), QStringLiteral("json")}).out.toUtf8()).object()[QStringLiteral("items")].toArray();
    const QString leaving = pods[0][QStringLiteral("metadata")][QStringLiteral("name")].toString();
    const QString stayingIp = pods[1][QStringLiteral("status")][QStringLiteral("podIP")].toString();
    t.restart();
    // Timed from before kubectl starts, for the figure and its floor alike.
    kubectl.run({QStringLiteral("label"), QStringLiteral("pod"), leaving, QStringLiteral("app=gone"), QStringLiteral("--overwrite")});
    const bool sliceFollowed = until([&] { return slice().size() == 1; }, 20000);
    const double sliceMs = ms(t);
    int streak = 0;
    double followedMs = 0;
    until([&] {
        const QString who = get(clusterIp, 80, 50);
        if (who.isEmpty() || who == leaving) {
            streak = 0;
            return false;
        }
        if (streak++ == 0)
            followedMs = ms(t);
        return streak >= 20;
    }, 20000, 0);
    std::printf("endpoint change -> traffic follows: %.0f ms; floor (-> EndpointSlice without it): %.0f ms; ratio %.2fx%s\n", followedMs, sliceMs,
                followedMs / std::max(1.0, sliceMs), sliceFollowed && streak >= 20 ? "" : " (TIMED OUT)");

    // Requests/s: ClusterIP (one backend now) against the pod IP.
    const int n = parser.value(requestsOpt).toInt();
    auto rate = [n](const QString &host, int port, int *fails) {
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < n; ++i)
            *fails += get(host, port).isEmpty();
        return double(n) / secondsOf(clock);
    };
    int directFails = 0, serviceFails = 0;
    const double direct = rate(stayingIp, 8080, &directFails);
    const double through = rate(clusterIp, 80, &serviceFails);
    std::printf("requests/s (sequential HTTP/1.0, new connection each, %d each): through ClusterIP %.0f/s, straight to the pod IP %.0f/s; ratio %.2f "
                "(failures %d / %d)\n", n, through, direct, through / std::max(1.0, direct), serviceFails, directFails);

    std::printf("timoneirod stopped: exit %d\n", server.stop());
    return 0;
}
