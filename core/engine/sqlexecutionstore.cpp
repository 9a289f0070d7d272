#include "engine/sqlexecutionstore.h"

#include "engine/executionjson.h"
#include "engine/executionrun.h"
#include "store/database.h"

namespace Switchboard {

using namespace ExecutionJson;

namespace {

// The ids a query answers.
Result<QStringList> firstColumn(Result<QSqlQuery> &q)
{
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

} // namespace

SqlExecutionStore::SqlExecutionStore(Database &db)
    : m_db(db)
{
}

Status SqlExecutionStore::run(const char *sql, const QVariantList &values)
{
    auto r = m_db.run(sql, values);
    return r ? Status(Ok {}) : Status(r.error());
}

Status SqlExecutionStore::transaction(const std::function<Status()> &body)
{
    return m_db.transaction(body);
}

void SqlExecutionStore::whenDurable(std::function<void()> fn)
{
    m_db.whenDurable(std::move(fn));
}

Result<ExecutionStore::Stored> SqlExecutionStore::load(const QString &executionId)
{
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT workflow_id, version, status, trace_id, input, state, output, error, "
            "(SELECT COALESCE(MAX(seq), 0) FROM execution_events WHERE execution_id = e.id), "
            "rev FROM executions e WHERE id = ?"),
        {executionId});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("no execution has the id \"%1\"").arg(executionId),
                        QStringLiteral("id"));
    const auto status = executionStatusFromWire(q->value(2).toString());
    if (!status)
        return internalError(QStringLiteral("execution \"%1\" is damaged in the database: its "
                                            "status is \"%2\"")
                                 .arg(executionId, q->value(2).toString()),
                             QStringLiteral("status"));
    return Stored {q->value(0).toString(),  q->value(1).toInt(),    *status,
                   q->value(3).toString(),  parse(q->value(4)),     parse(q->value(5)),
                   parse(q->value(6)),      q->value(7).toString(), q->value(8).toInt(),
                   q->value(9).toLongLong()};
}

Result<bool> SqlExecutionStore::save(ExecutionRun &r, qint64 now)
{
    const QVariant finished = isFinal(r.status) ? QVariant(now) : QVariant();
    const QVariant output = r.output.isEmpty() ? QVariant() : compactText(r.output);
    const QVariant error = r.error.isEmpty() ? QVariant() : QVariant(r.error);
    const QVariant state = QVariant::fromValue(SqlText {r.state.toText()});
    // Held while calls are in flight: their answers come back to this core only.
    const bool held = !m_core.isEmpty() && !r.state.inflight.isEmpty() && !isFinal(r.status);
    const QVariant owner = held ? QVariant(m_core) : QVariant(QMetaType::fromType<QString>());
    const QVariant leaseUntil = held ? QVariant(now + m_leaseMs) : QVariant();
    auto row = r.inserted
        ? m_db.run("UPDATE executions SET status = ?, state = ?, output = ?, error = ?, "
                   "updated_at = ?, finished_at = ?, owner = ?, lease_until = ?, rev = rev + 1 "
                   "WHERE id = ? AND rev = ? AND (owner IS NULL OR owner = ? OR lease_until < ?)",
                   {toWire(r.status), state, output, error, now, finished, owner, leaseUntil, r.id,
                    r.rev, m_core, now})
        : m_db.run("INSERT INTO executions (id, workflow_id, version, status, trace_id, input, "
                   "state, output, error, created_at, updated_at, finished_at, origin, owner, "
                   "lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {r.id, r.workflowId, r.version, toWire(r.status), r.traceId,
                    compactText(r.input), state, output, error, now, now, finished, r.origin, owner,
                    leaseUntil});
    if (!row)
        return row.error();
    if (*row == 0)
        return false; // another core changed it since it was read, or holds it
    if (r.inserted)
        ++r.rev;
    if (!r.inserted) {
        // Its business keys, for the journey: found by key and value, in time order.
        for (const CorrelationKey &k : r.def.correlation) {
            const QString value = k.valueIn(r.input);
            if (value.isEmpty())
                continue;
            if (Status key = run("INSERT INTO execution_keys (key, value, created_at, "
                                 "execution_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                 {k.key, value, now, r.id});
                !key)
                return key.error();
        }
    }
    for (const HistoryEvent &e : r.events) {
        Status event =
            run("INSERT INTO execution_events (execution_id, seq, ts, type, node, attempt, "
                "data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {r.id, e.seq, now, e.type, e.node.isEmpty() ? QVariant() : QVariant(e.node),
                 e.attempt, e.data.isEmpty() ? QVariant() : compactText(e.data)});
        if (!event)
            return event.error();
    }
    return true;
}

