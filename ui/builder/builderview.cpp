#include "builder/builderview.h"

#include "builder/builderactions.h"
#include "builder/builderfiles.h"
#include "builder/canvasview.h"
#include "builder/deployments.h"
#include "builder/graphcommand.h"
#include "builder/inspector.h"
#include "builder/palettemodel.h"
#include "builder/testrunpanel.h"
#include "builder/versionhistory.h"
#include "builder/workflowscene.h"
#include "common/executionlink.h"
#include "common/wrappingdelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

const char *const ClipboardType = "application/x-switchboard-steps";

} // namespace

BuilderView::BuilderView(QWidget *parent)
    : QWidget(parent)
    , m_scene(new WorkflowScene(m_graph, this))
    , m_view(new CanvasView(m_scene, this))
    , m_paletteModel(new PaletteModel(this))
    , m_paletteFilter(new QSortFilterProxyModel(this))
    , m_palette(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_inspector(new Inspector(m_graph, m_expressions, this))
    , m_problemModel(new QStandardItemModel(this))
    , m_problemList(new QListView(this))
    , m_workflows(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_validate(new QTimer(this))
    , m_deployments(new Deployments(this))
    , m_runPanel(new TestRunPanel(m_scene, this))
{
    // Palette.
    m_paletteFilter->setSourceModel(m_paletteModel);
    m_paletteFilter->setRecursiveFilteringEnabled(true);
    m_paletteFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_palette->setObjectName(QStringLiteral("palette"));
    m_palette->setAccessibleName(tr("Steps"));
    m_palette->setModel(m_paletteFilter);
    m_palette->setHeaderHidden(true);
    m_palette->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_palette->setIndentation(14);
    m_palette->setDragEnabled(true);
    m_palette->setDragDropMode(QAbstractItemView::DragOnly);
    m_palette->expandToDepth(0);
    // A long module name wraps onto a second line rather than take the canvas's room.
    WrappingDelegate::install(m_palette);
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Find a step or action"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_paletteFilter->setFilterFixedString(text);
        m_palette->expandAll();
    });
    connect(m_palette, &QTreeView::activated, this, &BuilderView::insertSelectedPaletteEntry);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_palette, 1);

    // Canvas.

    // Inspector.
    auto *inspectorScroll = new QScrollArea(this);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    inspectorScroll->setWidget(m_inspector);
    inspectorScroll->setMinimumWidth(220);
    inspectorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Problems.
    m_problemList->setObjectName(QStringLiteral("problems"));
    m_problemList->setAccessibleName(tr("Problems"));
    m_problemList->setModel(m_problemModel);
    m_problemList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemList->setMaximumHeight(120);
    // Each problem reads in full, over two lines if it must.
    m_problemList->setWordWrap(true);
    m_problemList->setResizeMode(QListView::Adjust);
    m_problemList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_problemList, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString node = index.data(Qt::UserRole + 1).toString();
        if (node.isEmpty() || !m_graph.hasNode(node))
            return;
        m_scene->selectNodes({node});
        m_view->centerOn(m_scene->nodeItem(node));
    });
    connect(m_problemList, &QListView::clicked, m_problemList, &QListView::activated);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("builderRight"));
    right->addWidget(inspectorScroll);
    right->addWidget(m_runPanel);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setChildrenCollapsible(false);
    auto *canvasSplit = new QSplitter(Qt::Vertical, this);
    canvasSplit->setObjectName(QStringLiteral("builderCanvasSplit"));
    canvasSplit->addWidget(m_view);
    canvasSplit->addWidget(m_problemList);
    canvasSplit->setStretchFactor(0, 5);
    canvasSplit->setSizes({600, 90});
    canvasSplit->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("builderSplit"));
    split->addWidget(left);
    split->addWidget(canvasSplit);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    split->setSizes({200, 700, 300});
    split->setChildrenCollapsible(false);
    left->setMinimumWidth(150);

    // A tool bar, so that on a narrow window what does not fit goes behind its » button.
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("builderTools"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    BuilderActions::fillToolbar(*this, bar);
    m_status->setObjectName(QStringLiteral("builderStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // A test run's id is a link to its page in the Executions section.
    connect(m_status, &QLabel::linkActivated, this, [this](const QString &href) {
        if (const QString id = ExecutionLink::idFrom(href); !id.isEmpty())
            Q_EMIT executionOpened(id);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(bar);
    layout->addWidget(m_deployments);
    connect(m_deployments, &Deployments::message, this, &BuilderView::showStatus);
    connect(m_deployments, &Deployments::promoteRequested, this,
            [this](int version, const QString &environment) {
                Q_EMIT promoteRequested(m_graph.metadata().value(QLatin1String("id")).toString(),
                                        version, environment);
            });
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    // The model and the views.
    connect(m_scene, &WorkflowScene::dropRequested, this,
            [this](const QJsonObject &node, const QPointF &pos) { addStep(node, pos); });
    connect(m_scene, &WorkflowScene::connectRequested, this, &BuilderView::connectSteps);
    connect(m_scene, &WorkflowScene::rerouteRequested, this, &BuilderView::rerouteStep);
    connect(m_scene, &WorkflowScene::moveRequested, this,
            [this](const QHash<QString, QPointF> &moved) {
                QStringList ids = moved.keys();
                ids.sort();
                edit(tr("Move"), QStringLiteral("move:") + ids.join(QLatin1Char(',')), [&] {
                    for (auto it = moved.begin(); it != moved.end(); ++it)
                        m_graph.moveNode(it.key(), it.value());
                });
            });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList ids = m_scene->selectedNodeIds();
        m_inspector->showNode(ids.size() == 1 ? ids.first() : QString());
        m_runPanel->showStep(ids.size() == 1 ? ids.first() : QString());
    });
    // A new canvas forgets the last run's states (items are made anew).
    connect(&m_graph, &WorkflowGraph::reset, m_runPanel, &TestRunPanel::reapply);
    connect(m_inspector, &Inspector::nodeEdited, this,
            [this](const QString &id, const QJsonObject &node, const QString &key) {
                edit(tr("Edit %1").arg(id), QStringLiteral("field:%1.%2").arg(id, key),
                     [&] { m_graph.setNode(id, node); });
            });
    connect(m_inspector, &Inspector::nodeRenamed, this,
            [this](const QString &id, const QString &newId) {
                WorkflowGraph trial;
                (void)trial.load(m_graph.toJson());
                if (Status ok = trial.renameNode(id, newId); !ok) {
                    m_inspector->renameRefused(ok.error().message);
                    return;
                }
                edit(tr("Rename %1 to %2").arg(id, newId), {},
                     [&] { (void)m_graph.renameNode(id, newId); });
                m_scene->selectNodes({newId});
                showStatus(tr("Renamed %1 to %2; its connections and the steps reading it follow.")
                               .arg(id, newId));
            });
    connect(m_inspector, &Inspector::metadataEdited, this,
            [this](const QJsonObject &metadata, const QString &key) {
                edit(tr("Edit workflow settings"), QStringLiteral("meta:") + key,
                     [&] { m_graph.setMetadata(metadata); });
            });
    m_validate->setSingleShot(true);
    m_validate->setInterval(150);
    connect(m_validate, &QTimer::timeout, this, [this] {
        validateNow();
        updateSuggestions();
    });
    connect(&m_graph, &WorkflowGraph::changed, this, [this] {
        if (!m_loading)
            m_dirty = true;
        m_validate->start();
    });

    BuilderActions::addShortcuts(*this);

    openTemplate(QStringLiteral("new-patient-onboarding"));
    m_dirty = false;
}

BuilderView::~BuilderView()
{
    // The scene and the inspector read the graph, which goes before the child widgets do.
    disconnect(m_scene, nullptr, this, nullptr);
    delete m_scene;
    delete m_inspector;
}

QString BuilderView::statusText() const
{
    return m_status->text();
}

void BuilderView::showStatus(const QString &text)
{
    m_status->setText(text);
}

void BuilderView::edit(const QString &text, const QString &mergeKey,
                       const std::function<void()> &change)
{
    const QJsonObject before = m_graph.toJson();
    change();
    if (m_graph.toJson() == before)
        return;
    m_undo.push(new GraphCommand(m_graph, before, text,
                                 mergeKey.isEmpty() ? -1 : GraphCommand::keyFor(mergeKey)));
}

void BuilderView::openDocument(const QJsonObject &document)
{
    m_loading = true;
    const Status loaded = m_graph.load(document);
    m_loading = false;
    if (!loaded) {
        showStatus(tr("This workflow cannot be opened: %1").arg(loaded.error().message));
        return;
    }
    // Steps without a place get one.
    bool placed = true;
    for (const QString &id : m_graph.nodeIds())
        placed = placed && m_graph.node(id).contains(QLatin1String("position"));
    if (!placed) {
        m_loading = true;
        autoLayout();
        m_loading = false;
    }
    m_undo.clear();
    m_dirty = false;
    m_inspector->showNode(QString());
    validateNow();
    updateSuggestions();
    showStart();
}

void BuilderView::fitWorkflow()
{
    m_view->fitWorkflow();
}

void BuilderView::showStart()
{
    m_view->showStart();
}

Minimap *BuilderView::minimap() const
{
    return m_view->minimap();
}

QGraphicsView *BuilderView::canvas() const
{
    return m_view;
}

void BuilderView::newWorkflow()
{
    openDocument({{QStringLiteral("id"), QStringLiteral("new-workflow")},
                  {QStringLiteral("name"), tr("New workflow")},
                  {QStringLiteral("trigger"),
                   QJsonObject {{QStringLiteral("kind"), QStringLiteral("manual")}}},
                  {QStringLiteral("nodes"), QJsonArray {}},
                  {QStringLiteral("edges"), QJsonArray {}}});
    m_deployments->setVersions({});
    showStatus(tr("An empty canvas: drag a Start from the palette, then the steps after it."));
}

bool BuilderView::openTemplate(const QString &templateId)
{
    const Result<QJsonObject> doc = BuilderFiles::readTemplate(templateId);
    if (!doc) {
        showStatus(doc.error().message);
        return false;
    }
    openDocument(*doc);
    m_deployments->setVersions({});
    showStatus(tr("Opened the template \"%1\". Save it to keep it as a draft.")
                   .arg(doc->value(QLatin1String("name")).toString()));
    return true;
}

bool BuilderView::importFile(const QString &path)
{
    const Result<BuilderFiles::Imported> imported = BuilderFiles::import(path, m_validator);
    if (!imported) {
        showStatus(imported.error().message);
        return false;
    }
    QJsonObject chosen = imported->workflow;
    if (imported->n8nWorkflows.size() > 1 && isVisible()) {
        // One workflow per n8n trigger: the admin picks which to open.
        QStringList names;
        for (const QJsonObject &w : imported->n8nWorkflows)
            names << w.value(QLatin1String("name")).toString();
        bool ok = false;
        const QString name = QInputDialog::getItem(
            this, tr("Open which workflow?"),
            tr("This n8n workflow has %1 triggers. Switchboard runs one workflow per trigger; "
               "open one now and import the file again for the others.")
                .arg(names.size()),
            names, 0, false, &ok);
        if (!ok)
            return false;
        chosen = imported->n8nWorkflows.value(int(names.indexOf(name)));
    }
    openDocument(chosen);
    m_deployments->setVersions({});
    m_dirty = true;
    if (!imported->fromN8n) {
        showStatus(tr("Imported %1. Save it to keep it as a draft.").arg(path));
        return true;
    }
    // An n8n export: say what did not map.
    m_importReport = imported->mapped;
    for (const QString &line : imported->unmapped)
        m_importReport << tr("Not mapped: %1").arg(line);
    showStatus(tr("Imported from n8n: %1 step(s) mapped, %2 not (placeholders to replace). "
                  "Check the problems below, then save.")
                   .arg(imported->mapped.size())
                   .arg(imported->unmapped.size()));
    if (isVisible()) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Imported from n8n"),
                                    tr("%1 step(s) mapped, %2 not.")
                                        .arg(imported->mapped.size())
                                        .arg(imported->unmapped.size()),
                                    QMessageBox::Close, this);
        box->setDetailedText(m_importReport.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return true;
}

bool BuilderView::exportFile(const QString &path)
{
    if (const Status written = BuilderFiles::exportTo(path, m_graph.toJson()); !written) {
        showStatus(written.error().message);
        return false;
    }
    showStatus(tr("Exported to %1").arg(path));
    return true;
}

QString BuilderView::addStep(const QJsonObject &node, const QPointF &scenePos)
{
    const QString type = node.value(QLatin1String("type")).toString();
    if (type == QLatin1String("trigger")) {
        for (const QString &id : m_graph.nodeIds()) {
            if (m_graph.nodeType(id) == QLatin1String("trigger")) {
                showStatus(tr("A workflow has one start; \"%1\" is it.").arg(id));
                return {};
            }
        }
    }
    QJsonObject step = node;
    QString id = m_graph.freshId(type);
    step.insert(QStringLiteral("id"), id);
    const QPointF at(std::round(scenePos.x() / NodeItem::Grid) * NodeItem::Grid,
                     std::round(scenePos.y() / NodeItem::Grid) * NodeItem::Grid);
    step.insert(QStringLiteral("position"),
                QJsonObject {{QStringLiteral("x"), at.x()}, {QStringLiteral("y"), at.y()}});
    edit(tr("Add %1").arg(id), {}, [&] { (void)m_graph.insertNode(step); });
    m_scene->selectNodes({id});
    showStatus(tr("Added \"%1\". Drag from an output dot on its right to the next step.").arg(id));
    return id;
}

bool BuilderView::connectSteps(const WorkflowEdge &edge)
{
    if (Status ok = m_graph.canConnect(edge); !ok) {
        showStatus(tr("Not connected: %1.").arg(ok.error().message));
        return false;
    }
    edit(tr("Connect %1 → %2").arg(edge.from, edge.to), {}, [&] { (void)m_graph.addEdge(edge); });
    showStatus(tr("Connected %1 → %2 (%3).").arg(edge.from, edge.to, edge.port));
    return true;
}

bool BuilderView::rerouteStep(const WorkflowEdge &from, const WorkflowEdge &to)
{
    // Checked as it would stand without the old connection.
    WorkflowGraph trial;
    (void)trial.load(m_graph.toJson());
    trial.removeEdge(from);
    if (Status ok = trial.canConnect(to); !ok) {
        showStatus(tr("Not re-routed: %1.").arg(ok.error().message));
        return false;
    }
    edit(tr("Re-route %1 → %2").arg(from.from, to.to), {}, [&] {
        m_graph.removeEdge(from);
        (void)m_graph.addEdge(to);
    });
    showStatus(tr("Re-routed: %1 → %2 now leads to %3.").arg(from.from, from.to, to.to));
    return true;
}

void BuilderView::deleteSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QList<WorkflowEdge> edges = m_scene->selectedEdges();
    if (nodes.isEmpty() && edges.isEmpty())
        return;
    edit(tr("Delete"), {}, [&] {
        for (const WorkflowEdge &e : edges)
            m_graph.removeEdge(e);
        for (const QString &id : nodes)
            m_graph.removeNode(id);
    });
}

void BuilderView::copySelection()
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.isEmpty())
        return;
    const QByteArray json = QJsonDocument(m_graph.fragment(ids)).toJson(QJsonDocument::Compact);
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(ClipboardType), json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
    showStatus(tr("Copied %1 step(s).").arg(ids.size()));
}

