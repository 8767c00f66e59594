// Pod volumes on a real local node (timoneirod --nodes 1, containerd, the
// real kubectl): an emptyDir shared by two containers, configMap (all keys
// and items with a path), secret, downwardAPI and the kube-api-access-*
// projected volume that ServiceAccount admission adds, whose token the API
// accepts as system:serviceaccount:default:default; a missing ConfigMap and
// a hostPath of the wrong type leave the container in
// CreateContainerConfigError with Kubernetes' message. Needs root and
// containerd; skipped otherwise.
#include "e2e_helpers.h"
#include "e2e_node_helpers.h"
#include "timoneirod_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace timoneiro::testing;

namespace {

const QString kNode = QStringLiteral("node-1");

const char *kObjects =
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata: {name: settings}\n"
    "data: {greeting: ola, hello: mundo}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Secret\n"
    "metadata: {name: credentials}\n"
    "stringData: {password: s3cr3t}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata:\n"
    "  name: vols\n"
    "  labels: {app: vols}\n"
    "spec:\n"
    "  terminationGracePeriodSeconds: 1\n"
    "  volumes:\n"
    "  - {name: cache, emptyDir: {}}\n"
    "  - {name: cfg, configMap: {name: settings}}\n"
    "  - name: cfg-items\n"
    "    configMap: {name: settings, items: [{key: hello, path: sub/hello.txt}]}\n"
    "  - {name: sec, secret: {secretName: credentials, defaultMode: 0400}}\n"
    "  - name: info\n"
    "    downwardAPI:\n"
    "      items:\n"
    "      - {path: name, fieldRef: {fieldPath: metadata.name}}\n"
    "      - {path: labels, fieldRef: {fieldPath: metadata.labels}}\n"
    "  containers:\n"
    "  - name: writer\n"
    "    image: busybox\n"
    "    command: [\"sh\", \"-c\", \"echo shared-by-writer > /cache/note && exec sleep 3600\"]\n"
    "    volumeMounts: [{name: cache, mountPath: /cache}]\n"
    "  - name: reader\n"
    "    image: busybox\n"
    "    command:\n"
    "    - sh\n"
    "    - -c\n"
    "    - |\n"
    "      for i in $(seq 1 100); do [ -s /shared/note ] && break; sleep 0.2; done\n"
    "      echo \"shared=$(cat /shared/note)\"\n"
    "      echo \"cfg=$(cat /cfg/greeting)\"\n"
    "      echo \"item=$(cat /items/sub/hello.txt)\"\n"
    "      echo \"secret=$(cat /sec/password)\"\n"
    "      echo \"podname=$(cat /info/name)\"\n"
    "      echo \"labels=$(cat /info/labels)\"\n"
    "      touch /cfg/x 2>/dev/null && echo cfg-writable || echo cfg-readonly\n"
    "      d=/var/run/secrets/kubernetes.io/serviceaccount\n"
    "      echo \"ns=$(cat $d/namespace)\"\n"
    "      echo \"ca=$(head -1 $d/ca.crt)\"\n"
    "      echo \"token=$(cat $d/token)\"\n"
    "      exec sleep 3600\n"
    "    volumeMounts:\n"
    "    - {name: cache, mountPath: /shared}\n"
    "    - {name: cfg, mountPath: /cfg}\n"
    "    - {name: cfg-items, mountPath: /items}\n"
    "    - {name: sec, mountPath: /sec, readOnly: true}\n"
    "    - {name: info, mountPath: /info}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: no-config}\n"
    "spec:\n"
    "  volumes: [{name: cfg, configMap: {name: absent}}]\n"
    "  containers:\n"
    "  - {name: app, image: busybox, command: [sleep, \"3600\"], volumeMounts: [{name: cfg, mountPath: /cfg}]}\n"
    "---\n"
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: bad-host-path}\n"
    "spec:\n"
    "  volumes: [{name: h, hostPath: {path: /nonexistent-timoneiro-volume-test, type: Directory}}]\n"
    "  containers:\n"
    "  - {name: app, image: busybox, command: [sleep, \"3600\"], volumeMounts: [{name: h, mountPath: /h}]}\n";

}  // namespace

class LocalNodesVolumesE2E : public QObject, private ClusterUnderTest {
    Q_OBJECT

private:
    QString logs_;

    QJsonObject pod(const QString &name) { return json({QStringLiteral("get"), QStringLiteral("pod"), name}); }
    QString line(const QString &key) const
    {
        for (const QString &l : logs_.split(QLatin1Char('\n')))
            if (l.startsWith(key + QLatin1Char('=')))
                return l.mid(key.size() + 1);
        return {};
    }

    void sweep() { sweepCluster(server_, {kNode}); }