Result<QStringList> SqlExecutionStore::running(qint64 nowMs, qint64 idleSince)
{
    auto q = idleSince > 0
        ? m_db.exec(QStringLiteral("SELECT id FROM executions e WHERE status = 'running' AND "
                                   "(owner IS NULL OR lease_until < ?) AND updated_at < ? AND "
                                   "NOT EXISTS (SELECT 1 FROM timers t WHERE "
                                   "t.execution_id = e.id)"),
                    {nowMs, idleSince})
        : m_db.exec(QStringLiteral("SELECT id FROM executions WHERE status = 'running' AND "
                                   "(owner IS NULL OR lease_until < ?)"),
                    {nowMs});
    return firstColumn(q);
}

Status SqlExecutionStore::renewLeases(qint64 nowMs)
{
    if (m_core.isEmpty())
        return Ok {};
    return run("UPDATE executions SET lease_until = ? WHERE owner = ?",
               {nowMs + m_leaseMs, m_core});
}

Result<QStringList> SqlExecutionStore::abandoned(qint64 nowMs, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM executions WHERE owner IS NOT NULL AND "
                                      "lease_until < ? ORDER BY lease_until LIMIT ?"),
                       {nowMs, limit});
    return firstColumn(q);
}

Status SqlExecutionStore::addTimer(const QString &execution, const QString &node,
                                   const QString &kind, qint64 dueMs, const QJsonObject &data)
{
    return run(
        "INSERT INTO timers (execution_id, node, kind, due_at, data) VALUES (?, ?, ?, ?, ?)",
        {execution, node, kind, dueMs, data.isEmpty() ? QVariant() : QVariant(compact(data))});
}

Status SqlExecutionStore::removeTimer(qint64 id)
{
    return run("DELETE FROM timers WHERE id = ?", {id});
}

Result<bool> SqlExecutionStore::takeTimer(qint64 id)
{
    auto removed = m_db.run("DELETE FROM timers WHERE id = ?", {id});
    if (!removed)
        return removed.error();
    return *removed > 0;
}

Status SqlExecutionStore::postponeTimer(qint64 id, qint64 dueMs)
{
    return run("UPDATE timers SET due_at = ?, claimed_until = NULL WHERE id = ?", {dueMs, id});
}

Result<QList<ExecutionStore::Timer>> SqlExecutionStore::dueTimers(qint64 nowMs, int limit)
{
    if (!m_core.isEmpty())
        return claimDueTimers(nowMs, limit);
    auto q = m_db.exec(QStringLiteral("SELECT id, execution_id, node, kind, data FROM timers WHERE "
                                      "due_at <= ? ORDER BY due_at LIMIT ?"),
                       {nowMs, limit});
    if (!q)
        return q.error();
    QList<Timer> due;
    while (q->next())
        due.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString(), parse(q->value(4))});
    return due;
}

