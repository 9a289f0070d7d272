#pragma once

#include <QString>

namespace Switchboard {

class Clock;
class DeadLetterQueue;
class ExecutionStore;
class Saga;
class StepDurations;
struct ExecutionRun;
struct ModuleCallResult;
struct WorkflowNode;

// What a module call's answer does to its execution. A step's call completes it, is retried
// under the same key after a backoff (or the module's Retry-After), or fails for good: then it
// counts as possibly done when no answer settled it, is dead-lettered, and takes the step's
// error path or fails the execution through the saga. A compensation's answer moves the saga
// on. Only the run changes (and the writes queued with it); the engine commits it.
class CallOutcomes
{
public:
    CallOutcomes(ExecutionStore &store, Saga &saga, DeadLetterQueue &deadLetters,
                 StepDurations &durations, const Clock &clock);

    void apply(ExecutionRun &run, const QString &nodeId, int attempt, bool compensation,
               const ModuleCallResult &result);
    // Counts the step's duration, from its start to now, by node type.
    void observeStep(const ExecutionRun &run, const QString &node);

private:
    void addDeadLetter(ExecutionRun &run, const WorkflowNode &node, int attempts,
                       const QString &error);

    ExecutionStore &m_store;
    Saga &m_saga;
    DeadLetterQueue &m_deadLetters;
    StepDurations &m_durations;
    const Clock &m_clock;
};

} // namespace Switchboard
