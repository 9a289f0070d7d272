#pragma once

#include "engine/executionstore.h"

namespace Switchboard {

class Database;

// ExecutionStore over the core's database, SQLite or PostgreSQL (tables executions,
// execution_events, timers, waiters; schema in store/migrations.cpp and postgresschema.cpp).
class SqlExecutionStore final : public ExecutionStore
{
public:
    explicit SqlExecutionStore(Database &db);

    Status transaction(const std::function<Status()> &body) override;
    void whenDurable(std::function<void()> fn) override;
    Result<Stored> load(const QString &executionId) override;
    Result<bool> save(ExecutionRun &run, qint64 nowMs) override;
    Result<QStringList> running(qint64 nowMs, qint64 idleSince = 0) override;
    void setLeases(const QString &core, qint64 leaseMs) override
    {
        m_core = core;
        m_leaseMs = leaseMs;
    }
    Status renewLeases(qint64 nowMs) override;
    Result<QStringList> abandoned(qint64 nowMs, int limit) override;
    Status addTimer(const QString &execution, const QString &node, const QString &kind,
                    qint64 dueMs, const QJsonObject &data = {}) override;
    Status removeTimer(qint64 id) override;
    Result<bool> takeTimer(qint64 id) override;
    Status postponeTimer(qint64 id, qint64 dueMs) override;
    Result<QList<Timer>> dueTimers(qint64 nowMs, int limit) override;
    Result<qint64> nextDue() override;
    Status addWaiter(const QString &execution, const QString &node, const QString &type,
                     const QString &module, const QString &match, qint64 timeoutMs) override;
    Status removeWaiter(const QString &execution, const QString &node) override;
    Result<QList<Waiter>> waitersFor(const QString &eventType) override;
    Status stopWaiting(const QString &execution) override;

private:
    Status run(const char *sql, const QVariantList &values);

    Result<QList<Timer>> claimDueTimers(qint64 nowMs, int limit);

    Database &m_db;
    QString m_core; // empty: no leases (one core on its own store)
    qint64 m_leaseMs = 0;
};

} // namespace Switchboard
