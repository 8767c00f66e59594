// The YAML editor against the real handler chain, offscreen: field paths
// to lines, a bad YAML line, the server's dry-run errors on their lines, a
// multi-document apply, the diff, live edits, a conflict that keeps the
// text, the templates the server accepts, and refusals in plain words.
#include "in_process_api.h"
#include "api/yaml.h"
#include "apiserver/apiserver.h"
#include "apiserver/http_server.h"
#include "client/http_transport.h"
#include "client/client.h"
#include "models/manifest.h"
#include "models/manifest_diff.h"
#include "store/store.h"
#include "views/yaml_editor.h"
#include "views/yaml_highlighter.h"
#include "views/yaml_text_edit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QTcpServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace timoneiro;

namespace {

int lineContaining(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
            return i;
    return -1;
}

bool hasProblemOnLine(const QList<ui::ManifestProblem> &problems, int line, const QString &field)
{
    for (const ui::ManifestProblem &p : problems)
        if (p.line == line && p.field == field && !p.warning)
            return true;
    return false;
}

}  // namespace

class YamlEditorTest : public QObject {
    Q_OBJECT

    testing::InProcessApi cluster_;

    api::Result<QJsonObject> get(const QString &group, const QString &plural, const QString &ns, const QString &name)
    {
        std::optional<api::Result<QJsonObject>> out;
        cluster_.client->get(api::builtinResource(group, plural), ns, name, [&out](const api::Result<QJsonObject> &r) { out = r; });
        [&] { QTRY_VERIFY(out.has_value()); }();
        return out.value_or(api::ApiError::internal("no answer"));
    }
    QJsonObject create(const QString &group, const QString &plural, const QString &ns, const QJsonObject &obj)
    {
        std::optional<api::Result<QJsonObject>> out;
        cluster_.client->create(api::builtinResource(group, plural), ns, obj, [&out](const api::Result<QJsonObject> &r) { out = r; });
        [&] { QTRY_VERIFY(out.has_value()); }();
        return out && out->ok() ? out->value() : QJsonObject();
    }
    QJsonObject configMap(const QString &name, const QString &level)
    {
        return QJsonObject{{"apiVersion", "v1"}, {"kind", "ConfigMap"},
                           {"metadata", QJsonObject{{"name", name}, {"namespace", "default"}}},
                           {"data", QJsonObject{{"LOG_LEVEL", level}, {"COLOUR", "blue"}}}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(cluster_.start());
    }

    void fieldPathsToLines()
    {
        const QString text = QStringLiteral(
            "# a comment\n"
            "apiVersion: v1\n"
            "kind: Namespace\n"
            "metadata:\n"
            "  name: one\n"
            "---\n"
            "apiVersion: v1\n"                       // 6
            "kind: Pod\n"
            "metadata:\n"
            "  name: web\n"
            "  labels:\n"
            "    app.kubernetes.io/name: web\n"      // 11
            "spec:\n"
            "  containers:\n"
            "    - name: a\n"                        // 14
            "      image: nginx\n"                   // 15
            "    - name: b\n"                        // 16
            "      image: busybox\n"                 // 17
            "      ports:\n"
            "        - containerPort: 80\n");        // 19
        const ui::Manifest m = ui::Manifest::parse(text);
        QVERIFY(!m.parseError());
        QCOMPARE(m.documents().size(), 2);
        QCOMPARE(m.documents()[1].kind(), QStringLiteral("Pod"));
        QCOMPARE(m.documents()[0].firstLine, 1);
        QCOMPARE(m.documents()[1].firstLine, 6);
        QCOMPARE(m.lineOf(1, "spec.containers[0].image"), 15);
        QCOMPARE(m.lineOf(1, "spec.containers[1].image"), 17);
        QCOMPARE(m.lineOf(1, "spec.containers[1].ports[0].containerPort"), 19);
        QCOMPARE(m.lineOf(1, "metadata.labels[app.kubernetes.io/name]"), 11);
        // A field not written points at its deepest written parent.
        QCOMPARE(m.lineOf(1, "spec.containers[0].imagePullPolicy"), 14);
        QCOMPARE(m.lineOf(1, "spec.restartPolicy"), 12);
        QCOMPARE(m.lineOf(1, QString()), 6);
        QCOMPARE(m.lineOf(0, "metadata.name"), 4);
        QCOMPARE(m.documentAt(17), 1);
        QCOMPARE(ui::splitFieldPath("a.b[2].c[x.y/z]"), (QStringList{"a", "b", "2", "c", "x.y/z"}));

        // A List (kubectl get -o yaml) is its items, each with its own lines.
        const ui::Manifest list = ui::Manifest::parse(QStringLiteral(
            "apiVersion: v1\nkind: List\nitems:\n"
            "  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n"   // 3..6
            "  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: b\n"   // 7..10
            "    data:\n      k: v\n"));                                                   // 11..12
        QCOMPARE(list.documents().size(), 2);
        QCOMPARE(list.documents()[1].name(), QStringLiteral("b"));
        QCOMPARE(list.documents()[1].firstLine, 7);
        QCOMPARE(list.lineOf(1, "data[k]"), 12);
        QCOMPARE(list.lineOf(0, "metadata.name"), 6);
    }

    void yamlSyntaxErrorOnItsLine()
    {
        ui::YamlEditor editor(*cluster_.client);
        const QString text = QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1, 2\n  b: c\n");
        editor.setText(text);
        editor.validate();
        QVERIFY(!editor.busy());  // nothing was sent
        QCOMPARE(editor.problems().size(), 1);
        QVERIFY(editor.problems().first().line >= 5 && editor.problems().first().line <= 6);
        QVERIFY(editor.lastMessage().contains(QStringLiteral("line")));
        QCOMPARE(editor.text(), text);
        // A document without a name is caught here too, on its line.
        editor.setText(QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n"));
        editor.apply();
        QVERIFY(!editor.busy());
        QCOMPARE(editor.problems().size(), 1);
        QCOMPARE(editor.problems().first().line, 2);
    }

    void dryRunErrorsOnTheirLines()
    {
        ui::YamlEditor editor(*cluster_.client);
        const QString text = QStringLiteral(
            "apiVersion: v1\n"
            "kind: Pod\n"
            "metadata:\n"
            "  name: bad-pull\n"
            "spec:\n"
            "  containers:\n"
            "    - name: web\n"
            "      image: nginx\n"
            "      imagePullPolicy: Sometimes\n"
            "---\n"
            "apiVersion: v1\n"
            "kind: Service\n"
            "metadata:\n"
            "  name: Not_A_Label\n"
            "spec:\n"
            "  selector:\n"
            "    app: web\n"
            "  ports:\n"
            "    - name: http\n"
            "      port: 70000\n");
        editor.setText(text);
        editor.validate();
        QVERIFY(editor.busy());
        QTRY_VERIFY(!editor.busy());
        const auto problems = editor.problems();
        QVERIFY2(hasProblemOnLine(problems, lineContaining(text, "imagePullPolicy"), "spec.containers[0].imagePullPolicy"),
                 qPrintable(editor.lastMessage()));
        QVERIFY(hasProblemOnLine(problems, lineContaining(text, "Not_A_Label"), "metadata.name"));
        QVERIFY(hasProblemOnLine(problems, lineContaining(text, "70000"), "spec.ports[0].port"));
        // Marked in the text area, listed, and nothing was created.
        QCOMPARE(editor.textEdit()->problems().size(), problems.size());
        QVERIFY(editor.textEdit()->extraSelections().size() >= problems.size());
        QCOMPARE(get("", "pods", "default", "bad-pull").error().code, 404);
        QCOMPARE(editor.text(), text);
    }

    void multiDocumentApplyCreates()
    {
        ui::YamlEditor editor(*cluster_.client);
        QSignalSpy applied(&editor, &ui::YamlEditor::applied);
        editor.setText(QStringLiteral(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: giropops\n"
            "---\n"
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: giropops\ndata:\n  a: \"1\"\n"
            "---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: giropops\n"
            "spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n"
            "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n"
            "        - name: web\n          image: nginx\n"));
        // The namespace the manifest creates is not there for a dry run: a note, not an error.
        editor.validate();
        QTRY_VERIFY(!editor.busy());
        for (const ui::ManifestProblem &p : editor.problems())
            QVERIFY2(p.warning, qPrintable(p.message));
        editor.apply();
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(applied.first().first().value<QList<QJsonObject>>().size(), 3);
        QVERIFY(editor.problems().isEmpty());
        QVERIFY(editor.lastMessage().contains(QStringLiteral("deployment.apps/web created")));
        QVERIFY(get("", "namespaces", "", "giropops").ok());
        QCOMPARE(get("", "configmaps", "giropops", "settings")->value("data").toObject().value("a").toString(), QStringLiteral("1"));
        QCOMPARE(get("apps", "deployments", "giropops", "web")->value("spec").toObject().value("replicas").toInt(), 2);
        // Applying again configures the same objects.
        editor.apply();
        QTRY_COMPARE(applied.size(), 2);
        QVERIFY(editor.lastMessage().contains(QStringLiteral("configured")) || editor.lastMessage().contains(QStringLiteral("unchanged")));
    }

    void diffAgainstLive()
    {
        create("", "configmaps", "default", configMap("diffed", "info"));
        ui::YamlEditor editor(*cluster_.client);
        editor.setText(QString::fromUtf8(QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: diffed\n"
                                                    "  namespace: default\ndata:\n  LOG_LEVEL: debug\n  COLOUR: blue\n"
                                                    "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: brand-new\n"
                                                    "data:\n  x: hello\n")));
        editor.showDiff();
        QTRY_VERIFY(!editor.busy());
        const QList<ui::DiffLine> diff = editor.diff();
        auto has = [&diff](ui::DiffLine::Kind kind, const QString &text) {
            for (const ui::DiffLine &l : diff)
                if (l.kind == kind && l.text == text)
                    return true;
            return false;
        };
        QVERIFY2(has(ui::DiffLine::Removed, "  LOG_LEVEL: info"), qPrintable(ui::diffText(diff)));
        QVERIFY(has(ui::DiffLine::Added, "  LOG_LEVEL: debug"));
        QVERIFY(has(ui::DiffLine::Same, "  COLOUR: blue"));
        QVERIFY(has(ui::DiffLine::Added, "  x: hello"));  // the new object: all added
        // Nothing was changed by looking.
        QCOMPARE(get("", "configmaps", "default", "diffed")->value("data").toObject().value("LOG_LEVEL").toString(), QStringLiteral("info"));
        QCOMPARE(get("", "configmaps", "default", "brand-new").error().code, 404);

        const auto plain = ui::diffTexts("a\nb\nc\n", "a\nc\nd\n");
        QCOMPARE(ui::diffText(plain), QStringLiteral("  a\n- b\n  c\n+ d\n"));
    }

    void liveEditAndConflictKeepText()
    {
        const QJsonObject live = create("", "configmaps", "default", configMap("live", "info"));
        QVERIFY(!live.isEmpty());
        ui::YamlEditor editor(*cluster_.client);
        QSignalSpy applied(&editor, &ui::YamlEditor::applied);
        editor.openObject(live);
        QVERIFY(!editor.text().contains(QStringLiteral("managedFields")));
        QVERIFY(editor.text().contains(QStringLiteral("resourceVersion")));

        // A live edit applied: the server has it, the text follows the new version.
        editor.setText(editor.text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"));
        editor.apply();
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(get("", "configmaps", "default", "live")->value("data").toObject().value("LOG_LEVEL").toString(), QStringLiteral("warn"));
        QVERIFY(editor.notice().isEmpty());  // our own write is no news

        // Someone else changes it: the editor says so and keeps the text.
        QString edited = editor.text().replace("LOG_LEVEL: warn", "LOG_LEVEL: debug");
        editor.setText(edited);
        auto current = get("", "configmaps", "default", "live");
        QJsonObject other = current.value();
        QJsonObject data = other.value("data").toObject();
        data.insert("COLOUR", "red");
        other.insert("data", data);
        bool done = false;
        cluster_.client->update(api::builtinResource("", "configmaps"), other, [&done](const api::Result<QJsonObject> &r) { QVERIFY(r.ok()); done = true; });
        QTRY_VERIFY(done);
        QTRY_VERIFY(editor.notice().contains(QStringLiteral("changed on the server")));
        QCOMPARE(editor.text(), edited);

        // Applying the stale text is a conflict: told, and the text is kept.
        editor.apply();
        QTRY_VERIFY(!editor.busy());
        QVERIFY2(editor.notice().contains(QStringLiteral("Conflict")), qPrintable(editor.notice()));
        QCOMPARE(editor.text(), edited);
        QCOMPARE(applied.size(), 1);

        // The user's edit over the current object keeps the other writer's change.
        editor.applyOverLive();
        QTRY_COMPARE(applied.size(), 2);
        const QJsonObject merged = get("", "configmaps", "default", "live")->value("data").toObject();
        QCOMPARE(merged.value("LOG_LEVEL").toString(), QStringLiteral("debug"));
        QCOMPARE(merged.value("COLOUR").toString(), QStringLiteral("red"));
        QVERIFY(editor.notice().isEmpty());

        // Reload replaces the text as one edit: Undo brings the user's text back.
        const QString mine = editor.text().replace("LOG_LEVEL: debug", "LOG_LEVEL: trace");
        editor.setText(mine);
        editor.reloadLive();
        QTRY_VERIFY(!editor.busy());
        QVERIFY(editor.text().contains(QStringLiteral("LOG_LEVEL: debug")));
        editor.textEdit()->undo();
        QCOMPARE(editor.text(), mine);
    }

    void liveDeploymentEdit()
    {
        const QJsonObject dep = create("apps", "deployments", "default", QJsonDocument::fromJson(R"({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "shop", "labels": {"app": "shop"}},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "shop"}},
                     "template": {"metadata": {"labels": {"app": "shop"}},
                                  "spec": {"containers": [{"name": "web", "image": "nginx:1.26"}]}}}})").object());
        QVERIFY(!dep.isEmpty());
        ui::YamlEditor editor(*cluster_.client);
        QSignalSpy applied(&editor, &ui::YamlEditor::applied);
        editor.openObject(dep);
        QString text = editor.text();
        QVERIFY(text.contains("replicas: 1"));
        text.replace("replicas: 1", "replicas: 3").replace("image: nginx:1.26", "image: nginx:1.27")
            .replace("  labels:\n    app: shop\n", "  labels:\n    app: shop\n    tier: front\n");
        editor.setText(text);
        editor.apply();
        QTRY_COMPARE(applied.size(), 1);
        QVERIFY2(editor.lastMessage().contains("deployment.apps/shop configured"), qPrintable(editor.lastMessage()));
        const QJsonObject now = get("apps", "deployments", "default", "shop").value();
        QCOMPARE(now["spec"].toObject()["replicas"].toInt(), 3);
        QCOMPARE(now["spec"].toObject()["template"].toObject()["spec"].toObject()["containers"].toArray()[0]
                     .toObject()["image"].toString(), QStringLiteral("nginx:1.27"));
        QCOMPARE(now["metadata"].toObject()["labels"].toObject()["tier"].toString(), QStringLiteral("front"));
        // The text follows the version it applied, so a second edit applies too.
        QVERIFY(editor.text().contains(now["metadata"].toObject()["resourceVersion"].toString()));
        editor.setText(editor.text().replace("replicas: 3", "replicas: 2"));
        editor.apply();
        QTRY_COMPARE(applied.size(), 2);
        QCOMPARE(get("apps", "deployments", "default", "shop")->value("spec").toObject()["replicas"].toInt(), 2);
    }

    void answersAboutAnEarlierTextStayOffTheNewOne()
    {
        const QJsonObject cm = create("", "configmaps", "default", configMap("earlier", "info"));
        ui::YamlEditor editor(*cluster_.client);
        QSignalSpy applied(&editor, &ui::YamlEditor::applied);
        editor.openObject(cm);
        editor.setText(editor.text().replace("LOG_LEVEL: info", "LOG_LEVEL: warn"));
        editor.apply();
        editor.openTemplate("Pod");  // before the answer
        const QString pod = editor.text();
        QTRY_VERIFY(!editor.busy());
        QCOMPARE(applied.size(), 1);  // it was applied...
        QCOMPARE(editor.text(), pod);  // ...and the Pod template stays in the editor
        QVERIFY(editor.notice().isEmpty());
        QCOMPARE(get("", "configmaps", "default", "earlier")->value("data").toObject()["LOG_LEVEL"].toString(), QStringLiteral("warn"));
    }

    void closedWhileWaiting()
    {
        // The editor goes away with requests in flight: their answers find nothing to touch.
        auto *editor = new ui::YamlEditor(*cluster_.client);
        editor->setText(QString::fromUtf8(api::toYaml(configMap("orphan", "info"))));
        editor->apply();
        QVERIFY(editor->busy());
        auto *other = new ui::YamlEditor(*cluster_.client);
        other->openObject(create("", "configmaps", "default", configMap("watched", "info")));
        other->setText(other->text() + QStringLiteral("# edited\n"));
        other->showDiff();
        delete editor;
        delete other;
        // Answers are delivered in order: once this one arrives, theirs have been.
        QVERIFY(get("", "configmaps", "default", "orphan").ok());
    }

    void problemListJumpsToTheLine()
    {
        ui::YamlEditor editor(*cluster_.client);
        const QString text = QStringLiteral("apiVersion: v1\nkind: Service\nmetadata:\n  name: jump\nspec:\n  ports:\n"
                                            "    - port: 80\n    - port: 0\n");
        editor.setText(text);
        editor.validate();
        QTRY_VERIFY(!editor.busy());
        QVERIFY(hasProblemOnLine(editor.problems(), 7, "spec.ports[1].port"));
        auto *list = editor.findChild<QListWidget *>();
        QVERIFY(list);
        QListWidgetItem *item = nullptr;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->text().startsWith("Line 8:"))
                item = list->item(i);
        QVERIFY(item);
        emit list->itemClicked(item);
        QCOMPARE(editor.textEdit()->textCursor().blockNumber(), 7);
        // Typing clears the marks: they belong to the text they were found in.
        editor.textEdit()->textCursor().insertText("  ");
        QVERIFY(editor.problems().isEmpty());
    }

