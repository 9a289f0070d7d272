#pragma once

#include "audit/audittrail.h"
#include "common/clock.h"
#include "common/result.h"
#include "engine/calloutcomes.h"
#include "engine/childruns.h"
#include "engine/deadletterqueue.h"
#include "engine/duetimers.h"
#include "engine/eventdelivery.h"
#include "engine/executionqueries.h"
#include "engine/executionrun.h"
#include "engine/inboundrequests.h"
#include "engine/modulecalls.h"
#include "engine/moduleclient.h"
#include "engine/reloadqueue.h"
#include "engine/reruns.h"
#include "engine/reviewdecisions.h"
#include "engine/runhost.h"
#include "engine/saga.h"
#include "engine/scheduletimers.h"
#include "engine/sqlexecutionstore.h"
#include "engine/stepdurations.h"
#include "engine/steprunner.h"
#include "engine/triggers.h"
#include "review/taskstore.h"
#include "workflow/workflow.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimeZone>
#include <QUrl>
#include <array>
#include <functional>

class QTimer;

namespace Switchboard {

class Database;
class ExpressionEngine;
class WorkflowStore;

// Runs published workflows durably. Every state transition is committed to the database
// before it is acted on; a module call is re-sent after a crash with the same Idempotency-Key
// (<execution>:<node>:<visit>), so the module sees one effect. Executions that only wait (on
// a timer, an event or a review task) are not kept in memory: their row is all they cost.
class WorkflowEngine final : public QObject, private RunHost
{
    Q_OBJECT

public:
    WorkflowEngine(Database &db, WorkflowStore &workflows, ModuleClient &modules,
                   ExpressionEngine &expressions, const Clock &clock, QObject *parent = nullptr);
    ~WorkflowEngine() override;

    // Where cancels, retries, claims, decisions and dead-letter actions are recorded, each in
    // the transaction of the change it records.
    void setAudit(AuditTrail *audit)
    {
        m_audit = audit;
        m_deadLetters->setAudit(audit);
        m_decisions.setAudit(audit);
    }
    void setEndpoints(const QHash<QString, QUrl> &endpoints)
    {
        m_calls.setEndpoints(endpoints);
        m_deadLetters->setEndpoints(endpoints);
    }
    // Each module's call timeout, for module_call nodes that do not set timeout_s.
    void setModuleTimeouts(const QHash<QString, int> &ms) { m_calls.setTimeouts(ms); }
    // History events one execution may record; past them it fails as a runaway loop.
    void setMaxHistoryEvents(int events) { m_maxHistoryEvents = events; }
    // The clinic's time zone, for schedule triggers such as the 07:00 morning report.
    void setTimeZone(const QTimeZone &zone) { m_schedules.setTimeZone(zone); }
    // Keeps one durable timer per published, enabled workflow with a schedule trigger (and
    // none for the others), due at its cron's next time. Called at start and after publishing,
    // promoting or enabling.
    Status scheduleWorkflows();
    // Resumes every execution that was running when the process stopped, and arms timers.
    Status recover();
    // Housekeeping, every minute and from tests: reloads executions that are stored as running
    // but that nothing in this process is working on (left behind by a failed commit), and
    // deletes dead letters that were replayed or discarded longer than their TTL ago.
    // Returns how many executions it resumed.
    int sweep();
    // How long a running execution may go unchanged before the sweeper reloads it.
    static constexpr qint64 StuckAfterMs = 60000;
    // Cores sharing one store (PostgreSQL): this core's name in the leases it takes on the
    // executions it has calls in flight for, renewed every third of leaseMs; it takes over the
    // executions of a core whose leases lapsed, and fires only the timers no other live core
    // holds, each claimed so that the others skip it.
    void shareStore(const QString &core, qint64 leaseMs);
    // Renews this core's leases and takes over abandoned executions; returns how many. Called
    // by the lease timer, and by tests after moving a manual clock.
    int keepLeases();
    // Sharing the store, the engine looks for due timers at least this often.
    static constexpr qint64 SharedPollMs = 1000;

