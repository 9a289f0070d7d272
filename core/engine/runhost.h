#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

namespace Switchboard {

struct ExecutionRun;
struct ParentLink;
struct Workflow;

// What the engine's parts (due timers, child runs, event delivery, review decisions) may do to the
// runs it keeps: load one, change it, and have it committed before anything is acted on. The
// WorkflowEngine is the one implementation.
class RunHost
{
public:
    virtual ~RunHost() = default;

    // The run in memory, or loaded from storage (NotFound when there is none).
    virtual Result<ExecutionRun *> load(const QString &executionId) = 0;
    // Unloads a run that was loaded and left unchanged, unless calls are in flight for it.
    virtual void unload(ExecutionRun &run) = 0;
    // A new run of the workflow's version, kept in memory until it waits or ends.
    virtual ExecutionRun *newRun(const Workflow &def, const QJsonObject &input,
                                 const QJsonObject &started) = 0;
    // Runs the ready steps and commits (during a pass of due timers, at the pass's end);
    // nothing is acted on before the commit.
    virtual Status advance(ExecutionRun &run) = 0;
    // Completes a waiting step with output, follows its port, and advances.
    virtual Status resumeFromWait(ExecutionRun &run, const QString &node, const QString &port,
                                  const QJsonObject &output, const QString &event) = 0;
    // Starts the workflow's published version; with a key, once per key.
    virtual Result<QJsonObject> startKeyed(const QString &key, const QString &workflowId,
                                           const QJsonObject &input, const QString &origin) = 0;
    // Starts the workflow's published version for another execution's run_workflow step, once
    // per key, linked to that step.
    virtual Result<QJsonObject> startChild(const QString &key, const QString &workflowId,
                                           const QJsonObject &input, const ParentLink &parent) = 0;
    // {"status", "output", "error"} of an execution as last committed.
    virtual Result<QJsonObject> outcome(const QString &executionId) = 0;
    // Adds an audit entry to the run's next commit.
    virtual void audit(ExecutionRun &run, const QString &event, const QString &actor,
                       const QJsonObject &data) = 0;

protected:
    RunHost() = default;
    RunHost(const RunHost &) = default;
    RunHost &operator=(const RunHost &) = default;
};

} // namespace Switchboard
