#include "engine/childruns.h"

#include "common/logging.h"
#include "engine/executionjson.h"
#include "engine/executionrun.h"
#include "engine/executionstore.h"
#include "engine/runhost.h"
#include "engine/saga.h"

namespace Switchboard {

using namespace ExecutionJson;

ChildRuns::ChildRuns(RunHost &host, ExecutionStore &store, Saga &saga, const Clock &clock)
    : m_host(host)
    , m_store(store)
    , m_saga(saga)
    , m_clock(clock)
{
}

Status ChildRuns::fire(ExecutionRun &parent, const QString &node, qint64 timerId,
                       const QString &child)
{
    const auto removeTimer = [this, timerId] {
        return m_store.removeTimer(timerId);
    };
    const StepState *step = parent.state.step(node);
    const WorkflowNode *def = parent.def.node(node);
    const bool waiting = step && def && def->type == NodeType::RunWorkflow
        && step->status == StepStatus::Waiting && parent.state.waiting.contains(node);
    if (!waiting || (!child.isEmpty() && child != step->child)) {
        // The step went on already: the parent was cancelled, or this is the end of a child
        // it did not wait for.
        parent.ops.append(removeTimer);
        return m_host.advance(parent);
    }
    if (step->child.isEmpty())
        return start(parent, *def, *step, removeTimer);
    auto ended = m_host.outcome(step->child);
    if (!ended && ended.error().kind != ErrorKind::NotFound) {
        m_host.unload(parent);
        return ended.error(); // storage: the timer stays and fires again
    }
    const QJsonObject childId {{QStringLiteral("execution_id"), step->child}};
    parent.ops.append(removeTimer);
    if (!ended)
        return end(parent, node, false, childId,
                   QStringLiteral("the execution it started (%1) is gone").arg(step->child));
    const QString status = ended->value(QLatin1String("status")).toString();
    if (status == QLatin1String("running") || status == QLatin1String("waiting"))
        return m_host.advance(parent); // its end sets the next timer
    QJsonObject output = childId;
    output.insert(QStringLiteral("status"), status);
    if (status == QLatin1String("completed")) {
        output.insert(QStringLiteral("output"), ended->value(QLatin1String("output")));
        return end(parent, node, true, output, {});
    }
    const QString error = ended->value(QLatin1String("error")).toString();
    output.insert(QStringLiteral("error"), error);
    return end(parent, node, false, output,
               QStringLiteral("the workflow it ran %1 (%2)%3")
                   .arg(status == QLatin1String("cancelled") ? QStringLiteral("was cancelled")
                                                             : QStringLiteral("failed"),
                        step->child, error.isEmpty() ? QString() : QStringLiteral(": ") + error));
}

Status ChildRuns::start(ExecutionRun &parent, const WorkflowNode &node, const StepState &step,
                        const std::function<Status()> &removeTimer)
{
    const QString workflowId = node.text("workflow");
    const bool wait = node.settings.value(QLatin1String("wait")).toBool(true);
    const ParentLink link {parent.id, node.id,
                           (parent.state.parent ? parent.state.parent->depth : 0) + 1, wait};
    const QString key = QStringLiteral("%1:%2:%3").arg(parent.id, node.id).arg(step.visits);
    auto started = m_host.startChild(key, workflowId, step.request.value_or(QJsonObject()), link);
    if (!started && started.error().isTransient()) {
        m_host.unload(parent);
        return started.error(); // the timer stays and fires again
    }
    parent.ops.append(removeTimer);
    if (!started)
        return end(parent, node.id, false, {},
                   QStringLiteral("the workflow \"%1\" cannot be started: %2")
                       .arg(workflowId, started.error().message));
    const QString childId = started->value(QLatin1String("execution_id")).toString();
    parent.state.changeStep(node.id).child = childId;
    parent.record(
        m_clock.nowMs(), QStringLiteral("workflow_started"), node.id, 0,
        {{QStringLiteral("execution_id"), childId}, {QStringLiteral("workflow_id"), workflowId}});
    if (!wait)
        return end(parent, node.id, true, {{QStringLiteral("execution_id"), childId}}, {});
    return m_host.advance(parent); // the child's end sets the next timer
}

Status ChildRuns::end(ExecutionRun &parent, const QString &node, bool ok, const QJsonObject &output,
                      const QString &error)
{
    const auto edges = parent.def.outgoing(node);
    const bool errorPort = std::any_of(edges.cbegin(), edges.cend(), [](const WorkflowEdge &e) {
        return e.port == QLatin1String("error");
    });
    if (ok || errorPort)
        return m_host.resumeFromWait(parent, node,
                                     ok ? QStringLiteral("out") : QStringLiteral("error"), output,
                                     QStringLiteral("workflow_finished"));
    const qint64 now = m_clock.nowMs();
    parent.state.waiting.removeAll(node);
    StepState &step = parent.state.changeStep(node);
    step.status = StepStatus::Failed;
    step.error = error;
    step.output = output;
    step.finishedAt = now;
    parent.record(now, QStringLiteral("step_failed"), node, 0,
                  {{QStringLiteral("error"), error}, {QStringLiteral("retryable"), false}});
    if (parent.status == ExecutionStatus::Waiting)
        parent.status = ExecutionStatus::Running;
    m_saga.fail(parent, node, error);
    return m_host.advance(parent);
}

} // namespace Switchboard
