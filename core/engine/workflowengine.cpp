#include "engine/workflowengine.h"

#include "common/logformat.h"
#include "common/logging.h"
#include "engine/executionjson.h"
#include "store/workflowstore.h"
#include "workflow/expressionengine.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace Switchboard {

using namespace ExecutionJson;

WorkflowEngine::WorkflowEngine(Database &db, WorkflowStore &workflows, ModuleClient &modules,
                               ExpressionEngine &expressions, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(db)
    , m_workflows(workflows)
    , m_modules(modules)
    , m_expressions(expressions)
    , m_clock(clock)
    , m_calls(expressions)
    , m_triggers(workflows, expressions)
    , m_tasks(db)
    , m_saga(m_store, clock)
    , m_children(*this, m_store, m_saga, clock)
    , m_steps(m_store, m_tasks, expressions, clock)
    , m_deadLetters(new DeadLetterQueue(db, modules, clock, this))
    , m_outcomes(m_store, m_saga, *m_deadLetters, m_stepDurations, clock)
    , m_queries(db)
    , m_reruns(m_store, workflows, m_calls)
    , m_schedules(db, workflows)
    , m_inbound(db, clock)
    , m_reload(clock)
    , m_dueTimers(*this, m_store, m_reload, m_schedules, m_children, workflows, clock)
    , m_events(*this, m_store, m_triggers, m_inbound, expressions)
    , m_decisions(*this, m_store, m_tasks, clock)
    , m_wake(new QTimer(this))
    , m_sweeper(new QTimer(this))
    , m_leaseTimer(new QTimer(this))
{
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, [this] {
        // After a pass that fired, a pause as long as the pass took, its commit included: with
        // thousands of timers due, the engine gives at least half its time to requests.
        QElapsedTimer pass;
        pass.start();
        const int fired = processDueTimers(TimerBudgetMs);
        armWakeUp(fired > 0 ? std::max(TimerBudgetMs, pass.elapsed()) : 0);
    });
    m_sweeper->setInterval(60000);
    connect(m_sweeper, &QTimer::timeout, this, [this] { sweep(); });
    connect(m_leaseTimer, &QTimer::timeout, this, [this] { keepLeases(); });
}

WorkflowEngine::~WorkflowEngine()
{
    qDeleteAll(m_live);
}

void WorkflowEngine::record(Run &run, const QString &type, const QString &node, int attempt,
                            const QJsonObject &data)
{
    run.record(m_clock.nowMs(), type, node, attempt, data);
}

void WorkflowEngine::audit(Run &run, const QString &event, const QString &actor,
                           const QJsonObject &data)
{
    if (m_audit)
        run.ops.append([this, event, actor, data] { return m_audit->record(event, actor, data); });
}

WorkflowEngine::Run *WorkflowEngine::newRun(const Workflow &def, const QJsonObject &input,
                                            const QJsonObject &started)
{
    Run *run = ExecutionRun::create(def, input, started, m_clock.nowMs());
    m_live.insert(run->id, run);
    return run;
}

Result<QJsonObject> WorkflowEngine::start(const QString &workflowId, const QJsonObject &input,
                                          const QString &origin)
{
    return startRun(workflowId, input, origin, nullptr);
}

Result<QJsonObject> WorkflowEngine::startKeyed(const QString &key, const QString &workflowId,
                                               const QJsonObject &input, const QString &origin)
{
    return key.isEmpty() ? start(workflowId, input, origin)
                         : startOnce(key, workflowId, input, origin);
}

Result<QJsonObject> WorkflowEngine::startOnce(const QString &key, const QString &workflowId,
                                              const QJsonObject &input, const QString &origin)
{
    return startOnce(key, workflowId, input, origin, nullptr);
}

Result<QJsonObject> WorkflowEngine::startChild(const QString &key, const QString &workflowId,
                                               const QJsonObject &input, const ParentLink &parent)
{
    return startOnce(key, workflowId, input, QStringLiteral("workflow"), &parent);
}

