// The kubelet's probes without containers or clocks: the state machine fed
// results (thresholds, initial results, startup gating liveness and
// readiness, initialDelaySeconds, on hold after a liveness failure until a
// new container, results of an old container thrown away), the started /
// ready a pod's status derives from it, named ports, and the httpGet and
// tcpSocket handlers against servers on loopback.
#include "kubelet/pod_status.h"
#include "kubelet/probe_state.h"
#include "kubelet/prober.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace timoneiro::kubelet;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// A one-shot HTTP server on 127.0.0.1: answers one request with status, hands back the request.
class OneShotHttp {
public:
    explicit OneShotHttp(int status) : status_(status)
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
        socklen_t len = sizeof sa;
        ::getsockname(fd_, reinterpret_cast<sockaddr *>(&sa), &len);
        port_ = ntohs(sa.sin_port);
        ::listen(fd_, 1);
        thread_ = std::thread([this] {
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0)
                return;
            char buffer[4096];
            while (!request_.contains("\r\n\r\n")) {
                const ssize_t n = ::recv(c, buffer, sizeof buffer, 0);
                if (n <= 0)
                    break;
                request_.append(buffer, n);
            }
            const QByteArray reply = "HTTP/1.1 " + QByteArray::number(status_) + " X\r\nContent-Length: 0\r\n\r\n";
            ::send(c, reply.constData(), size_t(reply.size()), MSG_NOSIGNAL);
            ::close(c);
        });
    }
    ~OneShotHttp()
    {
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    int port() const { return port_; }
    QByteArray request()
    {
        thread_.join();
        thread_ = std::thread([] {});
        return request_;
    }

private:
    int status_;
    int fd_ = -1;
    int port_ = 0;
    QByteArray request_;
    std::thread thread_;
};

// A loopback port nothing listens on (bound, then closed).
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    socklen_t len = sizeof sa;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len);
    ::close(fd);
    return ntohs(sa.sin_port);
}

}  // namespace

