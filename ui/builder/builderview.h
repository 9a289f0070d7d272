#pragma once

#include "workflow/expressionengine.h"
#include "workflow/workflowgraph.h"
#include "workflow/workflowvalidator.h"

#include <QJsonArray>
#include <QUndoStack>
#include <QWidget>

class QComboBox;
class QToolBar;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTimer;
class QTreeView;

namespace Switchboard {

class CanvasView;
class Deployments;
class Inspector;
class Minimap;
class PaletteModel;
class TestRunPanel;
class VersionHistory;
class WorkflowScene;

// The Workflows section: design, check, save and publish the clinic's workflows by drag and
// drop. Palette left (searchable; drag onto the canvas, or double-click/Enter to insert),
// canvas centre (drag from an output dot to a step to connect; Delete removes; Ctrl+C/V copies
// between workflows), inspector right, problems at the bottom (click one to go to the step).
// The workflow is a WorkflowGraph; every edit is a GraphCommand on the undo stack, and the
// validator runs as you edit. Talks to the core through signals, like the other sections.
class BuilderView final : public QWidget
{
    Q_OBJECT
    friend class BuilderActions; // the tool bar and shortcuts reach the widgets they act on

public:
    explicit BuilderView(QWidget *parent = nullptr);
    ~BuilderView() override;

    WorkflowGraph &graph() { return m_graph; }
    WorkflowScene *scene() const { return m_scene; }
    QGraphicsView *canvas() const;
    Inspector *inspector() const { return m_inspector; }
    QUndoStack &undoStack() { return m_undo; }
    QTreeView *palette() const { return m_palette; }
    VersionHistory *history() const { return m_history; }
    QList<WorkflowIssue> problems() const { return m_issues; }
    QString statusText() const;
    // "dev: version 3 · staging: version 2 · production: —"
    QString deploymentText() const;
    // The version running in an environment (0: none), from the last workflowLoaded.
    int deployed(const QString &environment) const;
    // Asks the core to make what runs in the environment before this one run here.
    bool promote(const QString &environment);
    // What the last n8n import mapped and did not, a line each.
    QStringList importReport() const { return m_importReport; }

    // Opens a document to edit (a draft from the core, a template, an import); clears undo.
    void openDocument(const QJsonObject &document);
    // An empty canvas with a manual trigger in the settings.
    void newWorkflow();
    // A new workflow from one of the built-in templates (resources/templates/<id>.json).
    bool openTemplate(const QString &templateId);
    // Reads a workflow file, or an n8n export (converted, with a report of what did not map):
    // checked against the format; a bad file changes nothing and the error names the node and
    // the field.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

    // Adds a step from the palette's JSON at a scene position; returns its id.
    QString addStep(const QJsonObject &node, const QPointF &scenePos);
    bool connectSteps(const WorkflowEdge &edge);
    // Moves a connection's end to another step (drag its arrow), as one undoable edit.
    bool rerouteStep(const WorkflowEdge &from, const WorkflowEdge &to);
    void deleteSelection();
    void copySelection();
    void paste();
    void autoLayout();
    // Fits the whole workflow in the canvas (not larger than full size).
    void fitWorkflow();
    // How a workflow opens: whole when it reads at that size, else from its start.
    void showStart();
    Minimap *minimap() const;
    // Runs the workflow on the canvas with sample input against the clinic's modules (or the
    // demo clinic): the steps show their state as the run goes, and a failed run points at
    // the step that failed. Refused while the workflow has problems.
    bool testRun(const QJsonObject &input);
    QString runState(const QString &nodeId) const;
    QString runDetails() const;
    void validateNow();
    void save();
    void publish(const QString &note);

public Q_SLOTS:
    void setWorkflows(const QJsonArray &workflows);
    void workflowLoaded(const QString &id, const QJsonObject &draft, const QJsonArray &versions);
    void workflowSaved(const QString &id, const QJsonArray &issues);
    void workflowPublished(const QString &id, int version);
    void workflowFailed(const QString &id, const QString &message);
    void versionLoaded(const QString &id, int version, const QJsonObject &document);
    void workflowPromoted(const QString &id, int version, const QString &environment);
    void testRunStarted(const QString &workflowId, const QString &executionId);
    void executionEvent(const QString &executionId, const QJsonObject &event);
    void executionStatus(const QString &executionId, const QString &status);
    void executionLoaded(const QString &executionId, const QJsonObject &execution);
    // The workflow's published versions, with what changed between any two.
    void showHistory();

Q_SIGNALS:
    void workflowRequested(const QString &id);
    void saveRequested(const QJsonObject &document);
    void publishRequested(const QString &id, const QString &note);
    void versionRequested(const QString &id, int version);
    void promoteRequested(const QString &id, int version, const QString &environment);
    void testRunRequested(const QJsonObject &document, const QJsonObject &input);
    void executionRequested(const QString &executionId);
    // A test run's id was followed: open it in the Executions section.
    void executionOpened(const QString &executionId);

private:
    // Makes an edit through the model and records it as one undoable step.
    void edit(const QString &text, const QString &mergeKey, const std::function<void()> &change);
    void showStatus(const QString &text);
    void insertSelectedPaletteEntry();
    void askTestRun();
    // What payload values are offered as you type: the sample input and the last run's outputs.
    void updateSuggestions();
    // The sample input a test run starts with: the last one given, or a patient id.
    QString sampleInput() const;

    WorkflowGraph m_graph;
    ExpressionEngine m_expressions;
    WorkflowValidator m_validator {m_expressions};
    QUndoStack m_undo;
    WorkflowScene *m_scene;
    CanvasView *m_view;
    PaletteModel *m_paletteModel;
    QSortFilterProxyModel *m_paletteFilter;
    QTreeView *m_palette;
    QLineEdit *m_search;
    Inspector *m_inspector;
    QStandardItemModel *m_problemModel;
    QListView *m_problemList;
    QComboBox *m_workflows;
    QLabel *m_status;
    QTimer *m_validate;
    QList<WorkflowIssue> m_issues;
    QStringList m_importReport;
    Deployments *m_deployments;
    TestRunPanel *m_runPanel;
    QString m_lastInput; // the sample input of the last test run
    VersionHistory *m_history = nullptr;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace Switchboard
