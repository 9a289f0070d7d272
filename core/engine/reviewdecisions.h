#pragma once

#include "common/result.h"

#include <QJsonObject>

namespace Switchboard {

class AuditTrail;
class Clock;
class ExecutionStore;
class RunHost;
class TaskStore;

// A person's work on a review task: claiming it, and deciding it, which resumes the execution
// waiting on the task with the decision. Each is audited in the commit that stores it.
class ReviewDecisions
{
public:
    ReviewDecisions(RunHost &host, ExecutionStore &store, TaskStore &tasks, const Clock &clock);

    void setAudit(AuditTrail *audit) { m_audit = audit; }

    Status claim(const QString &taskId, const QString &who);
    // The decided task. Decided only when the decision and the resumed execution are stored
    // together; a decided or expired task is a conflict, a wrong decision or field invalid.
    Result<QJsonObject> decide(const QString &taskId, const QString &decision,
                               const QJsonObject &fields, const QString &comment,
                               const QString &who);

private:
    RunHost &m_host;
    ExecutionStore &m_store;
    TaskStore &m_tasks;
    const Clock &m_clock;
    AuditTrail *m_audit = nullptr;
};

} // namespace Switchboard