    void unreachableAndUnauthorized()
    {
        // Nothing listens on this loopback port: told plainly, text kept, no freeze.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        client::ServerConfig config;
        config.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
        client::Client unreachable(new client::HttpTransport(config));
        ui::YamlEditor editor(unreachable);
        const QString text = QString::fromUtf8(api::toYaml(configMap("far", "info")));
        editor.setText(text);
        editor.apply();
        QTRY_VERIFY_WITH_TIMEOUT(!editor.busy(), 30000);
        QVERIFY2(editor.lastMessage().contains("Cannot reach the cluster"), qPrintable(editor.lastMessage()));
        QCOMPARE(editor.text(), text);

        // The real HTTP server without credentials: 401, in plain words.
        apiserver::HttpServer http(*cluster_.api, 1 << 20);
        const quint16 port = http.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        config.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        client::Client anonymous(new client::HttpTransport(config));
        ui::YamlEditor other(anonymous);
        other.setText(text);
        other.validate();
        QTRY_VERIFY_WITH_TIMEOUT(!other.busy(), 30000);
        QVERIFY2(other.lastMessage().contains("401") || other.problems().value(0).message.contains("401"),
                 qPrintable(other.lastMessage()));
        QVERIFY(other.problems().value(0).message.contains("credentials"));
        QCOMPARE(other.text(), text);
    }

