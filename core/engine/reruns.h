#pragma once

#include "common/result.h"
#include "engine/executionstate.h"
#include "engine/executionstore.h"
#include "workflow/workflow.h"

#include <QJsonArray>
#include <optional>

namespace Switchboard {

class ModuleCalls;
class WorkflowStore;

// Re-running an execution from one of its steps, with its input edited or not. The new
// execution runs the same version; the steps before the chosen one keep the original's outputs
// and the run starts at that step. Before it runs, preview() lists every module call the new
// run would make: whether it reaches the outside world (messages, payments, bookings, video
// visits), and whether the module would act again — a call whose body is what the original
// sent keeps the original's Idempotency-Key, so the module answers without acting twice.
class Reruns
{
public:
    Reruns(ExecutionStore &store, WorkflowStore &workflows, const ModuleCalls &calls);

    struct Plan
    {
        QString originalId;
        QString fromStep;
        Workflow def;
        QJsonObject input;
        ExecutionState state; // the new execution's first state
        // [{node, name, module, action, outside_world (null or what it changes), in_original,
        //   same_payload, outcome: "suppressed" | "sent_again" | "new" | "unknown"}]
        QJsonArray calls;
    };
    // input: the edited input (nullopt: the original's). A step that is not in the workflow,
    // or an execution still running, is refused naming why.
    Result<Plan> plan(const QString &executionId, const QString &fromStep,
                      const std::optional<QJsonObject> &input);
    // Plan::calls with a summary: {from_step, calls, sent_again, suppressed, outside_world}.
    static QJsonObject preview(const Plan &plan);

private:
    static QSet<QString> reachableFrom(const Workflow &def, const QString &node);
    static QSet<QString> leadingTo(const Workflow &def, const QString &node);

    ExecutionStore &m_store;
    WorkflowStore &m_workflows;
    const ModuleCalls &m_calls;
};

} // namespace Switchboard
