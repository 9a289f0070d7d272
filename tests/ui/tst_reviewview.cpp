#include "app/mainwindow.h"
#include "common/manualclock.h"
#include "executions/executionsview.h"
#include "fakeorchestrator.h"
#include "review/reviewview.h"
#include "review/taskform.h"
#include "review/tasktablemodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Switchboard;

namespace {

QJsonObject task(const QString &id, const QString &queue, const QDateTime &created, int slaHours,
                 const QJsonArray &fields, const QJsonArray &outcomes = {"approve", "reject"})
{
    return {{"id", id},
            {"execution_id", "ex_" + id},
            {"queue", queue},
            {"role", "support"},
            {"title", "Check " + id},
            {"status", "pending"},
            {"created_at", created.toString(Qt::ISODate)},
            {"due_at", created.addSecs(3600 * slaHours).toString(Qt::ISODate)},
            {"claimed_by", QJsonValue::Null},
            {"form", QJsonObject {{"fields", fields}, {"outcomes", outcomes}}}};
}

QJsonArray ocrFields(const QString &name)
{
    return {QJsonObject {{"name", "patient_name"},
                         {"label", "Patient name"},
                         {"type", "text"},
                         {"required", true},
                         {"phi", true},
                         {"value", name}},
            QJsonObject {{"name", "date_of_birth"},
                         {"label", "Date of birth"},
                         {"type", "date"},
                         {"value", "1984-03-12"}},
            QJsonObject {{"name", "copies"}, {"label", "Copies"}, {"type", "number"}}};
}

} // namespace

// The Review section in a real window against a fake core: the keyboard flow, validation,
// SLA colours, claims, bulk approval and the badge.
class TstReviewView : public QObject
{
    Q_OBJECT

    ManualClock m_clock {QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC)};

    QJsonArray morning()
    {
        const QDateTime now = m_clock.now();
        return {
            task("tk_1", "ocr-review", now.addSecs(-3 * 3600 - 1800), 4, ocrFields("Maria Lopz")),
            task("tk_2", "ocr-review", now.addSecs(-600), 4, ocrFields("")),
            task("tk_3", "manual-booking", now.addSecs(-7200), 1,
                 {QJsonObject {{"name", "notes"}, {"type", "multiline"}}},
                 {"booked", "contacted"})};
    }

    // Shows the window, active, with the core ready and the Review section open.
    static bool openReview(MainWindow &window, FakeOrchestrator &core)
    {
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        Q_EMIT core.ready();
        return window.showView(QStringLiteral("review"));
    }