Result<QJsonObject> WorkflowEngine::startOnce(const QString &key, const QString &workflowId,
                                              const QJsonObject &input, const QString &origin,
                                              const ParentLink *parent)
{
    const QString route = QStringLiteral("start:") + workflowId;
    const QString fingerprint = InboundRequests::fingerprint(input);
    auto replayed = m_inbound.replay(key, route, fingerprint);
    if (!replayed)
        return replayed.error();
    if (*replayed)
        return **replayed;
    return startRun(
        workflowId, input, origin,
        [this, key, route, fingerprint](const QJsonObject &answer) {
            return m_inbound.remember(key, route, fingerprint, {201, answer});
        },
        parent);
}

Result<QJsonObject>
WorkflowEngine::startRun(const QString &workflowId, const QJsonObject &input, const QString &origin,
                         const std::function<Status(const QJsonObject &)> &alsoStore,
                         const ParentLink *parent)
{
    auto def = m_workflows.version(workflowId);
    if (!def)
        return def.error();
    if (!def->triggerNode())
        return makeError(QStringLiteral("the workflow has no trigger"));
    QJsonObject started {{QStringLiteral("origin"), origin}};
    if (parent) {
        started.insert(QStringLiteral("parent_execution_id"), parent->execution);
        started.insert(QStringLiteral("parent_step"), parent->node);
    }
    Run *run = newRun(*def, input, started);
    if (parent)
        run->state.parent = *parent;
    const QJsonObject answer {{QStringLiteral("execution_id"), run->id},
                              {QStringLiteral("trace_id"), run->traceId}};
    if (alsoStore)
        run->ops.append([alsoStore, answer] { return alsoStore(answer); });
    qCDebug(lcEngine).noquote() << "started" << workflowId << "version" << def->version << "trace"
                                << run->traceId;
    // The first commit holds the start and the steps up to the first wait or call, and comes
    // before any of them is acted on.
    if (Status saved = advance(*run); !saved)
        return makeError(
            QStringLiteral("the execution could not be saved: %1").arg(saved.error().message), {},
            saved.error().kind);
    return answer;
}

Result<WorkflowEngine::Run *> WorkflowEngine::load(const QString &executionId)
{
    if (Run *live = m_live.value(executionId))
        return live;
    auto stored = m_store.load(executionId);
    if (!stored)
        return stored.error();
    auto def = m_workflows.version(stored->workflowId, stored->version);
    if (!def)
        return def.error();
    auto restored = ExecutionRun::restore(executionId, *stored, *def);
    if (!restored)
        return restored.error();
    Run *run = *restored;
    m_live.insert(executionId, run);
    return run;
}

void WorkflowEngine::unload(Run &run)
{
    if (!run.state.inflight.isEmpty() || m_dirty.contains(run.id))
        return;
    m_live.remove(run.id);
    delete &run;
}

void WorkflowEngine::advanceLater(Run &run)
{
    runReadySteps(run);
    if (!m_dirty.contains(run.id))
        m_dirty.append(run.id);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, &WorkflowEngine::flush);
    }
}

Status WorkflowEngine::advance(Run &run)
{
    const LogFormat::TraceScope trace(run.traceId.toLatin1());
    runReadySteps(run);
    if (m_grouping) {
        // Due timers' pass: its runs share the commit at the pass's end.
        if (!m_dirty.contains(run.id))
            m_dirty.append(run.id);
        return Ok {};
    }
    // This run's earlier, unflushed changes go with this commit; the others are flushed first.
    m_dirty.removeAll(run.id);
    flush();
    auto saved = commit(run);
    if (!saved) {
        // What was committed before stands: the execution is reloaded from it later, and its
        // calls in flight go out again with the same keys.
        qCCritical(lcEngine) << run.id << "could not be saved:" << saved.error().message;
        dropAfterFailedCommit(run);
        return saved.error();
    }
    if (!*saved) {
        dropLost(run);
        return conflict(QStringLiteral("another core changed this execution at the same time; "
                                       "try again"));
    }
    finishAdvance(run);
    return Ok {};
}

