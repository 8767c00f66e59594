// YAML as manifests are written, and selectors as kubectl sends them.
#include "api/selector.h"
#include "api/yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::api;

class YamlSelectors : public QObject {
    Q_OBJECT

private slots:
    void manifestsParse()
    {
        auto docs = parseYamlDocuments("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: giropops\n---\n---\n"
                                       "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels: {app: web, v: \"1\", on: yes}\n"
                                       "spec:\n  containers:\n  - name: nginx\n    image: nginx\n    ports:\n    - containerPort: 80\n"
                                       "    args: [\"--x\", 'y', 0x1F, 1.5, ~]\n");
        QVERIFY2(docs.ok(), docs.ok() ? "" : qPrintable(docs.error().message));
        QCOMPARE(docs->size(), 2);
        const QJsonObject pod = docs->at(1).toObject();
        const QJsonObject labels = pod.value("metadata").toObject().value("labels").toObject();
        QCOMPARE(labels.value("v"), QJsonValue(QStringLiteral("1")));
        QCOMPARE(labels.value("on"), QJsonValue(true));  // YAML 1.1, as kubectl reads it
        const QJsonObject c = pod.value("spec").toObject().value("containers").toArray()[0].toObject();
        QCOMPARE(c.value("ports").toArray()[0].toObject().value("containerPort").toInt(), 80);
        QCOMPARE(c.value("args").toArray(), QJsonDocument::fromJson(R"(["--x","y",31,1.5,null])").array());
    }

    void errorsCarryTheLine()
    {
        auto bad = parseYamlDocuments("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, 400);
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("error converting YAML to JSON: yaml: line ")),
                 qPrintable(bad.error().message));
        QVERIFY(!parseYamlDocuments(QByteArray("a: \0", 4)).ok());
        // yaml-cpp 0.7 alone never returns on this one (found by fuzz_yaml_json).
        QVERIFY(!parseYamlDocuments(",").ok());
        QVERIFY(!parseObjectBody("[1,2]", false).ok());
        QVERIFY(!parseObjectBody("{\"a\":", false).ok());
    }

    void aliasBombsAreRefused()
    {
        QByteArray bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
        for (char c = 'b'; c <= 'i'; ++c)
            bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [*" + QByteArray(1, char(c - 1)) + ",*"
                    + QByteArray(1, char(c - 1)) + ",*" + QByteArray(1, char(c - 1)) + ",*" + QByteArray(1, char(c - 1))
                    + ",*" + QByteArray(1, char(c - 1)) + ",*" + QByteArray(1, char(c - 1)) + ",*"
                    + QByteArray(1, char(c - 1)) + ",*" + QByteArray(1, char(c - 1)) + ",*" + QByteArray(1, char(c - 1))
                    + ",*" + QByteArray(1, char(c - 1)) + "]\n";
        auto r = parseYamlDocuments(bomb);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("too large")));
    }

    void roundTrip()
    {
        const QJsonObject o = QJsonDocument::fromJson(
            "{\"metadata\":{\"name\":\"x\",\"labels\":{\"a\":\"true\",\"b\":\"\",\"c\":\"1\",\"d\":\"a: b\","
            "\"e\":\"- x\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"args\":[\"a\",\"\x23" "b\"],\"ports\":[]}],"
            "\"replicas\":3,\"f\":1.5,\"g\":null,\"h\":{}}}").object();
        const QByteArray text = toYaml(o);
        QVERIFY(text.contains("spec:\n  containers:\n  - args:\n    - a\n"));
        auto back = parseYamlDocuments(text);
        QVERIFY2(back.ok(), text.constData());
        QCOMPARE(back->first().toObject(), o);
    }

    void labelSelectors()
    {
        auto s = LabelSelector::parse(QStringLiteral("app=web, tier!=db,env in (a, b),!legacy,version,x notin (1)"));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(s->requirements().size(), 6);
        const QJsonObject labels = QJsonDocument::fromJson(R"({"app":"web","tier":"fe","env":"b","version":"2"})").object();
        QVERIFY(s->matches(labels));
        QJsonObject legacy = labels;
        legacy.insert("legacy", "yes");
        QVERIFY(!s->matches(legacy));
        QCOMPARE(s->toString(), QStringLiteral("app=web,tier!=db,env in (a,b),!legacy,version,x notin (1)"));
        QVERIFY(LabelSelector::parse(QStringLiteral("app="))->matches(QJsonObject{{"app", ""}}));
        QVERIFY(!LabelSelector::parse(QStringLiteral("app in a")).ok());
        QVERIFY(!LabelSelector::parse(QStringLiteral("app==web,,")).ok());
        QVERIFY(!LabelSelector::parse(QStringLiteral("a=b c")).ok());
        auto fromJson = LabelSelector::fromJson(QJsonDocument::fromJson(
            R"({"matchLabels":{"app":"web"},"matchExpressions":[{"key":"env","operator":"NotIn","values":["prod"]}]})").object());
        QVERIFY(fromJson->matches(labels));
        QVERIFY(!LabelSelector::fromJson(QJsonDocument::fromJson(R"({"matchExpressions":[{"key":"a","operator":"Near"}]})").object()).ok());
    }

    void fieldSelectors()
    {
        const QJsonObject pod = QJsonDocument::fromJson(
            R"({"metadata":{"name":"nginx","namespace":"giropops"},"spec":{"nodeName":""},"status":{"phase":"Running"}})").object();
        QVERIFY(FieldSelector::parse(QStringLiteral("metadata.name=nginx,status.phase!=Pending,spec.nodeName=="))->matches(pod));
        QVERIFY(!FieldSelector::parse(QStringLiteral("status.phase=Pending"))->matches(pod));
        QVERIFY(!FieldSelector::parse(QStringLiteral("nonsense")).ok());
        QCOMPARE(fieldValue(pod, QStringLiteral("metadata.namespace")), QStringLiteral("giropops"));
    }
};

QTEST_GUILESS_MAIN(YamlSelectors)
#include "test_api_yaml_selectors.moc"
