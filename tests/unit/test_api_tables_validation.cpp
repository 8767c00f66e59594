// Server-side tables (the columns and cells kubectl prints), defaulting and
// validation with Kubernetes' messages.
#include "api/defaults.h"
#include "api/resource.h"
#include "api/table.h"
#include "api/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::api;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
const ResourceInfo &res(const char *group, const char *plural)
{
    return *ResourceRegistry::builtin().find(QLatin1String(group), QStringLiteral("v1"), QLatin1String(plural));
}
QStringList names(const QJsonArray &columns, bool wide)
{
    QStringList out;
    for (const QJsonValue &c : columns)
        if (wide || c.toObject().value("priority").toInt() == 0)
            out << c.toObject().value("name").toString();
    return out;
}
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00Z"), Qt::ISODate);
}  // namespace

class TablesValidation : public QObject {
    Q_OBJECT

private slots:
    void humanDurations()
    {
        QCOMPARE(humanDuration(4), QStringLiteral("4s"));
        QCOMPARE(humanDuration(119), QStringLiteral("119s"));
        QCOMPARE(humanDuration(310), QStringLiteral("5m10s"));
        QCOMPARE(humanDuration(600), QStringLiteral("10m"));
        QCOMPARE(humanDuration(3 * 3600), QStringLiteral("3h"));
        QCOMPARE(humanDuration(5 * 3600 + 120), QStringLiteral("5h2m"));
        QCOMPARE(humanDuration(53 * 3600), QStringLiteral("2d5h"));
        QCOMPARE(humanDuration(45 * 86400), QStringLiteral("45d"));
        QCOMPARE(humanDuration(2 * 365 * 86400), QStringLiteral("2y"));
    }

    void registry()
    {
        const ResourceRegistry &r = ResourceRegistry::builtin();
        QVERIFY(r.find(QString(), QStringLiteral("v1"), QStringLiteral("pods")));
        QCOMPARE(r.findByKind(QStringLiteral("apps/v1"), QStringLiteral("Deployment"))->plural, QStringLiteral("deployments"));
        QCOMPARE(res("", "pods").storeKey(QStringLiteral("giropops"), QStringLiteral("nginx")),
                 QStringLiteral("/registry/core/pods/giropops/nginx"));
        QCOMPARE(res("", "namespaces").storeKey(QStringLiteral("x"), QStringLiteral("giropops")),
                 QStringLiteral("/registry/core/namespaces/giropops"));
        QCOMPARE(r.groupVersions().first(), QStringLiteral("v1"));
        QCOMPARE(res("", "pods").subresource(QStringLiteral("eviction"))->group, QStringLiteral("policy"));
    }

