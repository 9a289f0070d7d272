// Finding out what a run did and repairing it from the console: an execution's page (its
// steps' data, timeline, path and journey links, patient data hidden until asked for), re-run
// from a step after seeing which calls would act again, and the dead-letter queue.

#include "app/mainwindow.h"
#include "builder/builderview.h"
#include "builder/nodeitem.h"
#include "builder/workflowscene.h"
#include "common/jsontree.h"
#include "common/manualclock.h"
#include "executions/deadlettermodel.h"
#include "executions/deadletterview.h"
#include "executions/executiondetails.h"
#include "executions/executionsview.h"
#include "executions/executiontablemodel.h"
#include "executions/journeyview.h"
#include "executions/pathview.h"
#include "executions/rerundialog.h"
#include "executions/timelinechart.h"
#include "fakeorchestrator.h"
#include "workflow/workflowgraph.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Switchboard;

namespace {

QJsonObject step(const char *node, const char *status, const char *start, const char *end)
{
    return {{"node", node}, {"status", status}, {"started_at", start}, {"finished_at", end}};
}

// A booking run that failed at its second call: start → book → notify (never reached).
QJsonObject bookingRun(bool masked)
{
    QJsonObject book =
        step("book", "failed", "2026-03-02T08:00:01.000Z", "2026-03-02T08:00:04.000Z");
    book.insert("attempts", 2);
    book.insert("error", "HTTP 503");
    book.insert("request",
                QJsonObject {{"action", "create"}, {"name", masked ? "•••" : "Grace Okafor"}});
    book.insert("idempotency_key", "ex_1:book:1");
    QJsonObject e {
        {"id", "ex_1"},
        {"workflow_id", "booking-flow"},
        {"version", 3},
        {"status", "failed"},
        {"trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"},
        {"created_at", "2026-03-02T08:00:00.000Z"},
        {"finished_at", "2026-03-02T08:00:04.200Z"},
        {"error", "book: HTTP 503"},
        {"input", QJsonObject {{"patient_id", "P-1"}, {"name", masked ? "•••" : "Grace Okafor"}}},
        {"keys", QJsonObject {{"patient_id", "P-1"}}},
        {"steps",
         QJsonArray {
             book,
             step("start", "completed", "2026-03-02T08:00:00.000Z", "2026-03-02T08:00:00.000Z")}},
        {"history",
         QJsonArray {
             QJsonObject {{"type", "execution_started"}, {"ts", "2026-03-02T08:00:00.000Z"}},
             QJsonObject {
                 {"type", "step_completed"}, {"node", "start"}, {"ts", "2026-03-02T08:00:00.000Z"}},
             QJsonObject {{"type", "step_started"},
                          {"node", "book"},
                          {"attempt", 1},
                          {"ts", "2026-03-02T08:00:01.000Z"}},
             QJsonObject {{"type", "step_failed"},
                          {"node", "book"},
                          {"ts", "2026-03-02T08:00:04.000Z"},
                          {"data", QJsonObject {{"error", "HTTP 503"}}}}}},
        {"timeline",
         QJsonArray {QJsonObject {{"node", "start"},
                                  {"kind", "step"},
                                  {"start", "2026-03-02T08:00:00.000Z"},
                                  {"end", "2026-03-02T08:00:00.000Z"},
                                  {"outcome", "completed"}},
                     QJsonObject {{"node", "book"},
                                  {"kind", "call"},
                                  {"attempt", 1},
                                  {"start", "2026-03-02T08:00:01.000Z"},
                                  {"end", "2026-03-02T08:00:04.000Z"},
                                  {"duration_ms", 3000},
                                  {"outcome", "failed"}}}}};
    if (masked)
        e.insert("masked", true);
    return e;
}

const QJsonObject BookingFlow {{"id", "booking-flow"},
                               {"name", "Booking"},
                               {"trigger", QJsonObject {{"kind", "manual"}}},
                               {"nodes",
                                QJsonArray {QJsonObject {{"id", "start"}, {"type", "trigger"}},
                                            QJsonObject {{"id", "book"},
                                                         {"name", "Book the visit"},
                                                         {"type", "module_call"},
                                                         {"module", "02_booking"},
                                                         {"action", "create"}},
                                            QJsonObject {{"id", "notify"},
                                                         {"type", "module_call"},
                                                         {"module", "08_messaging"},
                                                         {"action", "send"}},
                                            QJsonObject {{"id", "done"}, {"type", "end"}}}},
                               {"edges",
                                QJsonArray {QJsonObject {{"from", "start"}, {"to", "book"}},
                                            QJsonObject {{"from", "book"}, {"to", "notify"}},
                                            QJsonObject {{"from", "notify"}, {"to", "done"}}}}};

struct Console
{
    ManualClock clock {QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    FakeOrchestrator core;
    std::unique_ptr<MainWindow> window;
    ExecutionsView *view = nullptr;

    void open(bool masked)
    {
        QJsonObject listed = bookingRun(masked);
        for (const char *detail : {"steps", "history", "timeline", "input", "keys"})
            listed.remove(QLatin1String(detail));
        core.executions = {listed};
        core.execution = bookingRun(masked);
        core.revealed = bookingRun(false);
        core.versions.insert(QStringLiteral("booking-flow@3"), BookingFlow);
        window = std::make_unique<MainWindow>(core, clock);
        window->resize(1280, 800);
        window->show();
        window->showView(QStringLiteral("executions"));
        view = window->executionsView();
    }
};

} // namespace

class TstExecutionRepair : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The page says what each step sent and gave, draws the time line and the path taken, and
    // hides patient data until someone who may see it asks.
    void aRunsPageShowsItsStepsTimelineAndPath()
    {
        Console c;
        c.open(true);
        ExecutionDetails *page = c.view->page();
        QTRY_COMPARE(page->executionId(), QStringLiteral("ex_1"));

        auto *timeline = page->findChild<TimelineChart *>();
        QCOMPARE(timeline->barCount(), 2);
        QVERIFY(timeline->describe(1).contains(QStringLiteral("3.0 s")));
        QVERIFY(timeline->describe(1).contains(QStringLiteral("Failed")));

        // The path: the version is asked for and drawn with the run on it.
        auto *path = page->findChild<PathView *>();
        QTRY_VERIFY(path->hasWorkflow());
        QCOMPARE(path->stepState(QStringLiteral("start")), QStringLiteral("done"));
        QCOMPARE(path->stepState(QStringLiteral("book")), QStringLiteral("failed"));
        QCOMPARE(path->stepState(QStringLiteral("notify")), QStringLiteral("skipped"));
        QVERIFY(path->taken(QStringLiteral("start"), QStringLiteral("book")));
        QVERIFY(!path->taken(QStringLiteral("book"), QStringLiteral("notify")));

        // Steps by their names, in the order they ran; a step's data as a tree.
        auto *steps = page->findChild<QTreeWidget *>(QStringLiteral("steps"));
        QTRY_COMPARE(steps->topLevelItem(1)->text(0), QStringLiteral("Book the visit"));
        steps->setCurrentItem(steps->topLevelItem(1));
        const QString summary = page->findChild<QLabel *>(QStringLiteral("stepSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("Idempotency key: ex_1:book:1"))
                     && summary.contains(QStringLiteral("Tried 2 times.")),
                 qPrintable(summary));
        auto *data = page->findChild<JsonTree *>(QStringLiteral("stepData"));
        QVERIFY(data->selectedJson().contains(QStringLiteral("•••")));

        // Masked until asked; asking reveals (the core records who looked).
        auto *reveal = page->findChild<QPushButton *>(QStringLiteral("revealPhi"));
        QVERIFY(reveal->isVisible());
        QTest::mouseClick(reveal, Qt::LeftButton);
        QTRY_VERIFY(c.core.executionActions.contains(QStringLiteral("reveal:ex_1")));
        QTRY_VERIFY(!reveal->isVisible());
        QVERIFY(data->selectedJson().contains(QStringLiteral("Grace Okafor")));
        // A refresh of the list keeps it revealed: it asks for the revealed page again.
        c.core.executionActions.clear();
        QJsonObject moved = c.core.executions.first().toObject();
        moved.insert("status", "cancelled");
        Q_EMIT c.core.executionsChanged({moved}, false);
        QTRY_VERIFY(c.core.executionActions.contains(QStringLiteral("reveal:ex_1")));
    }

    // A viewer sees that data is hidden and has no way to reveal it.
    void aViewerCannotRevealPatientData()
    {
        Console c;
        c.core.readPhi = false;
        c.open(true);
        ExecutionDetails *page = c.view->page();
        QTRY_COMPARE(page->executionId(), QStringLiteral("ex_1"));
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("revealPhi"))->isVisible());
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("maskedNotice"))
                    ->text()
                    .contains(QStringLiteral("your role")));
    }

    // Its business key opens the journey: every run of that patient, in order.
    void aKeyOpensThePatientsJourney()
    {
        Console c;
        c.open(false);
        c.core.journey = {QJsonObject {{"id", "ex_0"},
                                       {"workflow_id", "intake-flow"},
                                       {"version", 1},
                                       {"status", "completed"},
                                       {"created_at", "2026-03-02T07:00:00.000Z"}},
                          c.core.executions.first()};
        ExecutionDetails *page = c.view->page();
        QTRY_COMPARE(page->executionId(), QStringLiteral("ex_1"));
        auto *header = page->findChild<QLabel *>(QStringLiteral("executionHeader"));
        QVERIFY2(header->text().contains(QStringLiteral("journey:patient_id/P-1")),
                 qPrintable(header->text()));
        header->setFocus(); // followed from the keyboard: Tab to the link, Enter
        QTest::keyClick(header, Qt::Key_Tab);
        QTest::keyClick(header, Qt::Key_Return);
        QCOMPARE(c.view->tabs()->currentWidget(), c.view->journey());
        QTRY_COMPARE(c.core.journeyRequests, QStringList({"patient_id=P-1"}));
        QTRY_COMPARE(c.view->journey()->model()->rowCount(), 2);
        QVERIFY(c.view->journey()
                    ->findChild<QLabel *>(QStringLiteral("journeySummary"))
                    ->text()
                    .contains(QStringLiteral("1 failed")));
        // Enter on a run opens it.
        auto *table = c.view->journey()->findChild<QTableView *>(QStringLiteral("journeyTable"));
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(c.view->tabs()->currentIndex(), 0);
        QCOMPARE(c.view->selectedExecution(), QStringLiteral("ex_0"));
    }

    // The re-run dialog shows which calls would act again, and re-runs only what it showed.
    void aRerunShowsWhatWillHappenFirst()
    {
        Console c;
        c.open(false);
        c.core.rerunPreview = {{"from_step", "book"},
                               {"calls",
                                QJsonArray {QJsonObject {{"node", "book"},
                                                         {"name", "Book the visit"},
                                                         {"module", "02_booking"},
                                                         {"action", "create"},
                                                         {"outside_world", "bookings"},
                                                         {"outcome", "suppressed"}},
                                            QJsonObject {{"node", "notify"},
                                                         {"name", "notify"},
                                                         {"module", "08_messaging"},
                                                         {"action", "send"},
                                                         {"outside_world", "messages"},
                                                         {"outcome", "sent_again"}}}},
                               {"sent_again", 1},
                               {"suppressed", 1},
                               {"outside_world", 1}};
        ExecutionDetails *page = c.view->page();
        QTRY_COMPARE(page->executionId(), QStringLiteral("ex_1"));
        auto *steps = page->findChild<QTreeWidget *>(QStringLiteral("steps"));
        QTRY_COMPARE(steps->topLevelItemCount(), 2);
        steps->setCurrentItem(steps->topLevelItem(1)); // book
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("rerunExecution")),
                          Qt::LeftButton);
        RerunDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = c.view->findChild<RerunDialog *>()));
        QCOMPARE(dialog->fromStep(), QStringLiteral("book"));
        auto *calls = dialog->findChild<QTreeWidget *>(QStringLiteral("rerunCalls"));
        QTRY_COMPARE(calls->topLevelItemCount(), 2);
        QVERIFY(calls->topLevelItem(0)->text(2).contains(QStringLiteral("idempotency key")));
        QVERIFY(calls->topLevelItem(1)->text(2).contains(QStringLiteral("messages to patients")));
        auto *run = dialog->findChild<QPushButton *>(QStringLiteral("rerunConfirm"));
        QVERIFY(run->isEnabled());

        // A corrected input that is not JSON is refused with where it breaks; the preview no
        // longer stands, so Re-run waits for a new one.
        dialog->findChild<QCheckBox *>(QStringLiteral("rerunEdit"))->setChecked(true);
        auto *input = dialog->findChild<QPlainTextEdit *>(QStringLiteral("rerunInput"));
        input->setPlainText(QStringLiteral("{\"patient_id\": \"P-1\",\n\"name\": }"));
        QVERIFY(!run->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("rerunInputError"))
                    ->text()
                    .contains(QStringLiteral("line 2")));
        input->setPlainText(QStringLiteral("{\"patient_id\": \"P-1\", \"name\": \"Grace O.\"}"));
        QVERIFY(!run->isEnabled());
        c.core.executionActions.clear();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("rerunCheck")),
                          Qt::LeftButton);
        QTRY_VERIFY(run->isEnabled());
        QVERIFY(c.core.executionActions.contains(QStringLiteral("preview:ex_1:book")));
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(c.core.executionActions.contains(QStringLiteral("rerun:ex_1:book")));
        QVERIFY(c.core.rerunInput.has_value());
        QCOMPARE(c.core.rerunInput->value("name").toString(), QStringLiteral("Grace O."));

        // The core answers with the new execution, which the page then shows.
        Q_EMIT c.core.executionActionDone("ex_1", "rerun", "ex_2");
        QCOMPARE(c.view->selectedExecution(), QStringLiteral("ex_2"));
    }

    // Dead letters: a click sends once (the buttons go off until the answer), all waiting go
    // out together after a confirmation, and setting one aside needs a reason.
    void deadLettersAreSentOnceOrSetAsideWithAReason()
    {
        Console c;
        const auto letter = [](const char *id, const char *execution) {
            return QJsonObject {{"id", id},
                                {"execution_id", execution},
                                {"module", "04_billing"},
                                {"action", "charge"},
                                {"error", "HTTP 503"},
                                {"attempts", 5},
                                {"status", "pending"},
                                {"created_at", "2026-03-02T08:50:00.000Z"},
                                {"payload", QJsonObject {{"amount", 120}}},
                                {"idempotency_key", QString::fromLatin1(execution) + ":charge:1"}};
        };
        c.core.deadLetters = {letter("dl_1", "ex_1"), letter("dl_2", "ex_2")};
        c.open(false);
        c.window->showView(QStringLiteral("dead-letters"));
        DeadLetterView *letters = c.view->deadLetters();
        QTRY_COMPARE(letters->model()->rowCount(), 2);
        QVERIFY(c.core.deadLetterRequests.contains(QStringLiteral("pending")));

        auto *table = letters->findChild<QTableView *>(QStringLiteral("deadLetterTable"));
        table->selectRow(0);
        auto *send = letters->findChild<QPushButton *>(QStringLiteral("replayLetters"));
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTest::mouseClick(send, Qt::LeftButton); // a double click: still one request
        QCOMPARE(c.core.deadLetterActions, QStringList({"replay:dl_1"}));
        QVERIFY(!send->isEnabled());
        Q_EMIT c.core.deadLetterActionDone("replay",
                                           {QJsonObject {{"id", "dl_1"}, {"status", "replayed"}}});
        QVERIFY(letters->findChild<QLabel *>(QStringLiteral("deadLetterMessage"))
                    ->text()
                    .contains(QStringLiteral("1 call sent again")));

        // Setting aside asks why; an empty reason is refused.
        table->selectRow(1);
        auto *discard = letters->findChild<QPushButton *>(QStringLiteral("discardLetter"));
        const auto answer = [](const QString &reason) {
            QTimer::singleShot(0, [reason] {
                auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
                QVERIFY(ask);
                ask->setTextValue(reason);
                ask->accept();
            });
        };
        answer(QStringLiteral("  "));
        QTest::mouseClick(discard, Qt::LeftButton);
        QCOMPARE(c.core.deadLetterActions.size(), 1);
        answer(QStringLiteral("charged at the desk"));
        QTest::mouseClick(discard, Qt::LeftButton);
        QCOMPARE(c.core.deadLetterActions.last(),
                 QStringLiteral("discard:dl_2:charged at the desk"));

        // A letter's execution opens from the list.
        table->setFocus();
        table->setCurrentIndex(table->model()->index(1, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(c.view->tabs()->currentIndex(), 0);
        QCOMPARE(c.view->selectedExecution(), QStringLiteral("ex_2"));
    }

    // A builder test run's id opens its page; a finished run marks the steps it never took.
    void aTestRunOpensFromTheBuilder()
    {
        Console c;
        c.open(false);
        BuilderView *builder = c.window->builder();
        c.window->showView(QStringLiteral("workflows"));
        QVERIFY(builder->openTemplate(QStringLiteral("document-processing")));
        const QString id = builder->graph().metadata().value("id").toString();
        builder->testRunStarted(id, QStringLiteral("ex_1"));
        auto *status = builder->findChild<QLabel *>(QStringLiteral("builderStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("href=\"execution:ex_1\"")),
                 qPrintable(status->text()));
        QJsonObject finished = bookingRun(false);
        finished.insert("steps",
                        QJsonArray {step("start", "completed", "2026-03-02T08:00:00.000Z",
                                         "2026-03-02T08:00:00.000Z")});
        finished.insert("status", "completed");
        builder->executionLoaded(QStringLiteral("ex_1"), finished);
        QCOMPARE(builder->scene()->nodeItem(QStringLiteral("start"))->runState(),
                 QStringLiteral("done"));
        QCOMPARE(builder->scene()->nodeItem(QStringLiteral("review"))->runState(),
                 QStringLiteral("skipped"));
        QApplication::setActiveWindow(c.window.get());
        QVERIFY(QTest::qWaitForWindowActive(c.window.get()));
        status->setFocus();
        QTest::keyClick(status, Qt::Key_Tab);
        QTest::keyClick(status, Qt::Key_Return);
        QCOMPARE(c.window->currentView(), QStringLiteral("executions"));
        QCOMPARE(c.view->selectedExecution(), QStringLiteral("ex_1"));
    }

    // The status bar's count of dead letters opens the queue.
    void theDeadLetterCountLinksToTheQueue()
    {
        Console c;
        c.open(false);
        SystemOverview overview;
        overview.deadLetters = 3;
        overview.lastCheck = c.clock.now();
        Q_EMIT c.core.overviewChanged(overview);
        auto *count = c.window->findChild<QLabel *>(QStringLiteral("deadLetters"));
        QTRY_VERIFY(count->isVisible());
        c.window->showView(QStringLiteral("dashboard"));
        QApplication::setActiveWindow(c.window.get());
        QVERIFY(QTest::qWaitForWindowActive(c.window.get()));
        count->setFocus();
        QTest::keyClick(count, Qt::Key_Tab);
        QTest::keyClick(count, Qt::Key_Return);
        QCOMPARE(c.window->currentView(), QStringLiteral("executions"));
        QCOMPARE(c.view->tabs()->currentWidget(), c.view->deadLetters());
        QCOMPARE(c.view->tabs()->tabText(1), QStringLiteral("Dead letters (3)"));
    }
};

QTEST_MAIN(TstExecutionRepair)
#include "tst_executionrepair.moc"