void BuilderView::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(QLatin1String(ClipboardType)))
        return;
    const QJsonObject clip =
        QJsonDocument::fromJson(mime->data(QLatin1String(ClipboardType))).object();
    QStringList added;
    edit(tr("Paste"), {}, [&] { added = m_graph.insertFragment(clip, QPointF(40, 40)); });
    m_scene->selectNodes(added);
    showStatus(tr("Pasted %1 step(s).").arg(added.size()));
}

void BuilderView::autoLayout()
{
    const QHash<QString, QPointF> positions = m_graph.layeredPositions();
    edit(tr("Arrange"), {}, [&] {
        for (auto it = positions.cbegin(); it != positions.cend(); ++it)
            m_graph.moveNode(it.key(), it.value());
    });
}

void BuilderView::validateNow()
{
    m_issues = m_validator.validate(m_graph.toJson());
    m_problemModel->clear();
    QHash<QString, std::pair<NodeItem::Problem, QString>> badges;
    for (const WorkflowIssue &issue : std::as_const(m_issues)) {
        auto *item = new QStandardItem(QStringLiteral("✕ ") + issue.translated());
        item->setData(issue.node, Qt::UserRole + 1);
        item->setToolTip(tr("Click to go to the step"));
        m_problemModel->appendRow(item);
        if (!issue.node.isEmpty()) {
            auto &badge = badges[issue.node];
            badge.first = NodeItem::Problem::Error;
            badge.second += (badge.second.isEmpty() ? QString() : QStringLiteral("\n"))
                + issue.message.translated();
        }
    }
    if (m_issues.isEmpty())
        m_problemModel->appendRow(
            new QStandardItem(tr("✓ No problems: this workflow can be saved and published.")));
    m_scene->setProblems(badges);
}

