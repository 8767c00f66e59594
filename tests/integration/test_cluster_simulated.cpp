// The control plane on an in-process cluster of three simulated nodes:
// ReplicaSets reach their replicas, scale, feed Endpoints; a pod that fits
// nowhere gets Kubernetes' message; owners' deletion cascades or orphans;
// a namespace deletion empties and removes it.
#include "apiserver/apiserver.h"
#include "client/client.h"
#include "cluster/control_plane.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace timoneiro;

namespace {

const api::ResourceInfo &res(const char *group, const char *plural)
{
    return api::builtinResource(QLatin1String(group), QLatin1String(plural));
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

}  // namespace

class ControlPlaneSimulated : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<apiserver::ApiServer> api_;
    std::unique_ptr<cluster::ControlPlane> plane_;
    std::unique_ptr<client::Client> admin_;

    api::Result<QJsonObject> call(const std::function<void(client::ObjectCallback)> &f)
    {
        std::optional<api::Result<QJsonObject>> result;
        f([&result](const api::Result<QJsonObject> &r) { result = r; });
        for (int i = 0; i < 1000 && !result; ++i)
            QTest::qWait(10);
        return result.value_or(api::Result<QJsonObject>(api::ApiError::internal(QStringLiteral("timeout"))));
    }
    QJsonArray items(const api::ResourceInfo &r, const QString &ns, const QString &selector = {})
    {
        client::ListOptions o;
        o.labelSelector = selector;
        auto list = call([&](auto done) { admin_->list(r, ns, o, done); });
        return list ? list->value("items").toArray() : QJsonArray();
    }
    // Polls until pred holds (bounded: 15 s).
    bool eventually(const std::function<bool()> &pred)
    {
        for (int i = 0; i < 300; ++i) {
            if (pred())
                return true;
            QTest::qWait(50);
        }
        return pred();
    }
    QJsonObject replicaSet(const char *name, int replicas)
    {
        QJsonObject rs = json(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"x"},"spec":{"replicas":1,
            "selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},
            "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","resources":{"requests":{"cpu":"100m"}}}]}}}})");
        const QString n = QLatin1String(name);
        QByteArray text = QJsonDocument(rs).toJson(QJsonDocument::Compact);
        text.replace("\"x\"", "\"" + n.toUtf8() + "\"");
        rs = QJsonDocument::fromJson(text).object();
        QJsonObject spec = rs.value("spec").toObject();
        spec.insert("replicas", replicas);
        rs.insert("spec", spec);
        return rs;
    }

