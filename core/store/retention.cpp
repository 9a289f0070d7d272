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

Result<int> Retention::deleteInBatches(const QString &sql, const QVariantList &values)
{
    int total = 0;
    for (;;) {
        int deleted = 0;
        Status st = m_db.transaction([&]() -> Status {
            auto r = m_db.run(sql, QVariantList(values) << BatchRows);
            if (!r)
                return r.error();
            deleted = *r;
            return Ok {};
        });
        if (!st)
            return st.error();
        total += deleted;
        if (deleted < BatchRows)
            return total;
    }
}

Result<QMap<QString, int>> Retention::prune(qint64 nowMs)
{
    const qint64 executions = nowMs - m_settings.executionDays * DayMs;
    const qint64 samples = nowMs - m_settings.sampleDays * DayMs;
    const qint64 alerts = nowMs - m_settings.alertDays * DayMs;
    const qint64 deliveries = nowMs - m_settings.deliveryDays * DayMs;
    // Children before parents, so a pass cut short leaves nothing orphaned that the next one
    // would not find.
    const struct
    {
        const char *table;
        const char *sql;
        qint64 cutoff;
    } steps[] = {
        // (execution_events has no rowid: whole histories go, of up to a batch of executions.)
        {"execution_events",
         "DELETE FROM execution_events WHERE execution_id IN (SELECT x.id FROM executions x "
         "WHERE x.finished_at < ? AND x.status IN ('completed', 'failed', 'cancelled') AND "
         "EXISTS (SELECT 1 FROM execution_events e WHERE e.execution_id = x.id) LIMIT ?)",
         executions},
        {"tasks",
         "DELETE FROM tasks WHERE rowid IN (SELECT t.rowid FROM tasks t JOIN executions x ON "
         "x.id = t.execution_id WHERE x.finished_at < ? AND t.status IN ('decided', 'expired') "
         "LIMIT ?)",
         executions},
        {"executions",
         "DELETE FROM executions WHERE rowid IN (SELECT rowid FROM executions WHERE finished_at "
         "< ? AND status IN ('completed', 'failed', 'cancelled') AND NOT EXISTS (SELECT 1 FROM "
         "tasks t WHERE t.execution_id = executions.id) LIMIT ?)",
         executions},
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
    QMap<QString, int> deleted;
    for (const auto &step : steps) {
        auto n = deleteInBatches(QString::fromLatin1(step.sql), {step.cutoff});
        if (!n)
            return n.error();
        if (*n > 0)
            deleted.insert(QString::fromLatin1(step.table), *n);
    }
    return deleted;
}

} // namespace Switchboard
