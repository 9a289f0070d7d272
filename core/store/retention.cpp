#include "store/retention.h"

#include "store/database.h"

#include <QStringList>
#include <QVariant>

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
    // "IN (?, ?, …)" with a place for each of a batch, the unused ones NULL (which matches
    // nothing): one statement, prepared once, in the SQL both stores speak.
    static const QString places = [] {
        QStringList marks;
        for (int i = 0; i < BatchRows; ++i)
            marks << QStringLiteral("?");
        return QStringLiteral("(%1)").arg(marks.join(QStringLiteral(", ")));
    }();
    int executions = 0;
    Status st = m_db.transaction([&]() -> Status {
        auto q = m_db.exec(QString::fromLatin1(OldestFinishedSql), {cutoff, BatchRows});
        if (!q)
            return q.error();
        QVariantList ids;
        while (q->next())
            ids << q->value(0).toString();
        q->finish();
        if (ids.isEmpty())
            return Ok {};
        while (ids.size() < BatchRows)
            ids << QVariant(QMetaType(QMetaType::QString));
        for (const auto &[table, column] :
             {std::pair {"execution_events", "execution_id"},
              std::pair {"execution_keys", "execution_id"}, std::pair {"tasks", "execution_id"},
              std::pair {"executions", "id"}}) {
            auto r = m_db.run(QStringLiteral("DELETE FROM %1 WHERE %2 IN ")
                                      .arg(QLatin1String(table), QLatin1String(column))
                                  + places,
                              ids);
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
    // Each a DELETE of at most a batch (LIMIT ?; alert events: those of a batch of alerts);
    // children before parents, so a pass cut short
    // leaves nothing orphaned that the next one would not find.
    const struct
    {
        const char *table;
        const char *sql;
        qint64 cutoff;
    } steps[] = {
        {"module_samples",
         "DELETE FROM module_samples WHERE (module, at) IN (SELECT module, at FROM module_samples "
         "WHERE at < ? LIMIT ?)",
         samples},
        {"kpi_samples",
         "DELETE FROM kpi_samples WHERE (name, at) IN (SELECT name, at FROM kpi_samples WHERE at "
         "< ? LIMIT ?)",
         samples},
        {"event_counts",
         "DELETE FROM event_counts WHERE (at, name) IN (SELECT at, name FROM event_counts WHERE at "
         "< ? LIMIT ?)",
         samples},
        {"alert_deliveries",
         "DELETE FROM alert_deliveries WHERE id IN (SELECT id FROM alert_deliveries WHERE "
         "updated_at < ? AND status NOT IN ('queued', 'retrying') LIMIT ?)",
         deliveries},
        {"notification_outbox",
         "DELETE FROM notification_outbox WHERE id IN (SELECT o.id FROM notification_outbox "
         "o WHERE o.dispatched_at < ? AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE "
         "d.outbox_id = o.id) LIMIT ?)",
         deliveries},
        {"alert_events",
         "DELETE FROM alert_events WHERE alert_id IN (SELECT a.id FROM alerts a WHERE a.state = "
         "'resolved' AND a.resolved_at < ? AND EXISTS (SELECT 1 FROM alert_events e WHERE "
         "e.alert_id = a.id) LIMIT ?)",
         alerts},
        {"alerts",
         "DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE state = 'resolved' "
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
