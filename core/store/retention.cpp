#include "store/retention.h"

#include "store/database.h"

namespace Switchboard {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;

} // namespace

Retention::Retention(Database &db, const RetentionSettings &settings)
    : m_db(db)
    , m_settings(settings)
{
}

Result<int> Retention::pruneExecutions(qint64 cutoff, QMap<QString, int> &deleted)
{
    int executions = 0;
    Status st = m_db.transaction([&]() -> Status {
        auto q = m_db.exec(QString::fromLatin1(OldestFinishedSql), {cutoff, BatchRows});
        if (!q)
            return q.error();
        const QString ids = q->next() ? q->value(0).toString() : QStringLiteral("[]");
        q->finish();
        for (const auto &[table, sql] :
             {std::pair {"execution_events",
                         "DELETE FROM execution_events WHERE execution_id IN (SELECT value FROM "
                         "json_each(?))"},
              std::pair {"execution_keys",
                         "DELETE FROM execution_keys WHERE execution_id IN (SELECT value FROM "
                         "json_each(?))"},
              std::pair {"tasks",
                         "DELETE FROM tasks WHERE execution_id IN (SELECT value FROM "
                         "json_each(?))"},
              std::pair {"executions",
                         "DELETE FROM executions WHERE id IN (SELECT value FROM json_each(?))"}}) {
            auto r = m_db.run(sql, {ids});
            if (!r)
                return r.error();
            if (*r > 0)
                deleted[QString::fromLatin1(table)] += *r;
            if (QLatin1String(table) == QLatin1String("executions"))
                executions = *r;
        }
        return Ok {};
    });
    if (!st)
        return st.error();
    return executions;
}

Result<Retention::Batch> Retention::pruneSome(qint64 nowMs)
{
    const qint64 samples = nowMs - m_settings.sampleDays * DayMs;
    const qint64 alerts = nowMs - m_settings.alertDays * DayMs;
    const qint64 deliveries = nowMs - m_settings.deliveryDays * DayMs;
    // Each a DELETE of at most a batch (LIMIT ?); children before parents, so a pass cut short
    // leaves nothing orphaned that the next one would not find.
    const struct
    {
        const char *table;
        const char *sql;
        qint64 cutoff;
    } steps[] = {
        {"module_samples",
         "DELETE FROM module_samples WHERE rowid IN (SELECT rowid FROM module_samples WHERE at < "
         "? LIMIT ?)",
         samples},
        {"kpi_samples",
         "DELETE FROM kpi_samples WHERE rowid IN (SELECT rowid FROM kpi_samples WHERE at < ? "
         "LIMIT ?)",
         samples},
        {"event_counts",
         "DELETE FROM event_counts WHERE rowid IN (SELECT rowid FROM event_counts WHERE at < ? "
         "LIMIT ?)",
         samples},
        {"alert_deliveries",
         "DELETE FROM alert_deliveries WHERE rowid IN (SELECT rowid FROM alert_deliveries WHERE "
         "updated_at < ? AND status NOT IN ('queued', 'retrying') LIMIT ?)",
         deliveries},
        {"notification_outbox",
         "DELETE FROM notification_outbox WHERE rowid IN (SELECT o.rowid FROM notification_outbox "
         "o WHERE o.dispatched_at < ? AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE "
         "d.outbox_id = o.id) LIMIT ?)",
         deliveries},
        {"alert_events",
         "DELETE FROM alert_events WHERE rowid IN (SELECT e.rowid FROM alert_events e JOIN alerts "
         "a ON a.id = e.alert_id WHERE a.state = 'resolved' AND a.resolved_at < ? LIMIT ?)",
         alerts},
        {"alerts",
         "DELETE FROM alerts WHERE rowid IN (SELECT rowid FROM alerts WHERE state = 'resolved' "
         "AND resolved_at < ? AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.alert_id "
         "= alerts.id AND d.status IN ('queued', 'retrying')) LIMIT ?)",
         alerts},
    };
    constexpr int Steps = 1 + int(std::size(steps)); // executions first
    Batch batch;
    while (m_step < Steps) {
        int rows = 0;
        if (m_step == 0) {
            auto n = pruneExecutions(nowMs - m_settings.executionDays * DayMs, batch.deleted);
            if (!n)
                return n.error();
            rows = *n;
        } else {
            const auto &step = steps[m_step - 1];
            Result<int> n = 0;
            Status st = m_db.transaction([&]() -> Status {
                n = m_db.run(step.sql, {step.cutoff, BatchRows});
                return n ? Status(Ok {}) : Status(n.error());
            });
            if (!st)
                return st.error();
            rows = *n;
            if (rows > 0)
                batch.deleted.insert(QString::fromLatin1(step.table), rows);
        }
        if (rows < BatchRows)
            ++m_step; // this kind is done for the pass
        if (rows > 0)
            break;
    }
    batch.more = m_step < Steps;
    if (!batch.more)
        m_step = 0; // the next call starts the next pass
    return batch;
}

Result<QMap<QString, int>> Retention::prune(qint64 nowMs)
{
    QMap<QString, int> total;
    for (;;) {
        auto batch = pruneSome(nowMs);
        if (!batch)
            return batch.error();
        for (auto it = batch->deleted.cbegin(); it != batch->deleted.cend(); ++it)
            total[it.key()] += it.value();
        if (!batch->more)
            return total;
    }
}

} // namespace Switchboard
