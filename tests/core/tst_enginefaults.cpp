#include "enginefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

namespace {

// Two calls with a timer between them; the first has a compensation.
const QByteArray TwoCalls = R"({
  "id": "two-calls", "name": "Two calls", "trigger": {"kind": "manual"},
  "nodes": [
    {"id": "start", "type": "trigger"},
    {"id": "charge", "type": "module_call", "module": "04_billing", "action": "charge",
     "payload": {"patient": "{{ input.patient_id }}", "amount": 40},
     "compensation": {"module": "04_billing", "action": "refund", "payload": {"amount": 40}}},
    {"id": "pause", "type": "delay", "duration": "1m"},
    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book",
     "payload": {"patient": "{{ input.patient_id }}"}},
    {"id": "done", "type": "end"}
  ],
  "edges": [
    {"from": "start", "to": "charge"}, {"from": "charge", "to": "pause"},
    {"from": "pause", "to": "book"}, {"from": "book", "to": "done"}
  ]
})";

// Runs TwoCalls as a step, waiting for it.
const QByteArray RunsTwoCalls = R"({
  "id": "runs-two-calls", "name": "Runs two calls", "trigger": {"kind": "manual"},
  "nodes": [
    {"id": "start", "type": "trigger"},
    {"id": "inner", "type": "run_workflow", "workflow": "two-calls",
     "input": {"patient_id": "{{ input.patient_id }}"}},
    {"id": "done", "type": "end", "output": {"inner": "{{ steps.inner.output.status }}"}}
  ],
  "edges": [{"from": "start", "to": "inner"}, {"from": "inner", "to": "done"}]
})";

// What runToCompletionUnder starts, and what must have happened once it completed.
struct Scenario
{
    QString start;
    QList<QByteArray> workflows;
    QStringList actions; // each module effect, once, in order
    int executions = 1; // stored in the end
};

const Scenario Plain {QStringLiteral("two-calls"), {TwoCalls}, {"charge", "book"}, 1};
// The parent, and the one child it runs.
const Scenario Nested {
    QStringLiteral("runs-two-calls"), {TwoCalls, RunsTwoCalls}, {"charge", "book"}, 2};

const QByteArray Scheduled = R"({
  "id": "at-seven", "name": "At seven", "trigger": {"kind": "schedule", "cron": "0 7 * * *"},
  "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end"}],
  "edges": [{"from": "start", "to": "done"}]
})";

// A second connection to the same file: what is really stored, whatever the engine believes.
class Witness
{
public:
    explicit Witness(const QString &path)
    {
        if (!m_db.open(path))
            qFatal("the witness cannot open the database");
    }
    QString status(const QString &execution)
    {
        auto q =
            m_db.exec(QStringLiteral("SELECT status FROM executions WHERE id = ?"), {execution});
        return q && q->next() ? q->value(0).toString() : QStringLiteral("(none)");
    }
    int count(const QString &sql)
    {
        auto q = m_db.exec(sql);
        return q && q->next() ? q->value(0).toInt() : -1;
    }
    // "event by actor" for each audit entry, oldest first.
    QStringList audit()
    {
        QStringList out;
        auto q = m_db.exec(QStringLiteral("SELECT event, actor FROM audit_log ORDER BY seq"));
        while (q && q->next())
            out << q->value(0).toString() + QStringLiteral(" by ") + q->value(1).toString();
        return out;
    }
    Database &db() { return m_db; }

private:
    Database m_db;
};

} // namespace

class TstEngineFaults : public QObject
{
    Q_OBJECT