private slots:
    void initTestCase()
    {
        store_ = std::move(*store::Store::open(dir_.filePath(QStringLiteral("store.db"))));
        api_ = std::make_unique<apiserver::ApiServer>(*store_);
        QVERIFY(api_->bootstrap().ok());
        // A short node-monitor grace period and heartbeat, so a node failure shows within seconds.
        plane_ = std::make_unique<cluster::ControlPlane>(*api_, cluster::ControlPlaneConfig{3, {}, 3, 500});
        plane_->start();
        admin_.reset(client::Client::inProcess(*api_, {QStringLiteral("admin"), {QStringLiteral("system:masters")}}));
        QVERIFY(eventually([&] {
            int ready = 0;
            for (const QJsonValue &n : items(res("", "nodes"), {}))
                ready += n.toObject().value("spec").toObject().contains("podCIDR") ? 1 : 0;
            return ready == 3;
        }));
    }

    void replicaSetReachesItsReplicasAndScales()
    {
        QVERIFY(call([&](auto done) { admin_->create(res("apps", "replicasets"), "default", replicaSet("web", 10), done); }).ok());
        QVERIFY(eventually([&] {
            auto rs = call([&](auto done) { admin_->get(res("apps", "replicasets"), "default", "web", done); });
            return rs && rs->value("status").toObject().value("readyReplicas").toInt() == 10;
        }));
        const QJsonArray pods = items(res("", "pods"), "default", QStringLiteral("app=web"));
        QCOMPARE(pods.size(), 10);
        QSet<QString> nodes, ips;
        for (const QJsonValue &p : pods) {
            nodes.insert(p.toObject().value("spec").toObject().value("nodeName").toString());
            ips.insert(p.toObject().value("status").toObject().value("podIP").toString());
            QCOMPARE(p.toObject().value("metadata").toObject().value("ownerReferences").toArray()[0].toObject().value("kind").toString(),
                     QStringLiteral("ReplicaSet"));
        }
        QCOMPARE(nodes.size(), 3);  // spread by the least-allocated score
        QCOMPARE(ips.size(), 10);

        QVERIFY(call([&](auto done) {
                    admin_->patch(res("apps", "replicasets"), "default", "web", client::PatchType::Merge, R"({"spec":{"replicas":4}})", done);
                }).ok());
        QVERIFY(eventually([&] { return items(res("", "pods"), "default", QStringLiteral("app=web")).size() == 4; }));
    }

    void endpointsFollowPods()
    {
        QVERIFY(call([&](auto done) {
                    admin_->create(res("", "services"), "default",
                                   json(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
                                            "spec":{"selector":{"app":"web"},"ports":[{"port":80}]}})"), done);
                }).ok());
        QVERIFY(eventually([&] {
            auto ep = call([&](auto done) { admin_->get(res("", "endpoints"), "default", "web", done); });
            return ep && ep->value("subsets").toArray().size() == 1
                && ep->value("subsets").toArray()[0].toObject().value("addresses").toArray().size() == 4;
        }));
        QVERIFY(eventually([&] {
            const QJsonArray slices = items(res("discovery.k8s.io", "endpointslices"), "default", QStringLiteral("kubernetes.io/service-name=web"));
            return slices.size() == 1 && slices[0].toObject().value("endpoints").toArray().size() == 4;
        }));
    }

    void unschedulableMessage()
    {
        QVERIFY(call([&](auto done) {
                    admin_->create(res("", "pods"), "default",
                                   json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"big"},"spec":{"containers":[
                                       {"name":"c","image":"nginx","resources":{"requests":{"cpu":"64"}}}]}})"), done);
                }).ok());
        QVERIFY(eventually([&] {
            auto pod = call([&](auto done) { admin_->get(res("", "pods"), "default", "big", done); });
            for (const QJsonValue &c : pod->value("status").toObject().value("conditions").toArray())
                if (c.toObject().value("type").toString() == QLatin1String("PodScheduled"))
                    return c.toObject().value("message").toString() == QLatin1String("0/3 nodes are available: 3 Insufficient cpu.");
            return false;
        }));
        bool event = false;
        for (const QJsonValue &e : items(res("", "events"), "default"))
            event = event || (e.toObject().value("reason").toString() == QLatin1String("FailedScheduling")
                              && e.toObject().value("involvedObject").toObject().value("name").toString() == QLatin1String("big"));
        QVERIFY(event);
    }

    void deletionCascadesOrOrphans()
    {
        QVERIFY(call([&](auto done) { admin_->remove(res("apps", "replicasets"), "default", "web", done); }).ok());
        QVERIFY(eventually([&] { return items(res("", "pods"), "default", QStringLiteral("app=web")).isEmpty(); }));

        QVERIFY(call([&](auto done) { admin_->create(res("apps", "replicasets"), "default", replicaSet("keep", 2), done); }).ok());
        QVERIFY(eventually([&] { return items(res("", "pods"), "default", QStringLiteral("app=keep")).size() == 2; }));
        QVERIFY(call([&](auto done) {
                    admin_->remove(res("apps", "replicasets"), "default", "keep", done, QJsonObject{{"propagationPolicy", "Orphan"}});
                }).ok());
        QVERIFY(eventually([&] {
            return !call([&](auto done) { admin_->get(res("apps", "replicasets"), "default", "keep", done); }).ok();
        }));
        const QJsonArray orphans = items(res("", "pods"), "default", QStringLiteral("app=keep"));
        QCOMPARE(orphans.size(), 2);
        for (const QJsonValue &p : orphans)
            QVERIFY(p.toObject().value("metadata").toObject().value("ownerReferences").toArray().isEmpty());
    }

    void deploymentRollsOutWithinMaxUnavailable()
    {
        QVERIFY(call([&](auto done) {
                    admin_->create(res("apps", "deployments"), "default",
                                   json(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"site"},"spec":{"replicas":10,
                                       "selector":{"matchLabels":{"app":"site"}},"template":{"metadata":{"labels":{"app":"site"}},
                                       "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}})"), done);
                }).ok());
        auto deployment = [&] { return call([&](auto done) { admin_->get(res("apps", "deployments"), "default", "site", done); }); };
        auto ready = [&] {
            int n = 0;
            for (const QJsonValue &p : items(res("", "pods"), "default", QStringLiteral("app=site")))
                for (const QJsonValue &c : p.toObject().value("status").toObject().value("conditions").toArray())
                    n += c.toObject().value("type").toString() == QLatin1String("Ready")
                         && c.toObject().value("status").toString() == QLatin1String("True") && !p.toObject().value("metadata").toObject().contains("deletionTimestamp");
            return n;
        };
        QVERIFY(eventually([&] { auto d = deployment(); return d && d->value("status").toObject().value("availableReplicas").toInt() == 10; }));
        QVERIFY(call([&](auto done) {
                    admin_->patch(res("apps", "deployments"), "default", "site", client::PatchType::Strategic,
                                  R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}})", done);
                }).ok());
        // maxUnavailable 25% of 10 rounds down to 2: never fewer than 8 ready pods during the rollout.
        int lowest = 10;
        QVERIFY(eventually([&] {
            lowest = std::min(lowest, ready());
            auto d = deployment();
            const QJsonObject st = d->value("status").toObject();
            return st.value("updatedReplicas").toInt() == 10 && st.value("replicas").toInt() == 10 && st.value("availableReplicas").toInt() == 10;
        }));
        QVERIFY2(lowest >= 8, qPrintable(QString::number(lowest)));
        QCOMPARE(deployment()->value("metadata").toObject().value("annotations").toObject().value("deployment.kubernetes.io/revision").toString(),
                 QStringLiteral("2"));
        const QJsonArray sets = items(res("apps", "replicasets"), "default", QStringLiteral("app=site"));
        QCOMPARE(sets.size(), 2);  // the old revision stays, scaled to zero, for rollbacks

        // A rollback (what `kubectl rollout undo` sends): the old template again becomes revision 3.
        QVERIFY(call([&](auto done) {
                    admin_->patch(res("apps", "deployments"), "default", "site", client::PatchType::Strategic,
                                  R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}})", done);
                }).ok());
        QVERIFY(eventually([&] {
            for (const QJsonValue &rs : items(res("apps", "replicasets"), "default", QStringLiteral("app=site"))) {
                const QJsonObject o = rs.toObject();
                const QString image = o.value("spec").toObject().value("template").toObject().value("spec").toObject()
                                          .value("containers").toArray()[0].toObject().value("image").toString();
                if (image == QLatin1String("nginx:1.27"))
                    return o.value("status").toObject().value("readyReplicas").toInt() == 10
                        && o.value("metadata").toObject().value("annotations").toObject().value("deployment.kubernetes.io/revision").toString()
                               == QLatin1String("3");
            }
            return false;
        }));
        QCOMPARE(items(res("apps", "replicasets"), "default", QStringLiteral("app=site")).size(), 2);

        // Foreground deletion: the Deployment goes after its ReplicaSets and their pods.
        QVERIFY(call([&](auto done) {
                    admin_->remove(res("apps", "deployments"), "default", "site", done, QJsonObject{{"propagationPolicy", "Foreground"}});
                }).ok());
        QVERIFY(eventually([&] { return !deployment().ok(); }));
        QVERIFY(items(res("apps", "replicasets"), "default", QStringLiteral("app=site")).isEmpty());
        QVERIFY(eventually([&] { return items(res("", "pods"), "default", QStringLiteral("app=site")).isEmpty(); }));
    }

    void quotaRefusesWhatGoesOver()
    {
        QVERIFY(call([&](auto done) {
                    admin_->create(res("", "namespaces"), {}, json(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"limited"}})"), done);
                }).ok());
        QVERIFY(call([&](auto done) {
                    admin_->create(res("", "resourcequotas"), "limited",
                                   json(R"({"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"two"},"spec":{"hard":{"pods":"2"}}})"), done);
                }).ok());
        const QJsonObject p = json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"p-"},"spec":{"containers":[{"name":"c","image":"nginx"}]}})");
        QVERIFY(call([&](auto done) { admin_->create(res("", "pods"), "limited", p, done); }).ok());
        QVERIFY(call([&](auto done) { admin_->create(res("", "pods"), "limited", p, done); }).ok());
        auto third = call([&](auto done) { admin_->create(res("", "pods"), "limited", p, done); });
        QVERIFY(!third.ok());
        QCOMPARE(third.error().code, 403);
        QVERIFY2(third.error().message.endsWith(QStringLiteral(" is forbidden: exceeded quota: two, requested: pods=1, used: pods=2, limited: pods=2")),
                 qPrintable(third.error().message));
        QVERIFY(eventually([&] {
            auto q = call([&](auto done) { admin_->get(res("", "resourcequotas"), "limited", "two", done); });
            return q && q->value("status").toObject().value("used").toObject().value("pods").toString() == QLatin1String("2");
        }));
    }

    void failedNodesPodsAreReplacedElsewhere()
    {
        QJsonObject rs = replicaSet("spread", 3);
        QJsonObject spec = rs.value("spec").toObject();
        QJsonObject tmpl = spec.value("template").toObject();
        QJsonObject podSpec = tmpl.value("spec").toObject();
        // Leave an unreachable node after one second (the default is 300).
        podSpec.insert("tolerations", QJsonDocument::fromJson(R"([{"key":"node.kubernetes.io/unreachable","operator":"Exists",
            "effect":"NoExecute","tolerationSeconds":1}])").array());
        tmpl.insert("spec", podSpec);
        spec.insert("template", tmpl);
        rs.insert("spec", spec);
        QVERIFY(call([&](auto done) { admin_->create(res("apps", "replicasets"), "default", rs, done); }).ok());
        auto running = [&](const QString &node, bool on) {
            int n = 0;
            for (const QJsonValue &p : items(res("", "pods"), "default", QStringLiteral("app=spread"))) {
                const QJsonObject pod = p.toObject();
                const bool here = pod.value("spec").toObject().value("nodeName").toString() == node;
                n += (here == on) && !pod.value("metadata").toObject().contains("deletionTimestamp")
                     && pod.value("status").toObject().value("phase").toString() == QLatin1String("Running");
            }
            return n;
        };
        QVERIFY(eventually([&] { return running(QStringLiteral("sim-node-1"), true) + running(QStringLiteral("sim-node-1"), false) == 3; }));
        const bool onNode1 = running(QStringLiteral("sim-node-1"), true) > 0;
        plane_->setSimulatedNodeRunning(1, false);
        // Node 1 goes Unknown, its pods are evicted, three run on the other nodes.
        QVERIFY(eventually([&] {
            auto node = call([&](auto done) { admin_->get(res("", "nodes"), {}, "sim-node-1", done); });
            for (const QJsonValue &c : node->value("status").toObject().value("conditions").toArray())
                if (c.toObject().value("type").toString() == QLatin1String("Ready"))
                    return c.toObject().value("status").toString() == QLatin1String("Unknown");
            return false;
        }));
        QVERIFY(eventually([&] { return running(QStringLiteral("sim-node-1"), false) == 3; }));
        QCOMPARE(running(QStringLiteral("sim-node-1"), true), 0);
        Q_UNUSED(onNode1);
        plane_->setSimulatedNodeRunning(1, true);
        QVERIFY(eventually([&] {
            auto node = call([&](auto done) { admin_->get(res("", "nodes"), {}, "sim-node-1", done); });
            return node->value("spec").toObject().value("taints").toArray().isEmpty();
        }));
    }

    void namespaceDeletionEmptiesIt()
    {
        QVERIFY(call([&](auto done) {
                    admin_->create(res("", "namespaces"), {}, json(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"giropops"}})"), done);
                }).ok());
        QVERIFY(call([&](auto done) { admin_->create(res("apps", "replicasets"), "giropops", replicaSet("web", 3), done); }).ok());
        QVERIFY(eventually([&] { return items(res("", "pods"), "giropops").size() == 3; }));
        QVERIFY(eventually([&] { return !items(res("", "serviceaccounts"), "giropops").isEmpty(); }));  // `default`, per namespace
        QVERIFY(call([&](auto done) { admin_->remove(res("", "namespaces"), {}, "giropops", done); }).ok());
        QVERIFY(eventually([&] {
            auto ns = call([&](auto done) { admin_->get(res("", "namespaces"), {}, "giropops", done); });
            return !ns.ok() && ns.error().code == 404;
        }));
        QVERIFY(items(res("", "pods"), "giropops").isEmpty());
    }
};

QTEST_GUILESS_MAIN(ControlPlaneSimulated)
#include "test_cluster_simulated.moc"
