#pragma once

#include "common/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>

namespace Switchboard {

// The core's SQLite database: WAL journal, versioned schema with migrations applied in order
// on open, and helpers that never ignore a failed statement. Use from one thread only.
class Database
{
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // ":memory:" for tests. synchronous=NORMAL with WAL: a commit survives a crash of the
    // process; only a power loss can lose the last transactions.
    Status open(const QString &path);
    void close();
    int schemaVersion() const;
    static int latestVersion();

    // Runs a statement with positional (?) values; for reads and schema changes.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // Runs an INSERT, UPDATE or DELETE, prepared once and reused; returns the rows affected.
    Result<int> run(const QString &sql, const QVariantList &values = {});
    // Runs body in a transaction; rolls back if body or the commit fails.
    Status transaction(const std::function<Status()> &body);

    QSqlDatabase &handle() { return m_db; }

private:
    Status migrate();

    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements; // prepared writes, reused
    QString m_connection;
    int m_version = 0;
    int m_depth = 0;
};

} // namespace Switchboard
