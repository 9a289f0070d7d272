#include "app/mainwindow.h"
#include "builder/builderview.h"
#include "builder/edgeitem.h"
#include "builder/inspector.h"
#include "builder/payloadeditor.h"
#include "builderdriver.h"
#include "service/embeddedorchestrator.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Switchboard;
using namespace TestSupport;
using namespace BuilderDriver;

// An admin builds a workflow in the console from an empty canvas by drag and drop, fills the
// inspector, saves and publishes it, and test-runs it against switchboard-sim (a separate
// process, over loopback) to completion, watching each step's state on the canvas.
class TstBuilderE2E : public QObject
{
    Q_OBJECT

    SimProcess m_sim;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_sim.start(), "switchboard-sim did not start"); }

    void buildPublishAndTestRun()
    {
        CoreConfig config;
        config.useSimulatedFleet(m_sim.base());
        EmbeddedOrchestrator core(config, CoreOptions());
        SystemClock clock;
        MainWindow window(core, clock);
        window.resize(1280, 860);
        QSignalSpy ready(&core, &Orchestrator::ready);
        core.start();
        QVERIFY(ready.wait(20000));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showView(QStringLiteral("workflows")));
        BuilderView &builder = *window.builder();

        // From an empty canvas: a start, a booking call, a confirmation and an end.
        builder.newWorkflow();
        QJsonObject meta = builder.graph().metadata();
        meta.insert("id", "quick-booking");
        meta.insert("name", "Quick booking");
        builder.graph().setMetadata(meta);
        dragOntoCanvas(builder, QStringLiteral("Start"), QPoint(80, 150));
        dragOntoCanvas(builder, QStringLiteral("Book the first free slot"), QPoint(330, 150));
        dragOntoCanvas(builder, QStringLiteral("Send a message"), QPoint(580, 150));
        dragOntoCanvas(builder, QStringLiteral("End"), QPoint(830, 150));
        QCOMPARE(builder.graph().nodeIds().size(), 4);
        connectByMouse(builder, "trigger", "out", "module_call");
        connectByMouse(builder, "module_call", "out", "module_call_2");
        connectByMouse(builder, "module_call_2", "out", "end");
        QCOMPARE(builder.graph().edges().size(), 3);

        // The inspector: what the booking call sends.
        builder.scene()->selectNodes({"module_call"});
        QVERIFY(fillSetting(builder.inspector(), QStringLiteral("payload"),
                            QJsonObject {{"patient_id", "{{ input.patient_id }}"}}));
        builder.validateNow();
        QVERIFY2(builder.problems().isEmpty(),
                 qPrintable(builder.problems().isEmpty() ? QString()
                                                         : builder.problems().first().toString()));

        // Save and publish through the core.
        QSignalSpy saved(&core, &Orchestrator::workflowSaved);
        builder.save();
        QVERIFY(saved.wait(10000));
        QVERIFY(saved.first().at(1).toJsonArray().isEmpty());
        QSignalSpy published(&core, &Orchestrator::workflowPublished);
        builder.publish(QStringLiteral("first version"));
        QVERIFY(published.wait(10000));
        QCOMPARE(published.first().at(1).toInt(), 1);
        // This core is the clinic's production one: what it publishes runs there, and the
        // console says so; staging cannot take it from dev, where nothing runs.
        QTRY_VERIFY_WITH_TIMEOUT(
            builder.deploymentText().contains(QStringLiteral("production: version 1")), 10000);
        builder.promote(QStringLiteral("staging"));
        QVERIFY(builder.statusText().contains(QStringLiteral("Nothing to promote")));

        // A test run against the simulator: every step ends done.
        QSignalSpy loaded(&core, &Orchestrator::executionReady);
        QVERIFY(builder.testRun({{"patient_id", "pt-e2e"}}));
        QTRY_VERIFY_WITH_TIMEOUT(builder.runState("end") == QLatin1String("done")
                                     || builder.statusText().contains(QStringLiteral("completed")),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        QCOMPARE(loaded.last().at(1).toJsonObject().value("status").toString(),
                 QStringLiteral("completed"));
        for (const char *step : {"module_call", "module_call_2"})
            QCOMPARE(builder.runState(QLatin1String(step)), QStringLiteral("done"));
        // Selecting a step shows what it did.
        builder.scene()->selectNodes({"module_call"});
        QVERIFY(builder.runDetails().contains(QStringLiteral("\"attempts\"")));
        // The path the run took is drawn strong: every connection here.
        for (EdgeItem *edge : builder.scene()->edgeItems())
            QCOMPARE(edge->taken(), std::optional<bool>(true));
        // What the booking gave is offered when typing the next step's values.
        builder.scene()->selectNodes({"module_call_2"});
        auto *next = qobject_cast<PayloadEditor *>(builder.inspector()->editor("payload"));
        QVERIFY(next);
        QVERIFY2(next->suggestions().contains(
                     QStringLiteral("{{ steps.module_call.output.booking_id }}")),
                 qPrintable(next->suggestions().join(", ")));

        // The booking module was called with the sample input.
        const QJsonArray requests = m_sim.recentRequests(QStringLiteral("02_booking"));
        bool booked = false;
        for (const QJsonValue &r : requests)
            booked = booked
                || (r.toObject().value("action").toString() == QLatin1String("book_first_available")
                    && r.toObject().value("patient_id").toString() == QLatin1String("pt-e2e"));
        QVERIFY(booked);

        // The onboarding template runs to completion too: a hot lead is booked, confirmed by
        // email and SMS at once, audited.
        QVERIFY(builder.openTemplate(QStringLiteral("new-patient-onboarding")));
        loaded.clear();
        QVERIFY(builder.testRun({{"patient_id", "pt-e2e-hot"}, {"score", 9}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            !loaded.isEmpty()
                && loaded.last().at(1).toJsonObject().value("status").toString()
                    == QLatin1String("completed"),
            20000);
        for (const char *step : {"score", "book", "confirm", "email", "sms", "confirmed", "audit"})
            QCOMPARE(builder.runState(QLatin1String(step)), QStringLiteral("done"));
        QVERIFY(builder.runState("nurture") != QLatin1String("done"));

        // The Executions section's list has both test runs, newest first; a completed run
        // cannot be cancelled, and a retry of it is refused with the reason.
        const QString hot = loaded.last().at(0).toString();
        QSignalSpy listed(&core, &Orchestrator::executionsChanged);
        ExecutionFilter completed;
        completed.status = QStringLiteral("completed");
        completed.limit = 50;
        core.requestExecutions(completed);
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 10000);
        const QJsonArray runs = listed.last().at(0).toJsonArray();
        QVERIFY(runs.size() >= 2);
        QCOMPARE(runs.first().toObject().value("id").toString(), hot);
        for (const QJsonValue &run : runs)
            QCOMPARE(run.toObject().value("status").toString(), QStringLiteral("completed"));
        QSignalSpy refused(&core, &Orchestrator::executionActionFailed);
        core.cancelExecution(hot);
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 10000);
        QVERIFY(refused.last().at(2).toString().contains(QStringLiteral("already completed")));
        core.retryExecution(hot);
        QTRY_VERIFY_WITH_TIMEOUT(refused.size() == 2, 10000);
        QVERIFY(refused.last().at(2).toString().contains(QStringLiteral("only a failed")));

        // Back to the quick booking flow.
        QVERIFY(builder.openTemplate(QStringLiteral("morning-report")));
        saved.clear();
        Q_EMIT builder.workflowRequested(QStringLiteral("quick-booking"));
        QTRY_VERIFY_WITH_TIMEOUT(builder.graph().metadata().value("id").toString()
                                     == QLatin1String("quick-booking"),
                                 10000);

        // A failing step: the booking module answers garbage, so the run fails and points at it.
        QVERIFY(post(m_sim.control(QStringLiteral("/faults")),
                     R"({"module":"02_booking","mode":"malformed"})")
                    .status
                == 200);
        // One attempt only, set in the inspector, so the run fails at once instead of retrying.
        builder.scene()->selectNodes({"module_call"});
        auto *attempts =
            qobject_cast<QSpinBox *>(builder.inspector()->editor("retry.max_attempts"));
        QVERIFY(attempts);
        attempts->setValue(1);
        Q_EMIT attempts->editingFinished();
        QCOMPARE(builder.graph()
                     .node("module_call")
                     .value("retry")
                     .toObject()
                     .value("max_attempts")
                     .toInt(),
                 1);
        loaded.clear();
        QVERIFY(builder.testRun({{"patient_id", "pt-e2e-2"}}));
        QTRY_VERIFY_WITH_TIMEOUT(builder.statusText().contains(QStringLiteral("failed at")), 30000);
        QVERIFY(builder.statusText().contains(QStringLiteral("module_call")));
        QCOMPARE(builder.runState("module_call"), QStringLiteral("failed"));
        QCOMPARE(builder.scene()->selectedNodeIds(), QStringList {"module_call"});

        // Retried from the Executions section once the module is well: a new execution of the
        // same version with the same input.
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        const QString failedRun = loaded.last().at(0).toString();
        QVERIFY(post(m_sim.control(QStringLiteral("/faults")),
                     R"({"module":"02_booking","mode":"none"})")
                    .status
                == 200);
        QSignalSpy done(&core, &Orchestrator::executionActionDone);
        core.retryExecution(failedRun);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
        QCOMPARE(done.last().at(1).toString(), QStringLiteral("retry"));
        const QString retried = done.last().at(2).toString();
        QVERIFY(!retried.isEmpty() && retried != failedRun);
        loaded.clear();
        QTRY_VERIFY_WITH_TIMEOUT(
            (core.requestExecution(retried),
             !loaded.isEmpty()
                 && loaded.last().at(1).toJsonObject().value("status").toString()
                     == QLatin1String("completed")),
            20000);
    }
};

QTEST_MAIN(TstBuilderE2E)
#include "tst_builder_e2e.moc"