void BuilderView::save()
{
    validateNow();
    const QString id = m_graph.metadata().value(QLatin1String("id")).toString();
    if (!m_issues.isEmpty()) {
        showStatus(tr("Not saved: %1 problem(s) to fix first (listed below the canvas).")
                       .arg(m_issues.size()));
        return;
    }
    showStatus(tr("Saving…"));
    Q_EMIT saveRequested(m_graph.toJson());
}

void BuilderView::publish(const QString &note)
{
    const QString id = m_graph.metadata().value(QLatin1String("id")).toString();
    if (m_dirty) {
        showStatus(tr("Save the draft first (Ctrl+S): publishing takes the saved draft."));
        return;
    }
    showStatus(tr("Publishing…"));
    Q_EMIT publishRequested(id, note);
}

void BuilderView::setWorkflows(const QJsonArray &workflows)
{
    const QString current = m_graph.metadata().value(QLatin1String("id")).toString();
    m_workflows->clear();
    m_workflows->addItem(tr("Open a workflow…"), QString());
    for (const auto &v : workflows) {
        const QJsonObject w = v.toObject();
        if (w.value(QLatin1String("id")).toString().startsWith(QLatin1String("test-run-")))
            continue; // copies made for test runs are not for editing
        const int version = w.value(QLatin1String("latest_version")).toInt();
        m_workflows->addItem(
            version > 0
                ? tr("%1 (version %2)").arg(w.value(QLatin1String("name")).toString()).arg(version)
                : tr("%1 (draft)").arg(w.value(QLatin1String("name")).toString()),
            w.value(QLatin1String("id")).toString());
    }
    m_workflows->setCurrentIndex(std::max(0, m_workflows->findData(current)));
    // What a run_workflow step may run: the published ones.
    QList<std::pair<QString, QString>> published;
    for (const auto &v : workflows) {
        const QJsonObject w = v.toObject();
        const QString id = w.value(QLatin1String("id")).toString();
        if (w.value(QLatin1String("latest_version")).toInt() > 0
            && !id.startsWith(QLatin1String("test-run-")))
            published.append({id, w.value(QLatin1String("name")).toString(id)});
    }
    m_inspector->setWorkflows(published);
}