    void templatesAreAccepted()
    {
        ui::YamlEditor editor(*cluster_.client);
        const QStringList kinds = editor.templateKinds();
        for (const char *k : {"Pod", "Deployment", "Service (ClusterIP)", "Service (NodePort)", "Service (LoadBalancer)",
                              "Service (Headless)", "Service (ExternalName)", "ConfigMap", "Secret", "Namespace",
                              "ResourceQuota", "LimitRange", "NetworkPolicy"})
            QVERIFY2(kinds.contains(QLatin1String(k)), k);
        QCOMPARE(kinds.first(), QStringLiteral("Pod"));
        for (const QString &kind : kinds) {
            editor.openTemplate(kind);
            QVERIFY2(!editor.text().isEmpty(), qPrintable(kind));
            editor.validate();
            QTRY_VERIFY(!editor.busy());
            QVERIFY2(editor.problems().isEmpty(), qPrintable(kind + ": " + editor.lastMessage() + " "
                                                             + (editor.problems().isEmpty() ? QString() : editor.problems().first().message)));
        }
        editor.openTemplate("Service");
        QVERIFY(editor.text().contains(QStringLiteral("type: ClusterIP")));
    }

    void highlighting()
    {
        ui::YamlEditor editor(*cluster_.client);
        editor.setText("# note\napiVersion: v1\n---\nspec:\n  replicas: 3\n  name: \"web\"\n  script: |\n    echo hi: there\n");
        auto formatAt = [&editor](int line, int column) {
            const QTextBlock block = editor.textEdit()->document()->findBlockByNumber(line);
            for (const QTextLayout::FormatRange &r : block.layout()->formats())
                if (column >= r.start && column < r.start + r.length)
                    return r.format.foreground().color();
            return QColor();
        };
        auto colour = [&editor](ui::YamlHighlighter::Role role) { return editor.highlighter()->roleFormat(role).foreground().color(); };
        QCOMPARE(formatAt(0, 2), colour(ui::YamlHighlighter::Comment));
        QCOMPARE(formatAt(1, 0), colour(ui::YamlHighlighter::Key));
        QCOMPARE(formatAt(1, 12), colour(ui::YamlHighlighter::String));
        QCOMPARE(formatAt(2, 0), colour(ui::YamlHighlighter::DocumentSeparator));
        QCOMPARE(formatAt(4, 12), colour(ui::YamlHighlighter::Number));
        QCOMPARE(formatAt(5, 9), colour(ui::YamlHighlighter::String));
        QCOMPARE(formatAt(7, 6), colour(ui::YamlHighlighter::String));  // inside a block scalar, not a key
    }

