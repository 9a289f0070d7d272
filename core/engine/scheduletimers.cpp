#include "engine/scheduletimers.h"

#include "common/logging.h"
#include "engine/executionjson.h"
#include "store/database.h"
#include "store/workflowstore.h"
#include "workflow/cronschedule.h"

#include <QSet>

namespace Switchboard {

using namespace ExecutionJson;

ScheduleTimers::ScheduleTimers(Database &db, WorkflowStore &workflows)
    : m_db(db)
    , m_workflows(workflows)
{
}

Status ScheduleTimers::insert(const QString &workflowId, qint64 due, const QString &cron)
{
    // REPLACE: the one schedule timer a workflow may have (a unique index) is replaced.
    auto r = m_db.run(
        QStringLiteral("INSERT INTO timers (execution_id, node, kind, due_at, data) "
                       "VALUES ('', ?, 'schedule', ?, ?) ON CONFLICT (node) WHERE kind = "
                       "'schedule' DO UPDATE SET due_at = excluded.due_at, data = excluded.data"),
        {workflowId, due, compact({{QStringLiteral("due"), due}, {QStringLiteral("cron"), cron}})});
    return r ? Status(Ok {}) : Status(r.error());
}

Result<qint64> ScheduleTimers::next(const QJsonObject &trigger, qint64 afterMs) const
{
    auto cron = CronSchedule::parse(trigger.value(QLatin1String("cron")).toString());
    if (!cron)
        return cron.error();
    const QDateTime next = cron->next(QDateTime::fromMSecsSinceEpoch(afterMs, Qt::UTC), m_zone);
    if (!next.isValid())
        return makeError(QStringLiteral("the schedule never comes round"), QStringLiteral("cron"));
    return next.toMSecsSinceEpoch();
}

Status ScheduleTimers::arm(qint64 nowMs)
{
    const QList<WorkflowStore::Summary> workflows = m_workflows.list();
    auto existing =
        m_db.exec(QStringLiteral("SELECT node, data FROM timers WHERE kind = 'schedule'"));
    if (!existing)
        return existing.error();
    QHash<QString, QString> armed; // workflow → the cron its timer was set by
    while (existing->next())
        armed.insert(existing->value(0).toString(),
                     parse(existing->value(1)).value(QLatin1String("cron")).toString());
    return m_db.transaction([&]() -> Status {
        QSet<QString> wanted;
        for (const WorkflowStore::Summary &w : workflows) {
            const bool scheduled = w.latestVersion > 0 && w.enabled
                && w.trigger.value(QLatin1String("kind")).toString() == QLatin1String("schedule");
            if (!scheduled)
                continue;
            wanted.insert(w.id);
            const QString cron = w.trigger.value(QLatin1String("cron")).toString();
            if (armed.contains(w.id) && armed.value(w.id) == cron)
                continue;
            auto due = next(w.trigger, nowMs);
            if (!due) {
                // Validation refuses such a cron; one stored before that check stays unarmed.
                qCWarning(lcEngine) << w.id << "is not scheduled:" << due.error().toString();
                continue;
            }
            if (Status st = insert(w.id, *due, cron); !st)
                return st;
        }
        for (auto it = armed.cbegin(); it != armed.cend(); ++it) {
            if (wanted.contains(it.key()))
                continue;
            auto r =
                m_db.run(QStringLiteral("DELETE FROM timers WHERE kind = 'schedule' AND node = ?"),
                         {it.key()});
            if (!r)
                return r.error();
        }
        return Ok {};
    });
}

} // namespace Switchboard
