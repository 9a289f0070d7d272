#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QTimeZone>

namespace Switchboard {

class Database;
class WorkflowStore;

// The durable timers of schedule triggers: one per published, enabled workflow with a cron,
// due at its next time in the clinic's zone. The engine fires them (WorkflowEngine).
class ScheduleTimers
{
public:
    ScheduleTimers(Database &db, WorkflowStore &workflows);

    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Arms the timers the published workflows want, re-arms those whose cron changed and
    // removes the others, in one transaction.
    Status arm(qint64 nowMs);
    // The next due time of a schedule trigger strictly after afterMs.
    Result<qint64> next(const QJsonObject &trigger, qint64 afterMs) const;
    // Sets a workflow's schedule timer; run inside the transaction that fires the last one.
    Status insert(const QString &workflowId, qint64 due, const QString &cron);

private:
    Database &m_db;
    WorkflowStore &m_workflows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace Switchboard