void BuilderView::workflowLoaded(const QString &id, const QJsonObject &draft,
                                 const QJsonArray &versions)
{
    openDocument(draft);
    m_deployments->setVersions(versions);
    showStatus(tr("Opened \"%1\".").arg(id));
}

void BuilderView::workflowSaved(const QString &id, const QJsonArray &issues)
{
    if (!issues.isEmpty()) {
        showStatus(tr("The core did not save \"%1\": %2")
                       .arg(id,
                            Message::translatedField(issues.first().toObject(),
                                                     QLatin1String("message"))));
        return;
    }
    m_dirty = false;
    showStatus(tr("Saved the draft of \"%1\".").arg(id));
}

void BuilderView::workflowPublished(const QString &id, int version)
{
    // The new version joins the history (the core sends the list with the workflow).
    Q_EMIT workflowRequested(id);
    showStatus(tr("Published \"%1\" as version %2; new runs use it.").arg(id).arg(version));
}

void BuilderView::askTestRun()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Test run"), tr("Sample input (JSON), as the trigger would give it:"),
        sampleInput(), &ok);
    if (!ok)
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        showStatus(tr("The sample input is not a JSON object: %1").arg(error.errorString()));
        return;
    }
    m_lastInput = text;
    testRun(doc.object());
}

bool BuilderView::testRun(const QJsonObject &input)
{
    validateNow();
    if (!m_issues.isEmpty()) {
        showStatus(tr("Fix the %1 problem(s) first; a test run needs a workflow that validates.")
                       .arg(m_issues.size()));
        return false;
    }
    m_runPanel->start(m_graph.nodeIds());
    showStatus(tr("Starting a test run…"));
    Q_EMIT testRunRequested(m_graph.toJson(), input);
    return true;
}