void WorkflowEngine::runReadySteps(Run &run)
{
    int guard = 0;
    while (run.status == ExecutionStatus::Running && !run.state.ready.isEmpty()
           && ++guard < 100000) {
        const QString id = run.state.ready.takeFirst();
        const WorkflowNode *node = run.def.node(id);
        if (run.seq >= m_maxHistoryEvents) {
            // A loop that waits on nothing real (a delay until a time already past, say).
            m_saga.fail(run, id,
                        QStringLiteral("the execution recorded %1 history events, the most one "
                                       "may (EXECUTION_MAX_HISTORY_EVENTS): a loop seems to run "
                                       "without end")
                            .arg(run.seq));
            break;
        }
        if (!node) {
            m_saga.fail(run, id, QStringLiteral("the workflow has no node \"%1\"").arg(id));
            break;
        }
        auto outcome = m_steps.run(run, *node);
        if (!outcome) {
            record(run, QStringLiteral("step_failed"), id, 0,
                   {{QStringLiteral("error"), outcome.error().message},
                    {QStringLiteral("retryable"), false}});
            m_saga.fail(run, id, outcome.error().message);
        } else if (outcome->ends == StepRunner::Ends::Failed) {
            m_saga.fail(run, id, outcome->error);
        } else if (outcome->ends == StepRunner::Ends::Completed) {
            m_saga.finish(run, ExecutionStatus::Completed, outcome->output);
        }
    }
    m_saga.settle(run);
    // The calls queued now keep the body they will send, in the commit that follows.
    for (const auto &[nodeId, compensation] : std::as_const(run.calls)) {
        if (const WorkflowNode *node = run.def.node(nodeId))
            m_calls.keepBody(run, *node, compensation);
    }
}

void WorkflowEngine::dropAfterFailedCommit(Run &run)
{
    const QString id = run.id;
    const bool stored = run.inserted;
    m_live.remove(id);
    m_dirty.removeAll(id);
    delete &run;
    if (stored)
        m_reload.schedule(id);
    m_reload.storageFailed();
    armWakeUp();
}

void WorkflowEngine::dropLost(Run &run)
{
    // Nothing of it was written and nothing of it was acted on: the other core's work stands.
    qCInfo(lcEngine) << (run.inserted ? run.id : run.workflowId)
                     << (run.inserted ? "was changed by another core first; this core's copy is "
                                        "dropped"
                                      : "was started by another core; this start is dropped");
    m_live.remove(run.id);
    m_dirty.removeAll(run.id);
    delete &run;
}

void WorkflowEngine::finishAdvance(Run &run)
{
    dispatch(run);
    // A run waiting for the next group commit stays until it has been written.
    if (run.state.inflight.isEmpty() && !m_dirty.contains(run.id)) {
        m_live.remove(run.id);
        delete &run;
    }
}

void WorkflowEngine::flush()
{
    m_flushScheduled = false;
    if (m_dirty.isEmpty())
        return;
    // Group commit: every execution that changed in this turn of the event loop goes into one
    // transaction; nothing is acted on before it is committed.
    const QStringList ids = std::exchange(m_dirty, {});
    QList<Run *> runs;
    for (const QString &id : ids) {
        if (Run *run = m_live.value(id))
            runs.append(run);
    }
    QList<Run *> lost; // changed by another core first: nothing of them is written
    Status st = m_store.transaction([&]() -> Status {
        for (Run *run : std::as_const(runs)) {
            auto w = write(*run);
            if (!w)
                return w.error();
            if (!*w)
                lost.append(run);
        }
        return Ok {};
    });
    if (!st) {
        qCCritical(lcEngine) << runs.size()
                             << "executions could not be saved:" << st.error().message;
        for (Run *run : std::as_const(runs))
            dropAfterFailedCommit(*run);
        return;
    }
    m_reload.storageWorked();
    for (Run *run : std::as_const(lost)) {
        runs.removeOne(run);
        dropLost(*run);
    }
    for (Run *run : std::as_const(runs))
        committed(*run);
    for (Run *run : std::as_const(runs))
        finishAdvance(*run);
}

