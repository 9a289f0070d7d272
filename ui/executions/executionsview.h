#pragma once

#include "common/clock.h"
#include "engine/executionqueries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;

namespace Switchboard {

class DeadLetterView;
class ExecutionDetails;
class ExecutionTableModel;
class JourneyView;
class RerunDialog;

// The Executions section, in three tabs. Runs: every execution, newest first, live, filtered by
// status and by what started it, and searched by execution id, trace id or business key (looked
// up in the whole store, not only in the rows listed); the list grows a page at a time; the
// selected one's page (ExecutionDetails) with cancel, retry and re-run from a step. Dead letters:
// the calls that failed for good (DeadLetterView). Journey: every run of one patient,
// appointment or invoice (JourneyView).
class ExecutionsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ExecutionsView(const Clock &clock, QWidget *parent = nullptr);

    void setMayReadPhi(bool may);
    // Orchestrator::workflowsChanged's list: the workflows the list can be filtered by.
    void setWorkflows(const QJsonArray &workflows);
    void setTraceUrlTemplate(const QString &urlTemplate);

    // Orchestrator::executionsChanged's list; more: the filters take more than are listed.
    void setExecutions(const QJsonArray &executions, bool more = false);
    // Orchestrator::executionReady.
    void showExecution(const QString &executionId, const QJsonObject &execution);
    // Orchestrator::versionReady: the workflow an execution ran, for its path.
    void showWorkflow(const QString &workflowId, int version, const QJsonObject &document);
    void showActionDone(const QString &executionId, const QString &action,
                        const QString &newExecutionId);
    void showActionFailed(const QString &executionId, const QString &action,
                          const QString &message);
    void showRerunPreview(const QString &executionId, const QJsonObject &preview);
    // Selects the execution when it is listed.
    void selectExecution(const QString &executionId);
    // A link elsewhere in the console: the execution is looked up in the store (it need not
    // be among the newest), selected and shown.
    void openExecution(const QString &executionId);
    // The dead letters, e.g. from the dashboard's count.
    void openDeadLetters();
    void openJourney(const QString &key, const QString &value);
    QString selectedExecution() const;
    ExecutionTableModel *model() const { return m_model; }
    ExecutionDetails *page() const { return m_page; }
    DeadLetterView *deadLetters() const { return m_deadLetters; }
    JourneyView *journey() const { return m_journey; }
    QTabWidget *tabs() const { return m_sections; }

    static constexpr int ListLimit = 500; // a page
    static constexpr int MaxListed = 10000;

Q_SIGNALS:
    void executionsRequested(const ExecutionFilter &filter);
    void executionRequested(const QString &executionId);
    void revealRequested(const QString &executionId);
    void workflowRequested(const QString &workflowId, int version);
    void cancelRequested(const QString &executionId);
    void retryRequested(const QString &executionId);
    void rerunPreviewRequested(const QString &executionId, const QString &fromStep,
                               const std::optional<QJsonObject> &input);
    void rerunRequested(const QString &executionId, const QString &fromStep,
                        const std::optional<QJsonObject> &input);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void requestList();
    // Asks for the selected execution, revealed when its patient data was shown before.
    void requestShown(const QString &executionId);
    // Text looked up in the whole store: an execution id, a trace id, or "key=value".
    static bool isStoreSearch(const QString &text);
    void onSelection();
    void openRerun(const QString &executionId, const QString &fromStep);
    // Shows the list, or says why it is empty; true when it is.
    bool updateEmptyState();

    const Clock &m_clock;
    ExecutionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTabWidget *m_sections;
    QComboBox *m_status;
    QComboBox *m_origin;
    QComboBox *m_workflow;
    QComboBox *m_period;
    QPushButton *m_more;
    int m_limit = ListLimit;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_empty;
    ExecutionDetails *m_page;
    DeadLetterView *m_deadLetters;
    JourneyView *m_journey;
    QPointer<RerunDialog> m_rerun;
    QString m_selected; // kept across refreshes of the list
    QString m_storeSearch; // what the list was asked to look up in the store
    QString m_opened; // the execution last opened from a link
    QSet<QString> m_revealed; // executions whose patient data was shown
    QHash<QString, QJsonObject> m_workflows; // "id@version" → document, for the path
};

} // namespace Switchboard
