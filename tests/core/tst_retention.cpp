#include "store/database.h"
#include "store/retention.h"
#include "teststore.h"

#include <QTest>

using namespace Switchboard;

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr qint64 Now = 1'800'000'000'000; // 2027-01-15

} // namespace

// Finished work goes after its period; open work and the audit log never do.
class TstRetention : public QObject
{
    Q_OBJECT

    Database m_db;

    int count(const char *sql)
    {
        auto q = m_db.exec(QString::fromLatin1(sql));
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    void execution(const QString &id, const QString &status, qint64 finishedDaysAgo)
    {
        const QVariant finished =
            finishedDaysAgo < 0 ? QVariant() : QVariant(Now - finishedDaysAgo * DayMs);
        QVERIFY(m_db.run(QStringLiteral("INSERT INTO executions (id, workflow_id, version, status, "
                                        "trace_id, input, state, created_at, updated_at, "
                                        "finished_at) VALUES (?, 'w', 1, ?, 't', '{}', '{}', 0, "
                                        "0, ?)"),
                         {id, status, finished}));
        for (int seq = 1; seq <= 3; ++seq)
            QVERIFY(m_db.run(QStringLiteral("INSERT INTO execution_events (execution_id, seq, ts, "
                                            "type) VALUES (?, ?, 0, 'x')"),
                             {id, seq}));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_db.open(TestSupport::TestStore::fresh())); }

