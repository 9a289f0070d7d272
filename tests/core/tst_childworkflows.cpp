#include "enginefixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

namespace {

// Books the patient it is given and answers the slot.
const QByteArray Booking =
    R"({"id": "book-patient", "name": "Book a patient", "trigger": {"kind": "manual"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"patient": "{{ input.patient }}"}},
            {"id": "done", "type": "end", "output": {"slot": "{{ steps.book.output.slot }}"}}],
  "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "done"}]})";

// Runs Booking for its patient and answers what it gave.
const QByteArray Intake = R"({"id": "intake", "name": "Intake", "trigger": {"kind": "manual"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "booking", "type": "run_workflow", "workflow": "book-patient", "input": {"patient": "{{ input.patient_id }}"}},
            {"id": "done", "type": "end", "output": {"slot": "{{ steps.booking.output.output.slot }}", "child": "{{ steps.booking.output.execution_id }}"}}],
  "edges": [{"from": "start", "to": "booking"}, {"from": "booking", "to": "done"}]})";

const QByteArray Failing =
    R"({"id": "always-fails", "name": "Always fails", "trigger": {"kind": "manual"},
  "nodes": [{"id": "start", "type": "trigger"}, {"id": "no", "type": "end", "status": "failed", "error": "no slot left"}],
  "edges": [{"from": "start", "to": "no"}]})";

// Runs itself until the depth limit stops it.
const QByteArray Itself = R"({"id": "itself", "name": "Itself", "trigger": {"kind": "manual"},
  "nodes": [{"id": "start", "type": "trigger"}, {"id": "again", "type": "run_workflow", "workflow": "itself"}, {"id": "done", "type": "end"}],
  "edges": [{"from": "start", "to": "again"}, {"from": "again", "to": "done"}]})";

QByteArray runner(const char *workflow, bool wait, bool errorPort)
{
    QByteArray json = R"({"id": "runner", "name": "Runner", "trigger": {"kind": "manual"},
      "nodes": [{"id": "start", "type": "trigger"},
                {"id": "run", "type": "run_workflow", "workflow": "WORKFLOW", "wait": WAIT},
                {"id": "done", "type": "end"}SORRY],
      "edges": [{"from": "start", "to": "run"}, {"from": "run", "to": "done"}EDGE]})";
    json.replace("WORKFLOW", workflow);
    json.replace("WAIT", wait ? "true" : "false");
    json.replace(
        "SORRY",
        errorPort
            ? R"(, {"id": "sorry", "type": "end", "output": {"why": "{{ steps.run.output.error }}"}})"
            : "");
    json.replace("EDGE", errorPort ? R"(, {"from": "run", "to": "sorry", "port": "error"})" : "");
    return json;
}

} // namespace

// run_workflow: a workflow runs another, durably, through the same engine.
class TstChildWorkflows : public QObject
{
    Q_OBJECT

