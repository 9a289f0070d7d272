#pragma once

#include "common/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>

class QSqlError;

namespace Switchboard {

// The shared store on PostgreSQL, through Qt's QPSQL driver (libpq): opened from a
// postgresql:// address, its schema brought to the version this core knows (PostgresSchema)
// under an advisory lock, so that cores starting together set it up once. Every error carries
// a kind: a lost connection, a server shutting down or out of resources, a serialization
// failure or a deadlock are "unavailable" (try again), a unique or foreign key violation a
// "conflict". Use from one thread only.
class PostgresDatabase
{
public:
    // postgresql://user@host[:port]/database[?sslmode=…&connect_timeout=…]
    struct Address
    {
        QString host;
        int port = 5432;
        QString user;
        QString database;
        QString options; // libpq's, "sslmode=require;connect_timeout=5"
    };
    // The address, or why it cannot be used. A password in it is refused: it would sit in a
    // unit file or a shell's history; libpq reads it from PGPASSWORD or a password file
    // (PGPASSFILE, ~/.pgpass) instead.
    static Result<Address> parse(const QString &url);

    PostgresDatabase() = default;
    ~PostgresDatabase();
    PostgresDatabase(const PostgresDatabase &) = delete;
    PostgresDatabase &operator=(const PostgresDatabase &) = delete;

    Status open(const QString &url);
    void close();
    int schemaVersion() const { return m_version; }

    // Runs a statement with positional (?) values.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // Runs a write and answers how many rows it changed; its statement is prepared once per
    // connection and kept (up to MaxPrepared of them).
    Result<int> run(const QString &sql, const QVariantList &values = {});
    static constexpr qsizetype MaxPrepared = 256;
    // Runs body in a transaction; rolls back if body or the commit fails. Nested calls join
    // the outer transaction.
    Status transaction(const std::function<Status()> &body);

    // Where the cores sharing the store tell each other of changes (Database::announce).
    static constexpr const char *ChangesChannel = "switchboard_changes";
    // Calls handler with the payload of every notification another session sends on
    // ChangesChannel, from the event loop.
    void listen(std::function<void(const QString &payload)> handler);

    // The kind of a failed call, from its SQLSTATE.
    static Error errorFrom(const QString &what, const QSqlError &error);

private:
    Status migrate();

    QSqlDatabase m_db;
    QString m_connection;
    int m_version = 0;
    int m_depth = 0;
    QHash<QString, QSqlQuery> m_prepared; // by statement, for run()
};

} // namespace Switchboard