    void waitingReason(const QString &name, const QString &message)
    {
        QJsonObject p;
        QVERIFY2(eventually([&] {
            p = pod(name);
            const QJsonObject waiting = p[QStringLiteral("status")][QStringLiteral("containerStatuses")][0][QStringLiteral("state")][QStringLiteral("waiting")].toObject();
            return waiting[QStringLiteral("reason")].toString() == QLatin1String("CreateContainerConfigError")
                   && waiting[QStringLiteral("message")].toString().contains(message);
        }, 30000), qPrintable(QJsonDocument(p).toJson()));
    }

private slots:
    void initTestCase()
    {
        if (const QString why = localNodesUnavailable({"containerd", "runc", "ip"}, {kNode}); !why.isEmpty())
            QSKIP(qPrintable(why));
        useSharedImageCache();
        QVERIFY2(startCluster({QStringLiteral("--nodes"), QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("volumes")}),
                 qPrintable(server_->log()));
        const CommandResult applied = k({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, kObjects);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
    }

    void volumesAreMountedAndFilled()
    {
        CommandResult logs;
        QVERIFY2(eventually([&] {
            logs = k({QStringLiteral("logs"), QStringLiteral("vols"), QStringLiteral("-c"), QStringLiteral("reader")});
            return logs.exitCode == 0 && logs.out.contains(QLatin1String("token="));
        }, 60000), qPrintable(logs.err + logs.out + QJsonDocument(pod(QStringLiteral("vols"))).toJson()));
        logs_ = logs.out;
        QCOMPARE(line(QStringLiteral("shared")), QStringLiteral("shared-by-writer"));
        QCOMPARE(line(QStringLiteral("cfg")), QStringLiteral("ola"));
        QCOMPARE(line(QStringLiteral("item")), QStringLiteral("mundo"));
        QCOMPARE(line(QStringLiteral("secret")), QStringLiteral("s3cr3t"));
        QCOMPARE(line(QStringLiteral("podname")), QStringLiteral("vols"));
        QCOMPARE(line(QStringLiteral("labels")), QStringLiteral("app=\"vols\""));
        QVERIFY2(logs_.contains(QLatin1String("cfg-readonly")), qPrintable(logs_));
        QCOMPARE(line(QStringLiteral("ns")), QStringLiteral("default"));
        QCOMPARE(line(QStringLiteral("ca")), QStringLiteral("-----BEGIN CERTIFICATE-----"));
    }

    void serviceAccountTokenIsAccepted()
    {
        const QString token = line(QStringLiteral("token"));
        QVERIFY2(!token.isEmpty(), qPrintable(logs_));
        const CommandResult server = k({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--raw"), QStringLiteral("--minify"),
                                        QStringLiteral("-o"), QStringLiteral("jsonpath={.clusters[0].cluster.server} {.clusters[0].cluster.certificate-authority-data}")});
        const QStringList parts = server.out.trimmed().split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 2);
        // Only the token: a client certificate would authenticate first.
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("token.kubeconfig")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: '%1', certificate-authority-data: '%2'}\n"
                                    "users:\n- name: u\n  user: {token: '%3'}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n")
                         .arg(parts[0], parts[1], token).toUtf8());
        config.close();
        const CommandResult whoami = Kubectl(config.fileName()).run({QStringLiteral("auth"), QStringLiteral("whoami"), QStringLiteral("-o"),
                                                                     QStringLiteral("jsonpath={.status.userInfo.username}")});
        QVERIFY2(whoami.exitCode == 0, qPrintable(whoami.err));
        QCOMPARE(whoami.out.trimmed(), QStringLiteral("system:serviceaccount:default:default"));
    }

    void unpreparableVolumesHoldTheContainer()
    {
        waitingReason(QStringLiteral("no-config"), QStringLiteral("configmap \"absent\" not found"));
        waitingReason(QStringLiteral("bad-host-path"), QStringLiteral("hostPath type check failed: /nonexistent-timoneiro-volume-test is not a directory"));
    }

    void podDeletionRemovesItsVolumes()
    {
        const QString uid = pod(QStringLiteral("vols"))[QStringLiteral("metadata")][QStringLiteral("uid")].toString();
        QVERIFY(!uid.isEmpty());
        const QString dir = server_->dataDir() + QStringLiteral("/nodes/") + kNode + QStringLiteral("/pod-volumes/") + uid;
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/kubernetes.io~empty-dir/cache/note")), qPrintable(dir));
        const CommandResult deleted = k({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("vols"), QStringLiteral("--wait=true")});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err + QJsonDocument(pod(QStringLiteral("vols"))).toJson() + server_->log().right(3000)));
        QVERIFY2(eventually([&] { return !QFileInfo::exists(dir); }, 20000), qPrintable(dir));
    }

    void cleanupTestCase() { sweep(); }
};

QTEST_GUILESS_MAIN(LocalNodesVolumesE2E)
#include "test_e2e_local_nodes_volumes.moc"
