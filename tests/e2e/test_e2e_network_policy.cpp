// NetworkPolicy with real packets: a real timoneirod --nodes 2 and the real
// kubectl. A busybox httpd on node-1 answers clients on node-1 (bridged,
// same node) and node-2 (routed); each client pod loops wget and prints
// "<n> ok" or "<n> fail", read back with kubectl logs (under timeout 2:
// Debian's busybox 1.35 wget crashes on -T). A default-deny
// ingress policy blocks both (the host's curl still passes: node-local
// traffic stays allowed); an allow policy from the clients' labels opens
// them again; relabelling a client takes it out; an egress deny blocks the
// client whatever ingress allows; deleting the policies opens everything.
// A namespaceSelector follows the namespace's labels.
// kubectl get/describe netpol show them. On SIGTERM no chain of ours is
// left. Needs root, containerd and br_netfilter; skipped otherwise.
#include "e2e_helpers.h"
#include "e2e_node_helpers.h"
#include "runtime/host_claim.h"
#include "runtime/host_command.h"
#include "runtime/node_teardown.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <functional>
#include <unistd.h>

using namespace timoneiro::testing;
namespace teardown = timoneiro::runtime::teardown;

namespace {

const QStringList kNodes{QStringLiteral("node-1"), QStringLiteral("node-2")};
const QString kBridgeNf = QStringLiteral("/proc/sys/net/bridge/bridge-nf-call-iptables");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &value)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(value + '\n') > 0;
}

QByteArray filterTable()
{
    return timoneiro::runtime::runCommand(QStringLiteral("iptables-save"), {QStringLiteral("-t"), QStringLiteral("filter")}).out;
}

// Pod traffic on one bridge crosses iptables only with bridge-nf-call-iptables
// on: set it for the test (the daemon's host setup also does) and put it back.
struct BridgeNfGuard {
    QByteArray old;
    bool set()
    {
        old = readFile(kBridgeNf);
        return !old.isEmpty() && (old == "1" || writeFile(kBridgeNf, "1"));
    }
    ~BridgeNfGuard()
    {
        if (!old.isEmpty() && old != "1")
            writeFile(kBridgeNf, old);
    }
};

QByteArray webPod()
{
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n"
           "  nodeName: node-1\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: httpd\n    image: busybox\n"
           "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 80 -h /www\"]\n"
           "    ports: [{name: http, containerPort: 80}]\n";
}

QByteArray clientPod(const QString &name, const QString &node, const QString &webIp)
{
    return QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata: {name: %1, labels: {role: client}}\nspec:\n"
                          "  nodeName: %2\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: wget\n    image: busybox\n"
                          "    command: [\"sh\", \"-c\", \"exec 2>/dev/null; n=0; while true; do n=$((n+1)); "
                          "if timeout 2 wget -q -O- http://%3/ | grep -q hello-from-web; then echo $n ok; else echo $n fail; fi; sleep 0.3; done\"]\n")
        .arg(name, node, webIp)
        .toUtf8();
}

const char *kDenyIngress =
    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-ingress}\n"
    "spec:\n  podSelector: {}\n  policyTypes: [Ingress]\n";
const char *kAllowClients =
    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-clients}\n"
    "spec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n"
    "  - from: [{podSelector: {matchLabels: {role: client}}}]\n    ports: [{protocol: TCP, port: http}]\n";
const char *kAllowLab =
    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-lab}\n"
    "spec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n"
    "  - from: [{namespaceSelector: {matchLabels: {team: lab}}}]\n";
const char *kDenyEgress =
    "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-egress}\n"
    "spec:\n  podSelector: {matchLabels: {role: client}}\n  policyTypes: [Egress]\n";

}  // namespace

class NetworkPolicyE2E : public QObject {
    Q_OBJECT

private:
    BridgeNfGuard bridgeNf_;
    std::unique_ptr<TimoneirodProcess> server_;
    std::unique_ptr<Kubectl> kubectl_;
    QString webIp_;