QString BuilderView::runState(const QString &nodeId) const
{
    return m_runPanel->state(nodeId);
}

void BuilderView::testRunStarted(const QString &workflowId, const QString &executionId)
{
    if (workflowId != m_graph.metadata().value(QLatin1String("id")).toString())
        return;
    m_runPanel->setExecutionId(executionId);
    showStatus(tr("Test run %1 is running…").arg(ExecutionLink::link(executionId)));
}

void BuilderView::executionEvent(const QString &executionId, const QJsonObject &event)
{
    if (executionId == m_runPanel->executionId())
        m_runPanel->applyEvent(event);
}

void BuilderView::executionStatus(const QString &executionId, const QString &status)
{
    if (executionId != m_runPanel->executionId())
        return;
    if (status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("waiting") || status == QLatin1String("cancelled"))
        Q_EMIT executionRequested(executionId);
    if (status == QLatin1String("completed"))
        showStatus(tr("Test run %1 completed.").arg(ExecutionLink::link(executionId)));
    else if (status == QLatin1String("waiting"))
        showStatus(tr("The test run waits (a delay, an event or a review task)."));
}

void BuilderView::executionLoaded(const QString &executionId, const QJsonObject &execution)
{
    if (executionId != m_runPanel->executionId())
        return;
    // Each step as the run left it, the path it took, and a failed run points at its step.
    const TestRunStates::Reading reading = m_runPanel->applyExecution(execution, m_graph.nodeIds());
    updateSuggestions();
    if (const QString failed = reading.failedStep; !failed.isEmpty()) {
        const QString error = execution.value(QLatin1String("error")).toString();
        showStatus(tr("Test run %1 failed at \"%2\": %3")
                       .arg(ExecutionLink::link(executionId), failed.toHtmlEscaped(),
                            error.toHtmlEscaped()));
        if (m_graph.hasNode(failed)) {
            m_scene->selectNodes({failed});
            m_view->centerOn(m_scene->nodeItem(failed));
        }
    }
    const QStringList ids = m_scene->selectedNodeIds();
    m_runPanel->showStep(ids.size() == 1 ? ids.first() : QString());
}