    void pendingPodRow()
    {
        const QJsonObject pod = obj(R"({"metadata":{"name":"nginx","creationTimestamp":"2026-11-25T09:59:55Z"},
            "spec":{"containers":[{"name":"nginx","image":"nginx"}]},"status":{"phase":"Pending"}})");
        const QJsonArray cols = tableColumns(res("", "pods"));
        QCOMPARE(names(cols, false), (QStringList{"Name", "Ready", "Status", "Restarts", "Age"}));
        QCOMPARE(names(cols, true).mid(5), (QStringList{"IP", "Node", "Nominated Node", "Readiness Gates"}));
        QCOMPARE(tableCells(res("", "pods"), pod, kNow),
                 QJsonDocument::fromJson(R"(["nginx","0/1","Pending","0","5s","<none>","<none>","<none>","<none>"])").array());
    }

    void runningAndCrashingPods()
    {
        const QJsonObject pod = obj(R"({"metadata":{"name":"web","creationTimestamp":"2026-11-25T09:00:00Z"},
            "spec":{"nodeName":"n1","containers":[{"name":"a"},{"name":"b"}]},
            "status":{"phase":"Running","podIP":"10.244.1.5","containerStatuses":[
              {"name":"a","ready":true,"restartCount":0,"state":{"running":{}}},
              {"name":"b","ready":false,"restartCount":4,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
               "lastState":{"terminated":{"exitCode":1,"finishedAt":"2026-11-25T09:58:00Z"}}}]}})");
        const QJsonArray cells = tableCells(res("", "pods"), pod, kNow);
        QCOMPARE(cells[1].toString(), QStringLiteral("1/2"));
        QCOMPARE(cells[2].toString(), QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(cells[3].toString(), QStringLiteral("4 (2m ago)"));
        QCOMPARE(cells[5].toString(), QStringLiteral("10.244.1.5"));
        QJsonObject deleting = pod;
        QJsonObject meta = deleting.value("metadata").toObject();
        meta.insert("deletionTimestamp", "2026-11-25T09:59:00Z");
        deleting.insert("metadata", meta);
        QCOMPARE(tableCells(res("", "pods"), deleting, kNow)[2].toString(), QStringLiteral("Terminating"));
    }

    void serviceAndEndpointRows()
    {
        const QJsonObject svc = obj(R"({"metadata":{"name":"web","creationTimestamp":"2026-11-25T09:00:00Z"},
            "spec":{"type":"NodePort","clusterIP":"10.96.4.2","selector":{"app":"web"},
            "ports":[{"port":80,"nodePort":30080,"protocol":"TCP"}]}})");
        QCOMPARE(tableCells(res("", "services"), svc, kNow),
                 QJsonDocument::fromJson(R"(["web","NodePort","10.96.4.2","<none>","80:30080/TCP","60m","app=web"])").array());
        const QJsonObject lb = obj(R"({"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIP":"10.96.0.9",
            "ports":[{"port":443,"protocol":"TCP","nodePort":31000}]}})");
        QCOMPARE(tableCells(res("", "services"), lb, kNow)[3].toString(), QStringLiteral("<pending>"));
        const QJsonObject ep = obj(R"({"metadata":{"name":"web"},"subsets":[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},
            {"ip":"10.0.0.3"},{"ip":"10.0.0.4"}],"ports":[{"port":80}]}]})");
        QCOMPARE(tableCells(res("", "endpoints"), ep, kNow)[1].toString(),
                 QStringLiteral("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more..."));
        QCOMPARE(tableCells(res("", "endpoints"), obj(R"({"metadata":{"name":"e"}})"), kNow)[1].toString(), QStringLiteral("<none>"));
    }

    void deploymentRow()
    {
        const QJsonObject d = obj(R"({"metadata":{"name":"web","creationTimestamp":"2026-11-25T09:59:00Z"},
            "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}},
            "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}})");
        QCOMPARE(tableCells(res("apps", "deployments"), d, kNow),
                 QJsonDocument::fromJson(R"(["web","2/3",3,2,"60s","nginx","nginx:1.27","app=web"])").array());
        const QJsonObject table = buildTable(res("apps", "deployments"), {d}, QStringLiteral("42"), {}, kNow, false);
        QVERIFY(table.value("columnDefinitions").isNull());
        QCOMPARE(table.value("rows").toArray()[0].toObject().value("object").toObject().value("kind").toString(),
                 QStringLiteral("PartialObjectMetadata"));
    }

    void podDefaults()
    {
        QJsonObject pod = obj(R"({"metadata":{"name":"nginx"},"spec":{"containers":[{"name":"nginx","image":"nginx",
            "ports":[{"containerPort":80}]},{"name":"b","image":"busybox:1.36"}]}})");
        applyDefaults(res("", "pods"), pod);
        const QJsonObject spec = pod.value("spec").toObject();
        QCOMPARE(spec.value("restartPolicy").toString(), QStringLiteral("Always"));
        QCOMPARE(spec.value("dnsPolicy").toString(), QStringLiteral("ClusterFirst"));
        QCOMPARE(spec.value("terminationGracePeriodSeconds").toInt(), 30);
        const QJsonArray c = spec.value("containers").toArray();
        QCOMPARE(c[0].toObject().value("imagePullPolicy").toString(), QStringLiteral("Always"));
        QCOMPARE(c[1].toObject().value("imagePullPolicy").toString(), QStringLiteral("IfNotPresent"));
        QCOMPARE(c[0].toObject().value("ports").toArray()[0].toObject().value("protocol").toString(), QStringLiteral("TCP"));
        QCOMPARE(spec.value("tolerations").toArray().size(), 2);
        QJsonObject svc = obj(R"({"spec":{"ports":[{"port":80}]}})");
        applyDefaults(res("", "services"), svc);
        QCOMPARE(svc.value("spec").toObject().value("type").toString(), QStringLiteral("ClusterIP"));
        QCOMPARE(svc.value("spec").toObject().value("sessionAffinity").toString(), QStringLiteral("None"));
        QCOMPARE(svc.value("spec").toObject().value("ports").toArray()[0].toObject().value("targetPort").toInt(), 80);
    }

    void secretStringDataFoldsIntoData()
    {
        QJsonObject secret = obj(R"({"metadata":{"name":"s"},"data":{"a":"b2xk","keep":"eA=="},"stringData":{"a":"new","pw":"s3cr3t"}})");
        applyDefaults(res("", "secrets"), secret);
        QVERIFY(!secret.contains("stringData"));
        const QJsonObject data = secret.value("data").toObject();
        QCOMPARE(data.value("a").toString(), QStringLiteral("bmV3"));  // stringData wins, as in Kubernetes
        QCOMPARE(data.value("pw").toString(), QStringLiteral("czNjcjN0"));
        QCOMPARE(data.value("keep").toString(), QStringLiteral("eA=="));
        QCOMPARE(secret.value("type").toString(), QStringLiteral("Opaque"));
    }

    void validationMessages()
    {
        QJsonObject pod = obj(R"({"metadata":{"name":"Bad_Name"},"spec":{"containers":[{"name":"c","ports":[{"containerPort":70000}],
            "resources":{"requests":{"cpu":"2"},"limits":{"cpu":"1","memory":"lots"}}}]}})");
        applyDefaults(res("", "pods"), pod);
        const QList<StatusCause> causes = validateObject(res("", "pods"), pod);
        QStringList lines;
        for (const StatusCause &c : causes)
            lines << c.field + QStringLiteral(": ") + c.message;
        QVERIFY2(lines.contains(QStringLiteral("metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must "
                                               "consist of lower case alphanumeric characters, '-' or '.', and must start and "
                                               "end with an alphanumeric character (e.g. 'example.com', regex used for "
                                               "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
                 qPrintable(lines.join('\n')));
        QVERIFY(lines.contains(QStringLiteral("spec.containers[0].image: Required value")));
        QVERIFY(lines.contains(QStringLiteral("spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive")));
        QVERIFY(lines.contains(QStringLiteral("spec.containers[0].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 1")));
        QVERIFY2(lines.filter(QStringLiteral("resources.limits[memory]: Invalid value: \"lots\": quantities must match")).size() == 1,
                 qPrintable(lines.join('\n')));

        QJsonObject d = obj(R"({"metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}},
            "template":{"metadata":{"labels":{"app":"other"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}})");
        applyDefaults(res("apps", "deployments"), d);
        bool mismatch = false;
        for (const StatusCause &c : validateObject(res("apps", "deployments"), d))
            mismatch = mismatch || (c.field == QStringLiteral("spec.template.metadata.labels")
                                    && c.message.endsWith(QStringLiteral("`selector` does not match template `labels`")));
        QVERIFY(mismatch);

        QJsonObject svc = obj(R"({"metadata":{"name":"1web"},"spec":{"type":"Magic","ports":[{"port":80}]}})");
        QStringList svcLines;
        for (const StatusCause &c : validateObject(res("", "services"), svc))
            svcLines << c.field + QStringLiteral(": ") + c.message;
        QVERIFY(svcLines.filter(QStringLiteral("metadata.name: Invalid value: \"1web\": a DNS-1035 label")).size() == 1);
        QVERIFY(svcLines.contains(QStringLiteral("spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", "
                                                 "\"ExternalName\", \"LoadBalancer\", \"NodePort\"")));
        QCOMPARE(validateDnsLabel(QString(64, QLatin1Char('a'))).first(), QStringLiteral("must be no more than 63 characters"));
        QVERIFY(validateLabelKey(QStringLiteral("example.com/app")).isEmpty());
        QVERIFY(!validateLabelValue(QStringLiteral("-x")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TablesValidation)
#include "test_api_tables_validation.moc"
