#pragma once

#include "common/clock.h"
#include "engine/executionqueries.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace Switchboard {

class ExecutionTableModel;

// The Executions section: every run, newest first, live, filtered by status and by what
// started it, and searched by execution id, workflow or trace id (an id or trace id is looked
// up in the whole store, not only in the rows listed); the list grows a page at a time; the
// selected one's steps (status, attempts, timing, error) and history in plain words, with cancel
// and retry after a confirmation.
class ExecutionsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ExecutionsView(const Clock &clock, QWidget *parent = nullptr);

    // Orchestrator::executionsChanged's list; more: the filters take more than are listed.
    void setExecutions(const QJsonArray &executions, bool more = false);
    // Orchestrator::executionReady.
    void showExecution(const QString &executionId, const QJsonObject &execution);
    void showActionDone(const QString &executionId, const QString &action,
                        const QString &newExecutionId);
    void showActionFailed(const QString &executionId, const QString &action,
                          const QString &message);
    // Selects the execution when it is listed.
    void selectExecution(const QString &executionId);
    // A link elsewhere in the console: the execution is looked up in the store (it need not
    // be among the newest), selected and shown.
    void openExecution(const QString &executionId);
    QString selectedExecution() const;
    ExecutionTableModel *model() const { return m_model; }

    // A history event's type in plain words ("step_failed" → "Step failed").
    static QString eventText(const QString &type);

    static constexpr int ListLimit = 500; // a page
    static constexpr int MaxListed = 10000;

Q_SIGNALS:
    void executionsRequested(const ExecutionFilter &filter);
    void executionRequested(const QString &executionId);
    void cancelRequested(const QString &executionId);
    void retryRequested(const QString &executionId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void requestList();
    // Text that names one execution (its id or trace id), to look up in the whole store.
    static bool isStoreSearch(const QString &text);
    void onSelection();
    void confirm(const QString &action);
    void clearDetails();
    // Shows the list, or says why it is empty; true when it is.
    bool updateEmptyState();

    ExecutionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_status;
    QComboBox *m_origin;
    QPushButton *m_more;
    int m_limit = ListLimit;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_empty;
    QLabel *m_header;
    QLabel *m_message;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QTabWidget *m_tabs;
    QTreeWidget *m_steps;
    QTreeWidget *m_history;
    QString m_selected; // kept across refreshes of the list
    QString m_storeSearch; // the id or trace id the list was asked for
    QString m_opened; // the execution last opened from a link
    QJsonObject m_shown; // the execution in the details
};

} // namespace Switchboard