QString BuilderView::sampleInput() const
{
    return m_lastInput.isEmpty() ? QStringLiteral("{\n  \"patient_id\": \"pt-test\"\n}")
                                 : m_lastInput;
}

void BuilderView::updateSuggestions()
{
    m_inspector->setSuggestions(
        TestRunStates::paths(QJsonDocument::fromJson(sampleInput().toUtf8()).object(),
                             m_runPanel->detail(), m_graph.nodeIds()));
}

QString BuilderView::runDetails() const
{
    return m_runPanel->text();
}

int BuilderView::deployed(const QString &environment) const
{
    return m_deployments->deployed(environment);
}

QString BuilderView::deploymentText() const
{
    return m_deployments->text();
}

bool BuilderView::promote(const QString &environment)
{
    return m_deployments->promote(environment);
}

void BuilderView::workflowPromoted(const QString &id, int version, const QString &environment)
{
    showStatus(tr("Version %1 of \"%2\" now runs in %3.").arg(version).arg(id, environment));
    Q_EMIT workflowRequested(id);
}

void BuilderView::versionLoaded(const QString &id, int version, const QJsonObject &document)
{
    if (m_history && id == m_graph.metadata().value(QLatin1String("id")).toString())
        m_history->setVersion(version, document);
}

void BuilderView::showHistory()
{
    if (!m_history) {
        m_history = new VersionHistory(this);
        connect(m_history, &VersionHistory::versionRequested, this, [this](int version) {
            Q_EMIT versionRequested(m_graph.metadata().value(QLatin1String("id")).toString(),
                                    version);
        });
        connect(m_history, &VersionHistory::restoreRequested, this,
                [this](const QJsonObject &document, int version) {
                    QJsonObject draft = document;
                    draft.remove(QStringLiteral("version"));
                    edit(tr("Open version %1 as the draft").arg(version), {},
                         [&] { (void)m_graph.load(draft); });
                    showStatus(tr("Version %1 is on the canvas as the draft; Undo brings back what "
                                  "was there.")
                                   .arg(version));
                });
    }
    m_history->setWorkflow(m_graph.metadata().value(QLatin1String("id")).toString(),
                           m_deployments->versions(), m_graph.toJson());
    m_history->show();
    m_history->raise();
}

void BuilderView::workflowFailed(const QString &id, const QString &message)
{
    showStatus(tr("\"%1\": %2").arg(id, message));
}

void BuilderView::insertSelectedPaletteEntry()
{
    const QJsonObject node = m_palette->currentIndex().data(PaletteModel::NodeRole).toJsonObject();
    if (node.isEmpty())
        return;
    // Next to the selected step, or in the middle of the canvas; never on top of another.
    const QStringList selected = m_scene->selectedNodeIds();
    const QPointF wanted = selected.size() == 1
        ? m_graph.position(selected.first()) + QPointF(NodeItem::Width + 70, 0)
        : m_view->mapToScene(m_view->viewport()->rect().center())
            - QPointF(NodeItem::Width / 2, 40);
    const QString id = addStep(node, m_view->freeSpotNear(wanted));
    // Scrolled to once the scene has grown to hold it.
    QTimer::singleShot(0, this, [this, id] {
        if (NodeItem *item = m_scene->nodeItem(id))
            m_view->ensureVisible(item, 40, 40);
    });
}

} // namespace Switchboard