Result<bool> WorkflowEngine::write(Run &run)
{
    if (run.claim) {
        auto claimed = run.claim();
        if (!claimed || !*claimed)
            return claimed;
    }
    auto saved = m_store.save(run, m_clock.nowMs());
    if (!saved || !*saved)
        return saved;
    for (const auto &op : std::as_const(run.ops)) {
        if (Status s = op(); !s)
            return s.error();
    }
    return true;
}

Result<bool> WorkflowEngine::commit(Run &run)
{
    bool written = false;
    Status st = m_store.transaction([&]() -> Status {
        auto w = write(run);
        if (!w)
            return w.error();
        written = *w;
        return Ok {};
    });
    if (!st)
        return st.error();
    m_reload.storageWorked();
    if (written)
        committed(run);
    return written;
}

Result<QJsonObject> WorkflowEngine::outcome(const QString &executionId)
{
    const Run *run = m_live.value(executionId);
    if (run && run->committedStatus && !isFinal(*run->committedStatus))
        return QJsonObject {{QStringLiteral("status"), toWire(*run->committedStatus)}};
    return m_queries.outcome(executionId);
}

void WorkflowEngine::committed(Run &run)
{
    run.inserted = true;
    run.ops.clear();
    run.claim = nullptr;
    if (std::exchange(run.timersChanged, false))
        armWakeUp();
    const bool changed = run.status != run.committedStatus;
    run.committedStatus = run.status;
    // What the commit tells the world goes out once it is durable.
    m_store.whenDurable(
        [self = QPointer<WorkflowEngine>(this), id = run.id, events = std::exchange(run.events, {}),
         notifications = std::exchange(run.notifications, {}), tasks = std::exchange(run.tasks, {}),
         changed, status = run.status, output = run.output, error = run.error] {
            if (!self)
                return;
            for (const HistoryEvent &e : events)
                Q_EMIT self->historyAppended(id, e);
            for (const QJsonObject &n : notifications)
                Q_EMIT self->notification(id, n);
            for (const QString &taskId : tasks) {
                if (auto t = self->task(taskId))
                    Q_EMIT self->taskChanged(*t);
            }
            if (changed) {
                Q_EMIT self->executionChanged(id, toWire(status));
                if (isFinal(status))
                    Q_EMIT self->executionFinished(id, toWire(status), output, error);
            }
        });
}

void WorkflowEngine::dispatch(Run &run)
{
    const LogFormat::TraceScope trace(run.traceId.toLatin1());
    const auto calls = std::exchange(run.calls, {});
    for (const auto &call : calls) {
        const QString nodeId = call.first;
        const bool compensation = call.second;
        const WorkflowNode *node = run.def.node(nodeId);
        const auto entry = run.state.inflight.constFind(nodeId);
        if (!node || entry == run.state.inflight.cend())
            continue;
        const int attempt = entry->attempt;
        QPointer<WorkflowEngine> self(this);
        const QString execId = run.id;
        const auto done = [self, execId, nodeId, attempt,
                           compensation](const ModuleCallResult &result) {
            if (self)
                self->onCallDone(execId, nodeId, attempt, compensation, result);
        };
        auto request = m_calls.request(run, *node, compensation);
        if (!request) {
            ModuleCallResult failed;
            failed.error = request.error().toString();
            QTimer::singleShot(0, this, [done, failed] { done(failed); });
            continue;
        }
        // Sent once the commit that put it in flight is durable: a module never acts for a
        // step a power loss could take back.
        m_store.whenDurable([self, request = std::move(request).value(), done] {
            if (self)
                self->m_modules.call(request, done);
        });
    }
}

