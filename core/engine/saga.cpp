#include "engine/saga.h"

#include "common/logging.h"
#include "engine/executionjson.h"
#include "engine/executionstore.h"

namespace Switchboard {

using namespace ExecutionJson;

Saga::Saga(ExecutionStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{
}

void Saga::settle(ExecutionRun &run)
{
    if (isFinal(run.status))
        return;
    const ExecutionState &state = run.state;
    const bool busy =
        !state.ready.isEmpty() || !state.inflight.isEmpty() || state.compensate.has_value();
    if (busy)
        run.status = ExecutionStatus::Running;
    else if (!state.waiting.isEmpty())
        run.status = ExecutionStatus::Waiting;
    else
        finish(run, ExecutionStatus::Completed, state.vars);
}

void Saga::fail(ExecutionRun &run, const QString &node, const QString &error)
{
    if (isFinal(run.status) || run.state.compensate)
        return;
    run.error = node.isEmpty() ? error : node + QStringLiteral(": ") + error;
    run.state.ready.clear();
    stopWaiting(run);
    // Saga: undo the completed calls that declared a compensation, newest first.
    const QStringList queue(run.state.completed.crbegin(), run.state.completed.crend());
    if (queue.isEmpty()) {
        finish(run, ExecutionStatus::Failed, {}, run.error);
        return;
    }
    run.state.inflight.clear();
    run.state.compensate = queue;
    run.record(m_clock.nowMs(), QStringLiteral("compensation_started"), {}, 0,
               {{QStringLiteral("steps"), QJsonArray::fromStringList(queue)}});
    compensateNext(run);
}

void Saga::compensateNext(ExecutionRun &run)
{
    auto &queue = run.state.compensate;
    if (!queue || queue->isEmpty()) {
        queue.reset();
        finish(run, ExecutionStatus::Failed, {}, run.error);
        return;
    }
    const QString nodeId = queue->takeFirst();
    run.queueCall(m_clock.nowMs(), nodeId, 1, true);
}

void Saga::finish(ExecutionRun &run, ExecutionStatus status, const QJsonObject &output,
                  const QString &error)
{
    if (isFinal(run.status))
        return;
    run.status = status;
    run.output = output;
    if (!error.isEmpty())
        run.error = error;
    run.state.compensate.reset();
    run.state.ready.clear();
    run.state.inflight.clear();
    stopWaiting(run);
    if (run.state.parent && run.state.parent->wait) {
        // The run_workflow step waiting for this execution is taken on (ChildRuns), stored
        // in this commit so that no crash can lose it.
        const ParentLink parent = *run.state.parent;
        const QString childId = run.id;
        const qint64 now = m_clock.nowMs();
        run.ops.append([this, parent, childId, now] {
            return m_store.addTimer(parent.execution, parent.node, QStringLiteral("child"), now,
                                    {{QStringLiteral("child"), childId}});
        });
        run.timersChanged = true;
    }
    run.record(m_clock.nowMs(), QStringLiteral("execution_") + toWire(status), {}, 0,
               error.isEmpty() ? QJsonObject() : QJsonObject {{QStringLiteral("error"), error}});
    qCDebug(lcEngine).noquote() << run.id << toWire(status);
}

void Saga::stopWaiting(ExecutionRun &run)
{
    // With the commit: its timers and event waits go, and its open review tasks expire.
    run.state.waiting.clear();
    if (!run.waited)
        return; // nothing of it waits in storage: no clean-up to write
    const QString execId = run.id;
    // Timers going away need no new wake-up: one that comes early finds nothing due.
    run.ops.append([this, execId] { return m_store.stopWaiting(execId); });
}

} // namespace Switchboard
