// The topology model and view, offscreen, against the real handler chain:
// pods in their nodes (and apart when not scheduled), Services linked to the
// pods of their EndpointSlices (ready or not), Deployment > ReplicaSet > Pod,
// updates applied in place, deletions removing items; PNG and SVG exports;
// a screenshot of a small cluster; a thousand pods on a hundred nodes.
#include "in_process_api.h"
#include "api/object.h"
#include "apiserver/apiserver.h"
#include "client/client.h"
#include "models/topology_model.h"
#include "store/store.h"
#include "views/topology_regions.h"
#include "views/topology_scene.h"
#include "views/topology_view.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace timoneiro;
using ui::TopologyKind;
using ui::TopologyLink;
using ui::TopologyLinkKind;

namespace {
const api::ResourceInfo &res(const char *group, const char *plural)
{
    return api::builtinResource(QLatin1String(group), QLatin1String(plural));
}
}  // namespace

class Topology : public QObject {
    Q_OBJECT

    testing::InProcessApi cluster_;

    QJsonObject call(const std::function<void(client::ObjectCallback)> &verb)
    {
        std::optional<api::Result<QJsonObject>> result;
        verb([&result](const api::Result<QJsonObject> &r) { result = r; });
        [&] { QTRY_VERIFY(result.has_value()); }();
        if (!result || !*result) {
            qWarning() << "API call failed:" << (result ? result->error().message : QStringLiteral("no answer"));
            return {};
        }
        return **result;
    }
    QJsonObject create(const api::ResourceInfo &r, const QString &ns, const QJsonObject &obj)
    {
        return call([&](client::ObjectCallback done) { cluster_.client->create(r, ns, obj, done); });
    }
    QJsonObject setStatus(const api::ResourceInfo &r, QJsonObject obj, const QJsonObject &status)
    {
        obj.insert(QStringLiteral("status"), status);
        return call([&](client::ObjectCallback done) { cluster_.client->updateStatus(r, obj, done); });
    }
    void remove(const api::ResourceInfo &r, const QString &ns, const QString &name)
    {
        // At once, as no kubelet here confirms a graceful end.
        call([&](client::ObjectCallback done) { cluster_.client->remove(r, ns, name, done, {{"gracePeriodSeconds", 0}}); });
    }

