#include "store/database.h"
#include "store/datafolder.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace Switchboard;

class TstDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // With Power, what depends on a commit waits until the log is synced (on another
    // thread); a transaction's waiters wait for its commit and go with a rollback. With
    // Process, nothing waits.
    void whatDependsOnACommitWaitsUntilItIsDurable()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("s.db"))).ok());
        QTRY_VERIFY(db.allDurable()); // the schema's commits
        QStringList ran;
        db.whenDurable([&] { ran << QStringLiteral("nothing pending"); });
        QCOMPARE(ran, QStringList {QStringLiteral("nothing pending")});

        db.holdSync(true);
        QVERIFY(db.run("INSERT INTO kpi_samples (name, at, value) VALUES ('a', 1, 1)").ok());
        db.whenDurable([&] { ran << QStringLiteral("insert"); });
        QVERIFY(db.transaction([&]() -> Status {
                      db.whenDurable([&] { ran << QStringLiteral("transaction"); });
                      auto inserted =
                          db.run("INSERT INTO kpi_samples (name, at, value) VALUES ('b', 1, 1)");
                      return inserted ? Status(Ok {}) : Status(inserted.error());
                  }).ok());
        QVERIFY(!db.transaction([&]() -> Status {
                       db.whenDurable([&] { ran << QStringLiteral("rolled back"); });
                       return unavailable(QStringLiteral("no"));
                   }).ok());
        QCoreApplication::processEvents();
        QVERIFY(!db.allDurable());
        QCOMPARE(ran.size(), 1);

        db.holdSync(false);
        QTRY_VERIFY(db.allDurable());
        QCOMPARE(ran,
                 QStringList({QStringLiteral("nothing pending"), QStringLiteral("insert"),
                              QStringLiteral("transaction")}));

        Database process;
        QVERIFY(
            process.open(dir.filePath(QStringLiteral("p.db")), Database::Durability::Process).ok());
        process.holdSync(true); // no sync to hold
        QVERIFY(process.run("INSERT INTO kpi_samples (name, at, value) VALUES ('a', 1, 1)").ok());
        bool now = false;
        process.whenDurable([&] { now = true; });
        QVERIFY(now);
    }

    // With Power the connection never checkpoints itself (that would sync the database file
    // on the event loop); WalSync folds the log in on a thread of its own once it is large.
    void theLogIsFoldedInOffTheEventLoop()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        Database db;
        QVERIFY(db.open(path).ok());
        auto automatic = db.exec(QStringLiteral("PRAGMA wal_autocheckpoint"));
        QVERIFY(automatic && automatic->next());
        QCOMPARE(automatic->value(0).toInt(), 0); // the WAL hook replaced SQLite's own
        automatic->finish();
        QVERIFY(db.run("CREATE TABLE filler (x)").ok());
        const qint64 before = QFileInfo(path).size();
        // Commits of 1 MB each, 24 in all: past WalSync::CheckpointBytes.
        for (int i = 0; i < 24; ++i)
            QVERIFY(db.run("INSERT INTO filler VALUES (randomblob(1048576))").ok());
        QTRY_VERIFY(db.allDurable());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 16 * 1048576, 10000);
        auto rows = db.exec(QStringLiteral("SELECT COUNT(*) FROM filler"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 24);
    }

    void migratesANewDatabaseAndReopensIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QCOMPARE(db.schemaVersion(), Database::latestVersion());
            QVERIFY(db.run(QStringLiteral(
                               "INSERT INTO workflows (id, draft, updated_at) VALUES (?, ?, ?)"),
                           {QStringLiteral("w"), QStringLiteral("{}"), 1})
                        .ok());
            auto mode = db.exec(QStringLiteral("PRAGMA journal_mode"));
            QVERIFY(mode.ok() && mode->next());
            QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
        }
        Database again;
        QVERIFY(again.open(path).ok());
        auto rows = again.exec(QStringLiteral("SELECT COUNT(*) FROM workflows"));
        QVERIFY(rows.ok() && rows->next());
        QCOMPARE(rows->value(0).toInt(), 1); // reopened, not recreated
    }

    // Schema 12 reads each older execution's origin back from its start event.
    void anOlderStoreKeepsWhereItsExecutionsCameFrom()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s11.db"));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
            QByteArray sql;
            for (int v = 1; v <= 11; ++v)
                sql += Migrations::script(v).toUtf8() + ';';
            sql += "CREATE TABLE schema_version (version INTEGER NOT NULL);"
                   "INSERT INTO schema_version (version) VALUES (11);"
                   "INSERT INTO executions (id, workflow_id, version, status, trace_id, input, "
                   "state, created_at, updated_at) VALUES "
                   "('ex_a', 'w', 1, 'completed', 't1', '{}', '{}', 1, 1),"
                   "('ex_b', 'w', 1, 'running', 't2', '{}', '{}', 2, 2),"
                   "('ex_c', 'w', 1, 'running', 't3', '{}', '{}', 3, 3);"
                   "INSERT INTO execution_events (execution_id, seq, ts, type, data) VALUES "
                   "('ex_a', 1, 1, 'execution_started', '{\"origin\":\"schedule\",\"version\":1}'),"
                   "('ex_c', 1, 3, 'execution_started', '{\"origin\":\"event:lead.created\"}');";
            char *error = nullptr;
            const int rc = sqlite3_exec(raw, sql.constData(), nullptr, nullptr, &error);
            QVERIFY2(rc == SQLITE_OK, error);
            sqlite3_close(raw);
        }
        Database db;
        const Status opened = db.open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        auto rows = db.exec(QStringLiteral("SELECT id, origin FROM executions ORDER BY id"));
        QVERIFY(rows.ok());
        QVERIFY(rows->next());
        QCOMPARE(rows->value(1).toString(), QStringLiteral("schedule"));
        QVERIFY(rows->next());
        QCOMPARE(rows->value(1).toString(), QString()); // no start event: unknown, not guessed
        QVERIFY(rows->next());
        QCOMPARE(rows->value(1).toString(), QStringLiteral("event")); // the kind, for the filter
    }

    void refusesADatabaseFromANewerVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.run(QStringLiteral("UPDATE schema_version SET version = ?"),
                           {Database::latestVersion() + 5})
                        .ok());
        }
        Database newer;
        const Status st = newer.open(path);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("newer Switchboard")),
                 qPrintable(st.error().message));
    }

    void failedTransactionsLeaveNothing()
    {
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        const Status st = db.transaction([&]() -> Status {
            if (auto r = db.run(QStringLiteral(
                    "INSERT INTO workflows (id, draft, updated_at) VALUES ('a', '{}', 1)"));
                !r)
                return r.error();
            return makeError(QStringLiteral("something later failed"));
        });
        QVERIFY(!st.ok());
        auto rows = db.exec(QStringLiteral("SELECT COUNT(*) FROM workflows"));
        QVERIFY(rows.ok() && rows->next());
        QCOMPARE(rows->value(0).toInt(), 0);
        QVERIFY(!db.run(QStringLiteral("INSERT INTO nowhere VALUES (1)")).ok());
    }

    // Values reach SQLite as QtSql would bind them: a null string is NULL, an empty one is
    // text, numbers stay numbers, bytes are a blob.
    void writesBindValuesByType()
    {
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        QVERIFY(db.run("CREATE TABLE v (a, b, c, d, e, f)").ok());
        QVERIFY(db.run("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)",
                       {QString(), QStringLiteral(""), 7, 2.5, QByteArray("\x01\x00", 2),
                        QStringLiteral("ñ")})
                    .ok());
        auto q = db.exec(QStringLiteral("SELECT typeof(a), typeof(b), typeof(c), typeof(d), "
                                        "typeof(e), length(e), f FROM v"));
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("null"));
        QCOMPARE(q->value(1).toString(), QStringLiteral("text"));
        QCOMPARE(q->value(2).toString(), QStringLiteral("integer"));
        QCOMPARE(q->value(3).toString(), QStringLiteral("real"));
        QCOMPARE(q->value(4).toString(), QStringLiteral("blob"));
        QCOMPARE(q->value(5).toInt(), 2);
        QCOMPARE(q->value(6).toString(), QStringLiteral("ñ"));
        // A refused write names SQLite's reason and leaves the statement usable.
        QVERIFY(db.run("CREATE UNIQUE INDEX v_a ON v(c)").ok());
        auto again = db.run("INSERT INTO v (c) VALUES (?)", {7});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QVERIFY(again.error().message.contains(QLatin1String("UNIQUE")));
        QVERIFY(db.run("INSERT INTO v (c) VALUES (?)", {8}).ok());
    }

    // The counts behind /metrics and the review queues follow every insert, status change,
    // queue change and delete, whoever makes it.
    void countsFollowEveryChange()
    {
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        const auto counted = [&](const char *sql) {
            QStringList rows;
            auto q = db.exec(QString::fromLatin1(sql));
            while (q.ok() && q->next())
                rows << q->value(0).toString() + QLatin1Char('=') + q->value(1).toString();
            return rows;
        };
        for (int i = 0; i < 5; ++i)
            QVERIFY(db.run("INSERT INTO executions (id, workflow_id, version, status, trace_id, "
                           "input, state, created_at, updated_at) VALUES (?, 'w', 1, ?, 't', "
                           "'{}', '{}', 1, 1)",
                           {QStringLiteral("e%1").arg(i),
                            i < 3 ? QStringLiteral("running") : QStringLiteral("waiting")})
                        .ok());
        QVERIFY(db.run("UPDATE executions SET status = 'completed' WHERE id IN ('e0', 'e3')").ok());
        QVERIFY(db.run("UPDATE executions SET status = 'running', updated_at = 2 WHERE id = 'e1'")
                    .ok());
        QVERIFY(db.run("DELETE FROM executions WHERE id = 'e0'").ok());
        const char *stored = "SELECT status, COUNT(*) FROM executions GROUP BY status ORDER BY 1";
        const char *kept = "SELECT status, n FROM execution_counts WHERE n > 0 ORDER BY 1";
        QCOMPARE(counted(kept), counted(stored));
        QCOMPARE(counted(kept), QStringList({"completed=1", "running=2", "waiting=1"}));

        for (int i = 0; i < 4; ++i)
            QVERIFY(db.run("INSERT INTO tasks (id, execution_id, node, queue, role, title, form, "
                           "status, created_at) VALUES (?, 'e1', 'n', ?, 'support', 't', '{}', "
                           "'pending', ?)",
                           {QStringLiteral("t%1").arg(i),
                            i % 2 ? QStringLiteral("billing") : QStringLiteral("intake"), i})
                        .ok());
        QVERIFY(db.run("UPDATE tasks SET status = 'claimed' WHERE id = 't0'").ok());
        QVERIFY(db.run("UPDATE tasks SET queue = 'billing' WHERE id = 't2'").ok());
        QVERIFY(db.run("UPDATE tasks SET status = 'expired' WHERE execution_id = 'e1' AND "
                       "status = 'pending' AND queue = 'billing' AND id <> 't1'")
                    .ok());
        QVERIFY(db.run("DELETE FROM tasks WHERE id = 't3'").ok());
        QCOMPARE(counted("SELECT queue || '/' || status, n FROM task_counts WHERE n > 0 "
                         "ORDER BY 1"),
                 counted("SELECT queue || '/' || status, COUNT(*) FROM tasks GROUP BY queue, "
                         "status ORDER BY 1"));
        QCOMPARE(counted("SELECT queue || '/' || status, n FROM task_counts WHERE n > 0 "
                         "ORDER BY 1"),
                 QStringList({"billing/expired=1", "billing/pending=1", "intake/claimed=1"}));
    }

    void aDamagedDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.db"));
        {
            Database db;
            QVERIFY(db.open(path).ok());
            for (int i = 0; i < 200; ++i)
                QVERIFY(db.run(QStringLiteral("INSERT INTO kpi_samples (name, at, value) VALUES "
                                              "('leads', ?, 1)"),
                               {i})
                            .ok());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.resize(file.size() / 2 + 100); // truncated mid-page
        file.seek(4096 + 50);
        file.write(QByteArray(600, '\xff'));
        file.close();
        Database db;
        const Status opened = db.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::Internal);
    }

    void oneCorePerDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("switchboard.db"));
        auto first = DataFolder::lock(path);
        QVERIFY(first.ok());
        auto second = DataFolder::lock(path);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, ErrorKind::Conflict);
        QVERIFY2(second.error().message.contains(
                     QStringLiteral("PID %1").arg(QCoreApplication::applicationPid())),
                 qPrintable(second.error().message));
        QVERIFY(!DataFolder::stoppedCleanly(path));
        first->reset();
        QVERIFY(DataFolder::stoppedCleanly(path));
        QVERIFY(DataFolder::lock(path).ok());
    }
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
