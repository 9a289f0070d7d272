#pragma once

#include "common/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QHBoxLayout;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Switchboard {

class FlowLayout;

class QueueListModel;
class TaskForm;
class TaskTableModel;

// The Review section, where support staff work the manual-review queues: the queues with their
// counts, the tasks of the chosen queue (sortable, filterable, SLA countdown by text and
// colour), and the selected task's form with one button per outcome. Built for the keyboard:
// Ctrl+J/K (or Alt+Down/Up) next and previous task, Ctrl+L claim or release, F2 the first
// field, Ctrl+Return the first outcome and Alt+1…9 any outcome, Ctrl+F the filter. A decision
// opens the next task at once; if the core refuses it, the task comes back with the reason.
class ReviewView final : public QWidget
{
    Q_OBJECT

public:
    ReviewView(const Clock &clock, QWidget *parent = nullptr);

    void setTasks(const QJsonArray &tasks);
    // The core's answer to an action on a task.
    void actionFailed(const QString &taskId, const QString &action, const QString &message);
    void actionDone(const QString &taskId, const QString &action);
    void setUserName(const QString &name) { m_user = name; }

    QString currentTaskId() const;
    bool selectTask(const QString &taskId);
    void selectQueue(const QString &queue); // empty: all queues
    // Moves to the next (or previous) task in the list.
    void step(int delta);
    // Decides the current task with the outcome at index (0: the first button).
    void decide(int outcome);
    void toggleClaim();
    int visibleTaskCount() const;

    TaskForm *form() const { return m_form; }
    TaskTableModel *tasks() const { return m_tasks; }
    QString statusText() const;

Q_SIGNALS:
    void claimRequested(const QString &taskId);
    void releaseRequested(const QString &taskId);
    void decisionRequested(const QString &taskId, const QString &decision,
                           const QJsonObject &fields, const QString &comment);
    void bulkDecisionRequested(const QStringList &taskIds, const QString &decision);
    // The task's execution link was followed.
    void executionOpened(const QString &executionId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showTask();
    void updateBulk();
    void bulkApprove();

    const Clock &m_clock;
    TaskTableModel *m_tasks;
    QueueListModel *m_queues;
    QSortFilterProxyModel *m_byQueue;
    QSortFilterProxyModel *m_byText;
    QListView *m_queueList;
    QLineEdit *m_filter;
    QTableView *m_table;
    QPushButton *m_bulk;
    QStackedWidget *m_detail;
    QLabel *m_title;
    QLabel *m_meta;
    TaskForm *m_form;
    QPlainTextEdit *m_comment;
    FlowLayout *m_outcomeRow;
    QList<QPushButton *> m_outcomes;
    QPushButton *m_claim;
    QLabel *m_status;
    QString m_user;
    bool m_refreshing = false; // within setTasks: no selection of its own
    QString m_statusTask; // the task the status line speaks of
    QString m_shownTask; // whose form is on screen, so a refresh does not wipe what was typed
    QHash<QString, QJsonObject> m_pending; // decided here, waiting for the core's answer
    // A bulk approval under way: the tasks still waiting for the core, how many went through,
    // and why the others did not.
    QSet<QString> m_bulkWaiting;
    int m_bulkApproved = 0;
    QStringList m_bulkRefused;
    void bulkProgress();
    QStringList readyForBulk() const;
};

} // namespace Switchboard