    QJsonObject createNode(const QString &name, const QString &cidr, const QString &ip, bool simulated, const QString &bridge)
    {
        QJsonObject meta{{"name", name}, {"labels", QJsonObject{{"kubernetes.io/hostname", name}}}};
        if (simulated)
            meta["labels"] = QJsonObject{{"kubernetes.io/hostname", name}, {"timoneiro.io/simulated", "true"}};
        if (!bridge.isEmpty()) {
            // As timoneirod's local nodes write it (the gateway is the pod range's first address).
            const QString gateway = cidr.section('.', 0, 2) + ".1";
            const QJsonObject network{{"bridge", bridge}, {"gateway", gateway}, {"podCIDR", cidr},
                                      {"podRoutes", QJsonArray{"10.244.0.0/16", "10.96.0.0/12"}}};
            meta["annotations"] = QJsonObject{{"timoneiro.io/bridge", bridge},
                                              {"timoneiro.io/network", QString::fromUtf8(QJsonDocument(network).toJson(QJsonDocument::Compact))}};
        }
        const QJsonObject node = create(res("", "nodes"), {},
                                        {{"apiVersion", "v1"}, {"kind", "Node"}, {"metadata", meta}, {"spec", QJsonObject{{"podCIDR", cidr}}}});
        return setStatus(res("", "nodes"), node,
                         {{"addresses", QJsonArray{QJsonObject{{"type", "InternalIP"}, {"address", ip}}}},
                          {"conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", "True"}}}}});
    }
    // A pod, bound to node (or not), owned by owner (or not).
    QJsonObject createPod(const QString &ns, const QString &name, const QString &node, const QJsonObject &owner = {},
                          const QStringList &containers = {"app"})
    {
        QJsonArray specContainers;
        for (const QString &c : containers)
            specContainers.append(QJsonObject{{"name", c}, {"image", "nginx"}});
        QJsonObject meta{{"name", name}, {"labels", QJsonObject{{"app", "web"}}}};
        if (!owner.isEmpty())
            meta["ownerReferences"] = QJsonArray{QJsonObject{{"apiVersion", owner["apiVersion"]}, {"kind", owner["kind"]},
                                                             {"name", api::nameOf(owner)}, {"uid", api::uidOf(owner)},
                                                             {"controller", true}}};
        QJsonObject spec{{"containers", specContainers}};
        if (!node.isEmpty())
            spec["nodeName"] = node;
        return create(res("", "pods"), ns, {{"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", meta}, {"spec", spec}});
    }
    QJsonObject runPod(const QJsonObject &pod, const QString &ip, bool ready)
    {
        QJsonArray statuses;
        for (const QJsonValue &c : api::specOf(pod)["containers"].toArray())
            statuses.append(QJsonObject{{"name", c["name"]}, {"ready", ready}, {"restartCount", 0},
                                        {"state", QJsonObject{{"running", QJsonObject{{"startedAt", "2026-01-01T00:00:00Z"}}}}}});
        return setStatus(res("", "pods"), pod,
                         {{"phase", "Running"}, {"podIP", ip},
                          {"conditions", QJsonArray{QJsonObject{{"type", "Ready"}, {"status", ready ? "True" : "False"}}}},
                          {"containerStatuses", statuses}});
    }
    QJsonObject owner(const char *plural, const QString &ns, const QString &name, int replicas, const QJsonObject &ownedBy = {})
    {
        QJsonObject meta{{"name", name}};
        if (!ownedBy.isEmpty())
            meta["ownerReferences"] = QJsonArray{QJsonObject{{"apiVersion", "apps/v1"}, {"kind", ownedBy["kind"]},
                                                             {"name", api::nameOf(ownedBy)}, {"uid", api::uidOf(ownedBy)},
                                                             {"controller", true}}};
        const QString kind = QLatin1String(plural) == QLatin1String("deployments") ? "Deployment" : "ReplicaSet";
        return create(res("apps", plural), ns,
                      {{"apiVersion", "apps/v1"}, {"kind", kind}, {"metadata", meta},
                       {"spec", QJsonObject{{"replicas", replicas},
                                            {"selector", QJsonObject{{"matchLabels", QJsonObject{{"app", "web"}}}}},
                                            {"template", QJsonObject{{"metadata", QJsonObject{{"labels", QJsonObject{{"app", "web"}}}}},
                                                                     {"spec", QJsonObject{{"containers", QJsonArray{QJsonObject{{"name", "app"}, {"image", "nginx"}}}}}}}}}}});
    }
    QJsonObject service(const QString &ns, const QString &name, const QString &type)
    {
        return create(res("", "services"), ns,
                      {{"apiVersion", "v1"}, {"kind", "Service"}, {"metadata", QJsonObject{{"name", name}}},
                       {"spec", QJsonObject{{"type", type}, {"selector", QJsonObject{{"app", "web"}}},
                                            {"ports", QJsonArray{QJsonObject{{"port", 80}, {"protocol", "TCP"}}}}}}});
    }
    QJsonObject slice(const QString &ns, const QString &name, const QString &svc, const QList<std::pair<QJsonObject, bool>> &pods)
    {
        QJsonArray endpoints;
        for (const auto &[pod, ready] : pods)
            endpoints.append(QJsonObject{{"addresses", QJsonArray{api::statusOf(pod)["podIP"].toString("10.244.9.9")}},
                                         {"conditions", QJsonObject{{"ready", ready}}},
                                         {"targetRef", QJsonObject{{"kind", "Pod"}, {"namespace", ns}, {"name", api::nameOf(pod)},
                                                                   {"uid", api::uidOf(pod)}}}});
        return QJsonObject{{"apiVersion", "discovery.k8s.io/v1"}, {"kind", "EndpointSlice"},
                           {"metadata", QJsonObject{{"name", name}, {"labels", QJsonObject{{"kubernetes.io/service-name", svc}}}}},
                           {"addressType", "IPv4"}, {"endpoints", endpoints},
                           {"ports", QJsonArray{QJsonObject{{"port", 80}, {"protocol", "TCP"}, {"name", ""}}}}};
    }
    void createNamespace(const QString &name)
    {
        create(res("", "namespaces"), {}, {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", QJsonObject{{"name", name}}}});
    }
    static bool hasLink(const QList<TopologyLink> &links, TopologyLinkKind kind, const QString &from, const QString &to, bool ready = true)
    {
        return links.contains(TopologyLink{kind, from, to, ready});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(cluster_.start());
        for (const char *ns : {"lab", "shop"})
            createNamespace(QLatin1String(ns));
        QVERIFY(!createNode("node-1", "10.244.1.0/24", "172.30.0.11", false, "tmn-node-1").isEmpty());
        QVERIFY(!createNode("node-2", "10.244.2.0/24", "172.30.0.12", false, "tmn-node-2").isEmpty());
        QVERIFY(!createNode("sim-node-3", "10.244.3.0/24", "172.30.0.13", true, {}).isEmpty());
    }

    void podsInTheirNodes()
    {
        ui::TopologyModel model(*cluster_.client);
        model.start();
        QTRY_VERIFY(model.hasSynced());
        QCOMPARE(model.count(TopologyKind::Node), 3);
        const ui::TopologyElement *node1 = nullptr, *sim = nullptr;
        for (const ui::TopologyElement &e : model.elements(TopologyKind::Node)) {
            if (e.name == "node-1")
                node1 = model.element(e.uid);
            if (e.name == "sim-node-3")
                sim = model.element(e.uid);
        }
        QVERIFY(node1 && sim);
        QCOMPARE(node1->podCIDR, QStringLiteral("10.244.1.0/24"));
        QCOMPARE(node1->internalIP, QStringLiteral("172.30.0.11"));
        QCOMPARE(node1->bridge, QStringLiteral("tmn-node-1"));
        QCOMPARE(node1->gateway, QStringLiteral("10.244.1.1"));
        QCOMPARE(node1->podRoutes, QStringList({"10.244.0.0/16", "10.96.0.0/12"}));
        QVERIFY(sim->gateway.isEmpty());
        QVERIFY(!node1->simulated);
        QVERIFY(sim->simulated);
        QCOMPARE(sim->readyStatus, QStringLiteral("True"));

        QSignalSpy added(&model, &ui::TopologyModel::elementAdded);
        QSignalSpy updated(&model, &ui::TopologyModel::elementUpdated);
        QSignalSpy removed(&model, &ui::TopologyModel::elementRemoved);
        const QJsonObject placed = createPod("lab", "placed", "node-1", {}, {"app", "sidecar"});
        const QJsonObject waiting = createPod("lab", "waiting", {});
        QTRY_COMPARE(added.size(), 2);
        QCOMPARE(model.podsOn("node-1"), QList<QString>{api::uidOf(placed)});
        QCOMPARE(model.podsOn(""), QList<QString>{api::uidOf(waiting)});
        QCOMPARE(model.element(api::uidOf(placed))->containers.size(), 2);

        // Running and ready: one update, in place.
        runPod(placed, "10.244.1.7", true);
        QTRY_COMPARE(model.element(api::uidOf(placed))->health, ui::PodHealth::Ready);
        QCOMPARE(model.element(api::uidOf(placed))->podIP, QStringLiteral("10.244.1.7"));
        QCOMPARE(model.element(api::uidOf(placed))->status, QStringLiteral("Running"));
        QCOMPARE(updated.size(), 1);

        // Scheduled by a Binding, as the scheduler does: the pod moves to its node.
        call([&](client::ObjectCallback done) {
            cluster_.client->post("/api/v1/namespaces/lab/pods/waiting/binding",
                          {{"apiVersion", "v1"}, {"kind", "Binding"}, {"metadata", QJsonObject{{"name", "waiting"}}},
                           {"target", QJsonObject{{"apiVersion", "v1"}, {"kind", "Node"}, {"name", "sim-node-3"}}}}, done);
        });
        QTRY_COMPARE(model.podsOn("sim-node-3"), QList<QString>{api::uidOf(waiting)});
        QVERIFY(model.podsOn("").isEmpty());
        QCOMPARE(added.size(), 2);  // never re-added: updated where it is
        QCOMPARE(removed.size(), 0);

        remove(res("", "pods"), "lab", "placed");
        QTRY_COMPARE(removed.size(), 1);
        QVERIFY(!model.element(api::uidOf(placed)));
        QVERIFY(model.podsOn("node-1").isEmpty());
        remove(res("", "pods"), "lab", "waiting");
        QTRY_COMPARE(removed.size(), 2);
    }

    void servicesAndOwners()
    {
        ui::TopologyModel model(*cluster_.client);
        model.start();
        QTRY_VERIFY(model.hasSynced());
        const QJsonObject deploy = owner("deployments", "lab", "web", 2);
        const QJsonObject rs = owner("replicasets", "lab", "web-6b7f", 2, deploy);
        const QJsonObject a = runPod(createPod("lab", "web-6b7f-a", "node-1", rs), "10.244.1.10", true);
        const QJsonObject b = runPod(createPod("lab", "web-6b7f-b", "node-2", rs), "10.244.2.10", false);
        const QJsonObject svc = service("lab", "web", "NodePort");
        QJsonObject endpoints = create(res("discovery.k8s.io", "endpointslices"), "lab", slice("lab", "web-x1", "web", {{a, true}, {b, false}}));
        const QString s = api::uidOf(svc);
        QTRY_COMPARE(model.linksOf(s).size(), 2);
        QVERIFY(hasLink(model.linksOf(s), TopologyLinkKind::Endpoint, s, api::uidOf(a), true));
        QVERIFY(hasLink(model.linksOf(s), TopologyLinkKind::Endpoint, s, api::uidOf(b), false));
        const ui::TopologyElement *service = model.element(s);
        QCOMPARE(service->serviceType, QStringLiteral("NodePort"));
        QVERIFY(!service->clusterIP.isEmpty());
        QCOMPARE(service->nodePorts.size(), 1);
        QVERIFY(service->nodePorts.first() >= 30000);
        QVERIFY(hasLink(model.links(), TopologyLinkKind::Owner, api::uidOf(deploy), api::uidOf(rs)));
        QVERIFY(hasLink(model.links(), TopologyLinkKind::Owner, api::uidOf(rs), api::uidOf(a)));
        QVERIFY(hasLink(model.links(), TopologyLinkKind::Owner, api::uidOf(rs), api::uidOf(b)));
        QCOMPARE(model.linksOf(api::uidOf(a)).size(), 2);  // its Service and its owner

        // b becomes ready: the same link changes, nothing else.
        QSignalSpy linkAdded(&model, &ui::TopologyModel::linkAdded);
        QSignalSpy linkUpdated(&model, &ui::TopologyModel::linkUpdated);
        QSignalSpy linkRemoved(&model, &ui::TopologyModel::linkRemoved);
        QSignalSpy elementAdded(&model, &ui::TopologyModel::elementAdded);
        QSignalSpy elementRemoved(&model, &ui::TopologyModel::elementRemoved);
        const QJsonObject newer = slice("lab", "web-x1", "web", {{a, true}, {b, true}});
        endpoints["endpoints"] = newer["endpoints"];
        call([&](client::ObjectCallback done) { cluster_.client->update(res("discovery.k8s.io", "endpointslices"), endpoints, done); });
        QTRY_COMPARE(linkUpdated.size(), 1);
        QVERIFY(hasLink(model.linksOf(s), TopologyLinkKind::Endpoint, s, api::uidOf(b), true));
        QCOMPARE(linkAdded.size() + linkRemoved.size() + elementAdded.size() + elementRemoved.size(), 0);

        // A pod deleted: its element and its lines go; the rest stays.
        remove(res("", "pods"), "lab", "web-6b7f-a");
        QTRY_COMPARE(elementRemoved.size(), 1);
        QCOMPARE(linkRemoved.size(), 2);
        QCOMPARE(model.linksOf(s).size(), 1);
        // A ReplicaSet appearing after its pods still links to them (links wait for both ends).
        remove(res("apps", "replicasets"), "lab", "web-6b7f");
        QTRY_VERIFY(!model.element(api::uidOf(rs)));
        QVERIFY(model.linksOf(api::uidOf(b)).size() == 1);
        remove(res("", "services"), "lab", "web");
        QTRY_VERIFY(model.linksOf(api::uidOf(b)).isEmpty());
        for (const char *name : {"web-6b7f-b"})
            remove(res("", "pods"), "lab", QLatin1String(name));
        remove(res("apps", "deployments"), "lab", "web");
        remove(res("discovery.k8s.io", "endpointslices"), "lab", "web-x1");
        QTRY_COMPARE(model.count(TopologyKind::Pod), 0);
    }

    void viewDrawsExportsAndSelects()
    {
        // A small cluster for a person seeing Kubernetes for the first time.
        const QJsonObject deploy = owner("deployments", "shop", "web", 4);
        const QJsonObject rs = owner("replicasets", "shop", "web-5d8f7c9b6d", 4, deploy);
        const QStringList names{"web-5d8f7c9b6d-4xk2p", "web-5d8f7c9b6d-9qzlm", "web-5d8f7c9b6d-b7wtn", "web-5d8f7c9b6d-hm2dx"};
        const QStringList nodes{"node-1", "node-2", "sim-node-3", "node-1"};
        const QStringList ips{"10.244.1.4", "10.244.2.6", "10.244.3.2", "10.244.1.5"};
        QList<QJsonObject> pods;
        for (int i = 0; i < 4; ++i)
            pods.append(runPod(createPod("shop", names[i], nodes[i], rs, {"nginx", "log-agent"}), ips[i], i != 3));
        const QJsonObject svc = service("shop", "web", "NodePort");
        create(res("discovery.k8s.io", "endpointslices"), "shop",
               slice("shop", "web-8kq2x", "web", {{pods[0], true}, {pods[1], true}, {pods[2], true}, {pods[3], false}}));
        const QJsonObject pending = createPod("shop", "report-job-7x2kq", {}, {}, {"report"});
        // What the controllers would report (none run here).
        setStatus(res("apps", "replicasets"), rs, {{"replicas", 4}, {"readyReplicas", 3}});
        setStatus(res("apps", "deployments"), deploy, {{"replicas", 4}, {"readyReplicas", 3}});

        ui::TopologyView view(*cluster_.client);
        view.resize(1500, 940);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &ui::TopologyView::objectSelected);
        QTRY_VERIFY(view.model().hasSynced());
        view.setNamespace("shop");
        view.scene().settle();
        QCOMPARE(view.model().count(TopologyKind::Pod), 5);

        // Pods inside their node's region; the unscheduled one apart.
        auto *first = view.scene().itemFor(api::uidOf(pods[0]));
        QVERIFY(first && first->isVisible());
        QVERIFY(view.scene().regionAt(first));
        QCOMPARE(view.scene().regionAt(first)->element().name, QStringLiteral("node-1"));
        QCOMPARE(view.scene().regionAt(view.scene().itemFor(api::uidOf(pods[2])))->element().name, QStringLiteral("sim-node-3"));
        QCOMPARE(view.scene().regionAt(view.scene().itemFor(api::uidOf(pending))), view.scene().pendingRegion());
        // Lines: solid to ready pods, dashed to the not-ready one.
        ui::LinkItem *ready = view.scene().linkItem({TopologyLinkKind::Endpoint, api::uidOf(svc), api::uidOf(pods[0]), true});
        ui::LinkItem *notReady = view.scene().linkItem({TopologyLinkKind::Endpoint, api::uidOf(svc), api::uidOf(pods[3]), false});
        QVERIFY(ready && notReady && ready->isVisible());
        QCOMPARE(ready->pen().style(), Qt::SolidLine);
        QCOMPARE(notReady->pen().style(), Qt::DashLine);
        QVERIFY(view.scene().linkItem({TopologyLinkKind::Owner, api::uidOf(rs), api::uidOf(pods[1]), true}));

        // A status change repaints the same card, without a layout.
        const int passes = view.scene().layoutPasses();
        pods[3] = runPod(pods[3], ips[3], true);
        QTRY_COMPARE(static_cast<ui::TopologyItem *>(view.scene().itemFor(api::uidOf(pods[3])))->element().health, ui::PodHealth::Ready);
        QCOMPARE(view.scene().itemFor(api::uidOf(pods[3])), view.scene().itemFor(api::uidOf(pods[3])));
        view.scene().settle();
        QCOMPARE(view.scene().layoutPasses(), passes);
        pods[3] = runPod(pods[3], ips[3], false);

        // Selection both ways.
        view.selectObject(api::uidOf(pods[1]));
        QVERIFY(view.scene().itemFor(api::uidOf(pods[1]))->isSelected());
        QCOMPARE(selected.size(), 0);  // selected from outside: not echoed back
        view.scene().clearSelection();
        view.scene().itemFor(api::uidOf(svc))->setSelected(true);
        QTRY_COMPARE(selected.size(), 1);
        QCOMPARE(api::uidOf(selected.first().first().toJsonObject()), api::uidOf(svc));
        view.scene().clearSelection();

        // Exports.
        const QString png = cluster_.dir.filePath("topology.png"), svg = cluster_.dir.filePath("topology.svg");
        QVERIFY(view.exportPng(png));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 400 && image.height() > 300);
        QVERIFY(view.exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

        // The screenshot, as a person sees the window.
        QTRY_COMPARE(static_cast<ui::TopologyItem *>(view.scene().itemFor(api::uidOf(pods[3])))->element().health, ui::PodHealth::NotReady);
        view.fit();
        QTest::qWait(50);
        const QImage shot = view.grab().toImage();
        QVERIFY(shot.save(cluster_.dir.filePath("topology-screenshot.png")));
        shot.save(QStringLiteral("/tmp/topology.png"));

        // Zoom by buttons and keys; fit shows everything again.
        const qreal fitted = view.canvas().zoom();
        view.zoomIn();
        QVERIFY(view.canvas().zoom() > fitted);
        QTest::keyClick(view.canvas().viewport(), Qt::Key_Minus);
        QTest::keyClick(&view.canvas(), Qt::Key_Minus);
        QVERIFY(view.canvas().zoom() < fitted);
        view.fit();
        QVERIFY(qAbs(view.canvas().zoom() - fitted) < 1e-6);

        // A pod appearing in a shown view fades in where it lands, inside its node.
        const QJsonObject late = runPod(createPod("shop", "web-5d8f7c9b6d-zz9k1", "node-2", rs, {"nginx"}), "10.244.2.9", true);
        QTRY_VERIFY(view.scene().itemFor(api::uidOf(late)));
        QTRY_COMPARE(view.scene().itemFor(api::uidOf(late))->opacity(), 1.0);
        QCOMPARE(view.scene().regionAt(view.scene().itemFor(api::uidOf(late)))->element().name, QStringLiteral("node-2"));

        // Deleting removes the card (after its fade) and its lines.
        remove(res("", "pods"), "shop", names[0]);
        QTRY_VERIFY(!view.scene().itemFor(api::uidOf(pods[0])));
        QVERIFY(!view.scene().linkItem({TopologyLinkKind::Endpoint, api::uidOf(svc), api::uidOf(pods[0]), true}));
    }

    // Per event the model and scene touch only what changed; a layout pass
    // (once per burst) handles a thousand pods on a hundred nodes.
    void thousandPodsOnHundredNodes()
    {
        createNamespace("scale");
        for (int n = 1; n <= 100; ++n)
            createNode(QStringLiteral("scale-node-%1").arg(n), QStringLiteral("10.245.%1.0/24").arg(n),
                       QStringLiteral("172.31.0.%1").arg(n), true, {});
        QList<QJsonObject> pods;
        for (int i = 0; i < 1000; ++i)
            pods.append(createPod("scale", QStringLiteral("pod-%1").arg(i), QStringLiteral("scale-node-%1").arg(i % 100 + 1)));
        ui::TopologyView view(*cluster_.client);
        view.resize(1200, 800);
        QTRY_VERIFY_WITH_TIMEOUT(view.model().hasSynced(), 60000);
        QElapsedTimer timer;
        timer.start();
        view.scene().settle();
        const qint64 firstLayout = timer.nsecsElapsed();
        QVERIFY(view.model().count(TopologyKind::Pod) >= 1000);
        QCOMPARE(view.scene().regionAt(view.scene().itemFor(api::uidOf(pods[517])))->element().name, QStringLiteral("scale-node-18"));

        const int passes = view.scene().layoutPasses();
        QGraphicsItem *card = view.scene().itemFor(api::uidOf(pods[42]));
        timer.restart();
        runPod(pods[42], "10.245.43.2", true);
        QTRY_COMPARE(static_cast<ui::TopologyItem *>(card)->element().health, ui::PodHealth::Ready);
        const qint64 statusEvent = timer.nsecsElapsed();
        view.scene().settle();
        QCOMPARE(view.scene().layoutPasses(), passes);  // no layout for a status change
        QCOMPARE(view.scene().itemFor(api::uidOf(pods[42])), card);  // the same item, updated

        timer.restart();
        view.setNamespace("scale");
        view.scene().settle();
        const qint64 filteredLayout = timer.nsecsElapsed();
        timer.restart();
        QVERIFY(view.exportPng(cluster_.dir.filePath("scale.png")));
        const qint64 exportTime = timer.nsecsElapsed();
        QVERIFY(!QImage(cluster_.dir.filePath("scale.png")).isNull());
        qInfo("1000 pods / 100 nodes: first layout %.1f ms; one status event through the API %.2f ms; "
              "namespace filter + layout %.1f ms; PNG export %.0f ms",
              firstLayout / 1e6, statusEvent / 1e6, filteredLayout / 1e6, exportTime / 1e6);
    }
};

QTEST_MAIN(Topology)
#include "test_ui_topology.moc"
