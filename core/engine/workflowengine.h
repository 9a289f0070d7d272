#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "engine/moduleclient.h"
#include "workflow/workflow.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimeZone>
#include <QUrl>
#include <array>
#include <functional>

class QSqlQuery;
class QTimer;

namespace Switchboard {

class Database;
class ExpressionEngine;
class WorkflowStore;

// Runs published workflows durably. Every state transition is committed to the database
// before it is acted on; a module call is re-sent after a crash with the same Idempotency-Key
// (<execution>:<node>:<visit>), so the module sees one effect. Executions that only wait (on
// a timer, an event or a review task) are not kept in memory: their row is all they cost.
class WorkflowEngine final : public QObject
{
    Q_OBJECT

public:
    WorkflowEngine(Database &db, WorkflowStore &workflows, ModuleClient &modules,
                   ExpressionEngine &expressions, const Clock &clock, QObject *parent = nullptr);
    ~WorkflowEngine() override;

    void setEndpoints(const QHash<QString, QUrl> &endpoints) { m_endpoints = endpoints; }
    // Each module's call timeout, for module_call nodes that do not set timeout_s.
    void setModuleTimeouts(const QHash<QString, int> &ms) { m_moduleTimeoutsMs = ms; }
    // The clinic's time zone, for schedule triggers such as the 07:00 morning report.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Keeps one durable timer per published, enabled workflow with a schedule trigger (and
    // none for the others). Call after publishing or enabling.
    Status scheduleWorkflows();
    // Resumes every execution that was running when the process stopped, and arms timers.
    Status recover();

    // {"execution_id", "trace_id"}
    Result<QJsonObject> start(const QString &workflowId, const QJsonObject &input,
                              const QString &origin = QStringLiteral("manual"));
    // Starts the published, enabled workflows this event triggers and resumes the executions
    // waiting for it. Returns {"started": [ids], "resumed": [ids]}.
    Result<QJsonObject> deliverEvent(const QString &type, const QString &module,
                                     const QJsonObject &data);
    Status cancel(const QString &executionId);
    // Starts a new execution of the same version with the same input.
    Result<QJsonObject> retry(const QString &executionId);

    Result<QJsonObject> execution(const QString &executionId);
    QJsonArray executions(const QString &status, int limit = 200);

    // Review tasks, oldest first; status "open" is pending, claimed and escalated together.
    QJsonArray tasks(const QString &queue, const QString &status);
    Result<QJsonObject> task(const QString &taskId);
    Status claim(const QString &taskId, const QString &who);
    Result<QJsonObject> decide(const QString &taskId, const QString &decision,
                               const QJsonObject &fields, const QString &comment,
                               const QString &who);

    // The dead-letter queue: module calls that failed for good, with payload, error, attempts.
    QJsonArray deadLetters(const QString &status);
    int deadLetterCount();
    // Sends the call again (with an edited payload when given); done gets the module's answer.
    void replayDeadLetter(const QString &id, const QJsonObject &editedPayload,
                          std::function<void(Result<QJsonObject>)> done);
    Status discardDeadLetter(const QString &id);
    void setDeadLetterTtl(qint64 ms) { m_deadLetterTtlMs = ms; }

    // How long steps took, from start to end (retries and waits included), by node type.
    struct DurationHistogram
    {
        static constexpr std::array<qint64, 9> BucketsMs = {
            10, 100, 1000, 10000, 60000, 600000, 3600000, 86400000, 604800000};
        std::array<qint64, BucketsMs.size() + 1> counts {}; // last is +Inf
        double sumMs = 0;
    };
    QHash<QString, DurationHistogram> stepDurations() const { return m_stepDurations; }

    // Fires every timer that is due by the clock; returns how many fired. Called by the
    // engine's own wake-up timer, and by tests after moving a manual clock.
    int processDueTimers();

    static constexpr int DefaultMaxAttempts = 5; // 1 s, 2 s, 4 s, 8 s, 16 s between them

Q_SIGNALS:
    void executionChanged(const QString &executionId, const QString &status);
    void historyAppended(const QString &executionId, const QJsonObject &event);
    void notification(const QString &executionId, const QJsonObject &notification);
    void taskChanged(const QJsonObject &task);

private:
    struct Run;

    Result<Run *> load(const QString &executionId);
    // Runs the ready steps, then commits (now, or with the next group commit when deferred).
    // Returns false when the commit failed; the execution is then left to recovery.
    bool advance(Run &run, bool deferred = false);
    void finishAdvance(Run &run);
    void flush();
    Status step(Run &run, const WorkflowNode &node);
    void follow(Run &run, const QString &nodeId, const QString &port);
    void record(Run &run, const QString &type, const QString &node = {}, int attempt = 0,
                const QJsonObject &data = {});
    Status write(Run &run);
    Status commit(Run &run);
    void committed(Run &run);
    void dispatch(Run &run);
    void onCallDone(const QString &executionId, const QString &node, int attempt, bool compensation,
                    const ModuleCallResult &result);
    void stopWaiting(Run &run);
    void observeStep(const Run &run, const QString &node);
    void addDeadLetter(Run &run, const WorkflowNode &node, int attempts, const QString &error);
    void fail(Run &run, const QString &node, const QString &error);
    void finish(Run &run, const QString &status, const QJsonObject &output = {},
                const QString &error = {});
    void compensateNext(Run &run);
    void resumeFromWait(Run &run, const QString &node, const QString &port,
                        const QJsonObject &output, const QString &event);
    void settle(Run &run);
    QJsonObject scope(const Run &run, const QJsonObject &event = {}) const;
    qint64 backoffMs(const WorkflowNode &node, int attempt) const;
    int maxAttempts(const WorkflowNode &node) const;
    void armWakeUp();
    void fireSchedule(qint64 timerId, const QString &workflowId, qint64 dueMs);
    QJsonObject taskJson(const QSqlQuery &q) const;

    Database &m_db;
    WorkflowStore &m_workflows;
    ModuleClient &m_modules;
    ExpressionEngine &m_expressions;
    const Clock &m_clock;
    QHash<QString, QUrl> m_endpoints;
    QHash<QString, int> m_moduleTimeoutsMs;
    QHash<QString, DurationHistogram> m_stepDurations;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QHash<QString, Run *> m_live;
    QTimer *m_wake;
    QStringList m_dirty; // executions changed but not yet committed (group commit)
    bool m_flushScheduled = false;
    qint64 m_deadLetterTtlMs = 14LL * 24 * 3600 * 1000;
};

} // namespace Switchboard