void WorkflowEngine::onCallDone(const QString &executionId, const QString &nodeId, int attempt,
                                bool compensation, const ModuleCallResult &result)
{
    Run *run = m_live.value(executionId);
    if (!run)
        return; // cancelled or failed meanwhile: the answer is no longer wanted
    const LogFormat::TraceScope trace(run->traceId.toLatin1());
    const auto entry = run->state.inflight.constFind(nodeId);
    if (entry == run->state.inflight.cend() || entry->attempt != attempt
        || entry->compensation != compensation)
        return;
    run->state.inflight.erase(entry);
    m_outcomes.apply(*run, nodeId, attempt, compensation, result);
    advanceLater(*run);
}

Status WorkflowEngine::resumeFromWait(Run &run, const QString &node, const QString &port,
                                      const QJsonObject &output, const QString &event)
{
    m_outcomes.observeStep(run, node);
    run.state.waiting.removeAll(node);
    StepState &step = run.state.changeStep(node);
    step.status = StepStatus::Completed;
    step.output = output;
    step.finishedAt = m_clock.nowMs();
    record(run, event, node, 0,
           port == QLatin1String("out") ? QJsonObject()
                                        : QJsonObject {{QStringLiteral("branch"), port}});
    if (run.status == ExecutionStatus::Waiting)
        run.status = ExecutionStatus::Running;
    run.follow(node, port);
    return advance(run);
}

int WorkflowEngine::processDueTimers(qint64 budgetMs)
{
    reloadDropped();
    // A bounded pass: the wake-up comes straight back for the rest, and the event loop serves
    // requests in between. The executions the timers move are committed together at its end.
    m_grouping = true;
    const int fired = m_dueTimers.fire(TimerBatch, budgetMs);
    m_grouping = false;
    flush();
    return fired;
}

Status WorkflowEngine::scheduleWorkflows()
{
    Status st = m_schedules.arm(m_clock.nowMs());
    armWakeUp();
    return st;
}

void WorkflowEngine::armWakeUp(qint64 minWaitMs)
{
    qint64 next = m_reload.nextWakeMs();
    if (!m_reload.storageBackingOff()) {
        auto due = m_store.nextDue();
        if (!due) {
            m_reload.storageFailed();
            next = m_reload.nextWakeMs();
        } else if (*due >= 0) {
            next = next < 0 ? *due : std::min(next, *due);
        }
    }
    // Sharing the store, the other cores add timers and release executions this core is not
    // told of: it looks again at least every SharedPollMs.
    const bool shared = m_leaseTimer->isActive();
    if (next < 0 && !shared) {
        m_wake->stop();
        return;
    }
    const qint64 until = next < 0 ? SharedPollMs : next - m_clock.nowMs();
    const qint64 wait = std::clamp<qint64>(until, minWaitMs, shared ? SharedPollMs : 3600LL * 1000);
    m_wake->start(int(wait));
}

Status WorkflowEngine::resume(const QString &executionId, const QString &why)
{
    if (m_live.contains(executionId))
        return Ok {}; // something in this process is working on it already
    auto loaded = load(executionId);
    if (!loaded) {
        if (loaded.error().isTransient())
            m_reload.schedule(executionId);
        return loaded.error();
    }
    Run &run = **loaded;
    // Calls that were sent but not answered go out again with the same key and body.
    const auto &inflight = run.state.inflight;
    for (auto it = inflight.cbegin(); it != inflight.cend(); ++it)
        run.calls.append({it.key(), it->compensation});
    record(
        run, QStringLiteral("execution_resumed"), {}, 0,
        {{QStringLiteral("calls_resent"), int(inflight.size())}, {QStringLiteral("reason"), why}});
    return advance(run);
}

void WorkflowEngine::reloadDropped()
{
    if (m_reload.storageBackingOff())
        return;
    for (const QString &id : m_reload.takeDue()) {
        if (Status st = resume(id, QStringLiteral("a commit had failed")); !st)
            qCWarning(lcEngine) << id << "cannot be reloaded yet:" << st.error().message;
    }
}

