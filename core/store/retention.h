#pragma once

#include "common/result.h"
#include "config/coreconfig.h"

#include <QMap>
#include <QString>

namespace Switchboard {

class Database;

// Deletes what is older than its period, a small batch at a time, so the core's own work never
// waits long behind it: the service runs one batch per slice of time until nothing is left.
// Finished executions go whole (history, decided tasks, the row) in one transaction; open work
// (running executions and those with an open task, open alerts, pending dead letters, notices
// not yet sent) is never touched.
class Retention
{
public:
    Retention(Database &db, const RetentionSettings &settings);

    struct Batch
    {
        QMap<QString, int> deleted; // rows, by table
        bool more = false; // false: nothing is left past its period
    };
    // One batch of the first kind of rows that has any past its period. An error leaves the
    // rest for the next call.
    Result<Batch> pruneSome(qint64 nowMs);
    // Batches until nothing is left; rows deleted, by table.
    Result<QMap<QString, int>> prune(qint64 nowMs);

    static constexpr int BatchRows = 100;
    // The ids of the oldest finished executions past the cutoff (?1), at most ?2. Oldest
    // first, through executions_by_finish: "status || ''" keeps SQLite from choosing
    // executions_by_status, which read and sorted every finished execution each batch (the
    // same SQL runs on PostgreSQL). One with an open task stays whole.
    static constexpr const char *OldestFinishedSql =
        "SELECT id FROM executions WHERE finished_at IS NOT NULL AND finished_at < ? AND "
        "status || '' IN ('completed', 'failed', 'cancelled') AND NOT EXISTS (SELECT 1 FROM "
        "tasks t WHERE t.execution_id = executions.id AND t.status NOT IN ('decided', "
        "'expired')) ORDER BY finished_at LIMIT ?";

private:
    // One batch of finished executions: their histories, decided tasks and rows.
    Result<int> pruneExecutions(qint64 cutoff, QMap<QString, int> &deleted);

    Database &m_db;
    RetentionSettings m_settings;
    int m_step = 0; // the kind of rows the current pass is at
};

} // namespace Switchboard
