#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace Switchboard {

class ExecutionStore;
class RunHost;
class Saga;
struct ExecutionRun;
struct StepState;
struct WorkflowNode;

// The other half of a run_workflow step: it starts the workflow the step runs and, once that
// execution ends, takes the step on with its outcome. Both happen when a "child" timer of the
// step comes due. The step sets one when it is reached; the child's ending commit sets one
// (Saga::finish). So each hand-over is stored before it is acted on, and a crash at any commit
// repeats it instead of losing it. The child's start and the parent's note of it share one
// commit, and the start is keyed by <parent>:<node>:<visit> besides.
class ChildRuns
{
public:
    ChildRuns(RunHost &host, ExecutionStore &store, Saga &saga, const Clock &clock);

    // A "child" timer of the parent's step came due; `child` is the execution whose end set it
    // (empty: the step's own). The timer is removed by the commit that acts on it; a storage
    // failure leaves it, to fire again, and the parent unloaded (when nothing else holds it).
    Status fire(ExecutionRun &parent, const QString &node, qint64 timerId, const QString &child);

private:
    Status start(ExecutionRun &parent, const WorkflowNode &node, const StepState &step,
                 const std::function<Status()> &removeTimer);
    // The step ends: "out" when ok, else "error" when the node has that port connected, or
    // the step fails and with it the parent.
    Status end(ExecutionRun &parent, const QString &node, bool ok, const QJsonObject &output,
               const QString &error);

    RunHost &m_host;
    ExecutionStore &m_store;
    Saga &m_saga;
    const Clock &m_clock;
};

} // namespace Switchboard
