#include "api/useraccounts.h"
#include "audit/auditlog.h"
#include "enginefixture.h"
#include "postgresserver.h"
#include "store/database.h"
#include "store/postgresdatabase.h"
#include "store/postgresschema.h"
#include "testsupport.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <thread>
#include <vector>

using namespace Switchboard;
using namespace TestSupport;

namespace {

const QString Password = QStringLiteral("a long clinic passphrase");

const QByteArray Quick = R"({
  "id": "quick", "name": "Quick", "trigger": {"kind": "manual"},
  "nodes": [
    {"id": "start", "type": "trigger"},
    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book",
     "payload": {"patient": "{{ input.patient_id }}"}},
    {"id": "done", "type": "end"}
  ],
  "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "done"}]
})";

// Waits a day after its call: a timer row and a waiting execution.
const QByteArray Waits = R"({
  "id": "waits", "name": "Waits", "trigger": {"kind": "manual"},
  "nodes": [
    {"id": "start", "type": "trigger"},
    {"id": "charge", "type": "module_call", "module": "04_billing", "action": "charge",
     "payload": {"patient": "{{ input.patient_id }}"}},
    {"id": "pause", "type": "delay", "duration": "1d"},
    {"id": "done", "type": "end"}
  ],
  "edges": [{"from": "start", "to": "charge"}, {"from": "charge", "to": "pause"},
            {"from": "pause", "to": "done"}]
})";

// table → "column type-class not-null" lines, sorted: what both stores must agree on.
using Columns = QMap<QString, QStringList>;

QString typeClass(const QString &type)
{
    const QString t = type.toUpper();
    if (t.contains(QLatin1String("INT")))
        return QStringLiteral("integer");
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("DOUBLE")))
        return QStringLiteral("real");
    return QStringLiteral("text");
}

} // namespace

// The shared store on a real PostgreSQL server started for the test: the schema it sets up is
// the one SQLite's migrations make, the counting triggers count the same, cores starting
// together set it up once, and a bad address or a server that is gone is said so.
class TstPostgresStore : public QObject
{
    Q_OBJECT

    PostgresServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void theSchemaIsTheOneSqliteHas()
    {
        PostgresDatabase pg;
        const Status opened = pg.open(m_server.url());
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(pg.schemaVersion(), Database::latestVersion());
        QCOMPARE(PostgresSchema::latest(),
                 Database::latestVersion()); // a new migration needs its PostgreSQL form

        Database sqlite;
        QVERIFY(sqlite.open(QStringLiteral(":memory:")).ok());
        Columns fromSqlite;
        auto tables = sqlite.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
        QVERIFY(tables.ok());
        QStringList names;
        while (tables->next())
            names << tables->value(0).toString();
        for (const QString &table : names) {
            auto info = sqlite.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
            QVERIFY(info.ok());
            while (info->next())
                fromSqlite[table] << QStringLiteral("%1 %2 %3")
                                         .arg(info->value(1).toString(),
                                              typeClass(info->value(2).toString()),
                                              info->value(3).toBool() || info->value(5).toInt() > 0
                                                  ? QStringLiteral("required")
                                                  : QStringLiteral("optional"));
            fromSqlite[table].sort();
        }

        // execution_counts is a view there, over execution_count_shards (one counter row per
        // connection, so that cores do not queue for one row): a view's columns say nothing of
        // being required, so SQLite's word is taken for them.
        Columns fromPostgres;
        auto columns = pg.exec(QStringLiteral(
            "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, v.table_name IS NOT "
            "NULL FROM information_schema.columns c LEFT JOIN information_schema.views v ON "
            "v.table_schema = c.table_schema AND v.table_name = c.table_name WHERE "
            "c.table_schema = 'public' AND c.table_name != 'execution_count_shards'"));
        QVERIFY(columns.ok());
        QVERIFY(pg.exec(QStringLiteral("SELECT n FROM execution_count_shards")).ok());
        while (columns->next()) {
            const bool view = columns->value(4).toBool();
            fromPostgres[columns->value(0).toString()]
                << QStringLiteral("%1 %2 %3")
                       .arg(columns->value(1).toString(), typeClass(columns->value(2).toString()),
                            columns->value(3).toString() == QLatin1String("NO") || view
                                ? QStringLiteral("required")
                                : QStringLiteral("optional"));
        }
        for (QStringList &list : fromPostgres)
            list.sort();
        QVERIFY(fromSqlite.size() > 20);
        QCOMPARE(fromPostgres.keys(), fromSqlite.keys());
        for (auto it = fromSqlite.cbegin(); it != fromSqlite.cend(); ++it)
            QCOMPARE(fromPostgres.value(it.key()), it.value());
    }

