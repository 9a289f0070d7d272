#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "engine/executionrun.h"

namespace Switchboard {

class ExecutionStore;
class ExpressionEngine;
class TaskStore;

// Runs one step of an execution by its node kind: records what it did in the run, makes the
// next nodes ready, and queues the rows it needs (timers, waiters, tasks) and the module calls
// to send with the run's next commit. Nothing here writes or sends by itself.
class StepRunner
{
public:
    StepRunner(ExecutionStore &store, TaskStore &tasks, ExpressionEngine &expressions,
               const Clock &clock);

    enum class Ends { No, Completed, Failed };
    // Whether the step ends the execution (an end node), with its output or error.
    struct Outcome
    {
        Ends ends = Ends::No;
        QJsonObject output;
        QString error;
    };
    // An error is the step's own failure (a bad expression, say), named by its field.
    Result<Outcome> run(ExecutionRun &run, const WorkflowNode &node);

private:
    ExecutionStore &m_store;
    TaskStore &m_tasks;
    ExpressionEngine &m_expressions;
    const Clock &m_clock;
};

} // namespace Switchboard
