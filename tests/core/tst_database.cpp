#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

class TstDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
