#include "engine/duetimers.h"

#include "common/clock.h"
#include "common/logging.h"
#include "engine/childruns.h"
#include "engine/executionjson.h"
#include "engine/executionrun.h"
#include "engine/executionstore.h"
#include "engine/reloadqueue.h"
#include "engine/runhost.h"
#include "engine/scheduletimers.h"
#include "store/workflowstore.h"

#include <QElapsedTimer>

namespace Switchboard {

using namespace ExecutionJson;

DueTimers::DueTimers(RunHost &host, ExecutionStore &store, ReloadQueue &reload,
                     ScheduleTimers &schedules, ChildRuns &children, WorkflowStore &workflows,
                     const Clock &clock)
    : m_host(host)
    , m_store(store)
    , m_reload(reload)
    , m_schedules(schedules)
    , m_children(children)
    , m_workflows(workflows)
    , m_clock(clock)
{
}

int DueTimers::fire(int batch, qint64 budgetMs)
{
    QElapsedTimer spent;
    spent.start();
    if (m_reload.storageBackingOff())
        return 0;
    auto due = m_store.dueTimers(m_clock.nowMs(), batch);
    if (!due) {
        qCWarning(lcEngine) << "cannot read the due timers:" << due.error().message;
        m_reload.storageFailed();
        return 0;
    }
    int fired = 0;
    for (const ExecutionStore::Timer &t : std::as_const(*due)) {
        if (m_reload.storageBackingOff())
            break; // the rest stay due and fire once storage works again
        if (fired > 0 && budgetMs >= 0 && spent.elapsed() >= budgetMs)
            break; // the rest fire in the next pass, after the event loop has had its turn
        ++fired;
        if (t.kind == QLatin1String("schedule"))
            (void)fireSchedule(t.id, t.node, t.data.value(QLatin1String("due")).toInteger());
        else
            fireForExecution(t);
    }
    return fired;
}

void DueTimers::fireForExecution(const ExecutionStore::Timer &timer)
{
    const qint64 timerId = timer.id;
    const QString &executionId = timer.execution;
    const QString &kind = timer.kind;
    const QString &node = timer.node;
    const auto remove = [this, timerId] {
        return m_store.removeTimer(timerId);
    };
    auto loaded = m_host.load(executionId);
    if (!loaded) {
        // Only a timer whose execution is gone goes; a failing database keeps it for later.
        // One that cannot be loaded at all (damaged data) waits an hour, so that it neither
        // spins nor holds back the timers due after it.
        if (loaded.error().kind == ErrorKind::NotFound) {
            (void)m_store.transaction(remove);
        } else if (loaded.error().isTransient()) {
            m_reload.storageFailed();
        } else {
            qCCritical(lcEngine) << executionId << "cannot be loaded; its timer waits an hour:"
                                 << loaded.error().message;
            (void)m_store.transaction([this, timerId] {
                return m_store.postponeTimer(timerId, m_clock.nowMs() + 3600LL * 1000);
            });
        }
        return;
    }
    ExecutionRun &run = **loaded;
    if (kind == QLatin1String("child") && !isFinal(run.status)) {
        if (Status st = m_children.fire(run, node, timerId,
                                        timer.data.value(QLatin1String("child")).toString());
            !st && st.error().isTransient())
            m_reload.storageFailed();
        return;
    }
    run.ops.append(remove);
    if (isFinal(run.status)) {
        (void)m_host.advance(run);
        return;
    }
    if (kind == QLatin1String("delay")) {
        (void)m_host.resumeFromWait(run, node, QStringLiteral("out"),
                                    {{QStringLiteral("fired_at"), isoOrNull(m_clock.nowMs())}},
                                    QStringLiteral("timer_fired"));
    } else if (kind == QLatin1String("event_timeout")) {
        const QString execId = run.id;
        run.ops.append([this, execId, node] { return m_store.removeWaiter(execId, node); });
        (void)m_host.resumeFromWait(run, node, QStringLiteral("timeout"),
                                    {{QStringLiteral("timed_out"), true}},
                                    QStringLiteral("wait_timed_out"));
    } else if (kind == QLatin1String("event")) {
        // An event another core took while this one held the execution; it resumes the wait
        // unless the wait is over (timed out meanwhile).
        if (!run.state.waiting.contains(node)) {
            (void)m_host.advance(run);
            return;
        }
        const QString execId = run.id;
        run.ops.append([this, execId, node] { return m_store.removeWaiter(execId, node); });
        (void)m_host.resumeFromWait(run, node, QStringLiteral("event"),
                                    timer.data.value(QLatin1String("event")).toObject(),
                                    QStringLiteral("event_received"));
    } else if (kind == QLatin1String("retry") || kind == QLatin1String("compensate_retry")) {
        run.state.waiting.removeAll(node);
        run.status = ExecutionStatus::Running;
        run.queueCall(m_clock.nowMs(), node, timer.data.value(QLatin1String("attempt")).toInt(2),
                      kind == QLatin1String("compensate_retry"));
        (void)m_host.advance(run);
    } else {
        (void)m_host.advance(run);
    }
}

Status DueTimers::fireSchedule(qint64 timerId, const QString &workflowId, qint64 dueMs)
{
    const auto removeTimer = [this, timerId] {
        return m_store.removeTimer(timerId);
    };
    auto def = m_workflows.version(workflowId);
    if (!def && def.error().isTransient()) {
        m_reload.storageFailed();
        return def.error();
    }
    if (!def || !def->triggerNode()) {
        // The workflow or its deployment is gone: so is its schedule.
        qCWarning(lcEngine) << workflowId << "schedule dropped:"
                            << (def ? QStringLiteral("no trigger") : def.error().message);
        return m_store.transaction(removeTimer);
    }
    // After a long stop the run that was missed happens once, not once per missed slot.
    auto next = m_schedules.next(def->trigger, std::max(m_clock.nowMs(), dueMs));
    ExecutionRun *run = m_host.newRun(*def, {{QStringLiteral("scheduled_for"), isoOrNull(dueMs)}},
                                      {{QStringLiteral("origin"), QStringLiteral("schedule")}});
    // Only the core whose commit removes the timer starts the run: a schedule fires once.
    run->claim = [this, timerId] {
        return m_store.takeTimer(timerId);
    };
    if (next) {
        const QString cron = def->trigger.value(QLatin1String("cron")).toString();
        const qint64 nextDue = *next;
        run->ops.append([this, workflowId, nextDue, cron] {
            return m_schedules.insert(workflowId, nextDue, cron);
        });
    } else {
        qCWarning(lcEngine) << workflowId << "has no next scheduled run:" << next.error().message;
    }
    run->timersChanged = true;
    return m_host.advance(*run);
}

} // namespace Switchboard
