// The resource registry and the server-side tables kubectl prints: AGE
// durations, each kind's cells, the Table envelope.
#include "api/resource.h"
#include "api/table.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::api;

namespace {

QJsonObject obj(const char *json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    Q_ASSERT(doc.isObject());
    return doc.object();
}

QJsonArray arr(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

const ResourceInfo &res(const char *group, const char *plural)
{
    const ResourceInfo *r = ResourceRegistry::builtin().find(QLatin1String(group), QStringLiteral("v1"), QLatin1String(plural));
    Q_ASSERT(r);
    return *r;
}

QStringList columnNames(const ResourceInfo &r, bool wide)
{
    QStringList out;
    for (const QJsonValue &c : tableColumns(r))
        if (wide || c.toObject().value(QStringLiteral("priority")).toInt() == 0)
            out << c.toObject().value(QStringLiteral("name")).toString();
    return out;
}

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00Z"), Qt::ISODate);

QJsonArray cells(const char *group, const char *plural, const char *json)
{
    return tableCells(res(group, plural), obj(json), kNow);
}

}  // namespace

class ApiTable : public QObject {
    Q_OBJECT

private slots:
    void humanDurations_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("future beyond skew") << qint64(-2) << QStringLiteral("<invalid>");
        QTest::newRow("clock skew") << qint64(-1) << QStringLiteral("0s");
        QTest::newRow("now") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("seconds") << qint64(119) << QStringLiteral("119s");
        QTest::newRow("two minutes") << qint64(120) << QStringLiteral("2m");
        QTest::newRow("minutes and seconds") << qint64(310) << QStringLiteral("5m10s");
        QTest::newRow("under ten minutes") << qint64(599) << QStringLiteral("9m59s");
        QTest::newRow("minutes") << qint64(3 * 3600 - 1) << QStringLiteral("179m");
        QTest::newRow("three hours") << qint64(3 * 3600) << QStringLiteral("3h");
        QTest::newRow("hours and minutes") << qint64(7 * 3600 + 59 * 60 + 59) << QStringLiteral("7h59m");
        QTest::newRow("hours") << qint64(47 * 3600) << QStringLiteral("47h");
        QTest::newRow("days and hours") << qint64(53 * 3600) << QStringLiteral("2d5h");
        QTest::newRow("whole days") << qint64(3 * 86400) << QStringLiteral("3d");
        QTest::newRow("days") << qint64(45 * 86400) << QStringLiteral("45d");
        QTest::newRow("two years") << qint64(730 * 86400) << QStringLiteral("2y");
        QTest::newRow("years and days") << qint64((3 * 365 + 12) * 86400) << QStringLiteral("3y12d");
        QTest::newRow("years") << qint64(9 * 365 * 86400 + 86400 * 40) << QStringLiteral("9y");
    }
    void humanDurations()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(humanDuration(seconds), text);
    }

    void registryLookups()
    {
        const ResourceRegistry &r = ResourceRegistry::builtin();
        const ResourceInfo *pods = r.find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
        QVERIFY(pods);
        QCOMPARE(pods->kind, QStringLiteral("Pod"));
        QCOMPARE(pods->shortNames, QStringList{QStringLiteral("po")});
        QCOMPARE(pods->categories, QStringList{QStringLiteral("all")});
        QVERIFY(pods->selectableFields.contains(QStringLiteral("spec.nodeName")));
        QCOMPARE(pods->subresource(QStringLiteral("eviction"))->group, QStringLiteral("policy"));
        QCOMPARE(pods->subresource(QStringLiteral("binding"))->kind, QStringLiteral("Binding"));
        QCOMPARE(pods->subresource(QStringLiteral("log"))->verbs, QStringList{QStringLiteral("get")});
        QVERIFY(!pods->subresource(QStringLiteral("scale")));

        const ResourceInfo *deploy = r.findByKind(QStringLiteral("apps/v1"), QStringLiteral("Deployment"));
        QVERIFY(deploy);
        QCOMPARE(deploy->plural, QStringLiteral("deployments"));
        QCOMPARE(deploy->qualifiedPlural(), QStringLiteral("deployments.apps"));
        const SubresourceInfo *scale = deploy->subresource(QStringLiteral("scale"));
        QVERIFY(scale);
        QCOMPARE(scale->group + QLatin1Char('/') + scale->version + QLatin1Char('/') + scale->kind,
                 QStringLiteral("autoscaling/v1/Scale"));
        QVERIFY(!r.findByKind(QStringLiteral("v1"), QStringLiteral("Deployment")));
        QVERIFY(!r.find(QStringLiteral("apps"), QStringLiteral("v1beta1"), QStringLiteral("deployments")));

        const ResourceInfo *ssar = r.find(QStringLiteral("authorization.k8s.io"), QStringLiteral("v1"),
                                          QStringLiteral("selfsubjectaccessreviews"));
        QVERIFY(ssar && !ssar->namespaced);
        QCOMPARE(ssar->verbs, QStringList{QStringLiteral("create")});
        QVERIFY(!res("", "namespaces").verbs.contains(QStringLiteral("deletecollection")));
        QVERIFY(!res("", "nodes").namespaced);

        const QStringList gvs = r.groupVersions();
        QCOMPARE(gvs.first(), QStringLiteral("v1"));
        QCOMPARE(gvs.at(1), QStringLiteral("apps/v1"));
        QCOMPARE(gvs.count(QStringLiteral("v1")), 1);
        QVERIFY(gvs.contains(QStringLiteral("rbac.authorization.k8s.io/v1")));
    }

    void storeKeys()
    {
        QCOMPARE(res("", "pods").storePrefix(), QStringLiteral("/registry/core/pods/"));
        QCOMPARE(res("", "pods").storeKey(QStringLiteral("giropops"), QStringLiteral("nginx")),
                 QStringLiteral("/registry/core/pods/giropops/nginx"));
        QCOMPARE(res("", "nodes").storeKey(QStringLiteral("ignored"), QStringLiteral("n1")),
                 QStringLiteral("/registry/core/nodes/n1"));
        QCOMPARE(res("apps", "deployments").storeKey(QStringLiteral("default"), QStringLiteral("web")),
                 QStringLiteral("/registry/apps/deployments/default/web"));
        QCOMPARE(res("rbac.authorization.k8s.io", "clusterroles").storeKey({}, QStringLiteral("admin")),
                 QStringLiteral("/registry/rbac.authorization.k8s.io/clusterroles/admin"));
    }

    void podColumnsAndPendingRow()
    {
        QCOMPARE(columnNames(res("", "pods"), false), (QStringList{"Name", "Ready", "Status", "Restarts", "Age"}));
        QCOMPARE(columnNames(res("", "pods"), true).mid(5), (QStringList{"IP", "Node", "Nominated Node", "Readiness Gates"}));
        const QJsonObject name = tableColumns(res("", "pods")).at(0).toObject();
        QCOMPARE(name.value(QStringLiteral("format")).toString(), QStringLiteral("name"));
        QCOMPARE(tableColumns(res("", "pods")).at(3).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("string"));
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"nginx","creationTimestamp":"2026-11-25T09:59:55Z"},
                     "spec":{"containers":[{"name":"nginx","image":"nginx"}]},"status":{"phase":"Pending"}})"),
                 arr(R"(["nginx","0/1","Pending","0","5s","<none>","<none>","<none>","<none>"])"));
    }

    void podStatuses()
    {
        // The second init container is still running.
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"a"},{"name":"b"}],
                     "containers":[{"name":"c"}]},"status":{"phase":"Pending","initContainerStatuses":[
                     {"name":"a","state":{"terminated":{"exitCode":0}}},{"name":"b","state":{"running":{}}}]}})")[2]
                     .toString(),
                 QStringLiteral("Init:1/2"));
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"a"}],
                     "containers":[{"name":"c"}]},"status":{"phase":"Pending","initContainerStatuses":[
                     {"name":"a","restartCount":2,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})")[2]
                     .toString(),
                 QStringLiteral("Init:CrashLoopBackOff"));
        // A started sidecar counts as a ready container and lets the pod run.
        const QJsonArray sidecar = cells("", "pods", R"({"metadata":{"name":"p"},
            "spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"c"}]},
            "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
             "initContainerStatuses":[{"name":"proxy","started":true,"ready":true,"state":{"running":{}}}],
             "containerStatuses":[{"name":"c","ready":true,"state":{"running":{}}}]}})");
        QCOMPARE(sidecar[1].toString(), QStringLiteral("2/2"));
        QCOMPARE(sidecar[2].toString(), QStringLiteral("Running"));
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}]},
                     "status":{"phase":"Failed","containerStatuses":[{"name":"c","state":{"terminated":{"exitCode":137,"signal":9}}}]}})")[2]
                     .toString(),
                 QStringLiteral("Signal:9"));
        // Restarts carry the time of the last one.
        const QJsonArray crashing = cells("", "pods", R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}]},
            "status":{"phase":"Running","containerStatuses":[{"name":"c","restartCount":5,
             "state":{"waiting":{"reason":"CrashLoopBackOff"}},
             "lastState":{"terminated":{"exitCode":1,"finishedAt":"2026-11-25T09:55:00Z"}}}]}})");
        QCOMPARE(crashing[2].toString(), QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(crashing[3].toString(), QStringLiteral("5 (5m ago)"));
        // Deleting a running pod reads Terminating; a finished one keeps its phase.
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"p","deletionTimestamp":"2026-11-25T09:59:00Z"},
                     "spec":{"containers":[{"name":"c"}]},"status":{"phase":"Running"}})")[2].toString(),
                 QStringLiteral("Terminating"));
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"p","deletionTimestamp":"2026-11-25T09:59:00Z"},
                     "spec":{"containers":[{"name":"c"}]},"status":{"phase":"Succeeded"}})")[2].toString(),
                 QStringLiteral("Succeeded"));
        QCOMPARE(cells("", "pods", R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}],
                     "readinessGates":[{"conditionType":"x/ready"},{"conditionType":"y/ready"}]},
                     "status":{"phase":"Running","podIPs":[{"ip":"10.244.0.7"}],"conditions":[{"type":"x/ready","status":"True"}]}})"),
                 arr(R"(["p","0/1","Running","0","<unknown>","10.244.0.7","<none>","<none>","1/2"])"));
    }

    void serviceRows()
    {
        QCOMPARE(columnNames(res("", "services"), true),
                 (QStringList{"Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"}));
        QCOMPARE(cells("", "services", R"({"metadata":{"name":"web","creationTimestamp":"2026-11-25T09:00:00Z"},
                     "spec":{"type":"NodePort","clusterIP":"10.96.4.2","clusterIPs":["10.96.4.2"],"selector":{"app":"web"},
                     "ports":[{"port":80,"nodePort":30080,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}})"),
                 arr(R"(["web","NodePort","10.96.4.2","<none>","80:30080/TCP,53/UDP","60m","app=web"])"));
        QCOMPARE(cells("", "services", R"({"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIP":"10.96.0.9",
                     "ports":[{"port":443,"protocol":"TCP","nodePort":31000}]}})")[3].toString(),
                 QStringLiteral("<pending>"));
        QCOMPARE(cells("", "services", R"({"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","externalIPs":["1.2.3.4"]},
                     "status":{"loadBalancer":{"ingress":[{"ip":"172.18.0.10"},{"hostname":"lb.example.com"}]}}})")[3].toString(),
                 QStringLiteral("172.18.0.10,lb.example.com,1.2.3.4"));
        QCOMPARE(cells("", "services", R"({"metadata":{"name":"db"},"spec":{"type":"ExternalName","externalName":"db.example.com"}})"),
                 arr(R"(["db","ExternalName","<none>","db.example.com","<none>","<unknown>","<none>"])"));
        QCOMPARE(cells("", "services", R"({"metadata":{"name":"h"},"spec":{"type":"ClusterIP","clusterIP":"None","clusterIPs":["None"]}})")[2]
                     .toString(),
                 QStringLiteral("None"));
    }

    void endpointsRows()
    {
        QCOMPARE(cells("", "endpoints", R"({"metadata":{"name":"web"},"subsets":[{"addresses":[{"ip":"10.0.0.1"},
                     {"ip":"10.0.0.2"},{"ip":"10.0.0.3"},{"ip":"10.0.0.4"}],"ports":[{"port":80}]}]})")[1].toString(),
                 QStringLiteral("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more..."));
        // Each port walks every address before the next port.
        QCOMPARE(cells("", "endpoints", R"({"metadata":{"name":"web"},"subsets":[{"addresses":[{"ip":"10.0.0.1"},
                     {"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]}]})")[1].toString(),
                 QStringLiteral("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more..."));
        QCOMPARE(cells("", "endpoints", R"({"metadata":{"name":"e"}})")[1].toString(), QStringLiteral("<none>"));
        QCOMPARE(cells("", "endpoints", R"({"metadata":{"name":"e"},"subsets":[{"addresses":[{"ip":"fd00::1"}],"ports":[{"port":80}]}]})")[1]
                     .toString(),
                 QStringLiteral("[fd00::1]:80"));
    }

    void workloadRows()
    {
        QCOMPARE(columnNames(res("apps", "deployments"), true),
                 (QStringList{"Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"}));
        QCOMPARE(cells("apps", "deployments", R"({"metadata":{"name":"web","creationTimestamp":"2026-11-25T09:59:00Z"},
                     "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                      "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"},{"name":"log","image":"busybox"}]}}},
                     "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}})"),
                 arr(R"(["web","2/3",3,2,"60s","nginx,log","nginx:1.27,busybox","app=web"])"));
        QCOMPARE(columnNames(res("apps", "replicasets"), false), (QStringList{"Name", "Desired", "Current", "Ready", "Age"}));
        QCOMPARE(cells("apps", "replicasets", R"({"metadata":{"name":"web-5d4f","creationTimestamp":"2026-11-23T10:00:00Z"},
                     "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web","pod-template-hash":"5d4f"}},
                      "template":{"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}},"status":{"replicas":2}})"),
                 arr(R"(["web-5d4f",2,2,0,"2d","nginx","nginx","app=web,pod-template-hash=5d4f"])"));
    }

    void nodeAndNamespaceRows()
    {
        QCOMPARE(cells("", "nodes", R"j({"metadata":{"name":"cp","creationTimestamp":"2026-11-25T07:00:00Z",
                     "labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/role":"master"}},
                     "spec":{"unschedulable":true},
                     "status":{"conditions":[{"type":"Ready","status":"Unknown"}],
                      "addresses":[{"type":"InternalIP","address":"172.18.0.2"}],
                      "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Debian GNU/Linux 12 (bookworm)"}}})j"),
                 arr(R"j(["cp","NotReady,SchedulingDisabled","control-plane,master","3h","v1.32.0","172.18.0.2","<none>",
                         "Debian GNU/Linux 12 (bookworm)","<unknown>","<unknown>"])j"));
        QCOMPARE(cells("", "nodes", R"({"metadata":{"name":"n"}})").at(1).toString(), QStringLiteral("Unknown"));
        QCOMPARE(cells("", "namespaces", R"({"metadata":{"name":"default","creationTimestamp":"2026-11-25T09:00:00Z"},
                     "status":{"phase":"Active"}})"),
                 arr(R"(["default","Active","60m"])"));
    }

    void eventRows()
    {
        // NAME is a wide column near the end; LAST SEEN comes first.
        QCOMPARE(columnNames(res("", "events"), false), (QStringList{"Last Seen", "Type", "Reason", "Object", "Message"}));
        QCOMPARE(columnNames(res("", "events"), true).last(), QStringLiteral("Name"));
        QCOMPARE(cells("", "events", R"({"metadata":{"name":"web.1"},"type":"Normal","reason":"Scheduled",
                     "involvedObject":{"kind":"Pod","name":"web","fieldPath":"spec.containers{nginx}"},
                     "source":{"component":"kubelet","host":"n1"},"message":"Pulled image \n",
                     "firstTimestamp":"2026-11-25T09:50:00Z","lastTimestamp":"2026-11-25T09:59:30Z","count":4})"),
                 arr(R"(["30s","Normal","Scheduled","pod/web","spec.containers{nginx}","kubelet, n1","Pulled image","10m",4,"web.1"])"));
        const QJsonArray series = cells("", "events", R"({"metadata":{"name":"e"},"eventTime":"2026-11-25T09:00:00.000000Z",
            "series":{"count":7,"lastObservedTime":"2026-11-25T09:58:00.000000Z"},"reportingComponent":"default-scheduler",
            "involvedObject":{"kind":"Node"}})");
        QCOMPARE(series[0].toString(), QStringLiteral("2m"));
        QCOMPARE(series[3].toString(), QStringLiteral("node"));
        QCOMPARE(series[5].toString(), QStringLiteral("default-scheduler"));
        QCOMPARE(series[7].toString(), QStringLiteral("60m"));
        QCOMPARE(series[8].toInt(), 7);
    }

    void otherRows()
    {
        QCOMPARE(cells("", "configmaps", R"({"metadata":{"name":"c"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}})"),
                 arr(R"(["c",3,"<unknown>"])"));
        QCOMPARE(cells("", "secrets", R"({"metadata":{"name":"s"},"type":"Opaque","data":{"a":"MQ=="}})"),
                 arr(R"(["s","Opaque",1,"<unknown>"])"));
        QCOMPARE(cells("", "resourcequotas", R"({"metadata":{"name":"q"},"status":{"hard":{"limits.cpu":"2","pods":"10","requests.cpu":"1"},
                     "used":{"pods":"3","requests.cpu":"500m"}}})"),
                 arr(R"(["q","<unknown>","pods: 3/10, requests.cpu: 500m/1","limits.cpu: 0/2"])"));
        QCOMPARE(cells("", "limitranges", R"({"metadata":{"name":"l","creationTimestamp":"2026-11-25T09:00:00Z"}})"),
                 arr(R"(["l","2026-11-25T09:00:00Z"])"));
        QCOMPARE(cells("discovery.k8s.io", "endpointslices", R"({"metadata":{"name":"web-x"},"addressType":"IPv4",
                     "ports":[{"port":80},{"name":"metrics"}],"endpoints":[{"addresses":["10.0.0.1"]},{"addresses":["10.0.0.2"]}]})"),
                 arr(R"(["web-x","IPv4","80,metrics","10.0.0.1,10.0.0.2","<unknown>"])"));
        QCOMPARE(cells("discovery.k8s.io", "endpointslices", R"({"metadata":{"name":"e"},"addressType":"IPv4"})"),
                 arr(R"(["e","IPv4","<unset>","<unset>","<unknown>"])"));
        QCOMPARE(cells("coordination.k8s.io", "leases", R"({"metadata":{"name":"kube-scheduler"},"spec":{"holderIdentity":"cp_1"}})"),
                 arr(R"(["kube-scheduler","cp_1","<unknown>"])"));
        QCOMPARE(cells("networking.k8s.io", "networkpolicies", R"({"metadata":{"name":"deny"},"spec":{"podSelector":{}}})"),
                 arr(R"(["deny","<none>","<unknown>"])"));
        QCOMPARE(columnNames(res("rbac.authorization.k8s.io", "clusterroles"), true), (QStringList{"Name", "Created At"}));
        QCOMPARE(cells("rbac.authorization.k8s.io", "rolebindings", R"({"metadata":{"name":"rb"},
                     "roleRef":{"kind":"ClusterRole","name":"view"},"subjects":[{"kind":"User","name":"ana"},
                     {"kind":"Group","name":"devs"},{"kind":"ServiceAccount","namespace":"ci","name":"bot"}]})"),
                 arr(R"(["rb","ClusterRole/view","<unknown>","ana","devs","ci/bot"])"));
    }

    void tableEnvelope()
    {
        const QJsonObject pod = obj(R"({"metadata":{"name":"done","namespace":"default","uid":"u1"},
            "spec":{"containers":[{"name":"c"}]},"status":{"phase":"Succeeded"}})");
        const QJsonObject table = buildTable(res("", "pods"), {pod}, QStringLiteral("42"), QStringLiteral("tok"), kNow);
        QCOMPARE(table.value(QStringLiteral("kind")).toString(), QStringLiteral("Table"));
        QCOMPARE(table.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("meta.k8s.io/v1"));
        QCOMPARE(table.value(QStringLiteral("metadata")).toObject(),
                 obj(R"({"resourceVersion":"42","continue":"tok"})"));
        QCOMPARE(table.value(QStringLiteral("columnDefinitions")).toArray().size(), 9);
        const QJsonObject row = table.value(QStringLiteral("rows")).toArray().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("object")).toObject(),
                 obj(R"({"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                         "metadata":{"name":"done","namespace":"default","uid":"u1"}})"));
        QCOMPARE(row.value(QStringLiteral("conditions")).toArray().at(0).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("Completed"));

        const QJsonObject later = buildTable(res("", "pods"), {}, QStringLiteral("43"), {}, kNow, false);
        QVERIFY(later.value(QStringLiteral("columnDefinitions")).isNull());
        QVERIFY(!later.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("continue")));
        QCOMPARE(later.value(QStringLiteral("rows")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(ApiTable)
#include "test_api_table.moc"
