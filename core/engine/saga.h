#pragma once

#include "common/clock.h"
#include "engine/executionrun.h"

namespace Switchboard {

class ExecutionStore;

// How an execution comes to rest or to an end, as changes to its run that go with the next
// commit: settle (running, waiting, or completed when nothing is left), fail (a saga: the
// completed calls that declared a compensation are undone newest first, then it is failed),
// finish (completed, failed or cancelled; its timers, waits and open tasks go, and a parent
// execution waiting for it is woken).
class Saga
{
public:
    Saga(ExecutionStore &store, const Clock &clock);

    void settle(ExecutionRun &run);
    void fail(ExecutionRun &run, const QString &node, const QString &error);
    // Queues the next compensation call, or fails the execution when none is left.
    void compensateNext(ExecutionRun &run);
    void finish(ExecutionRun &run, ExecutionStatus status, const QJsonObject &output = {},
                const QString &error = {});

private:
    void stopWaiting(ExecutionRun &run);

    ExecutionStore &m_store;
    const Clock &m_clock;
};

} // namespace Switchboard
