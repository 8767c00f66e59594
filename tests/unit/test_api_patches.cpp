// The three patch types, with the bodies kubectl sends.
#include "api/patch.h"

#include <QJsonDocument>
#include <QTest>

using namespace timoneiro::api;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
QJsonArray arr(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}
const char *kPod = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx","labels":{"app":"web","tier":"1"},
  "finalizers":["a"]},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],
  "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"side","image":"busybox"}]}})";
}  // namespace

class Patches : public QObject {
    Q_OBJECT

private slots:
    void mergePatch()
    {
        auto r = applyMergePatch(obj(kPod), obj(R"({"metadata":{"labels":{"app":null,"new":"x"}},"spec":{"containers":[]}})"));
        QVERIFY(r.ok());
        QCOMPARE(r->value("metadata").toObject().value("labels").toObject(), obj(R"({"tier":"1","new":"x"})"));
        QVERIFY(r->value("spec").toObject().value("containers").toArray().isEmpty());
    }

    void jsonPatch()
    {
        auto r = applyJsonPatch(obj(kPod), arr(R"([{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.28"},
            {"op":"add","path":"/metadata/labels/a~1b","value":"c"},{"op":"remove","path":"/spec/containers/1"},
            {"op":"add","path":"/metadata/finalizers/-","value":"b"},{"op":"test","path":"/metadata/name","value":"nginx"},
            {"op":"copy","from":"/metadata/name","path":"/metadata/generateName"},
            {"op":"move","from":"/metadata/labels/tier","path":"/metadata/labels/level"}])"));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->value("spec").toObject().value("containers").toArray().size(), 1);
        QCOMPARE(r->value("spec").toObject().value("containers").toArray()[0].toObject().value("image").toString(),
                 QStringLiteral("nginx:1.28"));
        QCOMPARE(r->value("metadata").toObject().value("labels").toObject(), obj(R"({"app":"web","a/b":"c","level":"1"})"));
        QCOMPARE(r->value("metadata").toObject().value("finalizers").toArray(), arr(R"(["a","b"])"));
        QCOMPARE(r->value("metadata").toObject().value("generateName").toString(), QStringLiteral("nginx"));

        auto failed = applyJsonPatch(obj(kPod), arr(R"([{"op":"test","path":"/metadata/name","value":"other"}])"));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, 422);
        QCOMPARE(applyJsonPatch(obj(kPod), arr(R"([{"op":"remove","path":"/nope"}])")).error().code, 422);
        QCOMPARE(applyJsonPatch(obj(kPod), arr(R"([{"op":"frobnicate","path":"/a"}])")).error().code, 400);
        QCOMPARE(applyJsonPatch(obj(kPod), arr(R"([{"op":"add","path":"no-slash","value":1}])")).error().code, 400);
    }

    // The body `kubectl apply` sends on the third run of the wire digest's session.
    void strategicMergeFromKubectlApply()
    {
        auto r = applyStrategicMergePatch(obj(kPod), obj(R"({"metadata":{"labels":{"app":"web2"}},
            "spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"side"}],
                    "containers":[{"image":"nginx:1.28","name":"nginx"}]}})"), QStringLiteral("v1"), QStringLiteral("Pod"));
        QVERIFY(r.ok());
        const QJsonArray containers = r->value("spec").toObject().value("containers").toArray();
        QCOMPARE(containers.size(), 2);
        QCOMPARE(containers[0].toObject().value("image").toString(), QStringLiteral("nginx:1.28"));
        // Merged, not replaced: the ports and env of the container stay.
        QCOMPARE(containers[0].toObject().value("ports").toArray().size(), 1);
        QCOMPARE(containers[1].toObject().value("name").toString(), QStringLiteral("side"));
        QCOMPARE(r->value("metadata").toObject().value("labels").toObject().value("app").toString(), QStringLiteral("web2"));
    }

    void strategicMergeDirectives()
    {
        auto r = applyStrategicMergePatch(obj(kPod), obj(R"({"spec":{"containers":[
            {"name":"side","$patch":"delete"},
            {"name":"nginx","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]},
            {"name":"new","image":"x"}]},
            "metadata":{"finalizers":["b"],"$deleteFromPrimitiveList/finalizers":["a"]}})"),
                                          QStringLiteral("v1"), QStringLiteral("Pod"));
        QVERIFY(r.ok());
        const QJsonArray containers = r->value("spec").toObject().value("containers").toArray();
        QCOMPARE(containers.size(), 2);
        QCOMPARE(containers[1].toObject().value("name").toString(), QStringLiteral("new"));
        QCOMPARE(containers[0].toObject().value("env").toArray(),
                 arr(R"([{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}])"));
        QCOMPARE(r->value("metadata").toObject().value("finalizers").toArray(), arr(R"(["b"])"));

        auto replaced = applyStrategicMergePatch(obj(kPod), obj(R"({"metadata":{"labels":{"$patch":"replace","only":"this"}}})"),
                                                 QStringLiteral("v1"), QStringLiteral("Pod"));
        QCOMPARE(replaced->value("metadata").toObject().value("labels").toObject(), obj(R"({"only":"this"})"));
        QVERIFY(!applyStrategicMergePatch(obj(kPod), obj(R"({"metadata":{"$patch":"explode"}})"), QStringLiteral("v1"),
                                          QStringLiteral("Pod")).ok());
    }

    void strategicMergeInDeploymentTemplates()
    {
        const QJsonObject d = obj(R"({"spec":{"replicas":2,"template":{"spec":{"containers":[
            {"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}]}]}}}})");
        auto r = applyStrategicMergePatch(d, obj(R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}})"),
                                          QStringLiteral("apps/v1"), QStringLiteral("Deployment"));
        const QJsonObject c = r->value("spec").toObject().value("template").toObject().value("spec").toObject()
                                  .value("containers").toArray()[0].toObject();
        QCOMPARE(c.value("image").toString(), QStringLiteral("nginx:1.28"));
        QCOMPARE(c.value("ports").toArray().size(), 1);
        QCOMPARE(r->value("spec").toObject().value("replicas").toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(Patches)
#include "test_api_patches.moc"
