#pragma once

#include "common/result.h"
#include "engine/executionstore.h"

#include <QString>

namespace Switchboard {

class ChildRuns;
class Clock;
class ExecutionStore;
class ReloadQueue;
class RunHost;
class ScheduleTimers;
class WorkflowStore;

// Fires the durable timers that are due: a delay ends, a wait for an event times out, a call
// is retried after its backoff, a schedule starts its workflow, a run_workflow step starts its
// workflow or takes the end of it (ChildRuns). A firing and the timer's removal
// go into the same commit. While storage fails, timers wait for its backoff.
class DueTimers
{
public:
    DueTimers(RunHost &host, ExecutionStore &store, ReloadQueue &reload, ScheduleTimers &schedules,
              ChildRuns &children, WorkflowStore &workflows, const Clock &clock);

    // Fires at most batch timers due by the clock, and stops early once budgetMs of work have
    // passed (at least one fires; -1: no budget); returns how many fired.
    int fire(int batch, qint64 budgetMs = -1);

private:
    void fireForExecution(const ExecutionStore::Timer &timer);
    // One transaction: the timer that fired goes, the execution starts and the next firing is
    // set, so that a crash in between neither loses the schedule nor runs it twice.
    Status fireSchedule(qint64 timerId, const QString &workflowId, qint64 dueMs);

    RunHost &m_host;
    ExecutionStore &m_store;
    ReloadQueue &m_reload;
    ScheduleTimers &m_schedules;
    ChildRuns &m_children;
    WorkflowStore &m_workflows;
    const Clock &m_clock;
};

} // namespace Switchboard
