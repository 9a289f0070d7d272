#include "enginefixture.h"

#include <QSignalSpy>
#include <QtTest>

// Two engines on one PostgreSQL store, as two cores of a clinic share it: leases on the
// executions with calls in flight, takeover when a core stops renewing them, changes from a
// stale copy dropped whole, timers claimed by one core at a time, and a schedule that fires
// once. Each core has its own manual clock, moved together.
class TestSharedEngine : public QObject
{
    Q_OBJECT

    static constexpr qint64 LeaseMs = 30000;

    static QByteArray linear()
    {
        return R"({"id": "linear", "name": "Linear", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "done"}]})";
    }

    static QByteArray everyMinute()
    {
        return R"({"id": "minutely", "name": "Minutely", "trigger": {"kind": "schedule", "cron": "* * * * *"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "done"}]})";
    }

    // Two cores on a new database, their clocks at the same time, each with its leases.
    struct Cluster
    {
        QString url = TestSupport::TestStore::fresh();
        EngineFixture a {url};
        EngineFixture b {url};

        Cluster()
        {
            b.clock.set(QDateTime::fromMSecsSinceEpoch(a.clock.nowMs(), Qt::UTC));
            a.engine->shareStore(QStringLiteral("core-a"), LeaseMs);
            b.engine->shareStore(QStringLiteral("core-b"), LeaseMs);
        }
        void advance(qint64 ms)
        {
            a.clock.advance(ms);
            b.clock.advance(ms);
        }
        int count(const QString &sql)
        {
            auto q = a.db.exec(sql);
            return q && q->next() ? q->value(0).toInt() : -1;
        }
    };