private Q_SLOTS:
    // A task's execution is a link: followed, the Executions section looks it up in the
    // store (it need not be among the newest) and shows it.
    void aTasksExecutionOpensInTheExecutionsSection()
    {
        FakeOrchestrator core;
        core.tasks = morning();
        MainWindow window(core, m_clock);
        QVERIFY(openReview(window, core));
        ReviewView *view = window.reviewView();
        QTRY_VERIFY(view->selectTask(QStringLiteral("tk_2")));
        auto *meta = view->findChild<QLabel *>(QStringLiteral("taskMeta"));
        QTRY_VERIFY2(meta->text().contains(QStringLiteral("href=\"execution:ex_tk_2\"")),
                     qPrintable(meta->text()));
        // Followed from the keyboard, as a label's links are: Tab to it, Enter.
        meta->setFocus();
        QTest::keyClick(meta, Qt::Key_Tab);
        QTest::keyClick(meta, Qt::Key_Return);
        QCOMPARE(window.currentView(), QStringLiteral("executions"));
        QTRY_COMPARE(core.lastExecutionFilter.search, QStringLiteral("ex_tk_2"));
        QCOMPARE(window.executionsView()->selectedExecution(), QStringLiteral("ex_tk_2"));
    }

    void worksAQueueFromTheKeyboard()
    {
        FakeOrchestrator core;
        core.tasks = morning();
        MainWindow window(core, m_clock);
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Q_EMIT core.ready();
        QTRY_COMPARE(core.taskRequests, 1);
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QTRY_COMPARE(nav->item(3)->text(), QStringLiteral("Review (3)"));
        QVERIFY(window.showView(QStringLiteral("review")));
        ReviewView *view = window.reviewView();

        // Sorted by SLA: the overdue booking first, then the OCR task with 30 min left.
        QCOMPARE(view->currentTaskId(), QStringLiteral("tk_3"));
        TaskTableModel *model = view->tasks();
        const QJsonObject booking = model->taskAt(model->rowOf(QStringLiteral("tk_3")));
        QCOMPARE(model->slaState(booking), TaskTableModel::SlaState::Overdue);
        QCOMPARE(model->dueText(booking), QStringLiteral("1 h 00 min over"));
        QCOMPARE(model->slaState(model->taskAt(model->rowOf(QStringLiteral("tk_1")))),
                 TaskTableModel::SlaState::Soon);

        // Next task, claim, correct the name, approve: all from the keyboard.
        QTest::keyClick(view, Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(view->currentTaskId(), QStringLiteral("tk_1"));
        QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(core.taskActions.last(), QStringLiteral("claim:tk_1"));
        QTest::keyClick(view, Qt::Key_F2);
        auto *name = qobject_cast<QLineEdit *>(view->form()->editorFor("patient_name"));
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Maria Lopez"));
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(core.taskActions.last(), QStringLiteral("decide:tk_1:approve"));
        QCOMPARE(core.lastFields.value("patient_name").toString(), QStringLiteral("Maria Lopez"));
        QCOMPARE(core.lastFields.value("date_of_birth").toString(), QStringLiteral("1984-03-12"));
        // The next task opens at once, and the decided one has left the list.
        QCOMPARE(view->visibleTaskCount(), 2);
        QVERIFY(view->currentTaskId() != QStringLiteral("tk_1"));
        QVERIFY(view->statusText().contains(QStringLiteral("Approve")));
        Q_EMIT core.taskActionDone(QStringLiteral("tk_1"), QStringLiteral("decide"));
    }

    // A task someone else has shows their name, never their log-in, and stays theirs.
    void someoneElsesTaskShowsTheirName()
    {
        FakeOrchestrator core;
        QJsonArray tasks = morning();
        QJsonObject taken = tasks.at(2).toObject();
        taken.insert("status", "claimed");
        taken.insert("claimed_by", "jorge");
        taken.insert("claimed_by_name", QStringLiteral("Jorge Pérez"));
        tasks.replace(2, taken);
        core.tasks = tasks;
        MainWindow window(core, m_clock);
        window.resize(1280, 860);
        QVERIFY(openReview(window, core));
        ReviewView *view = window.reviewView();
        QTRY_COMPARE(view->currentTaskId(), QStringLiteral("tk_3"));
        TaskTableModel *model = view->tasks();
        const int row = model->rowOf(QStringLiteral("tk_3"));
        QCOMPARE(model->index(row, TaskTableModel::OwnerColumn).data().toString(),
                 QStringLiteral("Jorge Pérez"));
        QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!core.taskActions.contains(QStringLiteral("claim:tk_3")));
        QCOMPARE(view->statusText(), QStringLiteral("Jorge Pérez is working on this task."));
    }

    void validationNamesTheFieldAndSendsNothing()
    {
        FakeOrchestrator core;
        core.tasks = morning();
        MainWindow window(core, m_clock);
        QVERIFY(openReview(window, core));
        ReviewView *view = window.reviewView();
        QTRY_VERIFY(view->selectTask(QStringLiteral("tk_2")));
        // The name is required and empty.
        view->decide(0);
        QVERIFY(core.taskActions.isEmpty());
        auto *error = view->form()->findChild<QLabel *>(QStringLiteral("formError"));
        QCOMPARE(error->text(), QStringLiteral("Patient name is required."));
        QTRY_VERIFY(view->form()->editorFor("patient_name")->hasFocus());
        // A number field refuses words.
        qobject_cast<QLineEdit *>(view->form()->editorFor("patient_name"))
            ->setText(QStringLiteral("Tom Becker"));
        qobject_cast<QLineEdit *>(view->form()->editorFor("copies"))
            ->setText(QStringLiteral("two"));
        view->decide(0);
        QCOMPARE(error->text(), QStringLiteral("Copies must be a number."));
        QVERIFY(core.taskActions.isEmpty());
        // Rejecting needs no name, but a reason.
        qobject_cast<QLineEdit *>(view->form()->editorFor("copies"))->clear();
        view->decide(1);
        QVERIFY(core.taskActions.isEmpty());
        QVERIFY(view->statusText().contains(QStringLiteral("Say why")));
        view->findChild<QPlainTextEdit *>(QStringLiteral("taskComment"))
            ->setPlainText(QStringLiteral("Not our patient"));
        view->decide(1);
        QCOMPARE(core.taskActions.last(), QStringLiteral("decide:tk_2:reject"));
        QCOMPARE(core.lastComment, QStringLiteral("Not our patient"));

        // The core refuses (someone was faster): the task comes back with the reason.
        Q_EMIT core.taskActionFailed(QStringLiteral("tk_2"), QStringLiteral("decide"),
                                     QStringLiteral("the task was already decided by ben"));
        Q_EMIT core.tasksChanged(core.tasks);
        QTRY_COMPARE(view->currentTaskId(), QStringLiteral("tk_2"));
        QVERIFY(view->statusText().contains(QStringLiteral("already decided by ben")));
    }

    void refreshKeepsWhatWasTypedAndBulkApprovesCompleteForms()
    {
        FakeOrchestrator core;
        core.tasks = morning();
        MainWindow window(core, m_clock);
        QVERIFY(openReview(window, core));
        ReviewView *view = window.reviewView();
        QTRY_VERIFY(view->selectTask(QStringLiteral("tk_1")));
        auto *name = qobject_cast<QLineEdit *>(view->form()->editorFor("patient_name"));
        name->setText(QStringLiteral("Maria Lopez"));
        // A new task arrives while typing: the form keeps the text.
        QJsonArray more = core.tasks;
        more.append(task("tk_4", "ocr-review", m_clock.now(), 4, ocrFields("Aisha Khan")));
        Q_EMIT core.tasksChanged(more);
        QCOMPARE(view->currentTaskId(), QStringLiteral("tk_1"));
        QCOMPARE(name->text(), QStringLiteral("Maria Lopez"));

        // Select the OCR tasks: two have every required value, one does not.
        view->selectQueue(QStringLiteral("ocr-review"));
        QCOMPARE(view->visibleTaskCount(), 3);
        auto *table = view->findChild<QTableView *>(QStringLiteral("reviewTasks"));
        table->selectAll();
        QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
        // The queue refreshes (a task changed, another arrived elsewhere): the selection holds.
        QJsonArray later = more;
        QJsonObject changed = later.at(3).toObject();
        changed.insert("title", "Check tk_4 again");
        later.replace(3, changed);
        later.append(task("tk_5", "manual-booking", m_clock.now(), 1, {}, {"booked"}));
        Q_EMIT core.tasksChanged(later);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
        QCOMPARE(view->currentTaskId(), QStringLiteral("tk_1"));
        auto *bulk = view->findChild<QPushButton *>(QStringLiteral("bulkApprove"));
        QCOMPARE(bulk->text(), QStringLiteral("Approve selected (2)"));
        QVERIFY(bulk->isEnabled());
        bulk->click();
        // Only the two complete forms are sent; they leave the list while the core works.
        QCOMPARE(core.taskActions.last(), QStringLiteral("bulk:tk_1,tk_4:approve"));
        auto *status = view->findChild<QLabel *>(QStringLiteral("reviewStatus"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("Approving 2 tasks…"));
        QCOMPARE(view->visibleTaskCount(), 1);
        // The core answers each: one approved, one refused. The message says so and goes on
        // from "Approving…"; the refused task is back.
        Q_EMIT core.taskActionDone(QStringLiteral("tk_1"), QStringLiteral("decide"));
        QCOMPARE(status->text(), QStringLiteral("Approving 2 tasks…"));
        Q_EMIT core.taskActionFailed(QStringLiteral("tk_4"), QStringLiteral("decide"),
                                     QStringLiteral("already decided by Ana"));
        QCOMPARE(status->text(),
                 QStringLiteral("Approved 1 task. Not approved: \"Check tk_4 "
                                "again\" (already decided by Ana)"));
        QCOMPARE(view->visibleTaskCount(), 2);
    }

    void hiddenFieldsStayHidden()
    {
        FakeOrchestrator core;
        core.readPhi = false;
        QJsonObject masked = task("tk_9", "ocr-review", m_clock.now(), 4, ocrFields("•••"));
        QJsonObject form = masked.value("form").toObject();
        QJsonArray fields = form.value("fields").toArray();
        QJsonObject first = fields.at(0).toObject();
        first.insert("masked", true);
        fields[0] = first;
        form.insert("fields", fields);
        masked.insert("form", form);
        core.tasks = {masked};
        MainWindow window(core, m_clock);
        QVERIFY(openReview(window, core));
        ReviewView *view = window.reviewView();
        QTRY_COMPARE(view->currentTaskId(), QStringLiteral("tk_9"));
        auto *name = qobject_cast<QLineEdit *>(view->form()->editorFor("patient_name"));
        QVERIFY(name->isReadOnly());
        QVERIFY(name->text().contains(QStringLiteral("hidden for your role")));
        QVERIFY(!view->form()->values().contains(QStringLiteral("patient_name")));
    }
};

QTEST_MAIN(TstReviewView)
#include "tst_reviewview.moc"
