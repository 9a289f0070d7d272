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
    const bool busy = !run.list("ready").isEmpty() || !run.map("inflight").isEmpty()
        || run.state.contains(QLatin1String("compensate"));
    if (busy)
        run.status = ExecutionStatus::Running;
    else if (!run.list("waiting").isEmpty())
        run.status = ExecutionStatus::Waiting;
    else
        finish(run, ExecutionStatus::Completed, run.map("vars"));
}

void Saga::fail(ExecutionRun &run, const QString &node, const QString &error)
{
    if (isFinal(run.status) || run.state.contains(QLatin1String("compensate")))
        return;
    run.error = node.isEmpty() ? error : node + QStringLiteral(": ") + error;
    run.setList("ready", {});
    stopWaiting(run);
    // Saga: undo the completed calls that declared a compensation, newest first.
    QJsonArray queue;
    const QJsonArray done = run.list("completed");
    for (int i = done.size() - 1; i >= 0; --i)
        queue.append(done.at(i));
    if (queue.isEmpty()) {
        finish(run, ExecutionStatus::Failed, {}, run.error);
        return;
    }
    run.setMap("inflight", {});
    run.setList("compensate", queue);
    run.record(m_clock.nowMs(), QStringLiteral("compensation_started"), {}, 0,
               {{QStringLiteral("steps"), queue}});
    compensateNext(run);
}

void Saga::compensateNext(ExecutionRun &run)
{
    QJsonArray queue = run.list("compensate");
    if (queue.isEmpty()) {
        run.state.remove(QStringLiteral("compensate"));
        finish(run, ExecutionStatus::Failed, {}, run.error);
        return;
    }
    const QString nodeId = queue.takeAt(0).toString();
    run.setList("compensate", queue);
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
    run.state.remove(QStringLiteral("compensate"));
    run.setList("ready", {});
    run.setMap("inflight", {});
    stopWaiting(run);
    run.record(m_clock.nowMs(), QStringLiteral("execution_") + toWire(status), {}, 0,
               error.isEmpty() ? QJsonObject() : QJsonObject {{QStringLiteral("error"), error}});
    qCDebug(lcEngine).noquote() << run.id << toWire(status);
}

void Saga::stopWaiting(ExecutionRun &run)
{
    // With the commit: its timers and event waits go, and its open review tasks expire.
    run.setList("waiting", {});
    if (!run.waited)
        return; // nothing of it waits in storage: no clean-up to write
    const QString execId = run.id;
    // Timers going away need no new wake-up: one that comes early finds nothing due.
    run.ops.append([this, execId] { return m_store.stopWaiting(execId); });
}

} // namespace Switchboard
