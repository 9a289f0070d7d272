#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace Switchboard {

class HistoryModel;
class JsonTree;
class PathView;
class TimelineChart;

// One execution, as the Executions section shows it: what it is and where it stands in plain
// words (workflow, status, times, why it failed, its business keys as links to their journeys,
// its trace as a link when TRACE_URL_TEMPLATE is set), the actions on it (cancel, retry, re-run
// from a step, show patient data), and four tabs: its steps with each one's input, output,
// attempts, error and idempotency key; its timeline; the workflow with the path it took; and
// its history.
class ExecutionDetails final : public QWidget
{
    Q_OBJECT

public:
    explicit ExecutionDetails(QWidget *parent = nullptr);

    // Orchestrator::executionReady's; nowMs ends the timeline's bars that are still going.
    void showExecution(const QString &executionId, const QJsonObject &execution, qint64 nowMs);
    // Workflow ids to the names people gave them, for the heading.
    void setWorkflowNames(const QHash<QString, QString> &names) { m_workflowNames = names; }
    void clear();
    // The workflow version the execution ran, for the path.
    void showWorkflow(const QString &workflowId, int version, const QJsonObject &document);
    void setTraceUrlTemplate(const QString &urlTemplate) { m_traceTemplate = urlTemplate; }
    void setMayReadPhi(bool may) { m_mayReadPhi = may; }
    void setMessage(const QString &text);

    QString executionId() const { return m_id; }
    QJsonObject execution() const { return m_execution; }
    // The step selected in the Steps tab, if any.
    QString selectedStep() const;

Q_SIGNALS:
    void cancelRequested(const QString &executionId);
    void retryRequested(const QString &executionId);
    void rerunRequested(const QString &executionId, const QString &fromStep);
    void revealRequested(const QString &executionId);
    void journeyRequested(const QString &key, const QString &value);
    void workflowNeeded(const QString &workflowId, int version);

private:
    void showSteps();
    void showStep();
    void showHistory();
    void confirm(const QString &action);
    void onLink(const QString &href);

    QLabel *m_header;
    QLabel *m_message;
    QLabel *m_masked;
    QPushButton *m_reveal;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_rerun;
    QTabWidget *m_tabs;
    QTreeWidget *m_steps;
    QLabel *m_stepSummary;
    JsonTree *m_stepData;
    TimelineChart *m_timeline;
    PathView *m_path;
    QLabel *m_pathMissing;
    QLabel *m_historyNote;
    QTreeView *m_history;
    HistoryModel *m_historyModel;
    QString m_id;
    QJsonObject m_execution;
    QHash<QString, QString> m_workflowNames;
    QString m_drawn; // "workflow@version" in the path view
    QHash<QString, QJsonObject> m_nodes; // the drawn workflow's steps, by id
    QString m_traceTemplate;
    bool m_mayReadPhi = true;
};

} // namespace Switchboard