    // The counts the list and the review queues read, kept by triggers as in SQLite.
    void theCountingTriggersCount()
    {
        PostgresDatabase pg;
        QVERIFY(pg.open(m_server.url()).ok());
        const auto count = [&](const QString &status) {
            auto n = pg.exec(QStringLiteral("SELECT n FROM execution_counts WHERE status = ?"),
                             {status});
            return n && n->next() ? n->value(0).toLongLong() : -1;
        };
        const auto insert = [&](const QString &id) {
            return pg
                .exec(QStringLiteral(
                          "INSERT INTO executions (id, workflow_id, version, status, trace_id, "
                          "input, state, created_at, updated_at) VALUES (?, 'w', 1, 'running', "
                          "'t', '{}', '{}', ?, ?)"),
                      {id, qint64(1767225600000), qint64(1767225600000)})
                .ok();
        };
        QVERIFY(pg.transaction([&]() -> Status {
                      for (const char *id : {"ex_1", "ex_2", "ex_3"})
                          if (!insert(QLatin1String(id)))
                              return makeError(QStringLiteral("insert failed"));
                      return Ok {};
                  }).ok());
        QCOMPARE(count(QStringLiteral("running")), 3);
        QVERIFY(pg.exec(QStringLiteral("UPDATE executions SET status = 'completed' WHERE id = ?"),
                        {QStringLiteral("ex_1")})
                    .ok());
        QVERIFY(pg.exec(QStringLiteral("UPDATE executions SET updated_at = 1 WHERE id = ?"),
                        {QStringLiteral("ex_2")})
                    .ok()); // not a change of status
        QCOMPARE(count(QStringLiteral("running")), 2);
        QCOMPARE(count(QStringLiteral("completed")), 1);
        QVERIFY(
            pg.exec(QStringLiteral("DELETE FROM executions WHERE id = ?"), {QStringLiteral("ex_3")})
                .ok());
        QCOMPARE(count(QStringLiteral("running")), 1);

        // A rolled-back transaction leaves nothing, counts included; a duplicate is a conflict.
        const Status failed = pg.transaction([&]() -> Status {
            insert(QStringLiteral("ex_4"));
            auto again = pg.exec(QStringLiteral("INSERT INTO workflows (id, draft, updated_at) "
                                                "VALUES ('w', '{}', 1), ('w', '{}', 1)"));
            return again ? Status(Ok {}) : Status(again.error());
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, ErrorKind::Conflict);
        QCOMPARE(count(QStringLiteral("running")), 1);
    }

    // Three cores opening the same new database at once: one sets it up, the others find it.
    void coresStartingTogetherSetItUpOnce()
    {
        const QString url = m_server.url(QStringLiteral("together"));
        {
            PostgresDatabase admin;
            QVERIFY(admin.open(m_server.url()).ok());
            QVERIFY(admin.exec(QStringLiteral("CREATE DATABASE together")).ok());
        }
        // Each on a thread of its own, as three processes would.
        QStringList problems(3);
        std::vector<std::thread> cores;
        cores.reserve(3);
        for (int i = 0; i < 3; ++i)
            cores.emplace_back([&url, &problems, i] {
                PostgresDatabase db;
                const Status opened = db.open(url);
                if (!opened)
                    problems[i] = opened.error().toString();
                else if (db.schemaVersion() != Database::latestVersion())
                    problems[i] = QStringLiteral("schema %1").arg(db.schemaVersion());
            });
        for (std::thread &t : cores)
            t.join();
        QCOMPARE(problems.join(QString()), QString());
        PostgresDatabase a;
        QVERIFY(a.open(url).ok());
        auto versions = a.exec(QStringLiteral("SELECT COUNT(*), MAX(version) FROM schema_version"));
        QVERIFY(versions && versions->next());
        QCOMPARE(versions->value(0).toInt(), 1);
        QCOMPARE(versions->value(1).toInt(), Database::latestVersion());
        // A newer Switchboard's database is refused, not changed.
        QVERIFY(a.exec(QStringLiteral("UPDATE schema_version SET version = version + 1")).ok());
        PostgresDatabase older;
        const Status refused = older.open(url);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("newer Switchboard")),
                 qPrintable(refused.error().message));
    }

    // switchboard-core --migrate-store: a clinic's SQLite store goes over whole — executions
    // finished and waiting, the people, the audit chain — and work goes on there; a second
    // copy into the same store is refused and changes nothing.
    void aClinicMovesToTheSharedStoreWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.db"));
        QMap<QString, QString> statuses;
        qint64 auditEntries = 0;
        {
            EngineFixture f(path);
            f.publish(Quick);
            f.publish(Waits);
            for (int i = 0; i < 25; ++i) {
                const QJsonObject input {
                    {QStringLiteral("patient_id"), QStringLiteral("P-%1").arg(i)}};
                for (const QString &workflow : {QStringLiteral("quick"), QStringLiteral("waits")}) {
                    const QString id = f.start(workflow, input);
                    QVERIFY(!id.isEmpty());
                    statuses.insert(id, QString());
                }
            }
            f.settle();
            for (auto it = statuses.begin(); it != statuses.end(); ++it)
                it.value() = f.status(it.key());
            QVERIFY(statuses.values().contains(QStringLiteral("completed")));
            QVERIFY(statuses.values().contains(QStringLiteral("waiting")));
            UserAccounts users(f.db, f.clock);
            QVERIFY(users
                        .createNow(
                            {QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), Role::Support, {}},
                            Password, QStringLiteral("set-up"))
                        .ok());
            auto chain = AuditLog::verify(f.db);
            QVERIFY(chain.ok());
            auditEntries = *chain;
            QVERIFY(auditEntries > 0);
        }
        {
            PostgresDatabase admin;
            QVERIFY(admin.open(m_server.url()).ok());
            QVERIFY(admin.exec(QStringLiteral("CREATE DATABASE moved")).ok());
        }
        const QString url = m_server.url(QStringLiteral("moved"));
        const auto migrate = [&](QString *out) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(binary("switchboard-core"),
                    {QStringLiteral("--migrate-store"), QStringLiteral("sqlite://") + path, url});
            p.waitForFinished(120000);
            *out = QString::fromUtf8(p.readAll());
            return p.exitCode();
        };
        QString out;
        QVERIFY2(migrate(&out) == 0, qPrintable(out));
        QVERIFY2(out.contains(
                     QStringLiteral("moved 50 executions and %1 audit entries").arg(auditEntries)),
                 qPrintable(out));

        {
            EngineFixture g(url);
            QVERIFY(g.db.isPostgres());
            for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
                QCOMPARE(g.status(it.key()), it.value());
            QCOMPARE(AuditLog::verify(g.db).value(), auditEntries);
            // Work goes on there: new rows get new ids, the chain grows unbroken.
            QVERIFY(!g.start(QStringLiteral("quick"),
                             {{QStringLiteral("patient_id"), QStringLiteral("P-new")}})
                         .isEmpty());
            g.publish(Quick);
            QVERIFY(AuditLog::verify(g.db).value() > auditEntries);
            UserAccounts users(g.db, g.clock);
            const auto session = TestSupport::awaited([&](UserAccounts::Done done) {
                users.login(QStringLiteral("ana"), Password, std::move(done));
            });
            QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        }

        QCOMPARE(migrate(&out), 1);
        QVERIFY2(out.contains(QStringLiteral("already holds data")), qPrintable(out));
        Database pg;
        QVERIFY(pg.open(url).ok());
        auto n = pg.exec(QStringLiteral("SELECT COUNT(*) FROM executions"));
        QVERIFY(n && n->next());
        QCOMPARE(n->value(0).toInt(), 51);
    }

    void addressesAreCheckedAndAGoneServerIsUnavailable()
    {
        const auto problem = [](const QString &url) {
            auto parsed = PostgresDatabase::parse(url);
            return parsed ? QString() : parsed.error().toString();
        };
        QVERIFY(problem(QStringLiteral("postgresql://sb@db.clinic.lan/switchboard")).isEmpty());
        QVERIFY(problem(QStringLiteral("postgresql://sb:secret@db/switchboard"))
                    .contains(QStringLiteral("PGPASSWORD")));
        QVERIFY(problem(QStringLiteral("postgresql://db/switchboard"))
                    .contains(QStringLiteral("no user")));
        QVERIFY(
            problem(QStringLiteral("postgresql://sb@db/")).contains(QStringLiteral("no database")));
        QVERIFY(problem(QStringLiteral("sqlite:///var/lib/x.db"))
                    .contains(QStringLiteral("postgresql://")));
        QVERIFY(problem(QStringLiteral("postgresql://sb@db/x?sslmod=require"))
                    .contains(QStringLiteral("sslmod")));
        const auto parsed = PostgresDatabase::parse(
            QStringLiteral("postgresql://sb@db:5433/clinic?sslmode=require"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->port, 5433);
        QCOMPARE(parsed->options, QStringLiteral("sslmode=require;connect_timeout=10"));

        PostgresDatabase db;
        QVERIFY(db.open(m_server.url()).ok());
        m_server.stop();
        auto after = db.exec(QStringLiteral("SELECT 1"));
        QVERIFY(!after.ok());
        QCOMPARE(after.error().kind, ErrorKind::Unavailable);
        PostgresDatabase late;
        const Status refused = late.open(m_server.url());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Unavailable);
        QVERIFY(refused.error().message.contains(QStringLiteral("cannot connect")));
    }
};

QTEST_GUILESS_MAIN(TstPostgresStore)
#include "tst_postgresstore.moc"
