#include "builder/builderactions.h"

#include "builder/builderfiles.h"
#include "builder/builderview.h"
#include "builder/canvasview.h"
#include "builder/deployments.h"
#include "builder/workflowscene.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>

namespace Switchboard {

void BuilderActions::addShortcuts(BuilderView &view)
{
    const auto action = [&view](const QString &text, const QList<QKeySequence> &keys,
                                const std::function<void()> &run) {
        auto *a = new QAction(text, &view);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QObject::connect(a, &QAction::triggered, &view, run);
        view.addAction(a);
    };
    action(tr("Undo"), QKeySequence::keyBindings(QKeySequence::Undo),
           [&view] { view.m_undo.undo(); });
    action(tr("Redo"), QKeySequence::keyBindings(QKeySequence::Redo),
           [&view] { view.m_undo.redo(); });
    action(tr("Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)},
           [&view] { view.deleteSelection(); });
    action(tr("Copy"), QKeySequence::keyBindings(QKeySequence::Copy),
           [&view] { view.copySelection(); });
    action(tr("Paste"), QKeySequence::keyBindings(QKeySequence::Paste), [&view] { view.paste(); });
    action(tr("Select all"), QKeySequence::keyBindings(QKeySequence::SelectAll),
           [&view] { view.m_scene->selectNodes(view.m_graph.nodeIds()); });
    action(tr("Zoom in"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)},
           [&view] { view.m_view->zoom(1.25); });
    action(tr("Zoom out"), QKeySequence::keyBindings(QKeySequence::ZoomOut),
           [&view] { view.m_view->zoom(0.8); });
    action(tr("Fit"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, [&view] { view.fitWorkflow(); });
    action(tr("Save draft"), QKeySequence::keyBindings(QKeySequence::Save),
           [&view] { view.save(); });
    action(tr("Arrange"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
           [&view] { view.autoLayout(); });
    action(tr("Insert step"), {QKeySequence(Qt::Key_Insert)},
           [&view] { view.insertSelectedPaletteEntry(); });
    action(tr("Test run"), {QKeySequence(Qt::CTRL | Qt::Key_R)}, [&view] { view.askTestRun(); });
    action(tr("Find a step"), {QKeySequence::Find}, [&view] {
        view.m_search->setFocus();
        view.m_search->selectAll();
    });
}

void BuilderActions::fillToolbar(BuilderView &view, QToolBar *bar)
{
    view.m_workflows->setObjectName(QStringLiteral("workflowPicker"));
    view.m_workflows->setAccessibleName(tr("Workflow"));
    view.m_workflows->setMinimumContentsLength(16);
    view.m_workflows->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    QObject::connect(view.m_workflows, &QComboBox::activated, &view, [&view](int index) {
        const QString id = view.m_workflows->itemData(index).toString();
        if (!id.isEmpty())
            Q_EMIT view.workflowRequested(id);
    });
    const auto button = [&view, bar](const QString &text, const QString &tip,
                                     const std::function<void()> &run) {
        QAction *a = bar->addAction(text);
        a->setToolTip(tip);
        QObject::connect(a, &QAction::triggered, &view, run);
    };
    bar->addWidget(view.m_workflows);
    auto *gallery = new QToolButton(&view);
    gallery->setText(tr("New"));
    gallery->setToolTip(tr("Start an empty workflow or one from a built-in template"));
    bar->addWidget(gallery);
    auto *menu = new QMenu(gallery);
    QObject::connect(menu->addAction(tr("Empty workflow")), &QAction::triggered, &view,
                     &BuilderView::newWorkflow);
    menu->addSeparator();
    for (const BuilderFiles::Template &t : BuilderFiles::templates()) {
        QAction *a =
            menu->addAction(QString(t.name).replace(QLatin1Char('&'), QLatin1String("&&")));
        a->setToolTip(t.description);
        const QString id = t.id;
        QObject::connect(a, &QAction::triggered, &view, [&view, id] { view.openTemplate(id); });
    }
    gallery->setMenu(menu);
    gallery->setPopupMode(QToolButton::InstantPopup);
    // The actions that matter most come first: a narrow window hides the last ones.
    button(tr("Save draft"), tr("Save the draft; it must have no problems (Ctrl+S)"),
           [&view] { view.save(); });
    button(tr("Publish…"), tr("Publish the saved draft as a new version that runs"), [&view] {
        bool ok = false;
        const QString note =
            QInputDialog::getText(&view, tr("Publish"), tr("What changed in this version?"),
                                  QLineEdit::Normal, QString(), &ok);
        if (ok)
            view.publish(note);
    });
    bar->addSeparator();
    button(tr("Undo"), tr("Undo the last edit (Ctrl+Z)"), [&view] { view.m_undo.undo(); });
    button(tr("Redo"), tr("Redo (Ctrl+Shift+Z)"), [&view] { view.m_undo.redo(); });
    bar->addSeparator();
    button(QStringLiteral("−"), tr("Zoom out (Ctrl+-)"), [&view] { view.m_view->zoom(0.8); });
    button(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), [&view] { view.m_view->zoom(1.25); });
    button(tr("Fit"), tr("Show the whole workflow (Ctrl+0)"), [&view] { view.fitWorkflow(); });
    button(tr("Arrange"), tr("Lay the steps out left to right (Ctrl+Shift+L)"),
           [&view] { view.autoLayout(); });
    bar->addSeparator();
    button(tr("Test run…"), tr("Run this workflow now with sample input (Ctrl+R)"),
           [&view] { view.askTestRun(); });
    button(tr("History…"), tr("Published versions and what changed between them"),
           [&view] { view.showHistory(); });
    button(tr("Import…"), tr("Open a workflow file, or an n8n export, as a new draft"), [&view] {
        const QString path = QFileDialog::getOpenFileName(&view, tr("Import a workflow"), QString(),
                                                          tr("Workflow or n8n export (*.json)"));
        if (!path.isEmpty())
            view.importFile(path);
    });
    button(tr("Export…"), tr("Save the workflow on the canvas as a file"), [&view] {
        const QString path = QFileDialog::getSaveFileName(
            &view, tr("Export the workflow"),
            view.m_graph.metadata().value(QLatin1String("id")).toString() + QStringLiteral(".json"),
            tr("Workflow (*.json)"));
        if (!path.isEmpty())
            view.exportFile(path);
    });
    auto *promote = new QToolButton(&view);
    promote->setText(tr("Promote"));
    promote->setToolTip(tr("Make a published version run in staging, then in production"));
    promote->setMenu(view.m_deployments->menu());
    promote->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(promote);
}

} // namespace Switchboard