class KubeletProbesTest : public QObject {
    Q_OBJECT

private slots:
    void specDefaults()
    {
        const QJsonObject c = json(R"({"name":"app","livenessProbe":{"exec":{"command":["true"]},"terminationGracePeriodSeconds":2},
                                       "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":2,"successThreshold":2}})");
        const auto live = ProbeSpec::of(c, ProbeKind::Liveness);
        QVERIFY(live);
        QCOMPARE(live->periodSeconds, 10);
        QCOMPARE(live->timeoutSeconds, 1);
        QCOMPARE(live->failureThreshold, 3);
        QCOMPARE(live->successThreshold, 1);
        QCOMPARE(live->terminationGracePeriodSeconds, 2);
        const auto ready = ProbeSpec::of(c, ProbeKind::Readiness);
        QCOMPARE(ready->periodSeconds, 2);
        QCOMPARE(ready->successThreshold, 2);
        QCOMPARE(ready->terminationGracePeriodSeconds, -1);
        QVERIFY(!ProbeSpec::of(c, ProbeKind::Startup));
    }

    void readinessThresholds()
    {
        ContainerProbes p(json(R"({"name":"app","readinessProbe":{"tcpSocket":{"port":80},"successThreshold":2,"failureThreshold":3}})"));
        QVERIFY(p.observe(QStringLiteral("c1"), true, 0));
        QVERIFY(!p.summary().ready);  // not ready until the probe passes
        QVERIFY(p.summary().started);  // no startup probe
        QVERIFY(p.due(ProbeKind::Readiness, 0));
        QVERIFY(!p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Success));
        QVERIFY(!p.summary().ready);  // one success of two
        QVERIFY(p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Success));
        QVERIFY(p.summary().ready);
        // Two failures, a success, two failures: no run of three.
        for (ProbeResult r : {ProbeResult::Failure, ProbeResult::Failure, ProbeResult::Success, ProbeResult::Failure, ProbeResult::Failure})
            QVERIFY(!p.record(ProbeKind::Readiness, QStringLiteral("c1"), r));
        QVERIFY(p.summary().ready);
        QVERIFY(p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Failure));
        QVERIFY(!p.summary().ready);
        QVERIFY(p.summary().killProbe.isEmpty());  // readiness never kills
        QVERIFY(p.due(ProbeKind::Readiness, 0));   // and keeps probing
        // An errored probe counts for nothing.
        QVERIFY(!p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Unknown));
    }

    void livenessKillsAndHolds()
    {
        ContainerProbes p(json(R"({"name":"app","livenessProbe":{"exec":{"command":["true"]},"failureThreshold":2}})"));
        p.observe(QStringLiteral("c1"), true, 0);
        QVERIFY(p.summary().ready);  // no readiness probe: a running container is ready
        QVERIFY(!p.record(ProbeKind::Liveness, QStringLiteral("c1"), ProbeResult::Failure));
        QVERIFY(p.summary().killProbe.isEmpty());
        QVERIFY(p.record(ProbeKind::Liveness, QStringLiteral("c1"), ProbeResult::Failure));
        QCOMPARE(p.summary().killProbe, QStringLiteral("liveness"));
        QCOMPARE(p.summary().containerId, QStringLiteral("c1"));
        // On hold until a new container: not probed, results ignored.
        QVERIFY(!p.due(ProbeKind::Liveness, 0));
        QVERIFY(!p.record(ProbeKind::Liveness, QStringLiteral("c1"), ProbeResult::Success));
        // The killed container stopped: nothing to kill any more.
        p.observe(QStringLiteral("c1"), false, 0);
        QVERIFY(p.summary().killProbe.isEmpty());
        // Its restart is a new container: alive again, probed again.
        QVERIFY(p.observe(QStringLiteral("c2"), true, 0));
        QVERIFY(p.summary().killProbe.isEmpty());
        QVERIFY(p.due(ProbeKind::Liveness, 0));
        // A late result of the old container counts for nothing.
        QVERIFY(!p.record(ProbeKind::Liveness, QStringLiteral("c1"), ProbeResult::Failure));
        QVERIFY(!p.record(ProbeKind::Liveness, QStringLiteral("c1"), ProbeResult::Failure));
        QVERIFY(p.summary().killProbe.isEmpty());
    }

    void startupGatesTheOthers()
    {
        ContainerProbes p(json(R"({"name":"app","startupProbe":{"exec":{"command":["true"]},"failureThreshold":3},
                                   "livenessProbe":{"exec":{"command":["true"]}},
                                   "readinessProbe":{"httpGet":{"port":80}}})"));
        p.observe(QStringLiteral("c1"), true, 0);
        QVERIFY(!p.started());
        QVERIFY(p.due(ProbeKind::Startup, 0));
        QVERIFY(!p.due(ProbeKind::Liveness, 0));
        QVERIFY(!p.due(ProbeKind::Readiness, 0));
        QVERIFY(!p.summary().started);
        QVERIFY(!p.record(ProbeKind::Startup, QStringLiteral("c1"), ProbeResult::Failure));
        QVERIFY(p.record(ProbeKind::Startup, QStringLiteral("c1"), ProbeResult::Success));
        QVERIFY(p.started());
        QVERIFY(!p.due(ProbeKind::Startup, 0));  // startup runs no more once passed
        QVERIFY(p.due(ProbeKind::Liveness, 0));
        QVERIFY(p.due(ProbeKind::Readiness, 0));
        QVERIFY(p.summary().started);
        QVERIFY(!p.summary().ready);
        QVERIFY(p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Success));
        QVERIFY(p.summary().ready);
    }

    void startupFailureKills()
    {
        ContainerProbes p(json(R"({"name":"app","startupProbe":{"exec":{"command":["false"]},"failureThreshold":2,"terminationGracePeriodSeconds":1}})"));
        p.observe(QStringLiteral("c1"), true, 0);
        p.record(ProbeKind::Startup, QStringLiteral("c1"), ProbeResult::Failure);
        QVERIFY(p.record(ProbeKind::Startup, QStringLiteral("c1"), ProbeResult::Failure));
        QCOMPARE(p.summary().killProbe, QStringLiteral("startup"));
        QCOMPARE(p.summary().killGraceSeconds, 1);
        QVERIFY(!p.summary().started);
    }

    void initialDelay()
    {
        ContainerProbes p(json(R"({"name":"app","readinessProbe":{"tcpSocket":{"port":80},"initialDelaySeconds":5}})"));
        p.observe(QStringLiteral("c1"), true, 1000000);
        QVERIFY(!p.due(ProbeKind::Readiness, 1000000 + 4999));
        QVERIFY(p.due(ProbeKind::Readiness, 1000000 + 5000));
    }

    void notRunning()
    {
        ContainerProbes p(json(R"({"name":"app","readinessProbe":{"tcpSocket":{"port":80}}})"));
        p.observe(QStringLiteral("c1"), true, 0);
        p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Success);
        QVERIFY(p.summary().ready);
        p.observe(QStringLiteral("c1"), false, 0);
        QVERIFY(!p.summary().ready);
        QVERIFY(!p.due(ProbeKind::Readiness, 0));
        QVERIFY(!p.record(ProbeKind::Readiness, QStringLiteral("c1"), ProbeResult::Success));
    }

    void statusReadiness()
    {
        const QJsonObject app{{"name", "app"}, {"startupProbe", QJsonObject{}}, {"readinessProbe", QJsonObject{}}};
        const QJsonObject sidecar{{"name", "sidecar"}};
        bool started = false, ready = false;
        probedReadiness(nullptr, app, QStringLiteral("c1"), &started, &ready);
        QVERIFY(started && ready);
        PodProbeResults results;
        // Not taken up by the prober yet: its startup probe has not passed.
        probedReadiness(&results, app, QStringLiteral("c1"), &started, &ready);
        QVERIFY(!started && !ready);
        results.insert(QStringLiteral("app"), ContainerProbeResult{QStringLiteral("c1"), true, true, true, true, {}, -1});
        probedReadiness(&results, app, QStringLiteral("c1"), &started, &ready);
        QVERIFY(started && ready);
        // The results are of another attempt: this one has neither started nor become ready.
        probedReadiness(&results, app, QStringLiteral("c2"), &started, &ready);
        QVERIFY(!started && !ready);
        // A container without probes next to one with them.
        probedReadiness(&results, sidecar, QStringLiteral("c9"), &started, &ready);
        QVERIFY(started && ready);
        results[QStringLiteral("app")].started = false;
        probedReadiness(&results, app, QStringLiteral("c1"), &started, &ready);
        QVERIFY(!started && !ready);  // not started: not ready whatever readiness says
    }

    void podStatusFollowsTheProbes()
    {
        const QJsonObject pod = json(R"({"metadata":{"name":"p","namespace":"default","uid":"u1"},
                                         "spec":{"containers":[{"name":"app","image":"busybox","readinessProbe":{"tcpSocket":{"port":81}}},
                                                               {"name":"side","image":"busybox"}]}})");
        PodRuntimeState state;
        state.sandboxReady = true;
        state.podIp = QStringLiteral("10.244.1.5");
        for (const char *name : {"app", "side"}) {
            ContainerRuntimeState &cs = state.containers[QLatin1String(name)];
            cs.id = QStringLiteral("id-") + QLatin1String(name);
            cri::v1::ContainerStatus s;
            s.set_id(cs.id.toStdString());
            s.set_state(cri::v1::CONTAINER_RUNNING);
            s.set_started_at(1700000000LL * 1000000000LL);
            cs.status = s;
        }
        auto find = [](const QJsonObject &status, const char *key, const QString &name) {
            for (const QJsonValue &v : status.value(QLatin1String(key)).toArray())
                if (v[QStringLiteral("name")].toString() == name || v[QStringLiteral("type")].toString() == name)
                    return v.toObject();
            return QJsonObject();
        };
        PodProbeResults probes;
        probes.insert(QStringLiteral("app"), ContainerProbeResult{QStringLiteral("id-app"), false, true, true, false, {}, -1});
        QJsonObject status = podStatus(pod, state, QStringLiteral("10.244.1.1"), &probes);
        QCOMPARE(status[QStringLiteral("phase")].toString(), QStringLiteral("Running"));
        QCOMPARE(find(status, "containerStatuses", QStringLiteral("app"))[QStringLiteral("ready")].toBool(), false);
        QCOMPARE(find(status, "containerStatuses", QStringLiteral("app"))[QStringLiteral("started")].toBool(), true);
        QCOMPARE(find(status, "containerStatuses", QStringLiteral("side"))[QStringLiteral("ready")].toBool(), true);
        const QJsonObject ready = find(status, "conditions", QStringLiteral("Ready"));
        QCOMPARE(ready[QStringLiteral("status")].toString(), QStringLiteral("False"));
        QCOMPARE(ready[QStringLiteral("reason")].toString(), QStringLiteral("ContainersNotReady"));
        QCOMPARE(ready[QStringLiteral("message")].toString(), QStringLiteral("containers with unready status: [app]"));
        QCOMPARE(find(status, "conditions", QStringLiteral("ContainersReady"))[QStringLiteral("status")].toString(), QStringLiteral("False"));
        probes[QStringLiteral("app")].ready = true;
        status = podStatus(pod, state, QStringLiteral("10.244.1.1"), &probes);
        QCOMPARE(find(status, "conditions", QStringLiteral("Ready"))[QStringLiteral("status")].toString(), QStringLiteral("True"));
        QCOMPARE(find(status, "containerStatuses", QStringLiteral("app"))[QStringLiteral("ready")].toBool(), true);
    }

    void namedPorts()
    {
        const QJsonObject c = json(R"({"name":"web","ports":[{"name":"http","containerPort":8080}]})");
        QCOMPARE(probePort(QJsonValue(8081), c), 8081);
        QCOMPARE(probePort(QJsonValue(QStringLiteral("http")), c), 8080);
        QCOMPARE(probePort(QJsonValue(QStringLiteral("9090")), c), 9090);
        QCOMPARE(probePort(QJsonValue(QStringLiteral("nope")), c), 0);
    }

    void httpAndTcpHandlers()
    {
        ProbeTarget t;
        t.podIp = QStringLiteral("127.0.0.1");
        t.spec.timeoutSeconds = 2;
        {
            OneShotHttp server(204);
            t.spec.handler = QJsonObject{{QStringLiteral("httpGet"),
                                          QJsonObject{{QStringLiteral("path"), QStringLiteral("/healthz")}, {QStringLiteral("port"), server.port()},
                                                      {QStringLiteral("httpHeaders"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("X-Probe")},
                                                                                                            {QStringLiteral("value"), QStringLiteral("yes")}}}}}}};
            const ProbeOutcome o = runProbe(t);
            QCOMPARE(int(o.result), int(ProbeResult::Success));
            const QByteArray request = server.request();
            QVERIFY2(request.startsWith("GET /healthz HTTP/1.1\r\n"), request.constData());
            QVERIFY(request.contains("\r\nX-Probe: yes\r\n"));
            QVERIFY(request.contains("\r\nUser-Agent: kube-probe/"));
        }
        {
            OneShotHttp server(500);
            t.spec.handler = QJsonObject{{QStringLiteral("httpGet"), QJsonObject{{QStringLiteral("port"), server.port()}}}};
            const ProbeOutcome o = runProbe(t);
            QCOMPARE(int(o.result), int(ProbeResult::Failure));
            QCOMPARE(o.message, QStringLiteral("HTTP probe failed with statuscode: 500"));
        }
        const int closed = closedPort();
        t.spec.handler = QJsonObject{{QStringLiteral("tcpSocket"), QJsonObject{{QStringLiteral("port"), closed}}}};
        ProbeOutcome o = runProbe(t);
        QCOMPARE(int(o.result), int(ProbeResult::Failure));
        QCOMPARE(o.message, QStringLiteral("dial tcp 127.0.0.1:%1: connect: connection refused").arg(closed));
        t.spec.handler = QJsonObject{{QStringLiteral("httpGet"), QJsonObject{{QStringLiteral("port"), closed}, {QStringLiteral("path"), QStringLiteral("/")}}}};
        o = runProbe(t);
        QCOMPARE(o.message, QStringLiteral("Get \"http://127.0.0.1:%1/\": dial tcp 127.0.0.1:%1: connect: connection refused").arg(closed));
        // A host outside the pod and node is never dialled.
        t.spec.handler = QJsonObject{{QStringLiteral("tcpSocket"), QJsonObject{{QStringLiteral("port"), 80}, {QStringLiteral("host"), QStringLiteral("192.0.2.1")}}}};
        o = runProbe(t);
        QCOMPARE(int(o.result), int(ProbeResult::Unknown));
        QVERIFY(o.message.contains(QStringLiteral("192.0.2.1")));
    }
};

QTEST_GUILESS_MAIN(KubeletProbesTest)
#include "test_kubelet_probes.moc"
