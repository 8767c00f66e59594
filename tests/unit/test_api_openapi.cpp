// OpenAPI v3 as kubectl reads it: the index, the PATCH operation it probes
// for server-side field validation, and the schemas `kubectl explain` walks.
#include "api/openapi.h"
#include "api/resource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace timoneiro::api;

namespace {

ResourceInfo resource(const QString &group, const QString &kind, const QString &plural, bool namespaced,
                      QList<SubresourceInfo> subresources = {})
{
    ResourceInfo r;
    r.group = group;
    r.version = QStringLiteral("v1");
    r.kind = kind;
    r.plural = plural;
    r.singular = kind.toLower();
    r.namespaced = namespaced;
    r.verbs = {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
               QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("patch"), QStringLiteral("update"),
               QStringLiteral("watch")};
    r.subresources = subresources;
    return r;
}

const ResourceRegistry &registry()
{
    static const ResourceRegistry r = [] {
        ResourceRegistry reg;
        const QStringList subVerbs{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
        reg.add(resource({}, QStringLiteral("Pod"), QStringLiteral("pods"), true,
                         {SubresourceInfo{QStringLiteral("status"), {}, QStringLiteral("v1"), QStringLiteral("Pod"), subVerbs}}));
        reg.add(resource({}, QStringLiteral("Namespace"), QStringLiteral("namespaces"), false));
        reg.add(resource({}, QStringLiteral("Widget"), QStringLiteral("widgets"), true));
        reg.add(resource(QStringLiteral("apps"), QStringLiteral("Deployment"), QStringLiteral("deployments"), true,
                         {SubresourceInfo{QStringLiteral("scale"), QStringLiteral("autoscaling"), QStringLiteral("v1"),
                                          QStringLiteral("Scale"), subVerbs}}));
        return reg;
    }();
    return r;
}

QJsonObject gvk(const QString &group, const QString &kind)
{
    return {{QStringLiteral("group"), group}, {QStringLiteral("version"), QStringLiteral("v1")}, {QStringLiteral("kind"), kind}};
}

QJsonObject resolve(const QJsonObject &schemas, const QJsonObject &field)
{
    const QString ref = field.value(QStringLiteral("allOf")).toArray().first().toObject().value(QStringLiteral("$ref")).toString();
    return schemas.value(ref.section(QLatin1Char('/'), -1)).toObject();
}

}  // namespace

class TestApiOpenApi : public QObject {
    Q_OBJECT

private slots:
    void indexListsGroupVersionsWithHash()
    {
        const QJsonObject paths = openApiIndex(registry()).value(QStringLiteral("paths")).toObject();
        QCOMPARE(paths.keys(), (QStringList{QStringLiteral("api/v1"), QStringLiteral("apis/apps/v1")}));
        const QString url = paths.value(QStringLiteral("api/v1")).toObject().value(QStringLiteral("serverRelativeURL")).toString();
        QVERIFY(url.startsWith(QStringLiteral("/openapi/v3/api/v1?hash=")));
        const QString hash = openApiHash(registry(), QStringLiteral("api/v1"));
        QCOMPARE(hash.size(), 128);
        QCOMPARE(hash, hash.toUpper());
        QVERIFY(url.endsWith(hash));
        QVERIFY(hash != openApiHash(registry(), QStringLiteral("apis/apps/v1")));
        QVERIFY(openApiDocument(registry(), QStringLiteral("apis/nope/v1")).isEmpty());
        QVERIFY(openApiHash(registry(), QStringLiteral("apis/nope/v1")).isEmpty());
    }

    void podPatchOperationLetsKubectlValidateOnTheServer()
    {
        const QJsonObject doc = openApiDocument(registry(), QStringLiteral("api/v1"));
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.0"));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        const QJsonObject patch = paths.value(QStringLiteral("/api/v1/namespaces/{namespace}/pods/{name}"))
                                      .toObject().value(QStringLiteral("patch")).toObject();
        QCOMPARE(patch.value(QStringLiteral("x-kubernetes-action")).toString(), QStringLiteral("patch"));
        QCOMPARE(patch.value(QStringLiteral("x-kubernetes-group-version-kind")).toObject(), gvk({}, QStringLiteral("Pod")));
        QStringList params;
        for (const QJsonValue &p : patch.value(QStringLiteral("parameters")).toArray())
            params << p.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(params, (QStringList{QStringLiteral("dryRun"), QStringLiteral("fieldManager"),
                                      QStringLiteral("fieldValidation"), QStringLiteral("force")}));
        const QJsonObject body = patch.value(QStringLiteral("requestBody")).toObject().value(QStringLiteral("content")).toObject();
        QVERIFY(body.contains(QStringLiteral("application/strategic-merge-patch+json")));
        QVERIFY(body.contains(QStringLiteral("application/apply-patch+yaml")));
        QCOMPARE(body.value(QStringLiteral("application/merge-patch+json")).toObject().value(QStringLiteral("schema"))
                     .toObject().value(QStringLiteral("$ref")).toString(),
                 QStringLiteral("#/components/schemas/io.k8s.api.core.v1.Pod"));

        QVERIFY(paths.contains(QStringLiteral("/api/v1/pods")));
        QVERIFY(paths.contains(QStringLiteral("/api/v1/namespaces/{namespace}/pods")));
        QVERIFY(paths.value(QStringLiteral("/api/v1/namespaces/{namespace}/pods/{name}/status")).toObject().contains(QStringLiteral("patch")));
        const QJsonObject ns = paths.value(QStringLiteral("/api/v1/namespaces/{name}")).toObject();
        for (const char *verb : {"get", "put", "patch", "delete"})
            QVERIFY2(ns.contains(QLatin1String(verb)), verb);
        QVERIFY(!paths.contains(QStringLiteral("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")));
    }