    void prunesFinishedWorkOnly()
    {
        // 1,200 old executions (more than two batches), a recent one, one still running, one
        // whose review task is still open.
        for (int i = 0; i < 1200; ++i)
            execution(QStringLiteral("old-%1").arg(i), QStringLiteral("completed"), 120);
        execution(QStringLiteral("recent"), QStringLiteral("failed"), 10);
        execution(QStringLiteral("running"), QStringLiteral("running"), -1);
        execution(QStringLiteral("waiting-task"), QStringLiteral("cancelled"), 120);
        QVERIFY(m_db.run(QStringLiteral("INSERT INTO tasks (id, execution_id, node, queue, role, "
                                        "title, form, status, created_at) VALUES ('t1', "
                                        "'waiting-task', 'n', 'q', 'support', 't', '{}', "
                                        "'pending', 0)")));
        // Samples: one old, one recent of each.
        for (const char *table : {"kpi_samples", "event_counts"}) {
            for (qint64 age : {500, 5})
                QVERIFY(m_db.run(QStringLiteral("INSERT INTO %1 (name, at, value) VALUES ('x', ?, "
                                                "1)")
                                     .arg(QLatin1String(table)),
                                 {Now - age * DayMs}));
        }
        for (qint64 age : {500, 5})
            QVERIFY(m_db.run(QStringLiteral("INSERT INTO module_samples (module, at, status, p50, "
                                            "p95, p99, checks, unanswered) VALUES ('02_booking', "
                                            "?, 0, 1, 2, 3, 4, 0)"),
                             {Now - age * DayMs}));
        // Alerts: resolved long ago (with history and a delivery), and one still open.
        for (const auto &[id, state, resolvedDaysAgo] :
             {std::tuple {1, "resolved", 400}, std::tuple {2, "firing", 0}}) {
            QVERIFY(m_db.run(
                QStringLiteral(
                    "INSERT INTO alerts (id, fingerprint, rule, category, severity, module, "
                    "subject, title, message, action, derived_from, state, first_seen, last_seen, "
                    "count, owner, resolved_at, resolved_by, inhibited_by, silence_id, notified) "
                    "VALUES (?, 'f', 'r', 'c', 'warning', '', '', 't', 'm', 'a', '', ?, 0, 0, 1, "
                    "'', ?, '', '', 0, 1)"),
                {id, QString::fromLatin1(state),
                 resolvedDaysAgo ? QVariant(Now - resolvedDaysAgo * DayMs) : QVariant()}));
            QVERIFY(m_db.run(QStringLiteral("INSERT INTO alert_events (alert_id, ts, kind, actor, "
                                            "note) VALUES (?, 0, 'raised', '', '')"),
                             {id}));
            QVERIFY(m_db.run(
                QStringLiteral("INSERT INTO alert_deliveries (alert_id, channel, event, status, "
                               "attempts, http_status, error, created_at, updated_at) VALUES (?, "
                               "'slack', 'trigger', 'sent', 1, 200, '', 0, ?)"),
                {id, Now - 200 * DayMs}));
        }
        QVERIFY(
            m_db.run(QStringLiteral("INSERT INTO audit_log (seq, ts, event, actor, data, "
                                    "prev_hash, hash) VALUES (1, 0, 'e', 'a', '{}', '', 'h')")));

        Retention retention(m_db, RetentionSettings {});
        auto deleted = retention.prune(Now);
        QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().message));
        QCOMPARE(deleted->value(QStringLiteral("executions")), 1200);
        QCOMPARE(deleted->value(QStringLiteral("execution_events")), 3 * 1200);
        QCOMPARE(count("SELECT COUNT(*) FROM executions"), 3); // recent, running, waiting-task
        QCOMPARE(count("SELECT COUNT(*) FROM execution_events WHERE execution_id = 'recent'"), 3);
        // One kept for its open task keeps its history too.
        QCOMPARE(count("SELECT COUNT(*) FROM execution_events WHERE execution_id = 'waiting-task'"),
                 3);
        QCOMPARE(count("SELECT COUNT(*) FROM tasks"), 1);
        for (const char *table :
             {"SELECT COUNT(*) FROM kpi_samples", "SELECT COUNT(*) FROM event_counts",
              "SELECT COUNT(*) FROM module_samples"})
            QCOMPARE(count(table), 1);
        QCOMPARE(count("SELECT COUNT(*) FROM alerts"), 1);
        QCOMPARE(count("SELECT id FROM alerts"), 2);
        QCOMPARE(count("SELECT COUNT(*) FROM alert_events"), 1);
        QCOMPARE(count("SELECT COUNT(*) FROM alert_deliveries"), 0); // past 90 days, sent
        QCOMPARE(count("SELECT COUNT(*) FROM audit_log"), 1); // never pruned

        // A second pass finds nothing more.
        QVERIFY(retention.prune(Now)->isEmpty());
    }

    // A batch reads only what it deletes: the oldest through executions_by_finish, with no
    // sort of every finished execution (that took 300 ms a batch at 300,000 executions).
    // SQLite's planner, asked on an SQLite store whichever store the rest of the test uses:
    // PostgreSQL plans by its statistics, not by a hint.
    void aBatchFindsTheOldestThroughTheirIndex()
    {
        Database sqlite;
        QVERIFY(sqlite.open(QStringLiteral(":memory:")).ok());
        auto plan = sqlite.exec(QStringLiteral("EXPLAIN QUERY PLAN ")
                                    + QString::fromLatin1(Retention::OldestFinishedSql),
                                {Now, Retention::BatchRows});
        QVERIFY(plan.ok());
        QStringList steps;
        while (plan->next())
            steps << plan->value(3).toString();
        const QString all = steps.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("executions USING INDEX executions_by_finish")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("TEMP B-TREE")), qPrintable(all));
    }

    // A pass goes a batch at a time: each call deletes at most BatchRows executions, whole
    // (history and decided tasks with them), oldest first, and says whether more is left.
    void aPassGoesOneBatchAtATime()
    {
        constexpr int B = Retention::BatchRows;
        constexpr int n = 2 * B + B / 5;
        for (int i = 0; i < n; ++i)
            execution(QStringLiteral("slice-%1").arg(i, 4, 10, QLatin1Char('0')),
                      QStringLiteral("completed"), 400 - i * 10 / n);
        QVERIFY(m_db.run(QStringLiteral("INSERT INTO tasks (id, execution_id, node, queue, role, "
                                        "title, form, status, created_at) VALUES ('decided-1', "
                                        "'slice-0000', 'n', 'q', 'support', 't', '{}', "
                                        "'decided', 0)")));
        Retention retention(m_db, RetentionSettings {});
        QList<int> batches;
        for (;;) {
            auto batch = retention.pruneSome(Now);
            QVERIFY(batch.ok());
            const int executions = batch->deleted.value(QStringLiteral("executions"));
            QCOMPARE(batch->deleted.value(QStringLiteral("execution_events")), 3 * executions);
            if (executions > 0)
                batches << executions;
            if (batches.size() == 1) {
                // The oldest went first, with its decided task.
                QCOMPARE(count("SELECT COUNT(*) FROM executions WHERE id = 'slice-0000'"), 0);
                QCOMPARE(count("SELECT COUNT(*) FROM tasks WHERE id = 'decided-1'"), 0);
                const QByteArray newest = QStringLiteral("SELECT COUNT(*) FROM executions WHERE "
                                                         "id = 'slice-%1'")
                                              .arg(n - 1, 4, 10, QLatin1Char('0'))
                                              .toLatin1();
                QCOMPARE(count(newest.constData()), 1);
            }
            if (!batch->more)
                break;
            QVERIFY(batches.size() < 10);
        }
        QCOMPARE(batches, QList<int>({B, B, B / 5}));
        QCOMPARE(count("SELECT COUNT(*) FROM executions WHERE id LIKE 'slice-%'"), 0);
        QCOMPARE(count("SELECT n FROM execution_counts WHERE status = 'completed'"),
                 count("SELECT COUNT(*) FROM executions WHERE status = 'completed'"));
        // The next pass starts over and finds nothing.
        auto again = retention.pruneSome(Now);
        QVERIFY(again.ok() && again->deleted.isEmpty() && !again->more);
    }

    // A failing database stops a pass with the error; the next pass does the rest.
    void aFailedPassIsTakenUpByTheNext()
    {
        for (int i = 0; i < 10; ++i)
            execution(QStringLiteral("later-%1").arg(i), QStringLiteral("completed"), 200);
        FaultPlan plan;
        plan.failFromStatement = 1;
        m_db.setFaults(plan);
        Retention retention(m_db, RetentionSettings {});
        auto failed = retention.prune(Now);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, ErrorKind::Unavailable);
        m_db.setFaults({});
        QCOMPARE(count("SELECT COUNT(*) FROM executions WHERE id LIKE 'later-%'"), 10);
        QCOMPARE(retention.prune(Now)->value(QStringLiteral("executions")), 10);
    }
};

QTEST_GUILESS_MAIN(TstRetention)
#include "tst_retention.moc"