    // {"execution_id", "trace_id"}
    Result<QJsonObject> start(const QString &workflowId, const QJsonObject &input,
                              const QString &origin = QStringLiteral("manual"));
    // The same, once per Idempotency-Key: the key's first answer is stored in the start's own
    // commit, and a repeat gets it back with "replayed": true instead of a second execution.
    // The same key with another workflow or input is a conflict.
    Result<QJsonObject> startOnce(const QString &key, const QString &workflowId,
                                  const QJsonObject &input, const QString &origin);
    // Starts the workflows this event triggers and resumes the executions waiting for it
    // (EventDelivery).
    Result<QJsonObject> deliverEvent(const QString &type, const QString &module,
                                     const QJsonObject &data, const QString &key = {});
    Status cancel(const QString &executionId, const QString &actor);
    // Starts a new execution of the same version with the same input.
    Result<QJsonObject> retry(const QString &executionId, const QString &actor);
    // Re-running from a step (Reruns): what it would call, and the re-run itself, a new
    // execution of the same version recorded as coming from the original.
    Result<QJsonObject> rerunPreview(const QString &executionId, const QString &fromStep,
                                     const std::optional<QJsonObject> &input);
    Result<QJsonObject> rerun(const QString &executionId, const QString &fromStep,
                              const std::optional<QJsonObject> &input, const QString &actor);

    Result<QJsonObject> execution(const QString &executionId,
                                  const HistoryWindow &window = HistoryWindow())
    {
        return m_queries.execution(executionId, window);
    }
    // {"status", "output", "error"}, without the steps and history (cheap): an execution being
    // worked on answers from memory with its last committed status, any other from storage.
    Result<QJsonObject> outcome(const QString &executionId) override;
    Result<QHash<QString, qint64>> executionCounts() { return m_queries.countsByStatus(); }
    Result<QJsonArray> executions(const QString &status, int limit = 200)
    {
        return m_queries.executions(status, limit);
    }
    Result<ExecutionPage> executions(const ExecutionFilter &filter)
    {
        return m_queries.page(filter);
    }
    Result<QJsonArray> journey(const QString &key, const QString &value)
    {
        return m_queries.journey(key, value);
    }

    // Review tasks, oldest first; status "open" is pending, claimed and escalated together.
    Result<QJsonArray> tasks(const QString &queue, const QString &status)
    {
        return m_tasks.tasks(queue, status);
    }
    Result<QJsonObject> task(const QString &taskId) { return m_tasks.task(taskId); }
    Status claim(const QString &taskId, const QString &who);
    Result<QJsonObject> decide(const QString &taskId, const QString &decision,
                               const QJsonObject &fields, const QString &comment,
                               const QString &who)
    {
        return m_decisions.decide(taskId, decision, fields, comment, who);
    }

    // The dead-letter queue: module calls that failed for good, with payload, error, attempts.
    DeadLetterQueue &deadLetters() { return *m_deadLetters; }
    // Which workflows an event or a webhook request starts.
    Triggers &triggers() { return m_triggers; }

    // How long steps took, from start to end (retries and waits included), by node type.
    const StepDurations &stepDurations() const { return m_stepDurations; }

    // Reloads the executions whose commit failed once their backoff is over, then fires the
    // timers due by the clock: at most TimerBatch, and no more once budgetMs of work have passed
    // (-1: no budget). The executions they move share one commit. Returns how many fired.
    // Called by the engine's own wake-up timer (with TimerBudgetMs), and by tests after moving
    // a manual clock.
    int processDueTimers(qint64 budgetMs = -1);

    // A pass fires at most this many timers, in at most this much time, and the next pass
    // follows as long after it: thousands of timers coming due together take turns with the
    // requests instead of holding them up.
    static constexpr int TimerBatch = 50;
    static constexpr qint64 TimerBudgetMs = 5;

Q_SIGNALS:
    void executionChanged(const QString &executionId, const QString &status);
    // An execution ended (completed, failed or cancelled), committed; with what it ended with.
    void executionFinished(const QString &executionId, const QString &status,
                           const QJsonObject &output, const QString &error);
    void historyAppended(const QString &executionId, const Switchboard::HistoryEvent &event);
    void notification(const QString &executionId, const QJsonObject &notification);
    void taskChanged(const QJsonObject &task);

private:
    using Run = ExecutionRun;

