#pragma once

#include "common/result.h"
#include "store/faultplan.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QSqlError;
struct sqlite3;
struct sqlite3_stmt;

namespace Switchboard {

class PostgresDatabase;
class WalSync;

// UTF-8 text (JSON as QJsonDocument writes it) bound as TEXT as it is, without a round trip
// through QString. A null array binds NULL.
struct SqlText
{
    QByteArray utf8;
};

// The core's SQLite database: WAL journal, versioned schema with migrations applied in order
// on open, and helpers that never ignore a failed statement. Every error carries a kind: a
// busy, full or failing disk is "unavailable" (try again), damaged data "internal". Writes run
// in BEGIN IMMEDIATE transactions, so a busy database shows at BEGIN, which is retried, and
// never half-way through. Use from one thread only.
class Database
{
public:
    // Power: a commit survives a power loss once whenDurable says so (the default): commits
    // are written with synchronous=NORMAL and a second thread syncs the log (WalSync), so one
    // sync covers many commits and the event loop never waits for the disk. Process:
    // synchronous=NORMAL alone, a commit survives a crash of the process but a power loss can
    // lose the last transactions (DURABILITY=process).
    enum class Durability { Power, Process };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Check::Full: a file that fails SQLite's quick_check is refused. The check reads the
    // whole file, so the core asks for it only after an unclean stop (DataFolder); after a
    // clean one, the daily backup reads every page anyway.
    enum class Check { Full, Skip };
    // ":memory:" for tests. A postgresql:// address opens the shared store instead
    // (PostgresDatabase): the same statements, transactions and after-commit work; a commit is
    // durable when the server answers it, and checks and backups are the server's.
    Status open(const QString &path, Durability durability = Durability::Power,
                Check check = Check::Full);
    bool isPostgres() const { return m_pg != nullptr; }
    // A lock the cores sharing a PostgreSQL store take for a job only one of them does: held
    // by this connection's session until it ends (an advisory lock, never waited for). True
    // when this connection holds it, now or already. A store of one core's own: always true.
    Result<bool> holdClusterLock(const QString &name);
    // Tells the other cores sharing a PostgreSQL store that something they keep in memory
    // changed (a topic: "workflows", "settings", …): delivered to them when the transaction it
    // is made in commits (NOTIFY), never to this core. With a store of its own, nothing.
    Status announce(const QString &topic);
    // What the other cores announce, as it arrives (LISTEN).
    void onAnnounced(std::function<void(const QString &topic)> handler);
    void close();
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestVersion();

    // Runs a statement with positional (?) values; for reads and schema changes.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // Runs an INSERT into a table with an id column and answers the new row's id
    // (RETURNING id, as SQLite and PostgreSQL both write it).
    Result<qint64> insert(const QString &sql, const QVariantList &values = {});
    // Runs an INSERT, UPDATE or DELETE, prepared once and reused; returns the rows affected.
    // Writes go to SQLite directly (the same connection as exec's): values are bound as they
    // are, text as UTF-8, without QtSql's copies.
    Result<int> run(const QString &sql, const QVariantList &values = {});
    Result<int> run(const char *sql, const QVariantList &values = {});
    // Runs body in a transaction; rolls back if body or the commit fails. Nested calls join
    // the outer transaction.
    Status transaction(const std::function<Status()> &body);
    bool inTransaction() const { return m_depth > 0; }
    // Runs fn once the current transaction has committed; dropped if it rolls back. Outside a
    // transaction fn runs at once.
    void afterCommit(std::function<void()> fn);

    // Runs fn once every commit made so far (and the current transaction's, when called in
    // one) is durable as the durability asks: at once with Process or in memory, after the
    // log's next sync with Power. Answers, module calls and anything else that tells the
    // world a change was stored go through here. Dropped if the database closes first.
    void whenDurable(std::function<void()> fn);
    // Every commit made so far is durable (what waited for it has run).
    bool allDurable() const { return m_commits <= m_synced; }
    // Tests: while held, no commit becomes durable (see WalSync::setHeld).
    void holdSync(bool held);

    // "ok", or what SQLite's quick_check found wrong.
    Result<QString> quickCheck();
    // A consistent copy of the database (VACUUM INTO), e.g. a daily backup.
    Status backupTo(const QString &file);

    // Test hooks: inject faults from now on (see FaultPlan), and count what ran.
    void setFaults(const FaultPlan &plan);
    int statementCount() const { return m_statementCount; }
    int commitCount() const { return m_commitCount; }

    QSqlDatabase &handle() { return m_db; }

    // The kind of a failed SQLite call, from its result code.
    static Error errorFrom(const QString &what, const QSqlError &error);
    static Error errorFrom(const QString &what, int code, const char *message);

private:
    Status migrate();
    Status begin();
    // Runs one of the transaction's own statements (BEGIN IMMEDIATE, COMMIT, ROLLBACK).
    Status control(const char *sql, const QString &what);
    // The prepared statement for sql, made on first use.
    Result<sqlite3_stmt *> statement(const QByteArray &sql);
    Result<int> step(sqlite3_stmt *statement, const QVariantList &values, const QString &what);
    // The injected error for the statement about to run, if the plan has one for it.
    std::optional<Error> statementFault();
    static void crashIfPlanned(int commit, int planned, const char *when);
    // Asks for a sync of the commits made since the last request.
    void requestSync();
    void onSynced(quint64 position);

    QSqlDatabase m_db;
    sqlite3 *m_sqlite = nullptr; // the QSQLITE connection's own handle
    QHash<QByteArray, sqlite3_stmt *> m_statements; // prepared writes, reused
    QString m_connection;
    QString m_path;
    int m_version = 0;
    int m_depth = 0;
    FaultPlan m_faults;
    int m_statementCount = 0;
    int m_commitCount = 0;
    QList<std::function<void()>> m_afterCommit;
    std::unique_ptr<WalSync> m_walSync; // Power on a file
    quint64 m_commits = 0; // commits made on the connection (its commit hook counts them)
    quint64 m_syncRequested = 0;
    quint64 m_synced = 0;
    std::deque<std::pair<quint64, std::function<void()>>> m_durableWaits; // position, fn
    std::unique_ptr<PostgresDatabase> m_pg; // the shared store, when open on one
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::SqlText)