Result<QList<ExecutionStore::Timer>> SqlExecutionStore::claimDueTimers(qint64 nowMs, int limit)
{
    // PostgreSQL (leases are the shared mode's): the timers another core is claiming right now
    // are skipped, not waited for; a claim lapses after a lease's time, so that the timers of a
    // core that stopped before firing them are fired by another.
    auto q = m_db.exec(
        QStringLiteral(
            "UPDATE timers SET claimed_until = ? WHERE id IN (SELECT t.id FROM timers t LEFT JOIN "
            "executions e ON e.id = t.execution_id WHERE t.due_at <= ? AND (t.claimed_until IS "
            "NULL OR t.claimed_until < ?) AND (e.owner IS NULL OR e.owner = ? OR e.lease_until "
            "< ?) ORDER BY t.due_at LIMIT ? FOR UPDATE OF t SKIP LOCKED) RETURNING id, "
            "execution_id, node, kind, data, due_at"),
        {nowMs + m_leaseMs, nowMs, nowMs, m_core, nowMs, limit});
    if (!q)
        return q.error();
    QList<std::pair<qint64, Timer>> claimed;
    while (q->next())
        claimed.append({q->value(5).toLongLong(),
                        {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                         q->value(3).toString(), parse(q->value(4))}});
    std::sort(claimed.begin(), claimed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Timer> due;
    for (auto &[dueAt, timer] : claimed)
        due.append(std::move(timer));
    return due;
}

Result<qint64> SqlExecutionStore::nextDue()
{
    // With leases, a timer claimed by a core, or of an execution another core holds, is due
    // for this one when the claim or the lease lapses.
    auto q = m_core.isEmpty()
        ? m_db.exec(QStringLiteral("SELECT MIN(due_at) FROM timers"))
        : m_db.exec(QStringLiteral("SELECT MIN(GREATEST(t.due_at, COALESCE(t.claimed_until, 0), "
                                   "CASE WHEN e.owner IS NOT NULL AND e.owner <> ? THEN "
                                   "e.lease_until ELSE 0 END)) FROM timers t LEFT JOIN "
                                   "executions e ON e.id = t.execution_id"),
                    {m_core});
    if (!q)
        return q.error();
    return q->next() && !q->value(0).isNull() ? q->value(0).toLongLong() : qint64(-1);
}

Status SqlExecutionStore::addWaiter(const QString &execution, const QString &node,
                                    const QString &type, const QString &module,
                                    const QString &match, qint64 timeoutMs)
{
    if (Status w = run("INSERT INTO waiters (execution_id, node, event_type, module, match) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (execution_id, node) DO UPDATE SET "
                       "event_type = excluded.event_type, module = excluded.module, "
                       "match = excluded.match",
                       {execution, node, type, module, match});
        !w)
        return w;
    return addTimer(execution, node, QStringLiteral("event_timeout"), timeoutMs);
}

Status SqlExecutionStore::removeWaiter(const QString &execution, const QString &node)
{
    for (const char *sql : {"DELETE FROM waiters WHERE execution_id = ? AND node = ?",
                            "DELETE FROM timers WHERE execution_id = ? AND node = ? AND "
                            "kind = 'event_timeout'"}) {
        if (Status st = run(sql, {execution, node}); !st)
            return st;
    }
    return Ok {};
}

Result<QList<ExecutionStore::Waiter>> SqlExecutionStore::waitersFor(const QString &eventType)
{
    auto q =
        m_db.exec(QStringLiteral(
                      "SELECT execution_id, node, module, match FROM waiters WHERE event_type = ?"),
                  {eventType});
    if (!q)
        return q.error();
    QList<Waiter> waiters;
    while (q->next())
        waiters.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                        q->value(3).toString()});
    return waiters;
}

Status SqlExecutionStore::stopWaiting(const QString &execution)
{
    for (const char *sql :
         {"DELETE FROM timers WHERE execution_id = ?", "DELETE FROM waiters WHERE execution_id = ?",
          "UPDATE tasks SET status = 'expired' WHERE execution_id = ? AND "
          "status IN ('pending', 'claimed', 'escalated')"}) {
        if (Status st = run(sql, {execution}); !st)
            return st;
    }
    return Ok {};
}

} // namespace Switchboard