    static QJsonObject output(EngineFixture &f, const QString &id)
    {
        return f.execution(id).value(QLatin1String("output")).toObject();
    }
    static QJsonObject stepOutput(EngineFixture &f, const QString &id, const QString &node)
    {
        for (const QJsonValue v : f.execution(id).value(QLatin1String("steps")).toArray()) {
            if (v[QLatin1String("node")].toString() == node)
                return v[QLatin1String("output")].toObject();
        }
        return {};
    }
    static QStringList executionsOf(EngineFixture &f, const QString &workflow)
    {
        QStringList out;
        for (const QJsonValue v : f.engine->executions(QString(), 1000).value()) {
            if (v[QLatin1String("workflow_id")].toString() == workflow)
                out << v[QLatin1String("id")].toString();
        }
        return out;
    }

private Q_SLOTS:
    void theParentWaitsForTheWorkflowItRunsAndReadsItsOutput()
    {
        EngineFixture f;
        f.modules.responder = [](const ModuleCallRequest &) {
            ModuleCallResult r;
            r.httpStatus = 200;
            r.body = {{QStringLiteral("slot"), QStringLiteral("09:00")}};
            return r;
        };
        f.publish(Booking);
        f.publish(Intake);
        const QString id = f.start(QStringLiteral("intake"),
                                   {{QStringLiteral("patient_id"), QStringLiteral("pt-7")}});
        QCOMPARE(f.status(id), QStringLiteral("waiting"));
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        const QStringList children = executionsOf(f, QStringLiteral("book-patient"));
        QCOMPARE(children.size(), 1);
        QCOMPARE(output(f, id).value(QLatin1String("slot")).toString(), QStringLiteral("09:00"));
        QCOMPARE(output(f, id).value(QLatin1String("child")).toString(), children.first());
        QCOMPARE(f.modules.calls.size(), 1);
        QCOMPARE(f.modules.calls.first().body.value(QLatin1String("patient")).toString(),
                 QStringLiteral("pt-7"));
        QCOMPARE(
            f.history(id),
            (QStringList {"execution_started", "step_completed:start", "workflow_requested:booking",
                          "workflow_started:booking", "workflow_finished:booking",
                          "step_completed:done", "execution_completed"}));
        // The child knows where it came from.
        const QJsonObject child = f.execution(children.first());
        const QJsonObject started = child.value(QLatin1String("history"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("data"))
                                        .toObject();
        QCOMPARE(started.value(QLatin1String("origin")).toString(), QStringLiteral("workflow"));
        QCOMPARE(started.value(QLatin1String("parent_execution_id")).toString(), id);
        QCOMPARE(started.value(QLatin1String("parent_step")).toString(), QStringLiteral("booking"));
    }

    // Both wait in storage only: the core stops, starts again, and the child's end still takes
    // the parent on, once.
    void aWaitingParentAndChildSurviveARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        QString id;
        QString child;
        {
            EngineFixture f(path);
            f.publish(R"({"id": "later", "name": "Later", "trigger": {"kind": "manual"},
              "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "2h"}, {"id": "done", "type": "end", "output": {"waited": true}}],
              "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})");
            f.publish(runner("later", true, false));
            id = f.start(QStringLiteral("runner"));
            QTRY_COMPARE(executionsOf(f, QStringLiteral("later")).size(), 1);
            child = executionsOf(f, QStringLiteral("later")).first();
            QTRY_COMPARE(f.status(child), QStringLiteral("waiting"));
            f.settle();
            QCOMPARE(f.status(id), QStringLiteral("waiting"));
        }
        EngineFixture f(path);
        QVERIFY(f.engine->recover().ok());
        f.clock.advance(2 * 3600 * 1000LL);
        f.engine->processDueTimers();
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(f.status(child), QStringLiteral("completed"));
        QCOMPARE(executionsOf(f, QStringLiteral("later")), QStringList {child});
        QCOMPARE(stepOutput(f, id, QStringLiteral("run")).value(QLatin1String("output")).toObject(),
                 (QJsonObject {{QStringLiteral("waited"), true}}));
    }

    void aFailedChildTakesTheErrorPort()
    {
        EngineFixture f;
        f.publish(Failing);
        f.publish(runner("always-fails", true, true));
        const QString id = f.start(QStringLiteral("runner"));
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(output(f, id).value(QLatin1String("why")).toString(),
                 QStringLiteral("no: no slot left"));
        QVERIFY(f.history(id).contains(QStringLiteral("workflow_finished:run")));
    }

