#include "engine/sqliteexecutionstore.h"

#include "engine/executionjson.h"
#include "engine/executionrun.h"
#include "store/database.h"

namespace Switchboard {

using namespace ExecutionJson;

SqliteExecutionStore::SqliteExecutionStore(Database &db)
    : m_db(db)
{
}

Status SqliteExecutionStore::run(const char *sql, const QVariantList &values)
{
    auto r = m_db.run(sql, values);
    return r ? Status(Ok {}) : Status(r.error());
}

Status SqliteExecutionStore::transaction(const std::function<Status()> &body)
{
    return m_db.transaction(body);
}

void SqliteExecutionStore::whenDurable(std::function<void()> fn)
{
    m_db.whenDurable(std::move(fn));
}

Result<ExecutionStore::Stored> SqliteExecutionStore::load(const QString &executionId)
{
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT workflow_id, version, status, trace_id, input, state, output, error, "
            "(SELECT COALESCE(MAX(seq), 0) FROM execution_events WHERE execution_id = e.id) "
            "FROM executions e WHERE id = ?"),
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
    return Stored {q->value(0).toString(), q->value(1).toInt(),    *status,
                   q->value(3).toString(), parse(q->value(4)),     parse(q->value(5)),
                   parse(q->value(6)),     q->value(7).toString(), q->value(8).toInt()};
}

Status SqliteExecutionStore::save(const ExecutionRun &r, qint64 now)
{
    const QVariant finished = isFinal(r.status) ? QVariant(now) : QVariant();
    const QVariant output = r.output.isEmpty() ? QVariant() : compactText(r.output);
    const QVariant error = r.error.isEmpty() ? QVariant() : QVariant(r.error);
    const QVariant state = QVariant::fromValue(SqlText {r.state.toText()});
    Status row = r.inserted
        ? run("UPDATE executions SET status = ?, state = ?, output = ?, error = ?, "
              "updated_at = ?, finished_at = ? WHERE id = ?",
              {toWire(r.status), state, output, error, now, finished, r.id})
        : run("INSERT INTO executions (id, workflow_id, version, status, trace_id, input, "
              "state, output, error, created_at, updated_at, finished_at, origin) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {r.id, r.workflowId, r.version, toWire(r.status), r.traceId, compactText(r.input),
               state, output, error, now, now, finished, r.origin});
    if (!row)
        return row;
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
                return key;
        }
    }
    for (const HistoryEvent &e : r.events) {
        Status event =
            run("INSERT INTO execution_events (execution_id, seq, ts, type, node, attempt, "
                "data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {r.id, e.seq, now, e.type, e.node.isEmpty() ? QVariant() : QVariant(e.node),
                 e.attempt, e.data.isEmpty() ? QVariant() : compactText(e.data)});
        if (!event)
            return event;
    }
    return Ok {};
}

Result<QStringList> SqliteExecutionStore::running(qint64 idleSince)
{
    auto q = idleSince > 0
        ? m_db.exec(QStringLiteral("SELECT id FROM executions e WHERE status = 'running' AND "
                                   "updated_at < ? AND NOT EXISTS (SELECT 1 FROM timers t WHERE "
                                   "t.execution_id = e.id)"),
                    {idleSince})
        : m_db.exec(QStringLiteral("SELECT id FROM executions WHERE status = 'running'"));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Status SqliteExecutionStore::addTimer(const QString &execution, const QString &node,
                                      const QString &kind, qint64 dueMs, const QJsonObject &data)
{
    return run(
        "INSERT INTO timers (execution_id, node, kind, due_at, data) VALUES (?, ?, ?, ?, ?)",
        {execution, node, kind, dueMs, data.isEmpty() ? QVariant() : QVariant(compact(data))});
}

Status SqliteExecutionStore::removeTimer(qint64 id)
{
    return run("DELETE FROM timers WHERE id = ?", {id});
}

Status SqliteExecutionStore::postponeTimer(qint64 id, qint64 dueMs)
{
    return run("UPDATE timers SET due_at = ? WHERE id = ?", {dueMs, id});
}

Result<QList<ExecutionStore::Timer>> SqliteExecutionStore::dueTimers(qint64 nowMs, int limit)
{
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

Result<qint64> SqliteExecutionStore::nextDue()
{
    auto q = m_db.exec(QStringLiteral("SELECT MIN(due_at) FROM timers"));
    if (!q)
        return q.error();
    return q->next() && !q->value(0).isNull() ? q->value(0).toLongLong() : qint64(-1);
}

Status SqliteExecutionStore::addWaiter(const QString &execution, const QString &node,
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

Status SqliteExecutionStore::removeWaiter(const QString &execution, const QString &node)
{
    for (const char *sql : {"DELETE FROM waiters WHERE execution_id = ? AND node = ?",
                            "DELETE FROM timers WHERE execution_id = ? AND node = ? AND "
                            "kind = 'event_timeout'"}) {
        if (Status st = run(sql, {execution, node}); !st)
            return st;
    }
    return Ok {};
}

Result<QList<ExecutionStore::Waiter>> SqliteExecutionStore::waitersFor(const QString &eventType)
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

Status SqliteExecutionStore::stopWaiting(const QString &execution)
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