Status WorkflowEngine::recover()
{
    if (Status st = m_deadLetters->recoverInterrupted(); !st)
        return st;
    auto ids = m_store.running(m_clock.nowMs());
    if (!ids)
        return ids.error();
    for (const QString &id : std::as_const(*ids)) {
        if (Status st = resume(id, QStringLiteral("the core restarted")); !st)
            qCWarning(lcEngine) << id << "cannot be resumed:" << st.error().message;
    }
    if (!ids->isEmpty())
        qCInfo(lcEngine) << "resumed" << ids->size() << "executions";
    m_sweeper->start();
    armWakeUp();
    return Ok {};
}

int WorkflowEngine::sweep()
{
    const qint64 now = m_clock.nowMs();
    if (Status pruned = m_deadLetters->prune(); !pruned)
        qCWarning(lcEngine) << "dead letters not pruned:" << pruned.error().message;
    if (Status pruned = m_inbound.prune(); !pruned)
        qCWarning(lcEngine) << "idempotency keys not pruned:" << pruned.error().message;
    // Running, untouched for a while, no timer of its own, and not in this process's hands:
    // left behind, e.g. by a commit that failed while the reload queue was lost with a restart.
    auto idle = m_store.running(now, now - StuckAfterMs);
    if (!idle) {
        qCWarning(lcEngine) << "the sweep cannot read executions:" << idle.error().message;
        return 0;
    }
    QStringList stuck;
    for (const QString &id : std::as_const(*idle)) {
        if (!m_live.contains(id) && !m_reload.contains(id))
            stuck << id;
    }
    int resumed = 0;
    for (const QString &id : std::as_const(stuck)) {
        if (resume(id, QStringLiteral("found idle by the sweeper")))
            ++resumed;
    }
    if (resumed > 0)
        qCWarning(lcEngine) << "the sweeper resumed" << resumed << "executions left behind";
    armWakeUp();
    return resumed;
}

void WorkflowEngine::shareStore(const QString &core, qint64 leaseMs)
{
    m_store.setLeases(core, leaseMs);
    m_leaseTimer->start(int(std::max<qint64>(leaseMs / 3, 1)));
    armWakeUp();
}

int WorkflowEngine::keepLeases()
{
    const qint64 now = m_clock.nowMs();
    if (Status renewed = m_store.renewLeases(now); !renewed)
        qCWarning(lcEngine) << "leases not renewed:" << renewed.error().message;
    // A core that stopped renewing its leases stopped: its executions go on here, their calls
    // in flight sent again with the same keys (the modules see one effect).
    auto abandoned = m_store.abandoned(now, TimerBatch);
    if (!abandoned) {
        qCWarning(lcEngine) << "cannot read abandoned executions:" << abandoned.error().message;
        return 0;
    }
    int adopted = 0;
    for (const QString &id : std::as_const(*abandoned)) {
        if (m_live.contains(id))
            continue;
        if (resume(id, QStringLiteral("taken over from a core that stopped")))
            ++adopted;
    }
    if (adopted > 0)
        qCWarning(lcEngine) << "took over" << adopted << "executions from a core that stopped";
    return adopted;
}

Result<QJsonObject> WorkflowEngine::deliverEvent(const QString &type, const QString &module,
                                                 const QJsonObject &data, const QString &key)
{
    return m_events.deliver(type, module, data, key);
}

Status WorkflowEngine::cancel(const QString &executionId, const QString &actor)
{
    auto loaded = load(executionId);
    if (!loaded)
        return loaded.error();
    Run &run = **loaded;
    if (isFinal(run.status)) {
        const ExecutionStatus status = run.status;
        (void)advance(run);
        return conflict(QStringLiteral("the execution has already %1")
                            .arg(status == ExecutionStatus::Cancelled
                                     ? QStringLiteral("been cancelled")
                                     : toWire(status)),
                        QStringLiteral("status"));
    }
    m_saga.finish(run, ExecutionStatus::Cancelled, {}, QStringLiteral("cancelled by request"));
    audit(run, QStringLiteral("execution.cancelled"), actor,
          {{QStringLiteral("execution_id"), run.id},
           {QStringLiteral("workflow_id"), run.workflowId}});
    // Reported only once it is stored.
    return advance(run);
}