    void aFailedChildWithNoErrorPortFailsTheParentNamingIt()
    {
        EngineFixture f;
        f.publish(Failing);
        f.publish(runner("always-fails", true, false));
        const QString id = f.start(QStringLiteral("runner"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        const QString child = executionsOf(f, QStringLiteral("always-fails")).value(0);
        const QString error = f.execution(id).value(QLatin1String("error")).toString();
        QVERIFY2(error.startsWith(QStringLiteral("run: the workflow it ran failed (") + child
                                  + QStringLiteral("): no: no slot left")),
                 qPrintable(error));
    }

    void aCancelledChildCountsAsNotDone()
    {
        EngineFixture f;
        f.publish(R"({"id": "slow", "name": "Slow", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "1d"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})");
        f.publish(runner("slow", true, true));
        const QString id = f.start(QStringLiteral("runner"));
        QTRY_COMPARE(executionsOf(f, QStringLiteral("slow")).size(), 1);
        const QString child = executionsOf(f, QStringLiteral("slow")).first();
        QVERIFY(f.engine->cancel(child, QStringLiteral("tester")).ok());
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(stepOutput(f, id, QStringLiteral("run")).value(QLatin1String("status")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(output(f, id).value(QLatin1String("why")).toString(),
                 QStringLiteral("cancelled by request"));
    }

    void withoutWaitingTheParentGoesOnAtOnce()
    {
        EngineFixture f;
        f.publish(R"({"id": "slow", "name": "Slow", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "1d"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})");
        f.publish(runner("slow", false, false));
        const QString id = f.start(QStringLiteral("runner"));
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        const QStringList children = executionsOf(f, QStringLiteral("slow"));
        QCOMPARE(children.size(), 1);
        QCOMPARE(f.status(children.first()), QStringLiteral("waiting"));
        // Its end later wakes no one and changes nothing.
        f.clock.advance(24 * 3600 * 1000LL);
        f.engine->processDueTimers();
        QTRY_COMPARE(f.status(children.first()), QStringLiteral("completed"));
        f.engine->processDueTimers();
        QCOMPARE(f.history(id).count(QStringLiteral("workflow_finished:run")), 1);
        QCOMPARE(f.status(id), QStringLiteral("completed"));
    }

    void aWorkflowThatIsNotPublishedIsAClearError()
    {
        EngineFixture f;
        f.publish(runner("no-such-workflow", true, false));
        const QString id = f.start(QStringLiteral("runner"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        const QString error = f.execution(id).value(QLatin1String("error")).toString();
        QVERIFY2(
            error.contains(QStringLiteral("the workflow \"no-such-workflow\" cannot be started")),
            qPrintable(error));
    }

    void aWorkflowThatRunsItselfStopsAtTheDepthLimit()
    {
        EngineFixture f;
        f.publish(Itself);
        const QString id = f.start(QStringLiteral("itself"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        const QStringList all = executionsOf(f, QStringLiteral("itself"));
        QCOMPARE(all.size(), MaxWorkflowDepth + 1);
        QStringList deepest;
        for (const QString &e : all) {
            QCOMPARE(f.status(e), QStringLiteral("failed"));
            if (f.execution(e)
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(
                        QStringLiteral("again: workflow: workflows already run each other 8 deep")))
                deepest << e;
        }
        QCOMPARE(deepest.size(), 1);
    }

    // input may be one "{{ … }}" giving the object passed on (an n8n item); anything else is
    // the step's own clear failure.
    void theWholeItemCanBePassedOn()
    {
        EngineFixture f;
        f.publish(Booking);
        f.publish(R"({"id": "pass-on", "name": "Pass on", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "run", "type": "run_workflow", "workflow": "book-patient", "input": "{{ input.lead }}"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "run"}, {"from": "run", "to": "done"}]})");
        const QString id =
            f.start(QStringLiteral("pass-on"),
                    {{QStringLiteral("lead"),
                      QJsonObject {{QStringLiteral("patient"), QStringLiteral("pt-3")}}}});
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(f.modules.calls.first().body.value(QLatin1String("patient")).toString(),
                 QStringLiteral("pt-3"));
        const QString wrong =
            f.start(QStringLiteral("pass-on"), {{QStringLiteral("lead"), QStringLiteral("pt-4")}});
        QTRY_COMPARE(f.status(wrong), QStringLiteral("failed"));
        QCOMPARE(f.execution(wrong).value(QLatin1String("error")).toString(),
                 QStringLiteral("run: input: the template gave a single value, not an object"));
    }

    void theInputIsRenderedWhenTheStepIsReached()
    {
        EngineFixture f;
        f.publish(Booking);
        f.publish(R"({"id": "bad-input", "name": "Bad input", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "run", "type": "run_workflow", "workflow": "book-patient", "input": {"patient": "{{ input.a.b.c > 1 }}"}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "run"}, {"from": "run", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("bad-input"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        QVERIFY2(f.execution(id)
                     .value(QLatin1String("error"))
                     .toString()
                     .startsWith(QStringLiteral("run: input.patient")),
                 qPrintable(f.execution(id).value(QLatin1String("error")).toString()));
        QVERIFY(executionsOf(f, QStringLiteral("book-patient")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstChildWorkflows)
#include "tst_childworkflows.moc"