    // Runs the scenario under a fault plan until it completes, moving the clock past every
    // backoff and timer; checks on the way that no status was announced before it was stored,
    // and at the end that each module effect was asked for under one key with one body, and
    // that no execution was started twice.
    void runToCompletionUnder(const FaultPlan &plan, const Scenario &scenario = Plain)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        for (const QByteArray &workflow : scenario.workflows)
            f.publish(workflow);
        QStringList announcedButNotStored;
        QObject guard;
        QObject::connect(f.engine.get(), &WorkflowEngine::executionChanged, &guard,
                         [&](const QString &id, const QString &status) {
                             if (witness.status(id) != status)
                                 announcedButNotStored << id + QLatin1Char(' ') + status;
                         });
        f.db.setFaults(plan);
        auto started = f.engine->start(scenario.start,
                                       {{QStringLiteral("patient_id"), QStringLiteral("pt-1")}});
        if (!started) {
            // Refused: then nothing may have been stored either.
            QCOMPARE(started.error().kind, ErrorKind::Unavailable);
            QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")), 0);
            QVERIFY(f.modules.calls.isEmpty());
            return;
        }
        const QString id = started->value(QLatin1String("execution_id")).toString();
        for (int round = 0; round < 40 && witness.status(id) != QLatin1String("completed");
             ++round) {
            f.settle();
            f.clock.advance(61000);
            f.engine->processDueTimers();
            f.settle();
        }
        QCOMPARE(witness.status(id), QStringLiteral("completed"));
        QVERIFY2(announcedButNotStored.isEmpty(), qPrintable(announcedButNotStored.join(", ")));
        // Each effect under one key, every send of a key with the same body.
        QHash<QByteArray, QJsonObject> bodies;
        QStringList actions;
        for (const ModuleCallRequest &call : std::as_const(f.modules.calls)) {
            if (bodies.contains(call.idempotencyKey)) {
                QCOMPARE(call.body, bodies.value(call.idempotencyKey));
                continue;
            }
            bodies.insert(call.idempotencyKey, call.body);
            actions << call.body.value(QLatin1String("action")).toString();
        }
        QCOMPARE(actions, scenario.actions);
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")),
                 scenario.executions);
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions WHERE status = "
                                              "'completed'")),
                 scenario.executions);
    }

    // The id of the newest dead letter.
    static QString firstLetter(EngineFixture &f)
    {
        return f.engine->deadLetters()
            .list({})
            .value()
            .first()
            .toObject()
            .value(QLatin1String("id"))
            .toString();
    }

