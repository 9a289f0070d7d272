#include "common/manualclock.h"
#include "engine/workflowengine.h"
#include "enginefixture.h"
#include "fakemoduleclient.h"
#include "store/database.h"
#include "store/workflowstore.h"
#include "workflow/expressionengine.h"
#include "workflow/workflowvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

// The engine with a fake module client and a manual clock: no network, no sleeping.
class TstWorkflowEngine : public QObject
{
    Q_OBJECT

    using Fixture = EngineFixture;

    static QByteArray linear()
    {
        return R"({"id": "linear", "name": "Linear", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"patient": "{{ input.patient_id }}"}},
                    {"id": "done", "type": "end", "output": {"slot": "{{ steps.book.output.slot }}"}}],
          "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "done"}]})";
    }

private Q_SLOTS:
    void runsAModuleCallToTheEnd()
    {
        Fixture f;
        f.modules.responder = [](const ModuleCallRequest &) {
            ModuleCallResult r;
            r.httpStatus = 200;
            r.body = {{QStringLiteral("slot"), QStringLiteral("2026-01-06T09:00:00Z")}};
            return r;
        };
        f.publish(linear());
        QSignalSpy changed(f.engine.get(), &WorkflowEngine::executionChanged);
        const QString id = f.start(QStringLiteral("linear"),
                                   {{QStringLiteral("patient_id"), QStringLiteral("pt-1")}});
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        const QJsonObject e = f.execution(id);
        QCOMPARE(
            e.value(QLatin1String("output")).toObject().value(QLatin1String("slot")).toString(),
            QStringLiteral("2026-01-06T09:00:00Z"));
        QCOMPARE(
            f.history(id),
            (QStringList {"execution_started", "step_completed:start", "step_started:book",
                          "step_completed:book", "step_completed:done", "execution_completed"}));
        QCOMPARE(f.modules.calls.size(), 1);
        const ModuleCallRequest &call = f.modules.calls.first();
        QCOMPARE(call.body.value(QLatin1String("patient")).toString(), QStringLiteral("pt-1"));
        QCOMPARE(call.body.value(QLatin1String("action")).toString(), QStringLiteral("book"));
        QCOMPARE(call.idempotencyKey, (id + QStringLiteral(":book:1")).toLatin1());
        QCOMPARE(call.traceId, e.value(QLatin1String("trace_id")).toString().toLatin1());
        QCOMPARE(call.traceId.size(), 32);
        QCOMPARE(call.spanId.size(), 16);
        QVERIFY(changed.count() >= 1);
    }

    void conditionChoosesTheFirstMatchingCase_data()
    {
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("action");
        QTest::newRow("hot") << 9 << "book_now";
        QTest::newRow("warm") << 6 << "offer_slots";
        QTest::newRow("cold") << 2 << "nurture";
    }

    void conditionChoosesTheFirstMatchingCase()
    {
        QFETCH(int, score);
        QFETCH(QString, action);
        Fixture f;
        f.publish(R"({"id": "route", "name": "Route", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "score", "type": "condition", "cases": [{"label": "hot", "when": "input.score >= 8"}, {"label": "warm", "when": "input.score >= 5"}], "default": "cold"},
                    {"id": "a", "type": "module_call", "module": "02_booking", "action": "book_now"},
                    {"id": "b", "type": "module_call", "module": "02_booking", "action": "offer_slots"},
                    {"id": "c", "type": "module_call", "module": "05_followup", "action": "nurture"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "score"}, {"from": "score", "to": "a", "port": "hot"}, {"from": "score", "to": "b", "port": "warm"},
                    {"from": "score", "to": "c", "port": "cold"}, {"from": "a", "to": "done"}, {"from": "b", "to": "done"}, {"from": "c", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("route"), {{QStringLiteral("score"), score}});
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(f.modules.actions(), QStringList {action});
    }

    void delayIsADurableTimer()
    {
        Fixture f;
        f.publish(R"({"id": "later", "name": "Later", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "24h"},
                    {"id": "remind", "type": "module_call", "module": "08_messaging", "action": "send"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "remind"}, {"from": "remind", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("later"));
        QCOMPARE(f.status(id), QStringLiteral("waiting"));
        f.clock.advance(23 * 3600 * 1000LL);
        QCOMPARE(f.engine->processDueTimers(), 0);
        QCOMPARE(f.modules.calls.size(), 0);
        f.clock.advance(3600 * 1000LL);
        QCOMPARE(f.engine->processDueTimers(), 1);
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QVERIFY(f.history(id).contains(QStringLiteral("timer_fired:wait")));
    }

    // Many timers due at once fire in passes: a pass moves its executions in one commit, stops
    // at TimerBatch, and with a time budget stops early (at least one fires); the rest stay
    // due, untouched, for the next pass.
    void dueTimersFireInBoundedPassesWithOneCommitEach()
    {
        Fixture f;
        f.publish(R"({"id": "later", "name": "Later", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "1h"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})");
        const int n = WorkflowEngine::TimerBatch + 50;
        QStringList ids;
        for (int i = 0; i < n; ++i)
            ids << f.start(QStringLiteral("later"));
        f.clock.advance(3600 * 1000LL);

        // With no time to spare, one fires, and is committed before the pass returns.
        int commits = f.db.commitCount();
        QCOMPARE(f.engine->processDueTimers(0), 1);
        QCOMPARE(f.db.commitCount(), commits + 1);
        QCOMPARE(f.status(ids.first()), QStringLiteral("completed"));
        QCOMPARE(f.status(ids.at(1)), QStringLiteral("waiting"));

        // Without a budget a pass fires a whole batch, in one commit.
        commits = f.db.commitCount();
        QCOMPARE(f.engine->processDueTimers(), WorkflowEngine::TimerBatch);
        QCOMPARE(f.db.commitCount(), commits + 1);
        QCOMPARE(f.engine->processDueTimers(), n - 1 - WorkflowEngine::TimerBatch);
        QCOMPARE(f.engine->processDueTimers(), 0);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(f.status(id), QStringLiteral("completed"));
    }

    // A loop that never ends (here through a one-second delay, a minute's worth of laps) is
    // stopped at EXECUTION_MAX_HISTORY_EVENTS: the execution fails naming the limit, and its
    // history stops growing.
    void aRunawayLoopFailsAtTheHistoryLimit()
    {
        Fixture f;
        f.engine->setMaxHistoryEvents(100);
        f.publish(R"({"id": "spin", "name": "Spin", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "tick", "type": "set", "values": {"n": 1}},
                    {"id": "wait", "type": "delay", "duration": "1s"}],
          "edges": [{"from": "start", "to": "tick"}, {"from": "tick", "to": "wait"}, {"from": "wait", "to": "tick"}]})");
        const QString id = f.start(QStringLiteral("spin"));
        for (int lap = 0; lap < 60 && f.status(id) == QLatin1String("waiting"); ++lap) {
            f.clock.advance(1000);
            f.engine->processDueTimers();
        }
        QCOMPARE(f.status(id), QStringLiteral("failed"));
        QVERIFY(f.execution(id)
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("EXECUTION_MAX_HISTORY_EVENTS")));
        const qsizetype events = f.history(id).size();
        QVERIFY2(events <= 110, qPrintable(QString::number(events)));
        f.clock.advance(60000);
        QCOMPARE(f.engine->processDueTimers(), 0);
        QCOMPARE(f.history(id).size(), events);
    }

    void retriesWithExponentialBackoff()
    {
        Fixture f;
        int answered = 0;
        f.modules.responder = [&](const ModuleCallRequest &) {
            return ++answered < 3
                ? FakeModuleClient::failure(true)
                : ModuleCallResult {200, {{QStringLiteral("ok"), true}}, {}, false, 1};
        };
        f.publish(linear());
        const QString id = f.start(QStringLiteral("linear"));
        QTRY_COMPARE(f.modules.calls.size(), 1);
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        // First retry after 1 s ± 20 %, the second after 2 s ± 20 %.
        f.clock.advance(790);
        QCOMPARE(f.engine->processDueTimers(), 0);
        f.clock.advance(420);
        QCOMPARE(f.engine->processDueTimers(), 1);
        QTRY_COMPARE(f.modules.calls.size(), 2);
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        f.clock.advance(1590);
        QCOMPARE(f.engine->processDueTimers(), 0);
        f.clock.advance(820);
        QCOMPARE(f.engine->processDueTimers(), 1);
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        // Every attempt of the same step carries the same Idempotency-Key.
        QCOMPARE(f.modules.calls.at(0).idempotencyKey, f.modules.calls.at(2).idempotencyKey);
        QCOMPARE(f.history(id).count(QStringLiteral("retry_scheduled:book")), 2);
    }

    // The specification's backoff, by default: 1 s, 2 s, 4 s, 8 s and 16 s between six tries
    // (each ± 20 %), and then the call has failed for good.
    void theDefaultRetriesWaitTheSeedsSteps()
    {
        Fixture f;
        f.modules.responder = [](const ModuleCallRequest &) {
            return FakeModuleClient::failure(true);
        };
        f.publish(linear());
        const QString id = f.start(QStringLiteral("linear"));
        QTRY_COMPARE(f.modules.calls.size(), 1);
        int calls = 1;
        for (const qint64 step : {1000, 2000, 4000, 8000, 16000}) {
            QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
            f.clock.advance(step * 79 / 100);
            QCOMPARE(f.engine->processDueTimers(), 0);
            f.clock.advance(step * 42 / 100);
            QCOMPARE(f.engine->processDueTimers(), 1);
            ++calls;
            QTRY_COMPARE(f.modules.calls.size(), calls);
        }
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        QCOMPARE(f.modules.calls.size(), 6);
        QCOMPARE(f.history(id).count(QStringLiteral("retry_scheduled:book")), 5);
    }

    void nonRetryableFailureFailsAtOnce()
    {
        Fixture f;
        f.modules.responder = [](const ModuleCallRequest &) {
            return FakeModuleClient::failure(false, 400);
        };
        f.publish(linear());
        const QString id = f.start(QStringLiteral("linear"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        QCOMPARE(f.modules.calls.size(), 1);
        QVERIFY(f.execution(id)
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QStringLiteral("book: HTTP 400")));
    }

    void sagaCompensatesInReverseOrder()
    {
        Fixture f;
        f.modules.responder = [](const ModuleCallRequest &r) {
            if (r.body.value(QLatin1String("action")).toString() == QLatin1String("charge"))
                return FakeModuleClient::failure(false, 402);
            return ModuleCallResult {200, {{QStringLiteral("ok"), true}}, {}, false, 1};
        };
        f.publish(R"({"id": "saga", "name": "Saga", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "lead", "type": "module_call", "module": "01_intake", "action": "create_lead", "compensation": {"module": "01_intake", "action": "delete_lead"}},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "compensation": {"module": "02_booking", "action": "cancel_booking", "payload": {"booking": "{{ steps.book.output.ok }}"}}},
                    {"id": "pay", "type": "module_call", "module": "04_billing", "action": "charge"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "lead"}, {"from": "lead", "to": "book"}, {"from": "book", "to": "pay"}, {"from": "pay", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("saga"));
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        QCOMPARE(f.modules.actions(),
                 (QStringList {"create_lead", "book", "charge", "cancel_booking", "delete_lead"}));
        QCOMPARE(f.modules.calls.at(3).idempotencyKey,
                 (id + QStringLiteral(":book:1:compensate")).toLatin1());
        const QStringList h = f.history(id);
        QVERIFY(h.indexOf(QStringLiteral("compensation_completed:book"))
                < h.indexOf(QStringLiteral("compensation_completed:lead")));
        QCOMPARE(h.last(), QStringLiteral("execution_failed"));
    }

    void parallelBranchesRunConcurrently()
    {
        Fixture f;
        f.modules.hold = true;
        f.publish(R"({"id": "confirm", "name": "Confirm", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "fan", "type": "parallel"},
                    {"id": "email", "type": "module_call", "module": "08_messaging", "action": "email"},
                    {"id": "sms", "type": "module_call", "module": "08_messaging", "action": "sms"},
                    {"id": "whatsapp", "type": "module_call", "module": "08_messaging", "action": "whatsapp"},
                    {"id": "all", "type": "join", "mode": "all"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "fan"}, {"from": "fan", "to": "email"}, {"from": "fan", "to": "sms"}, {"from": "fan", "to": "whatsapp"},
                    {"from": "email", "to": "all"}, {"from": "sms", "to": "all"}, {"from": "whatsapp", "to": "all"}, {"from": "all", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("confirm"));
        // All three are out at the same time before any has answered.
        QCOMPARE(f.modules.held.size(), 3);
        for (int i = 0; i < 2; ++i) {
            f.modules.held.at(i).done(ModuleCallResult {200, {}, {}, false, 1});
            QTRY_COMPARE(f.history(id).count(QStringLiteral("join_arrival:all")), i + 1);
            QCOMPARE(f.status(id), QStringLiteral("running"));
        }
        f.modules.held.at(2).done(ModuleCallResult {200, {}, {}, false, 1});
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
    }

    void humanReviewWaitsForADecision()
    {
        Fixture f;
        f.publish(R"({"id": "review", "name": "Review", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "check", "type": "human_review", "queue": "ocr-review", "role": "support", "title": "Check {{ input.document_id }}", "sla": "4h",
                     "fields": [{"name": "name", "type": "text", "required": true, "phi": true, "value": "{{ input.name }}"}, {"name": "amount", "type": "number"}],
                     "outcomes": ["approve", "reject"]},
                    {"id": "store", "type": "module_call", "module": "06_ocr", "action": "store", "payload": {"name": "{{ steps.check.output.fields.name }}"}},
                    {"id": "ok", "type": "end"}, {"id": "no", "type": "end", "status": "failed", "error": "rejected"}],
          "edges": [{"from": "start", "to": "check"}, {"from": "check", "to": "store", "port": "approve"}, {"from": "check", "to": "no", "port": "reject"}, {"from": "store", "to": "ok"}]})");
        QSignalSpy tasks(f.engine.get(), &WorkflowEngine::taskChanged);
        const QString id = f.start(QStringLiteral("review"),
                                   {{QStringLiteral("document_id"), QStringLiteral("doc-7")},
                                    {QStringLiteral("name"), QStringLiteral("Jon Smth")}});
        QCOMPARE(f.status(id), QStringLiteral("waiting"));
        const QJsonArray pending =
            f.engine->tasks(QStringLiteral("ocr-review"), QStringLiteral("pending")).value();
        QCOMPARE(pending.size(), 1);
        const QJsonObject task = pending.first().toObject();
        QCOMPARE(task.value(QLatin1String("title")).toString(), QStringLiteral("Check doc-7"));
        QCOMPARE(task.value(QLatin1String("form"))
                     .toObject()
                     .value(QLatin1String("fields"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("value"))
                     .toString(),
                 QStringLiteral("Jon Smth"));
        QCOMPARE(tasks.count(), 1);
        const QString taskId = task.value(QLatin1String("id")).toString();

        QCOMPARE(f.engine->decide(taskId, QStringLiteral("maybe"), {}, {}, QStringLiteral("ana"))
                     .error()
                     .field,
                 QStringLiteral("decision"));
        QCOMPARE(f.engine
                     ->decide(taskId, QStringLiteral("approve"),
                              {{QStringLiteral("amount"), QStringLiteral("lots")}}, {},
                              QStringLiteral("ana"))
                     .error()
                     .field,
                 QStringLiteral("fields.amount"));
        QVERIFY(f.engine->claim(taskId, QStringLiteral("ana")).ok());
        QCOMPARE(f.engine->claim(taskId, QStringLiteral("ben")).error().message,
                 QStringLiteral("the task is claimed by ana"));
        auto decided = f.engine->decide(taskId, QStringLiteral("approve"),
                                        {{QStringLiteral("name"), QStringLiteral("Jon Smith")}},
                                        QStringLiteral("fixed typo"), QStringLiteral("ana"));
        QVERIFY2(decided.ok(), qPrintable(decided.ok() ? QString() : decided.error().toString()));
        QCOMPARE(decided->value(QLatin1String("status")).toString(), QStringLiteral("decided"));
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(f.modules.calls.first().body.value(QLatin1String("name")).toString(),
                 QStringLiteral("Jon Smith"));
        // Deciding twice is refused.
        auto again =
            f.engine->decide(taskId, QStringLiteral("reject"), {}, {}, QStringLiteral("ben"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().field, QStringLiteral("status"));
    }

    void waitForEventResumesOrTimesOut()
    {
        Fixture f;
        f.publish(R"({"id": "paid", "name": "Paid", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "wait", "type": "wait_for_event", "event_type": "payment.succeeded", "module": "04_billing", "match": "event.data.invoice == input.invoice", "timeout": "72h"},
                    {"id": "paid", "type": "end", "output": {"amount": "{{ steps.wait.output.data.amount_usd }}"}},
                    {"id": "late", "type": "end", "status": "failed", "error": "not paid in time"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "paid", "port": "event"}, {"from": "wait", "to": "late", "port": "timeout"}]})");
        const QString a =
            f.start(QStringLiteral("paid"), {{QStringLiteral("invoice"), QStringLiteral("inv-1")}});
        const QString b =
            f.start(QStringLiteral("paid"), {{QStringLiteral("invoice"), QStringLiteral("inv-2")}});
        auto delivered = f.engine->deliverEvent(
            QStringLiteral("payment.succeeded"), QStringLiteral("04_billing"),
            {{QStringLiteral("invoice"), QStringLiteral("inv-1")},
             {QStringLiteral("amount_usd"), 150}});
        QVERIFY(delivered.ok());
        QCOMPARE(delivered->value(QLatin1String("resumed")).toArray(), QJsonArray {a});
        QCOMPARE(f.status(a), QStringLiteral("completed"));
        QCOMPARE(f.execution(a)
                     .value(QLatin1String("output"))
                     .toObject()
                     .value(QLatin1String("amount"))
                     .toInt(),
                 150);
        QCOMPARE(f.status(b), QStringLiteral("waiting"));
        f.clock.advance(72 * 3600 * 1000LL);
        QCOMPARE(f.engine->processDueTimers(), 1);
        QCOMPARE(f.status(b), QStringLiteral("failed"));
        QVERIFY(f.history(b).contains(QStringLiteral("wait_timed_out:wait")));
    }

    void eventsStartPublishedWorkflows()
    {
        Fixture f;
        f.publish(
            R"({"id": "on-lead", "name": "On lead", "trigger": {"kind": "event", "event_type": "lead.captured", "module": "01_intake", "filter": "event.data.score >= 5"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end", "output": {"score": "{{ input.score }}"}}],
          "edges": [{"from": "start", "to": "done"}]})");
        auto low =
            f.engine->deliverEvent(QStringLiteral("lead.captured"), QStringLiteral("01_intake"),
                                   {{QStringLiteral("score"), 3}});
        QCOMPARE(low->value(QLatin1String("started")).toArray().size(), 0);
        auto high =
            f.engine->deliverEvent(QStringLiteral("lead.captured"), QStringLiteral("01_intake"),
                                   {{QStringLiteral("score"), 9}});
        QCOMPARE(high->value(QLatin1String("started")).toArray().size(), 1);
        QVERIFY(
            f.store->setEnabled(QStringLiteral("on-lead"), false, QStringLiteral("tester")).ok());
        QCOMPARE(f.engine
                     ->deliverEvent(QStringLiteral("lead.captured"), QStringLiteral("01_intake"),
                                    {{QStringLiteral("score"), 9}})
                     ->value(QLatin1String("started"))
                     .toArray()
                     .size(),
                 0);
    }

    void executionsKeepTheirVersion()
    {
        Fixture f;
        f.modules.hold = true;
        f.publish(linear());
        const QString first = f.start(QStringLiteral("linear"));
        QByteArray changed = linear();
        changed.replace("\"book\", \"payload\"", "\"book_v2\", \"payload\"");
        f.publish(changed);
        f.modules.held.first().done(ModuleCallResult {200, {}, {}, false, 1});
        QCOMPARE(f.execution(first).value(QLatin1String("version")).toInt(), 1);
        const QString second = f.start(QStringLiteral("linear"));
        QCOMPARE(f.execution(second).value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(f.modules.actions(), (QStringList {"book", "book_v2"}));
        QCOMPARE(f.store->versions(QStringLiteral("linear"))->size(), 2);
    }

    void cancelAndRetry()
    {
        Fixture f;
        f.publish(R"({"id": "slow", "name": "Slow", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "1h"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("slow"), {{QStringLiteral("x"), 1}});
        QVERIFY(f.engine->cancel(id, QStringLiteral("tester")).ok());
        QCOMPARE(f.status(id), QStringLiteral("cancelled"));
        QCOMPARE(f.engine->cancel(id, QStringLiteral("tester")).error().field,
                 QStringLiteral("status"));
        f.clock.advance(2 * 3600 * 1000LL);
        QCOMPARE(f.engine->processDueTimers(), 0); // the timer went with the cancellation
        auto retried = f.engine->retry(id, QStringLiteral("tester"));
        QVERIFY(retried.ok());
        const QString again = retried->value(QLatin1String("execution_id")).toString();
        QCOMPARE(f.status(again), QStringLiteral("waiting"));
        QCOMPARE(f.execution(again)
                     .value(QLatin1String("input"))
                     .toObject()
                     .value(QLatin1String("x"))
                     .toInt(),
                 1);
    }

    void setNotifyAndJoinAny()
    {
        Fixture f;
        f.modules.hold = true;
        f.publish(R"({"id": "misc", "name": "Misc", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "vars", "type": "set", "values": {"greeting": "Hello {{ input.name }}", "score": "{{ input.score }}"}},
                    {"id": "fan", "type": "parallel"},
                    {"id": "fast", "type": "module_call", "module": "08_messaging", "action": "fast"},
                    {"id": "slow", "type": "module_call", "module": "08_messaging", "action": "slow"},
                    {"id": "first", "type": "join", "mode": "any"},
                    {"id": "tell", "type": "notify", "channel": "console", "severity": "warning", "message": "{{ vars.greeting }}, score {{ vars.score }}"},
                    {"id": "done", "type": "end", "output": {"score": "{{ vars.score }}"}}],
          "edges": [{"from": "start", "to": "vars"}, {"from": "vars", "to": "fan"}, {"from": "fan", "to": "fast"}, {"from": "fan", "to": "slow"},
                    {"from": "fast", "to": "first"}, {"from": "slow", "to": "first"}, {"from": "first", "to": "tell"}, {"from": "tell", "to": "done"}]})");
        QSignalSpy notes(f.engine.get(), &WorkflowEngine::notification);
        const QString id = f.start(
            QStringLiteral("misc"),
            {{QStringLiteral("name"), QStringLiteral("Ana")}, {QStringLiteral("score"), 7}});
        QCOMPARE(f.modules.held.size(), 2);
        // The first branch to arrive carries on; the other is not waited for.
        f.modules.held.at(0).done(ModuleCallResult {200, {}, {}, false, 1});
        QTRY_COMPARE(notes.count(), 1);
        const QJsonObject note = notes.first().at(1).toJsonObject();
        QCOMPARE(note.value(QLatin1String("message")).toString(),
                 QStringLiteral("Hello Ana, score 7"));
        QCOMPARE(note.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(note.value(QLatin1String("trace_id")).toString(),
                 f.execution(id).value(QLatin1String("trace_id")).toString());
        QCOMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(f.execution(id)
                     .value(QLatin1String("output"))
                     .toObject()
                     .value(QLatin1String("score"))
                     .toInt(),
                 7);
        f.modules.held.at(1).done(ModuleCallResult {200, {}, {}, false, 1});
        QCOMPARE(f.history(id).count(QStringLiteral("execution_completed")), 1);
    }

    void badExpressionAtRunTimeFailsTheStepWithItsField()
    {
        Fixture f;
        f.publish(R"({"id": "bad", "name": "Bad", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "pick", "type": "condition", "cases": [{"label": "deep", "when": "input.a.b.c > 1"}], "default": "other"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "pick"}, {"from": "pick", "to": "done", "port": "deep"}, {"from": "pick", "to": "done", "port": "other"}]})");
        const QString id = f.start(QStringLiteral("bad"), {});
        QCOMPARE(f.status(id), QStringLiteral("failed"));
        QVERIFY2(f.execution(id)
                     .value(QLatin1String("error"))
                     .toString()
                     .startsWith(QStringLiteral("pick: cases[0].when:")),
                 qPrintable(f.execution(id).value(QLatin1String("error")).toString()));
    }

    void exhaustedCallsGoToTheDeadLetterQueue()
    {
        Fixture f;
        bool healthy = false;
        f.modules.responder = [&](const ModuleCallRequest &) {
            return healthy ? ModuleCallResult {200, {{QStringLiteral("ok"), true}}, {}, false, 1}
                           : FakeModuleClient::failure(true);
        };
        f.publish(R"({"id": "dl", "name": "DL", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "charge", "type": "module_call", "module": "04_billing", "action": "charge", "payload": {"amount": "{{ input.amount }}"}, "retry": {"max_attempts": 2}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "charge"}, {"from": "charge", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("dl"), {{QStringLiteral("amount"), 150}});
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        f.clock.advance(5000);
        f.engine->processDueTimers();
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));
        QCOMPARE(f.engine->deadLetters().pendingCount().value(), 1);
        const QJsonObject letter = f.engine->deadLetters()
                                       .list({QStringLiteral("pending"), {}, {}})
                                       .value()
                                       .first()
                                       .toObject();
        QCOMPARE(letter.value(QLatin1String("module")).toString(), QStringLiteral("04_billing"));
        QCOMPARE(letter.value(QLatin1String("attempts")).toInt(), 2);
        QCOMPARE(letter.value(QLatin1String("payload"))
                     .toObject()
                     .value(QLatin1String("amount"))
                     .toInt(),
                 150);
        QVERIFY(f.history(id).contains(QStringLiteral("dead_lettered:charge")));

        // A replay that fails again stays in the queue; after recovery it goes through.
        std::optional<Result<QJsonObject>> outcome;
        f.engine->deadLetters().replay(letter.value(QLatin1String("id")).toString(), {},
                                       QStringLiteral("tester"),
                                       [&](Result<QJsonObject> r) { outcome = r; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->ok());
        QCOMPARE(f.engine->deadLetters().pendingCount().value(), 1);
        healthy = true;
        outcome.reset();
        f.engine->deadLetters().replay(letter.value(QLatin1String("id")).toString(),
                                       {{QStringLiteral("amount"), 120}}, QStringLiteral("tester"),
                                       [&](Result<QJsonObject> r) { outcome = r; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(outcome->ok());
        QCOMPARE(f.modules.calls.last().body.value(QLatin1String("amount")).toInt(), 120);
        // An edited payload is a request of its own: a key of its own, named by what it says.
        const QByteArray editedKey = f.modules.calls.last().idempotencyKey;
        QVERIFY(editedKey.startsWith((id + QStringLiteral(":charge:1:edit-")).toLatin1()));
        QCOMPARE(f.engine->deadLetters().pendingCount().value(), 0);
        QCOMPARE(f.engine->deadLetters().list({QStringLiteral("replayed"), {}, {}}).value().size(),
                 1);
        QCOMPARE(f.engine->deadLetters()
                     .discard(letter.value(QLatin1String("id")).toString(),
                              QStringLiteral("done by hand"), QStringLiteral("tester"))
                     .error()
                     .field,
                 QStringLiteral("id"));
    }

    void resumesAfterTheProcessDies()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        QString id;
        QByteArray key;
        {
            Fixture f(path);
            f.modules.hold = true;
            f.publish(linear());
            id = f.start(QStringLiteral("linear"));
            QCOMPARE(f.modules.held.size(), 1);
            key = f.modules.held.first().request.idempotencyKey;
            // The engine goes away with the call unanswered, as in a crash.
        }
        Fixture f(path);
        QCOMPARE(f.status(id), QStringLiteral("running"));
        QVERIFY(f.engine->recover().ok());
        QTRY_COMPARE(f.status(id), QStringLiteral("completed"));
        QCOMPARE(f.modules.calls.size(), 1);
        QCOMPARE(f.modules.calls.first().idempotencyKey, key);
        QVERIFY(f.history(id).contains(QStringLiteral("execution_resumed")));
    }

    void versionsArePromotedThroughTheEnvironments()
    {
        Fixture f;
        // This core is the staging one: what it runs is what was promoted to staging.
        f.store->setEnvironment(QStringLiteral("staging"));
        f.publish(linear());
        QCOMPARE(f.store->deployments(QStringLiteral("linear"))->value("staging").toInt(), 1);
        QJsonObject v2 = QJsonDocument::fromJson(linear()).object();
        v2.insert(QStringLiteral("name"), QStringLiteral("Linear v2"));
        QVERIFY(f.store->saveDraft(v2).ok());
        QCOMPARE(
            f.store
                ->publish(QStringLiteral("linear"), QStringLiteral("v2"), QStringLiteral("tester"))
                .value(),
            2);
        QCOMPARE(f.store->version(QStringLiteral("linear"))->name, QStringLiteral("Linear v2"));

        // Production takes only what staging runs; an unknown environment is refused.
        auto skip = f.store->promote(QStringLiteral("linear"), 1, QStringLiteral("production"),
                                     QStringLiteral("ana"));
        QVERIFY(!skip.ok());
        QVERIFY(skip.error().message.contains(QStringLiteral("does not run in staging")));
        QCOMPARE(f.store->promote(QStringLiteral("linear"), 2, QStringLiteral("prod"), "ana")
                     .error()
                     .field,
                 QStringLiteral("environment"));
        QVERIFY(f.store
                    ->promote(QStringLiteral("linear"), 2, QStringLiteral("production"),
                              QStringLiteral("ana"))
                    .ok());
        // Rolling staging back to version 1 goes through dev.
        QVERIFY(
            !f.store->promote(QStringLiteral("linear"), 1, QStringLiteral("staging"), "ana").ok());
        QVERIFY(f.store->promote(QStringLiteral("linear"), 1, QStringLiteral("dev"), "ana").ok());
        QVERIFY(
            f.store->promote(QStringLiteral("linear"), 1, QStringLiteral("staging"), "ana").ok());
        QCOMPARE(f.store->version(QStringLiteral("linear"))->version, 1);
        const QJsonObject where = f.store->deployments(QStringLiteral("linear")).value();
        QCOMPARE(where, (QJsonObject {{"dev", 1}, {"staging", 1}, {"production", 2}}));
        // The engine runs this environment's version.
        const QString id = f.start(QStringLiteral("linear"));
        QCOMPARE(f.execution(id).value("version").toInt(), 1);
        // A production core runs version 2.
        f.store->setEnvironment(QStringLiteral("production"));
        QCOMPARE(f.execution(f.start(QStringLiteral("linear"))).value("version").toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TstWorkflowEngine)
#include "tst_workflowengine.moc"