    static ModuleCallResult booked()
    {
        ModuleCallResult r;
        r.httpStatus = 200;
        r.body = {{QStringLiteral("slot"), QStringLiteral("2026-01-06T09:00:00Z")}};
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestSupport::TestStore::postgres(), "SWITCHBOARD_TEST_STORE=postgresql is set");
        QVERIFY2(!TestSupport::TestStore::fresh().isEmpty(), "the PostgreSQL server starts");
    }

    void anotherCoreTakesOverWhenTheLeaseLapses()
    {
        Cluster c;
        c.a.publish(linear());
        c.a.modules.hold = true; // core A sends the call, then stops answering anything
        const QString id = c.a.start(QStringLiteral("linear"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(c.a.modules.held.size(), 1);
        QCOMPARE(c.count(QStringLiteral("SELECT COUNT(*) FROM executions WHERE owner = 'core-a'")),
                 1);

        // While A's lease lasts, B leaves the execution alone, and cannot change it either.
        c.advance(LeaseMs - 1000);
        QCOMPARE(c.a.engine->keepLeases(), 0); // A renews its lease
        c.advance(LeaseMs - 1000);
        QCOMPARE(c.b.engine->keepLeases(), 0);
        const Status cancelled = c.b.engine->cancel(id, QStringLiteral("tester"));
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().kind, ErrorKind::Conflict);
        QCOMPARE(c.b.status(id), QStringLiteral("running"));

        // A stops renewing (as a killed core does); past its lease B takes the execution over
        // and sends the call again under the same Idempotency-Key.
        c.advance(LeaseMs + 1);
        c.b.modules.responder = [](const ModuleCallRequest &) {
            return booked();
        };
        QCOMPARE(c.b.engine->keepLeases(), 1);
        c.b.settle();
        QTRY_COMPARE(c.b.status(id), QStringLiteral("completed"));
        QCOMPARE(c.b.modules.calls.size(), 1);
        QCOMPARE(c.b.modules.calls.first().idempotencyKey,
                 c.a.modules.held.first().request.idempotencyKey);
        QCOMPARE(c.count(QStringLiteral("SELECT COUNT(*) FROM executions WHERE owner IS NOT NULL")),
                 0);

        // A's answer comes back late: its copy is stale, its commit writes nothing.
        const QStringList before = c.b.history(id);
        c.a.modules.held.takeFirst().done(booked());
        QCoreApplication::processEvents();
        c.a.settle();
        QCOMPARE(c.a.history(id), before);
        QCOMPARE(c.a.status(id), QStringLiteral("completed"));
        QCOMPARE(before.count(QStringLiteral("step_completed:book")), 1);
        QVERIFY(before.contains(QStringLiteral("execution_resumed")));
    }

    void theOwnerFinishesWhatItHolds()
    {
        Cluster c;
        c.a.publish(linear());
        c.a.modules.hold = true;
        const QString id = c.a.start(QStringLiteral("linear"));
        c.advance(LeaseMs / 2);
        QCOMPARE(c.b.engine->keepLeases(), 0);
        c.a.modules.held.takeFirst().done(booked());
        QTRY_COMPARE(c.a.status(id), QStringLiteral("completed"));
        c.advance(2 * LeaseMs);
        QCOMPARE(c.b.engine->keepLeases(), 0); // released at the end: nothing to take over
        QVERIFY(c.b.modules.calls.isEmpty());
    }

    void anEventForAnExecutionAnotherCoreHoldsWaitsForThatCore()
    {
        Cluster c;
        c.a.publish(
            R"({"id": "pay", "name": "Book and wait for payment", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "fan", "type": "parallel"},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book"},
                    {"id": "wait", "type": "wait_for_event", "event_type": "payment.succeeded", "module": "04_billing", "timeout": "72h"},
                    {"id": "all", "type": "join", "mode": "all"}, {"id": "done", "type": "end"},
                    {"id": "late", "type": "end", "status": "failed", "error": "not paid in time"}],
          "edges": [{"from": "start", "to": "fan"}, {"from": "fan", "to": "book"}, {"from": "fan", "to": "wait"},
                    {"from": "book", "to": "all"}, {"from": "wait", "to": "all", "port": "event"},
                    {"from": "wait", "to": "late", "port": "timeout"}, {"from": "all", "to": "done"}]})");
        c.a.modules.hold = true;
        const QString id = c.a.start(QStringLiteral("pay"));
        QCOMPARE(c.a.modules.held.size(), 1); // A holds the execution while the booking is out

        // The payment reaches B: it cannot change what A holds, so the event waits for A.
        auto delivered = c.b.engine->deliverEvent(QStringLiteral("payment.succeeded"),
                                                  QStringLiteral("04_billing"),
                                                  {{QStringLiteral("amount_usd"), 150}});
        QVERIFY(delivered.ok());
        QCOMPARE(delivered->value(QLatin1String("resumed")).toArray(), QJsonArray {id});
        QVERIFY(!c.b.history(id).contains(QStringLiteral("event_received:wait")));
        QCOMPARE(c.b.engine->processDueTimers(), 0);

        // A takes it on its next look, then its booking comes back: both branches joined.
        QCOMPARE(c.a.engine->processDueTimers(), 1);
        QVERIFY(c.a.history(id).contains(QStringLiteral("event_received:wait")));
        c.a.modules.held.takeFirst().done(booked());
        QTRY_COMPARE(c.a.status(id), QStringLiteral("completed"));
        QCOMPARE(c.a.history(id).count(QStringLiteral("event_received:wait")), 1);
        QCOMPARE(c.count(QStringLiteral("SELECT COUNT(*) FROM timers")), 0);
    }

    void aScheduleFiresOnceWhicheverCoreFiresIt()
    {
        Cluster c;
        c.a.clock.set(QDateTime(QDate(2026, 12, 4), QTime(9, 0, 30), Qt::UTC));
        c.b.clock.set(QDateTime(QDate(2026, 12, 4), QTime(9, 0, 30), Qt::UTC));
        c.a.publish(everyMinute());
        // Both cores arm the schedules at their start: one timer.
        QVERIFY(c.a.engine->scheduleWorkflows());
        QVERIFY(c.b.engine->scheduleWorkflows());
        QCOMPARE(c.count(QStringLiteral("SELECT COUNT(*) FROM timers WHERE kind = 'schedule'")), 1);

        for (int minute = 1; minute <= 3; ++minute) {
            c.advance(60000);
            // Both look at the same moment; the one that claims the timer fires it.
            const int fired = c.a.engine->processDueTimers() + c.b.engine->processDueTimers();
            QCOMPARE(fired, 1);
            c.a.settle();
            c.b.settle();
            QCOMPARE(c.count(QStringLiteral("SELECT COUNT(*) FROM executions WHERE origin = "
                                            "'schedule'")),
                     minute);
            QCOMPARE(c.count(QStringLiteral("SELECT COUNT(*) FROM timers WHERE kind = 'schedule'")),
                     1);
        }
        QCOMPARE(c.count(QStringLiteral("SELECT COUNT(DISTINCT input) FROM executions")), 3);
    }

    void aClaimedTimerIsLeftToTheCoreThatClaimedIt()
    {
        Cluster c;
        const QByteArray delay =
            R"({"id": "pause", "name": "Pause", "trigger": {"kind": "manual"},
              "nodes": [{"id": "start", "type": "trigger"},
                        {"id": "wait", "type": "delay", "duration": "10s"},
                        {"id": "done", "type": "end"}],
              "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})";
        c.a.publish(delay);
        const QString id = c.a.start(QStringLiteral("pause"));
        QCOMPARE(c.a.status(id), QStringLiteral("waiting"));
        c.advance(11000);
        // A claims the due timer (its pass stops at once for lack of time) …
        QVERIFY(c.a.db
                    .exec(QStringLiteral("UPDATE timers SET claimed_until = ?"),
                          {c.a.clock.nowMs() + LeaseMs})
                    .ok());
        QCOMPARE(c.b.engine->processDueTimers(), 0); // … so B skips it
        c.advance(LeaseMs + 1);
        QCOMPARE(c.b.engine->processDueTimers(), 1); // a lapsed claim is anyone's
        c.b.settle();
        QCOMPARE(c.b.status(id), QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TestSharedEngine)
#include "tst_sharedengine.moc"