    void spacesNotTabs()
    {
        ui::YamlEditor editor(*cluster_.client);
        ui::YamlTextEdit *edit = editor.textEdit();
        editor.setText(QString());
        edit->setFocus();
        QTest::keyClicks(edit, "spec:");
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, "containers:");
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, "- name: web");
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, "image: nginx");
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClick(edit, Qt::Key_Tab);
        QTest::keyClicks(edit, "x: 1");
        QCOMPARE(editor.text(), QStringLiteral("spec:\n  containers:\n    - name: web\n      image: nginx\n        x: 1"));
        QVERIFY(!editor.text().contains(QLatin1Char('\t')));
        QTest::keyClick(edit, Qt::Key_Backtab);
        QVERIFY(editor.text().endsWith(QStringLiteral("\n      x: 1")));
    }

    void refusalsInPlainWords()
    {
        // A user with no rights: 403, told in the window, text kept.
        std::unique_ptr<client::Client> nobody(client::Client::inProcess(*cluster_.api, {"nobody", {"system:authenticated"}}));
        ui::YamlEditor editor(*nobody);
        const QString text = QString::fromUtf8(api::toYaml(configMap("denied", "info")));
        editor.setText(text);
        editor.apply();
        QTRY_VERIFY(!editor.busy());
        QVERIFY2(editor.lastMessage().contains(QStringLiteral("Forbidden")), qPrintable(editor.lastMessage()));
        QCOMPARE(editor.text(), text);
        QCOMPARE(editor.problems().size(), 1);

        // An unknown kind is named, on its document.
        ui::YamlEditor other(*cluster_.client);
        other.setText("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
        other.validate();
        QTRY_VERIFY(!other.busy());
        QCOMPARE(other.problems().size(), 1);
        QVERIFY(other.problems().first().message.contains(QStringLiteral("no matches for kind")));
    }
};

QTEST_MAIN(YamlEditorTest)
#include "test_ui_yaml_editor.moc"
