#pragma once

#include "common/result.h"
#include "engine/executionstate.h"
#include "engine/executionstatus.h"
#include "engine/executionstore.h"
#include "engine/historyevent.h"
#include "workflow/workflow.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <functional>

namespace Switchboard {

// One execution while it is being worked on: what is stored of it (state, typed, in
// ExecutionState), and what its next commit writes, announces and sends.
struct ExecutionRun
{
    QString id;
    QString workflowId;
    int version = 0;
    QString traceId;
    QString origin; // what started it: webhook, api, event, schedule, retry, test-run
    ExecutionStatus status = ExecutionStatus::Running;
    std::optional<ExecutionStatus> committedStatus; // as last announced
    QJsonObject input;
    ExecutionState state;
    QJsonObject output;
    QString error;
    Workflow def;
    int seq = 0;
    qint64 rev = 0; // the stored revision it was read at (cores sharing a store)
    bool inserted = false;
    bool timersChanged = false; // a timer was added: the engine's wake-up is re-armed
    // Timers, event waits or review tasks of it may be stored (always so for a run read back
    // from storage); a run that never waited needs no clean-up when it ends.
    bool waited = false;
    QList<HistoryEvent> events;
    QList<std::function<Status()>> ops;
    // Written first in its commit, when set: false means another core did this already (a
    // schedule's timer fired elsewhere), and nothing of the run is written.
    std::function<Result<bool>()> claim;
    QList<QPair<QString, bool>> calls;
    QList<QJsonObject> notifications;
    QStringList tasks;

    // A new execution of def with the trigger ready and "execution_started" recorded (with
    // `started`'s details); the caller owns it.
    static ExecutionRun *create(const Workflow &def, const QJsonObject &input,
                                const QJsonObject &started, qint64 nowMs);
    // An execution as it was stored; the caller owns it. A damaged state is refused.
    static Result<ExecutionRun *> restore(const QString &id, const ExecutionStore::Stored &stored,
                                          const Workflow &def);

    // Appends an event to the history that goes with the next commit. A step_started (or
    // compensation_step_started) opens a span of the trace, kept with the call in flight.
    void record(qint64 nowMs, const QString &type, const QString &node = {}, int attempt = 0,
                const QJsonObject &data = {});
    // Queues a module call (or the node's compensation) to be sent after the next commit: the
    // call in flight with its attempt and the step's visit, and the attempt opened as a span.
    void queueCall(qint64 nowMs, const QString &node, int attempt, bool compensation,
                   const QJsonObject &details = {});
    // Makes the nodes behind node's output `port` ready to run.
    void follow(const QString &nodeId, const QString &port);
    // What expressions see: input, steps, vars, event and env. Steps only when `steps` is
    // set: converting them is the dear part, and most expressions never read them.
    QJsonObject scope(bool steps = true, const QJsonObject &event = {}) const;
    // What the node's expressions see.
    QJsonObject scope(const WorkflowNode &node) const { return scope(node.readsSteps); }
};

} // namespace Switchboard