    // RunHost, for the parts that work on runs (DueTimers, EventDelivery, ReviewDecisions).
    Result<Run *> load(const QString &executionId) override;
    void unload(Run &run) override;
    Run *newRun(const Workflow &def, const QJsonObject &input, const QJsonObject &started) override;
    // Runs the ready steps, then commits them now. When the commit fails the run is dropped
    // and reloaded later from what was stored (ReloadQueue); nothing is reported done.
    Status advance(Run &run) override;
    Status resumeFromWait(Run &run, const QString &node, const QString &port,
                          const QJsonObject &output, const QString &event) override;
    Result<QJsonObject> startKeyed(const QString &key, const QString &workflowId,
                                   const QJsonObject &input, const QString &origin) override;
    Result<QJsonObject> startChild(const QString &key, const QString &workflowId,
                                   const QJsonObject &input, const ParentLink &parent) override;
    void audit(Run &run, const QString &event, const QString &actor,
               const QJsonObject &data) override;

    Result<QJsonObject> startOnce(const QString &key, const QString &workflowId,
                                  const QJsonObject &input, const QString &origin,
                                  const ParentLink *parent);
    // The same as advance, with the next group commit (within this turn of the event loop).
    void advanceLater(Run &run);
    void runReadySteps(Run &run);
    void dropAfterFailedCommit(Run &run);
    // Drops a run another core changed first (its commit wrote nothing).
    void dropLost(Run &run);
    // Reloads a stored execution and sends its calls in flight again with the same keys.
    Status resume(const QString &executionId, const QString &why);
    void reloadDropped();
    void finishAdvance(Run &run);
    void flush();
    void record(Run &run, const QString &type, const QString &node = {}, int attempt = 0,
                const QJsonObject &data = {});
    // False: another core changed the execution first, and nothing of it was written.
    Result<bool> write(Run &run);
    Result<bool> commit(Run &run);
    void committed(Run &run);
    void dispatch(Run &run);
    void onCallDone(const QString &executionId, const QString &node, int attempt, bool compensation,
                    const ModuleCallResult &result);
    // Sets the wake-up for the next due timer (or reload), minWaitMs from now at the earliest.
    void armWakeUp(qint64 minWaitMs = 0);
    // With alsoStore, what else the first commit stores (the key's answer); with parent, the
    // run_workflow step it runs for.
    Result<QJsonObject> startRun(const QString &workflowId, const QJsonObject &input,
                                 const QString &origin,
                                 const std::function<Status(const QJsonObject &)> &alsoStore,
                                 const ParentLink *parent = nullptr);

    SqlExecutionStore m_store;
    AuditTrail *m_audit = nullptr;
    WorkflowStore &m_workflows;
    ModuleClient &m_modules;
    ExpressionEngine &m_expressions;
    const Clock &m_clock;
    ModuleCalls m_calls;
    Triggers m_triggers;
    StepDurations m_stepDurations;
    TaskStore m_tasks;
    Saga m_saga;
    ChildRuns m_children;
    StepRunner m_steps;
    DeadLetterQueue *m_deadLetters;
    CallOutcomes m_outcomes;
    ExecutionQueries m_queries;
    Reruns m_reruns;
    ScheduleTimers m_schedules;
    QHash<QString, Run *> m_live;
    InboundRequests m_inbound;
    ReloadQueue m_reload;
    DueTimers m_dueTimers;
    EventDelivery m_events;
    ReviewDecisions m_decisions;
    QTimer *m_wake;
    QTimer *m_sweeper;
    QTimer *m_leaseTimer;
    QStringList m_dirty; // executions changed but not yet committed (group commit)
    bool m_grouping = false; // advance() leaves the commit to the end of the pass
    bool m_flushScheduled = false;
    int m_maxHistoryEvents = 10000;
};

} // namespace Switchboard