private Q_SLOTS:
    void aCleanRunForReference()
    {
        QTemporaryDir dir;
        EngineFixture f(dir.filePath(QStringLiteral("engine.db")));
        f.publish(TwoCalls);
        f.db.setFaults({});
        const QString id = f.start(QStringLiteral("two-calls"));
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        f.clock.advance(61000);
        f.engine->processDueTimers();
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        // The fault suites below cover every statement and commit this run makes.
        QVERIFY2(f.db.statementCount() < 80, qPrintable(QString::number(f.db.statementCount())));
        QVERIFY2(f.db.commitCount() < 12, qPrintable(QString::number(f.db.commitCount())));
    }

    void aCleanNestedRunForReference()
    {
        QTemporaryDir dir;
        EngineFixture f(dir.filePath(QStringLiteral("engine.db")));
        f.publish(TwoCalls);
        f.publish(RunsTwoCalls);
        f.db.setFaults({});
        const QString id = f.start(QStringLiteral("runs-two-calls"));
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        f.settle();
        f.clock.advance(61000);
        f.engine->processDueTimers();
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        // The nested suites below cover every statement and commit this run makes.
        QVERIFY2(f.db.statementCount() < 110, qPrintable(QString::number(f.db.statementCount())));
        QVERIFY2(f.db.commitCount() < 10, qPrintable(QString::number(f.db.commitCount())));
    }

    // A workflow run as a step, with a failure at each statement or commit (as a crash there
    // would leave it): the child starts once, each module effect happens once, both complete.
    void aNestedRunLosesNothingAtAnyStatement_data()
    {
        QTest::addColumn<int>("n");
        for (int n = 1; n <= 110; ++n)
            QTest::newRow(qPrintable(QStringLiteral("statement %1").arg(n))) << n;
    }
    void aNestedRunLosesNothingAtAnyStatement()
    {
        QFETCH(int, n);
        FaultPlan plan;
        plan.failStatement = n;
        runToCompletionUnder(plan, Nested);
    }
    void aNestedRunLosesNothingAtAnyCommit_data()
    {
        QTest::addColumn<int>("n");
        for (int n = 1; n <= 10; ++n)
            QTest::newRow(qPrintable(QStringLiteral("commit %1").arg(n))) << n;
    }
    void aNestedRunLosesNothingAtAnyCommit()
    {
        QFETCH(int, n);
        FaultPlan plan;
        plan.failCommit = n;
        runToCompletionUnder(plan, Nested);
    }

    void everyStatementFailingOnceLosesNothing_data()
    {
        QTest::addColumn<int>("n");
        for (int n = 1; n <= 80; ++n)
            QTest::newRow(qPrintable(QStringLiteral("statement %1").arg(n))) << n;
    }
    void everyStatementFailingOnceLosesNothing()
    {
        QFETCH(int, n);
        FaultPlan plan;
        plan.failStatement = n;
        runToCompletionUnder(plan);
    }

    void everyCommitFailingOnceLosesNothing_data()
    {
        QTest::addColumn<int>("n");
        for (int n = 1; n <= 12; ++n)
            QTest::newRow(qPrintable(QStringLiteral("commit %1").arg(n))) << n;
    }
    void everyCommitFailingOnceLosesNothing()
    {
        QFETCH(int, n);
        FaultPlan plan;
        plan.failCommit = n;
        runToCompletionUnder(plan);
    }

    void aBusyDatabaseIsWaitedFor()
    {
        FaultPlan plan;
        plan.busyStatement = 3;
        runToCompletionUnder(plan);
    }

    void aFullDiskStopsWorkUntilItHasRoom()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.publish(TwoCalls);
        const QString id = f.start(QStringLiteral("two-calls"));
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        FaultPlan full;
        full.failFromStatement = 1;
        f.db.setFaults(full);
        for (int i = 0; i < 5; ++i) {
            f.clock.advance(61000);
            f.engine->processDueTimers();
            QCoreApplication::processEvents();
        }
        // Nothing moved, and the timer is still there to fire.
        QCOMPARE(witness.status(id), QStringLiteral("waiting"));
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM timers WHERE kind = 'delay'")),
                 1);
        f.db.setFaults({});
        f.clock.advance(61000);
        f.engine->processDueTimers();
        QTRY_COMPARE(witness.status(id), QStringLiteral("completed"));
    }

    void anExecutionThatCannotBeLoadedHoldsNoOneBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        QString damaged;
        QString healthy;
        {
            EngineFixture f(path);
            f.publish(TwoCalls);
            QByteArray other = TwoCalls;
            other.replace("\"two-calls\"", "\"other-calls\"");
            f.publish(other);
            damaged = f.start(QStringLiteral("two-calls"));
            healthy = f.start(QStringLiteral("other-calls"));
            QTRY_COMPARE(f.status(damaged), QStringLiteral("waiting"));
            QTRY_COMPARE(f.status(healthy), QStringLiteral("waiting"));
            // The stored version of one workflow is damaged behind the engine's back.
            QVERIFY(f.db.run(QStringLiteral("UPDATE workflow_versions SET definition = '{' WHERE "
                                            "workflow_id = 'two-calls'"))
                        .ok());
        }
        EngineFixture f(path);
        Witness witness(path);
        f.clock.advance(61000);
        f.engine->processDueTimers();
        QTRY_COMPARE(witness.status(healthy), QStringLiteral("completed"));
        // The other keeps its state and its timer, an hour later: nothing spins on it.
        QCOMPARE(witness.status(damaged), QStringLiteral("waiting"));
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM timers WHERE due_at > %1")
                                   .arg(f.clock.nowMs() + 3500 * 1000)),
                 1);
    }

    // A module hears of a step, and the world of a status, only once the commit that made them
    // is durable: a power loss cannot take back what a module acted on.
    void nothingGoesOutBeforeItsCommitIsDurable()
    {
        QTemporaryDir dir;
        EngineFixture f(dir.filePath(QStringLiteral("engine.db")));
        f.publish(TwoCalls);
        f.settle();
        QStringList announced;
        QObject guard;
        QObject::connect(f.engine.get(), &WorkflowEngine::executionChanged, &guard,
                         [&](const QString &, const QString &status) { announced << status; });
        f.db.holdSync(true);
        auto started = f.engine->start(QStringLiteral("two-calls"),
                                       {{QStringLiteral("patient_id"), QStringLiteral("pt-1")}});
        QVERIFY(started.ok());
        QCoreApplication::processEvents();
        QCOMPARE(f.modules.calls.size(), 0);
        QVERIFY(announced.isEmpty());
        QVERIFY(!f.db.allDurable());
        f.db.holdSync(false);
        QTRY_COMPARE(f.modules.calls.size(), 1);
        QCOMPARE(announced.value(0), QStringLiteral("running"));
    }

    void everySendOfAKeyCarriesTheSameBody()
    {
        // The payload draws a new random number each time it is rendered: only a body kept
        // with the step can be sent again unchanged.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        QByteArray workflow = TwoCalls;
        workflow.replace("\"amount\": 40}", "\"amount\": 40, \"nonce\": \"{{ Math.random() }}\"}");
        QList<ModuleCallRequest> sent;
        {
            EngineFixture f(path);
            f.publish(workflow);
            int calls = 0;
            f.modules.responder = [&calls](const ModuleCallRequest &) {
                return ++calls == 1 ? FakeModuleClient::failure(true) : ModuleCallResult {};
            };
            f.modules.hold = false;
            const QString id = f.start(QStringLiteral("two-calls"));
            QTRY_COMPARE(f.modules.calls.size(), 1); // the first send fails, a retry is due
            f.modules.hold = true;
            QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
            f.clock.advance(61000);
            f.engine->processDueTimers();
            QTRY_COMPARE(f.modules.held.size(), 1); // the retry went out; the engine then "dies"
            sent = f.modules.calls;
        }
        EngineFixture f(path);
        QVERIFY(f.engine->recover().ok());
        QTRY_VERIFY(!f.modules.calls.isEmpty());
        sent += f.modules.calls;
        QCOMPARE(sent.size(), 3);
        for (const ModuleCallRequest &call : std::as_const(sent)) {
            QCOMPARE(call.idempotencyKey, sent.first().idempotencyKey);
            QCOMPARE(call.body, sent.first().body);
        }
        QVERIFY(sent.first().body.value(QLatin1String("nonce")).isDouble());
    }

    void aKeyedStartIsStoredWithItsExecution()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.modules.hold = true;
        f.publish(TwoCalls);
        const QJsonObject input {{QStringLiteral("patient_id"), QStringLiteral("pt-1")}};
        // The start's commit fails: neither the execution nor the key is kept...
        FaultPlan plan;
        plan.failCommit = 1;
        f.db.setFaults(plan);
        QVERIFY(!f.engine->startOnce(QStringLiteral("k1"), QStringLiteral("two-calls"), input,
                                     QStringLiteral("api")));
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM inbound_requests")), 0);
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")), 0);
        // ...so the client's retry starts it, once.
        auto first = f.engine->startOnce(QStringLiteral("k1"), QStringLiteral("two-calls"), input,
                                         QStringLiteral("api"));
        QVERIFY(first.ok());
        auto again = f.engine->startOnce(QStringLiteral("k1"), QStringLiteral("two-calls"), input,
                                         QStringLiteral("api"));
        QVERIFY(again.ok());
        QCOMPARE(again->value(QLatin1String("execution_id")),
                 first->value(QLatin1String("execution_id")));
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")), 1);
        // Keys are forgotten after a day.
        f.clock.advance(InboundRequests::KeptMs + 1000);
        f.engine->sweep();
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM inbound_requests")), 0);
    }

    void cancelIsReportedOnlyOnceStored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.modules.hold = true;
        f.publish(TwoCalls);
        const QString id = f.start(QStringLiteral("two-calls"));
        FaultPlan plan;
        plan.failCommit = 1;
        f.db.setFaults(plan);
        const Status cancelled = f.engine->cancel(id, QStringLiteral("tester"));
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Unavailable);
        QCOMPARE(witness.status(id), QStringLiteral("running"));
        // Once storage works, the same request goes through.
        f.clock.advance(1000);
        f.engine->processDueTimers();
        QVERIFY(f.engine->cancel(id, QStringLiteral("tester")).ok());
        QCOMPARE(witness.status(id), QStringLiteral("cancelled"));
    }

    // Each orchestration event is recorded in the commit of the change it records: a change
    // whose commit fails leaves no entry, and the chain shows any entry changed or removed.
    void everyOrchestrationEventIsAuditedInItsCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.modules.hold = true;
        f.publish(TwoCalls);
        QVERIFY(f.store
                    ->promote(QStringLiteral("two-calls"), 1, QStringLiteral("dev"),
                              QStringLiteral("ana"))
                    .ok());
        QVERIFY(
            f.store->setEnabled(QStringLiteral("two-calls"), false, QStringLiteral("ana")).ok());
        QVERIFY(f.store->setEnabled(QStringLiteral("two-calls"), true, QStringLiteral("ana")).ok());
        const QString id = f.start(QStringLiteral("two-calls"));
        const QStringList before = witness.audit();
        QCOMPARE(before,
                 QStringList({QStringLiteral("workflow.published by tester"),
                              QStringLiteral("workflow.promoted by ana"),
                              QStringLiteral("workflow.disabled by ana"),
                              QStringLiteral("workflow.enabled by ana")}));

        // Failed commits: neither the change nor its entry is stored.
        FaultPlan plan;
        plan.failCommit = 1;
        f.db.setFaults(plan);
        QVERIFY(!f.engine->cancel(id, QStringLiteral("bo")).ok());
        QCOMPARE(witness.audit(), before);
        f.db.setFaults(plan); // counted again from here: the next commit fails
        QVERIFY(
            !f.store->setEnabled(QStringLiteral("two-calls"), false, QStringLiteral("bo")).ok());
        QCOMPARE(witness.audit(), before);
        QCOMPARE(witness.count(QStringLiteral("SELECT enabled FROM workflows")), 1);
        f.db.setFaults({});

        f.clock.advance(1000);
        f.engine->processDueTimers();
        QVERIFY(f.engine->cancel(id, QStringLiteral("bo")).ok());
        auto retried = f.engine->retry(id, QStringLiteral("cy"));
        QVERIFY(retried.ok());
        QCOMPARE(witness.audit().mid(before.size()),
                 QStringList({QStringLiteral("execution.cancelled by bo"),
                              QStringLiteral("execution.retried by cy")}));

        // The chain: intact, then broken where an entry was changed, or where one is missing.
        QCOMPARE(AuditLog::verify(witness.db()).value(), qint64(before.size() + 2));
        QVERIFY(witness.db()
                    .run(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE "
                                        "seq = 3"))
                    .ok());
        auto changed = AuditLog::verify(witness.db());
        QVERIFY(!changed.ok());
        QVERIFY2(changed.error().message.contains(QLatin1String("entry 3 does not match")),
                 qPrintable(changed.error().message));
        QVERIFY(witness.db().run(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")).ok());
        auto removed = AuditLog::verify(witness.db());
        QVERIFY(!removed.ok());
        QVERIFY2(removed.error().message.contains(QLatin1String("entry 3 is missing")),
                 qPrintable(removed.error().message));
    }

    // An event sent again under its Idempotency-Key takes effect once, also when the first
    // delivery failed half-way: what it started is not started again, and what it resumed is
    // not resumed again.
    void aKeyedEventTakesEffectOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.publish(
            R"({"id": "on-paid", "name": "On paid", "trigger": {"kind": "event", "event_type": "payment.succeeded"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "done"}]})");
        f.publish(R"({"id": "waits", "name": "Waits", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "wait", "type": "wait_for_event", "event_type": "payment.succeeded", "timeout": "72h"},
                    {"id": "done", "type": "end"},
                    {"id": "late", "type": "end", "status": "failed", "error": "no payment"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "port": "event", "to": "done"},
                    {"from": "wait", "port": "timeout", "to": "late"}]})");
        const QString first = f.start(QStringLiteral("waits"));
        const QString second = f.start(QStringLiteral("waits"));
        const QJsonObject data {{QStringLiteral("invoice"), QStringLiteral("inv-1")}};
        const auto countStarted = [&] {
            return witness.count(
                QStringLiteral("SELECT COUNT(*) FROM executions WHERE workflow_id = 'on-paid'"));
        };

        // The start commits, the first resumption does, the second one's commit fails.
        FaultPlan plan;
        plan.failCommit = 3;
        f.db.setFaults(plan);
        auto partial = f.engine->deliverEvent(QStringLiteral("payment.succeeded"), {}, data,
                                              QStringLiteral("evt-1"));
        QVERIFY(!partial.ok());
        QCOMPARE(partial.error().kind, ErrorKind::Unavailable);
        f.db.setFaults({});
        QCOMPARE(countStarted(), 1);
        const int resumedBefore = int(witness.status(first) == QLatin1String("completed"))
            + int(witness.status(second) == QLatin1String("completed"));
        QCOMPARE(resumedBefore, 1);

        // The client sends it again: nothing starts twice, the other wait resumes.
        f.clock.advance(1000);
        f.engine->processDueTimers();
        auto again = f.engine->deliverEvent(QStringLiteral("payment.succeeded"), {}, data,
                                            QStringLiteral("evt-1"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(countStarted(), 1);
        QCOMPARE(witness.status(first), QStringLiteral("completed"));
        QCOMPARE(witness.status(second), QStringLiteral("completed"));

        // Once answered, a repeat gets the same answer; the key with another event is refused.
        auto replayed = f.engine->deliverEvent(QStringLiteral("payment.succeeded"), {}, data,
                                               QStringLiteral("evt-1"));
        QVERIFY(replayed->value(QLatin1String("replayed")).toBool());
        QCOMPARE(replayed->value(QLatin1String("started")), again->value(QLatin1String("started")));
        QCOMPARE(countStarted(), 1);
        auto other = f.engine->deliverEvent(QStringLiteral("payment.succeeded"), {},
                                            {{QStringLiteral("invoice"), QStringLiteral("inv-2")}},
                                            QStringLiteral("evt-1"));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().kind, ErrorKind::Conflict);
    }

    // A call that never gets a definite answer may have taken effect: it is tried again under
    // the same key, then counted as possibly done and compensated with the rest.
    void anUncertainOutcomeIsCompensatedNotGuessed()
    {
        EngineFixture f;
        f.modules.responder = [](const ModuleCallRequest &request) {
            if (request.body.value(QLatin1String("action")).toString() != QLatin1String("charge"))
                return ModuleCallResult {200, {{QStringLiteral("ok"), true}}, {}, false, 1};
            ModuleCallResult timedOut;
            timedOut.error = QStringLiteral("no answer within the timeout");
            timedOut.retryable = true;
            timedOut.uncertain = true;
            return timedOut;
        };
        f.publish(TwoCalls);
        const QString id = f.start(QStringLiteral("two-calls"),
                                   {{QStringLiteral("patient_id"), QStringLiteral("pt-1")}});
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                f.clock.advance(60000);
                f.engine->processDueTimers();
                return f.status(id) == QLatin1String("failed");
            }(),
            10000);
        QSet<QByteArray> chargeKeys;
        for (const auto &call : std::as_const(f.modules.calls)) {
            if (call.body.value(QLatin1String("action")).toString() == QLatin1String("charge"))
                chargeKeys.insert(call.idempotencyKey);
        }
        QVERIFY(f.modules.actions().count(QStringLiteral("charge")) > 1);
        QCOMPARE(chargeKeys.size(), 1); // every attempt under the same key
        QVERIFY(f.modules.actions().contains(QStringLiteral("refund")));
        const QStringList history = f.history(id);
        QVERIFY2(history.contains(QStringLiteral("step_outcome_unknown:charge")),
                 qPrintable(history.join(u", ")));
        QVERIFY(history.contains(QStringLiteral("compensation_completed:charge")));

        // A definite "no" from the module settles it: nothing to compensate.
        EngineFixture g;
        g.modules.responder = [](const ModuleCallRequest &) {
            return FakeModuleClient::failure(false, 422);
        };
        g.publish(TwoCalls);
        const QString refused = g.start(QStringLiteral("two-calls"));
        QTRY_COMPARE(g.status(refused), QStringLiteral("failed"));
        QVERIFY(!g.modules.actions().contains(QStringLiteral("refund")));
        QVERIFY(!g.history(refused).contains(QStringLiteral("step_outcome_unknown:charge")));
    }

    // A damaged row (a status or a step state the engine does not know) is an internal error
    // naming what is wrong, never read as something else; the row is left as it was.
    void aDamagedRowIsRefusedNotGuessed_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QStringList>("named");
        QTest::addColumn<QString>("statusAfter");
        QTest::newRow("status") << QStringLiteral("status = 'finished?'")
                                << QStringList {QStringLiteral("\"finished?\"")}
                                << QStringLiteral("finished?");
        QTest::newRow("step state")
            << QStringLiteral("state = json_set(state, '$.steps.start.status', 'exploded')")
            << QStringList {QStringLiteral("\"start\""), QStringLiteral("\"exploded\"")}
            << QStringLiteral("running");
    }

    void aDamagedRowIsRefusedNotGuessed()
    {
        QFETCH(QString, damage);
        QFETCH(QStringList, named);
        QFETCH(QString, statusAfter);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.modules.hold = true;
        f.publish(TwoCalls);
        const QString id = f.start(QStringLiteral("two-calls"));
        f.makeEngine(); // a restart: nothing in memory
        QVERIFY(witness.db()
                    .run(QStringLiteral("UPDATE executions SET %1 WHERE id = ?").arg(damage), {id})
                    .ok());
        const Status cancelled = f.engine->cancel(id, QStringLiteral("tester"));
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Internal);
        for (const QString &name : std::as_const(named))
            QVERIFY2(cancelled.error().message.contains(name),
                     qPrintable(cancelled.error().message));
        QCOMPARE(witness.status(id), statusAfter);
    }

    void theSweeperResumesWhatWasLeftBehind()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        QString id;
        {
            EngineFixture f(path);
            f.modules.hold = true;
            f.publish(TwoCalls);
            id = f.start(QStringLiteral("two-calls"));
        }
        // A core that did not restart this execution (it was not running at its start).
        EngineFixture f(path);
        QCOMPARE(f.status(id), QStringLiteral("running"));
        QCOMPARE(f.engine->sweep(), 0); // too recent to be called left behind
        f.clock.advance(WorkflowEngine::StuckAfterMs + 1000);
        QCOMPARE(f.engine->sweep(), 1);
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        QCOMPARE(f.modules.calls.size(), 1);
        QVERIFY(f.history(id).contains(QStringLiteral("execution_resumed")));
    }

    void schedulesFireOnceEachInOneTransaction()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        EngineFixture f(path);
        Witness witness(path);
        f.engine->setTimeZone(QTimeZone::utc());
        f.clock.set(QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC));
        f.publish(Scheduled);
        QVERIFY(f.engine->scheduleWorkflows().ok());
        QVERIFY(f.engine->scheduleWorkflows().ok()); // armed once, however often it is called
        const QString timers = QStringLiteral(
            "SELECT COUNT(*) FROM timers WHERE kind = 'schedule' AND node = 'at-seven'");
        QCOMPARE(witness.count(timers), 1);
        // The firing's commit fails: no execution, and the schedule is still there.
        f.clock.advance(3600 * 1000);
        FaultPlan plan;
        plan.failCommit = 1;
        f.db.setFaults(plan);
        f.engine->processDueTimers();
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")), 0);
        QCOMPARE(witness.count(timers), 1);
        // After the backoff it fires once, and tomorrow's 07:00 is set.
        f.clock.advance(1000);
        f.engine->processDueTimers();
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")), 1);
        QCOMPARE(witness.count(timers), 1);
        const qint64 tomorrow =
            QDateTime(QDate(2026, 3, 3), QTime(7, 0), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM timers WHERE kind = "
                                              "'schedule' AND due_at = %1")
                                   .arg(tomorrow)),
                 1);
        f.engine->processDueTimers();
        QCOMPARE(witness.count(QStringLiteral("SELECT COUNT(*) FROM executions")), 1);
    }

    void deadLettersStayUntilReplayedOrDiscarded()
    {
        EngineFixture f;
        f.modules.responder = [](const ModuleCallRequest &) {
            return FakeModuleClient::failure(false, 422);
        };
        f.publish(TwoCalls);
        const QString id = f.start(QStringLiteral("two-calls"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        QCOMPARE(f.engine->deadLetters().pendingCount().value(), 1);
        f.engine->deadLetters().setTtl(24 * 3600 * 1000);
        f.clock.advance(30LL * 24 * 3600 * 1000);
        f.engine->sweep();
        QCOMPARE(f.engine->deadLetters().list({}).value().size(), 1); // pending: kept
        const QString letter = firstLetter(f);
        QVERIFY(f.engine->deadLetters()
                    .discard(letter, QStringLiteral("charged by phone"), QStringLiteral("tester"))
                    .ok());
        f.engine->sweep();
        QCOMPARE(f.engine->deadLetters().list({}).value().size(),
                 1); // discarded, within TTL
        f.clock.advance(25LL * 3600 * 1000);
        f.engine->sweep();
        QCOMPARE(f.engine->deadLetters().list({}).value().size(), 0);
    }

    // A core that stops while a dead letter's replay is out leaves it claimed; the next start
    // makes it pending again, to be replayed (under the same key) or discarded.
    void aReplayCutShortByAStopIsPendingAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        QString letter;
        {
            EngineFixture f(path);
            f.modules.responder = [](const ModuleCallRequest &) {
                return FakeModuleClient::failure(false, 422);
            };
            f.publish(TwoCalls);
            const QString id = f.start(QStringLiteral("two-calls"));
            QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
            letter = firstLetter(f);
            f.modules.hold = true; // the replay goes out and never comes back: the core stops
            f.engine->deadLetters().replay(letter, {}, QStringLiteral("tester"),
                                           [](Result<QJsonObject>) {});
            QTRY_COMPARE(f.modules.held.size(), 1);
            QCOMPARE(f.engine->deadLetters().list({QStringLiteral("replaying"), {}, {}})->size(),
                     1);
            // A second replay meanwhile is refused, not sent.
            std::optional<Result<QJsonObject>> again;
            f.engine->deadLetters().replay(letter, {}, QStringLiteral("tester"),
                                           [&](Result<QJsonObject> r) { again = r; });
            QVERIFY(again.has_value() && !again->ok());
            QCOMPARE(again->error().kind, ErrorKind::Conflict);
            QCOMPARE(f.modules.held.size(), 1);
        }
        EngineFixture f(path);
        QVERIFY(f.engine->recover().ok());
        QCOMPARE(f.engine->deadLetters().pendingCount().value(), 1);
        QCOMPARE(f.engine->deadLetters().list({QStringLiteral("pending"), {}, {}})->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstEngineFaults)
#include "tst_enginefaults.moc"