Result<QJsonObject> WorkflowEngine::retry(const QString &executionId, const QString &actor)
{
    auto stored = m_store.load(executionId);
    if (!stored)
        return stored.error();
    const ExecutionStatus status = stored->status;
    if (status != ExecutionStatus::Failed && status != ExecutionStatus::Cancelled)
        return conflict(
            QStringLiteral("only a failed or cancelled execution can be retried; this one is %1")
                .arg(toWire(status)),
            QStringLiteral("status"));
    auto def = m_workflows.version(stored->workflowId, stored->version);
    if (!def)
        return def.error();
    if (!def->triggerNode())
        return internalError(
            QStringLiteral("version %1 of the workflow has no trigger").arg(def->version));
    // Same version, same input, recorded as a retry of the original.
    Run *run = newRun(*def, stored->input,
                      {{QStringLiteral("origin"), QStringLiteral("retry")},
                       {QStringLiteral("retry_of"), executionId}});
    const QJsonObject answer {{QStringLiteral("execution_id"), run->id},
                              {QStringLiteral("trace_id"), run->traceId},
                              {QStringLiteral("retry_of"), executionId}};
    audit(*run, QStringLiteral("execution.retried"), actor,
          {{QStringLiteral("execution_id"), executionId},
           {QStringLiteral("workflow_id"), stored->workflowId},
           {QStringLiteral("new_execution_id"), run->id}});
    if (Status saved = advance(*run); !saved)
        return saved.error();
    return answer;
}

Result<QJsonObject> WorkflowEngine::rerunPreview(const QString &executionId,
                                                 const QString &fromStep,
                                                 const std::optional<QJsonObject> &input)
{
    auto plan = m_reruns.plan(executionId, fromStep, input);
    if (!plan)
        return plan.error();
    return Reruns::preview(*plan);
}

Result<QJsonObject> WorkflowEngine::rerun(const QString &executionId, const QString &fromStep,
                                          const std::optional<QJsonObject> &input,
                                          const QString &actor)
{
    auto plan = m_reruns.plan(executionId, fromStep, input);
    if (!plan)
        return plan.error();
    Run *run = newRun(plan->def, plan->input,
                      {{QStringLiteral("origin"), QStringLiteral("rerun")},
                       {QStringLiteral("rerun_of"), executionId},
                       {QStringLiteral("from_step"), fromStep},
                       {QStringLiteral("input_edited"), input.has_value()}});
    run->state = std::move(plan->state);
    const QJsonObject summary = Reruns::preview(*plan);
    audit(*run, QStringLiteral("execution.rerun"), actor,
          {{QStringLiteral("execution_id"), executionId},
           {QStringLiteral("workflow_id"), plan->def.id},
           {QStringLiteral("from_step"), fromStep},
           {QStringLiteral("input_edited"), input.has_value()},
           {QStringLiteral("new_execution_id"), run->id}});
    if (Status saved = advance(*run); !saved)
        return saved.error();
    return QJsonObject {{QStringLiteral("execution_id"), run->id},
                        {QStringLiteral("trace_id"), run->traceId},
                        {QStringLiteral("rerun_of"), executionId},
                        {QStringLiteral("from_step"), fromStep},
                        {QStringLiteral("calls"), summary.value(QLatin1String("calls"))}};
}

Status WorkflowEngine::claim(const QString &taskId, const QString &who)
{
    if (Status st = m_decisions.claim(taskId, who); !st)
        return st;
    if (auto t = m_tasks.task(taskId))
        Q_EMIT taskChanged(*t);
    return Ok {};
}

} // namespace Switchboard