    void schemasCarryKindsAndMergeKeys()
    {
        const QJsonObject schemas = openApiDocument(registry(), QStringLiteral("api/v1"))
                                        .value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
        const QJsonObject pod = schemas.value(QStringLiteral("io.k8s.api.core.v1.Pod")).toObject();
        QCOMPARE(pod.value(QStringLiteral("x-kubernetes-group-version-kind")).toArray(), QJsonArray{gvk({}, QStringLiteral("Pod"))});
        QVERIFY(!pod.value(QStringLiteral("description")).toString().isEmpty());
        const QJsonObject spec = resolve(schemas, pod.value(QStringLiteral("properties")).toObject().value(QStringLiteral("spec")).toObject());
        const QJsonObject containers = spec.value(QStringLiteral("properties")).toObject().value(QStringLiteral("containers")).toObject();
        QCOMPARE(containers.value(QStringLiteral("type")).toString(), QStringLiteral("array"));
        QCOMPARE(containers.value(QStringLiteral("x-kubernetes-patch-merge-key")).toString(), QStringLiteral("name"));
        QCOMPARE(containers.value(QStringLiteral("x-kubernetes-patch-strategy")).toString(), QStringLiteral("merge"));
        const QJsonObject container = resolve(schemas, containers.value(QStringLiteral("items")).toObject());
        QVERIFY(container.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("image")));

        // Every reference resolves inside the same document, as explain requires.
        const QByteArray json = QJsonDocument(schemas).toJson(QJsonDocument::Compact);
        qsizetype at = 0;
        while ((at = json.indexOf("#/components/schemas/", at)) >= 0) {
            at += 21;
            const QByteArray name = json.mid(at, json.indexOf('"', at) - at);
            QVERIFY2(schemas.contains(QString::fromUtf8(name)), name.constData());
        }
        QVERIFY(schemas.contains(QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")));
        QVERIFY(schemas.contains(QStringLiteral("io.k8s.api.core.v1.PodList")));
        // A kind without a hand-written schema still gets a permissive one with its GVK.
        const QJsonObject widget = schemas.value(QStringLiteral("io.k8s.api.core.v1.Widget")).toObject();
        QCOMPARE(widget.value(QStringLiteral("x-kubernetes-group-version-kind")).toArray(), QJsonArray{gvk({}, QStringLiteral("Widget"))});
        QVERIFY(widget.value(QStringLiteral("x-kubernetes-preserve-unknown-fields")).toBool());
    }

    void appsDocumentHasDeploymentAndScale()
    {
        const QJsonObject doc = openApiDocument(registry(), QStringLiteral("apis/apps/v1"));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        const QJsonObject scale = paths.value(QStringLiteral("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"))
                                      .toObject().value(QStringLiteral("patch")).toObject();
        QCOMPARE(scale.value(QStringLiteral("x-kubernetes-group-version-kind")).toObject(),
                 gvk(QStringLiteral("autoscaling"), QStringLiteral("Scale")));
        const QJsonObject schemas = doc.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
        const QJsonObject deployment = schemas.value(QStringLiteral("io.k8s.api.apps.v1.Deployment")).toObject();
        QCOMPARE(deployment.value(QStringLiteral("x-kubernetes-group-version-kind")).toArray(),
                 QJsonArray{gvk(QStringLiteral("apps"), QStringLiteral("Deployment"))});
        QVERIFY(schemas.contains(QStringLiteral("io.k8s.api.apps.v1.RollingUpdateDeployment")));
        QVERIFY(schemas.contains(QStringLiteral("io.k8s.api.core.v1.Container")));
        QVERIFY(schemas.contains(QStringLiteral("io.k8s.api.autoscaling.v1.Scale")));
        QVERIFY(!schemas.contains(QStringLiteral("io.k8s.api.core.v1.Service")));
    }

    void documentsAreCachedAndStable()
    {
        const QString first = openApiHash(registry(), QStringLiteral("api/v1"));
        QCOMPARE(openApiHash(registry(), QStringLiteral("api/v1")), first);
        QCOMPARE(openApiDocument(registry(), QStringLiteral("api/v1")), openApiDocument(registry(), QStringLiteral("api/v1")));
    }
};

QTEST_GUILESS_MAIN(TestApiOpenApi)
#include "test_api_openapi.moc"