    CommandResult k(const QStringList &args, const QByteArray &in = {}) { return kubectl_->run(args, in); }
    QJsonObject pod(const QString &name) { return kubectl_->json({QStringLiteral("get"), QStringLiteral("pod"), name}); }
    bool running(const QString &name, QString *ip = nullptr)
    {
        const QJsonObject status = pod(name).value(QStringLiteral("status")).toObject();
        if (ip)
            *ip = status.value(QStringLiteral("podIP")).toString();
        return status.value(QStringLiteral("phase")).toString() == QLatin1String("Running");
    }
    // The client's last two results (each a fresh connection) are all `want`.
    bool reaches(const QString &client, bool want)
    {
        const CommandResult r = k({QStringLiteral("logs"), client, QStringLiteral("--tail=6")});
        static const QRegularExpression result(QStringLiteral("^\\d+ (ok|fail)$"));
        QStringList results;
        for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (const auto m = result.match(line.trimmed()); m.hasMatch())
                results << m.captured(1);
        }
        const QString word = want ? QStringLiteral("ok") : QStringLiteral("fail");
        return results.size() >= 2 && results.at(results.size() - 1) == word && results.at(results.size() - 2) == word;
    }
    // Waits (bounded: a new policy lands within a second, a blocked wget takes 2 s) for the client to see `want`.
    void expect(const QString &client, bool want)
    {
        QVERIFY2(eventually([&] { return reaches(client, want); }, 20000),
                 qPrintable(QStringLiteral("%1 should %2 web; its log ends with:\n%3\nfilter table:\n%4")
                                .arg(client, want ? QStringLiteral("reach") : QStringLiteral("not reach"),
                                     k({QStringLiteral("logs"), client, QStringLiteral("--tail=4")}).out, QString::fromUtf8(filterTable()))));
    }
    void apply(const char *manifest)
    {
        const CommandResult r = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, manifest);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    bool hostReachesWeb()
    {
        const auto r = timoneiro::runtime::runCommand(QStringLiteral("curl"), {QStringLiteral("--noproxy"), QStringLiteral("*"), QStringLiteral("-sS"),
                                                                               QStringLiteral("--max-time"), QStringLiteral("3"),
                                                                               QStringLiteral("http://%1/").arg(webIp_)});
        return r.ok() && r.out.contains("hello-from-web");
    }

    void sweep()
    {
        sweepCluster(server_, kNodes, [this] { return processesNaming((server_->dataDir() + QStringLiteral("/nodes/")).toUtf8()); });
    }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "ctr", "runc", "ip", "curl", "iptables-save"}, kNodes,
                                                      "needs root (containerd, bridges and iptables)"); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (const QString holder = timoneiro::runtime::HostClaim::holder(); !holder.isEmpty())
            QSKIP(qPrintable(timoneiro::runtime::HostClaim::ownedBySentence(holder)));
        if (!bridgeNf_.set())
            QSKIP("br_netfilter is not loaded (modprobe br_netfilter): bridged pod traffic would bypass iptables");
        useSharedImageCache();
        server_ = std::make_unique<TimoneirodProcess>(QStringList{QStringLiteral("--nodes"), QStringLiteral("2")});
        QVERIFY2(server_->start(), qPrintable(server_->log()));
        kubectl_ = std::make_unique<Kubectl>(server_->kubeconfig());

        QVERIFY(k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, webPod()).exitCode == 0);
        QVERIFY2(eventually([&] { return running(QStringLiteral("web"), &webIp_); }, 120000), qPrintable(server_->log()));
        QVERIFY(webIp_.startsWith(QLatin1String("10.244.")));
        QVERIFY(k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
                  clientPod(QStringLiteral("same-node"), QStringLiteral("node-1"), webIp_) + "---\n"
                      + clientPod(QStringLiteral("other-node"), QStringLiteral("node-2"), webIp_)).exitCode == 0);
        QVERIFY(eventually([&] { return running(QStringLiteral("same-node")) && running(QStringLiteral("other-node")); }, 60000));
    }

    void everyPodReachesWebWithoutPolicies()
    {
        expect(QStringLiteral("same-node"), true);
        expect(QStringLiteral("other-node"), true);
        QVERIFY(eventually([&] { return hostReachesWeb(); }, 10000));
    }

    void defaultDenyBlocksPodsButNotTheNode()
    {
        const QByteArray rule = QStringLiteral("-A TIMONEIRO-NETPOL -d %1/32").arg(webIp_).toUtf8();
        QElapsedTimer clock;
        clock.start();
        apply(kDenyIngress);
        const qint64 applied = clock.elapsed();
        // A figure, not an assertion: how soon the rules follow the policy.
        QVERIFY(eventually([&] { return filterTable().contains(rule); }, 5000, 20));
        qInfo("policy to rules: %lld ms after kubectl apply returned (kubectl apply took %lld ms)", clock.elapsed() - applied, applied);
        expect(QStringLiteral("same-node"), false);
        expect(QStringLiteral("other-node"), false);
        // Node-local traffic stays allowed (kubelet probes, the user's curl).
        QVERIFY(hostReachesWeb());
        const QByteArray table = filterTable();
        QVERIFY2(table.contains("-A FORWARD -i tmn-+ -m comment --comment \"timoneiro network policies\" -j TIMONEIRO-NETPOL"), table.constData());
        QVERIFY2(table.contains(QStringLiteral("-A TIMONEIRO-NETPOL -d %1/32").arg(webIp_).toUtf8()), table.constData());
    }

    void kubectlShowsThePolicies()
    {
        const CommandResult get = k({QStringLiteral("get"), QStringLiteral("netpol")});
        QVERIFY2(get.exitCode == 0 && get.out.contains(QLatin1String("POD-SELECTOR")) && get.out.contains(QLatin1String("deny-ingress")),
                 qPrintable(get.out + get.err));
        const CommandResult describe = k({QStringLiteral("describe"), QStringLiteral("netpol"), QStringLiteral("deny-ingress")});
        QVERIFY2(describe.exitCode == 0, qPrintable(describe.err));
        QVERIFY2(describe.out.contains(QLatin1String("PodSelector:")) && describe.out.contains(QLatin1String("Policy Types: Ingress")),
                 qPrintable(describe.out));
    }

    void allowFromTheClientsLabelsOpensAgain()
    {
        apply(kAllowClients);
        expect(QStringLiteral("same-node"), true);
        expect(QStringLiteral("other-node"), true);
        const CommandResult describe = k({QStringLiteral("describe"), QStringLiteral("netpol"), QStringLiteral("allow-clients")});
        QVERIFY2(describe.out.contains(QLatin1String("role=client")), qPrintable(describe.out));
    }

    void aLabelChangeTakesAClientOut()
    {
        const QByteArray otherIp = pod(QStringLiteral("other-node"))[QStringLiteral("status")][QStringLiteral("podIP")].toString().toUtf8();
        QCOMPARE(k({QStringLiteral("label"), QStringLiteral("pod"), QStringLiteral("other-node"), QStringLiteral("role=stranger"), QStringLiteral("--overwrite")}).exitCode, 0);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(eventually([&] { return !filterTable().contains("-s " + otherIp + "/32"); }, 5000, 20));
        qInfo("pod label to rules: %lld ms after kubectl label returned", clock.elapsed());
        expect(QStringLiteral("other-node"), false);
        expect(QStringLiteral("same-node"), true);
        QCOMPARE(k({QStringLiteral("label"), QStringLiteral("pod"), QStringLiteral("other-node"), QStringLiteral("role=client"), QStringLiteral("--overwrite")}).exitCode, 0);
        expect(QStringLiteral("other-node"), true);
    }

    void aNamespaceLabelLetsItsPodsIn()
    {
        QCOMPARE(k({QStringLiteral("label"), QStringLiteral("pod"), QStringLiteral("other-node"), QStringLiteral("role=stranger"), QStringLiteral("--overwrite")}).exitCode, 0);
        apply(kAllowLab);
        expect(QStringLiteral("other-node"), false);
        QCOMPARE(k({QStringLiteral("label"), QStringLiteral("namespace"), QStringLiteral("default"), QStringLiteral("team=lab")}).exitCode, 0);
        expect(QStringLiteral("other-node"), true);
        QCOMPARE(k({QStringLiteral("label"), QStringLiteral("namespace"), QStringLiteral("default"), QStringLiteral("team-")}).exitCode, 0);
        expect(QStringLiteral("other-node"), false);
        QCOMPARE(k({QStringLiteral("label"), QStringLiteral("pod"), QStringLiteral("other-node"), QStringLiteral("role=client"), QStringLiteral("--overwrite")}).exitCode, 0);
        expect(QStringLiteral("other-node"), true);
    }

    void egressDenyBlocksTheClients()
    {
        apply(kDenyEgress);
        expect(QStringLiteral("same-node"), false);
        expect(QStringLiteral("other-node"), false);
    }

    void deletingThePoliciesOpensEverything()
    {
        const CommandResult r = k({QStringLiteral("delete"), QStringLiteral("netpol"), QStringLiteral("--all")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        expect(QStringLiteral("same-node"), true);
        expect(QStringLiteral("other-node"), true);
        QVERIFY(!filterTable().contains("TIMONEIRO-NP-"));
    }

    void shutdownLeavesNoChain()
    {
        QCOMPARE(server_->stop(), 0);
        const QByteArray table = filterTable();
        QVERIFY2(!table.contains("TIMONEIRO-NETPOL") && !table.contains("TIMONEIRO-NP-"), table.constData());
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(NetworkPolicyE2E)
#include "test_e2e_network_policy.moc"
