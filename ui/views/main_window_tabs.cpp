// The topology and YAML editor tabs of the main window, and how they follow
// the resource browser: one selection everywhere, one namespace filter, and
// "Edit YAML" from the table opening the live object in the editor.
#include "main_window.h"

#include "topology_view.h"
#include "yaml_editor.h"

#include "api/object.h"

#include <QComboBox>
#include <QStatusBar>
#include <QTabWidget>

namespace timoneiro::ui {

void MainWindow::addStandardTabs()
{
    addClusterTab([] { return tr("Topology"); }, [this](client::Client &client) {
        auto *view = new TopologyView(client, nullptr, TopologyView::Start::WhenShown);
        topology_ = view;
        connect(view, &TopologyView::objectSelected, this, [this](const QJsonObject &obj) { selectObject(OwnerLink::of(obj)); });
        if (namespaces_)
            view->setNamespace(namespaces_->currentData().toString());
        connect(tabs_, &QTabWidget::currentChanged, view, [this, view] {
            if (tabs_->currentWidget() == view && !topologySelection_.isEmpty())
                view->selectObject(std::exchange(topologySelection_, QString()));
        });
        return view;
    });
    addClusterTab([] { return tr("YAML editor"); }, [this](client::Client &client) {
        auto *editor = new YamlEditor(client);
        editor_ = editor;
        connect(editor, &YamlEditor::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        if (namespaces_)
            editor->setDefaultNamespace(namespaces_->currentData().toString());
        return editor;
    });
}

TopologyView *MainWindow::topology() const
{
    return topology_;
}

YamlEditor *MainWindow::yamlEditor() const
{
    return editor_;
}

void MainWindow::followNamespace(const QString &ns)
{
    if (topology_)
        topology_->setNamespace(ns);
    if (editor_)
        editor_->setDefaultNamespace(ns.isEmpty() ? QStringLiteral("default") : ns);
}

void MainWindow::followSelection(const QJsonObject &obj)
{
    // Selecting in a hidden topology would lay it out now; it follows when shown.
    if (topology_ && topology_->isVisible())
        topology_->selectObject(api::uidOf(obj));
    else
        topologySelection_ = api::uidOf(obj);
}

void MainWindow::editInYaml(const QJsonObject &obj)
{
    if (!editor_ || obj.isEmpty())
        return;
    editor_->openObject(obj);
    tabs_->setCurrentWidget(editor_);
}

}  // namespace timoneiro::ui
