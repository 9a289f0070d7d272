#include "app/mainwindow.h"
#include "common/manualclock.h"
#include "executions/executionsview.h"
#include "executions/executiontablemodel.h"
#include "fakeorchestrator.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Switchboard;

namespace {

QJsonObject row(const char *id, const char *workflow, const char *status, const char *error = "")
{
    return {{QStringLiteral("id"), QLatin1String(id)},
            {QStringLiteral("workflow_id"), QLatin1String(workflow)},
            {QStringLiteral("version"), 2},
            {QStringLiteral("status"), QLatin1String(status)},
            {QStringLiteral("trace_id"), QStringLiteral("trace-") + QLatin1String(id)},
            {QStringLiteral("created_at"), QStringLiteral("2026-03-02T08:00:00.000Z")},
            {QStringLiteral("updated_at"), QStringLiteral("2026-03-02T08:00:04.200Z")},
            {QStringLiteral("error"), QLatin1String(error)}};
}

QJsonObject detail(const char *id, const char *status)
{
    QJsonObject e = row(id, "new-patient-onboarding", status);
    e.insert(QStringLiteral("finished_at"), QStringLiteral("2026-03-02T08:00:04.200Z"));
    e.insert(QStringLiteral("steps"),
             QJsonArray {
                 QJsonObject {
                     {QStringLiteral("node"), QStringLiteral("book")},
                     {QStringLiteral("status"), QStringLiteral("failed")},
                     {QStringLiteral("attempts"), 5},
                     {QStringLiteral("error"), QStringLiteral("HTTP 503")},
                     {QStringLiteral("started_at"), QStringLiteral("2026-03-02T08:00:01.000Z")},
                     {QStringLiteral("finished_at"), QStringLiteral("2026-03-02T08:00:04.000Z")}},
                 QJsonObject {
                     {QStringLiteral("node"), QStringLiteral("start")},
                     {QStringLiteral("status"), QStringLiteral("completed")},
                     {QStringLiteral("started_at"), QStringLiteral("2026-03-02T08:00:00.000Z")},
                     {QStringLiteral("finished_at"), QStringLiteral("2026-03-02T08:00:00.000Z")}}});
    e.insert(
        QStringLiteral("history"),
        QJsonArray {
            QJsonObject {{QStringLiteral("type"), QStringLiteral("execution_started")},
                         {QStringLiteral("ts"), QStringLiteral("2026-03-02T08:00:00.000Z")}},
            QJsonObject {{QStringLiteral("type"), QStringLiteral("step_failed")},
                         {QStringLiteral("node"), QStringLiteral("book")},
                         {QStringLiteral("ts"), QStringLiteral("2026-03-02T08:00:04.000Z")},
                         {QStringLiteral("data"),
                          QJsonObject {{QStringLiteral("error"), QStringLiteral("HTTP 503")}}}}});
    return e;
}

QStringList column(QTreeWidget *tree, int c)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(c);
    return out;
}

} // namespace

class TstExecutionsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsFiltersAndShowsAnExecution()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        FakeOrchestrator core;
        core.executions = {row("ex_1", "new-patient-onboarding", "failed", "book: HTTP 503"),
                           row("ex_2", "morning-report", "completed")};
        core.execution = detail("ex_1", "failed");
        MainWindow window(core, clock);
        window.show();
        window.showView(QStringLiteral("executions"));
        ExecutionsView *view = window.executionsView();
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QVERIFY(core.executionRequests.contains(QStringLiteral(":500")));

        // The newest is shown without a click, with its steps in the order they ran.
        auto *steps = view->findChild<QTreeWidget *>(QStringLiteral("steps"));
        QTRY_COMPARE(column(steps, 0), (QStringList {"start", "book"}));
        QCOMPARE(steps->topLevelItem(1)->text(2), QStringLiteral("5"));
        QCOMPARE(steps->topLevelItem(1)->text(4), QStringLiteral("3.0 s"));
        // Why a step failed is said with the step.
        steps->setCurrentItem(steps->topLevelItem(1));
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("stepSummary"))
                    ->text()
                    .contains(QStringLiteral("Why it failed: HTTP 503")));
        auto *history = view->findChild<QTreeView *>(QStringLiteral("history"));
        QStringList happened;
        for (int r = 0; r < history->model()->rowCount(); ++r)
            happened << history->model()->index(r, 1).data().toString();
        QCOMPARE(happened, (QStringList {"Started", "Step failed"}));
        const QString header = view->findChild<QLabel *>(QStringLiteral("executionHeader"))->text();
        QVERIFY2(header.contains(QStringLiteral("Failed"))
                     && header.contains(QStringLiteral("trace-ex_1")),
                 qPrintable(header));

        // Status is asked of the core; search is local, over id, workflow and trace id.
        auto *status = view->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("failed")));
        QTRY_VERIFY(core.executionRequests.contains(QStringLiteral("failed:500")));
        auto *table = view->findChild<QTableView *>(QStringLiteral("executions"));
        view->findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("morning"));
        QCOMPARE(table->model()->rowCount(), 1);
        view->findChild<QLineEdit *>(QStringLiteral("search"))
            ->setText(QStringLiteral("trace-ex_1"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(ExecutionTableModel::ExecutionIdRole).toString(),
                 QStringLiteral("ex_1"));
    }

    // A workflow and a period are filters asked of the core, over the whole store.
    void filtersByWorkflowAndPeriod()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        FakeOrchestrator core;
        core.workflows = {QJsonObject {{"id", "clinic-intake"}, {"name", "Clinic intake"}},
                          QJsonObject {{"id", "test-run-clinic-intake"}, {"name", "Test"}}};
        MainWindow window(core, clock);
        window.show();
        window.showView(QStringLiteral("executions"));
        ExecutionsView *view = window.executionsView();
        Q_EMIT core.ready();
        auto *workflow = view->findChild<QComboBox *>(QStringLiteral("workflowFilter"));
        QTRY_COMPARE(workflow->count(), 2); // every workflow, and the one that is not a test
        workflow->setCurrentIndex(workflow->findData(QStringLiteral("clinic-intake")));
        QTRY_COMPARE(core.lastExecutionFilter.workflowId, QStringLiteral("clinic-intake"));
        auto *period = view->findChild<QComboBox *>(QStringLiteral("periodFilter"));
        period->setCurrentIndex(period->findData(24));
        QTRY_COMPARE(core.lastExecutionFilter.fromMs, clock.nowMs() - 24 * 3600 * 1000LL);
        QCOMPARE(core.lastExecutionFilter.workflowId, QStringLiteral("clinic-intake"));
        // The list of workflows changes; the choice stays.
        Q_EMIT core.workflowsChanged(core.workflows);
        QCOMPARE(workflow->currentData().toString(), QStringLiteral("clinic-intake"));
        // Runs read by their workflow's name, with the id on hover.
        view->setExecutions({row("ex_1", "clinic-intake", "completed")});
        const QModelIndex cell = view->model()->index(0, ExecutionTableModel::WorkflowColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("Clinic intake (v2)"));
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("clinic-intake"));
    }

    // What started an execution is a column and a filter asked of the core; an execution id
    // typed in the search is looked up in the whole store; the list grows a page at a time.
    void filtersByOriginSearchesTheStoreAndGrowsAPageAtATime()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        FakeOrchestrator core;
        QJsonObject hook = row("ex_1", "clinic-intake", "completed");
        hook.insert(QStringLiteral("origin"), QStringLiteral("webhook"));
        core.executions = {hook};
        core.moreExecutions = true;
        MainWindow window(core, clock);
        window.show();
        window.showView(QStringLiteral("executions"));
        ExecutionsView *view = window.executionsView();
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, ExecutionTableModel::OriginColumn).data().toString(),
                 QStringLiteral("Webhook"));

        auto *more = view->findChild<QPushButton *>(QStringLiteral("showMore"));
        QTRY_VERIFY(more->isVisible());
        more->click();
        QTRY_COMPARE(core.lastExecutionFilter.limit, 2 * ExecutionsView::ListLimit);

        auto *origin = view->findChild<QComboBox *>(QStringLiteral("originFilter"));
        origin->setCurrentIndex(origin->findData(QStringLiteral("schedule")));
        QTRY_COMPARE(core.lastExecutionFilter.origin, QStringLiteral("schedule"));
        QCOMPARE(core.lastExecutionFilter.limit, ExecutionsView::ListLimit); // from the top

        auto *search = view->findChild<QLineEdit *>(QStringLiteral("search"));
        search->setText(QStringLiteral("ex_0193a2b4c5d6e7f8091a2b3c"));
        QTRY_COMPARE(core.lastExecutionFilter.search,
                     QStringLiteral("ex_0193a2b4c5d6e7f8091a2b3c"));
        search->setText(QStringLiteral("clinic")); // words filter the rows listed
        QTRY_COMPARE(core.lastExecutionFilter.search, QString());

        core.moreExecutions = false;
        origin->setCurrentIndex(0);
        QTRY_VERIFY(!more->isVisible());
    }

    void aRefreshKeepsTheSelection()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        FakeOrchestrator core;
        MainWindow window(core, clock);
        ExecutionsView *view = window.executionsView();
        view->setExecutions({row("ex_1", "a", "running"), row("ex_2", "b", "running")});
        view->selectExecution(QStringLiteral("ex_2"));
        QCOMPARE(view->selectedExecution(), QStringLiteral("ex_2"));
        // A new execution arrives on top; the selected one stays selected.
        view->setExecutions({row("ex_3", "c", "running"), row("ex_1", "a", "running"),
                             row("ex_2", "b", "completed")});
        QCOMPARE(view->selectedExecution(), QStringLiteral("ex_2"));
        auto *table = view->findChild<QTableView *>(QStringLiteral("executions"));
        QCOMPARE(table->currentIndex().data(ExecutionTableModel::ExecutionIdRole).toString(),
                 QStringLiteral("ex_2"));
    }

    void retryAndCancelAskFirst()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        FakeOrchestrator core;
        core.executions = {row("ex_1", "new-patient-onboarding", "failed", "book: HTTP 503")};
        core.execution = detail("ex_1", "failed");
        MainWindow window(core, clock);
        window.show();
        window.showView(QStringLiteral("executions"));
        ExecutionsView *view = window.executionsView();
        auto *retry = view->findChild<QPushButton *>(QStringLiteral("retryExecution"));
        auto *cancel = view->findChild<QPushButton *>(QStringLiteral("cancelExecution"));
        QTRY_VERIFY(retry->isEnabled());
        QVERIFY(!cancel->isEnabled()); // a failed execution cannot be cancelled

        retry->click();
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = view->findChild<QMessageBox *>(QStringLiteral("confirmRetry"))));
        ask->button(QMessageBox::Cancel)->click();
        QVERIFY(core.executionActions.isEmpty());
        retry->click();
        QTRY_VERIFY((ask = view->findChild<QMessageBox *>(QStringLiteral("confirmRetry"))));
        for (QAbstractButton *b : ask->buttons()) {
            if (ask->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
        QTRY_COMPARE(core.executionActions, QStringList {QStringLiteral("retry:ex_1")});

        Q_EMIT core.executionActionDone(QStringLiteral("ex_1"), QStringLiteral("retry"),
                                        QStringLiteral("ex_9"));
        QCOMPARE(view->selectedExecution(), QStringLiteral("ex_9"));
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("actionMessage"))
                    ->text()
                    .contains(QStringLiteral("ex_9")));
        Q_EMIT core.executionActionFailed(QStringLiteral("ex_9"), QStringLiteral("cancel"),
                                          QStringLiteral("the execution has already completed"));
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("actionMessage"))
                    ->text()
                    .contains(QStringLiteral("already completed")));
    }

    void anEmptyListSaysWhy()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.show();
        window.showView(QStringLiteral("executions"));
        auto *empty = window.executionsView()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("No executions yet")));
    }
};

QTEST_MAIN(TstExecutionsView)
#include "tst_executionsview.moc"
