#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>
#include <map>
#include <optional>

namespace Switchboard {

// Where one node of an execution is. Stored and shown by its wire name ("running", …).
enum class StepStatus {
    Running, // being run, or its module call is in flight
    Waiting, // on a timer, an event, a review task or (a join) the other branches
    Retrying, // its module call failed and a retry is due
    Completed,
    Failed,
};

QString toWire(StepStatus status);

// One node's state: how often it ran, what it gave, and for a module call the body it sends
// (kept so a re-send after a crash is byte for byte the same).
struct StepState
{
    StepStatus status = StepStatus::Running;
    int visits = 0; // how many times the execution reached the node (loops reach it again)
    int attempts = 0; // module calls: attempts made; 0 when none were counted
    qint64 startedAt = 0;
    qint64 finishedAt = 0; // 0 while not finished
    QJsonValue output = QJsonValue::Undefined; // Undefined: none yet
    QString error; // null: none
    std::optional<bool> uncertain; // set once an attempt's outcome was unknown
    QString taskId; // a human review's task
    QString child; // a run_workflow's execution, once started
    std::optional<QJsonObject> request; // the module call's body as sent
    std::optional<QJsonObject> compensationRequest;

    QJsonObject toJson() const;
    // toJson() as compact UTF-8 text.
    QByteArray toText() const;

    // toText(), kept until the step changes (ExecutionState::changeStep).
    mutable QByteArray text;
};

// How deep workflows may run each other (run_workflow): a workflow that runs itself stops
// there instead of starting executions without end.
inline constexpr int MaxWorkflowDepth = 8;

// The execution a run_workflow step started this one from, and whether it waits for the end.
struct ParentLink
{
    QString execution;
    QString node;
    int depth = 1; // 1 for a workflow run by a top-level execution
    bool wait = true;
};

// A module call sent and not yet answered.
struct InflightCall
{
    int attempt = 1;
    int visit = 1;
    bool compensation = false;
    QString span; // the attempt's span in the execution's trace
};

// A join: how many branches arrived, and whether it went on already.
struct JoinState
{
    int arrived = 0;
    bool fired = false;
};

// An execution's working state, typed. It is stored as one JSON object (toJson/fromJson, the
// shape the read side and older databases know): steps, vars, ready, inflight, waiting, joins,
// completed, parent and, while a saga undoes, compensate.
class ExecutionState
{
public:
    QJsonObject vars; // what Set nodes wrote; the end's output when none is given
    QStringList ready; // nodes to run, in order
    QMap<QString, InflightCall> inflight; // by node
    QStringList waiting; // nodes resting on a timer, an event or a task
    QMap<QString, JoinState> joins; // by node
    QStringList completed; // compensable calls done, oldest first
    std::optional<QStringList> compensate; // set while a saga undoes: the calls left to undo
    // A re-run's calls that may keep the original's Idempotency-Key: {node: {"key", "body"
    // (ModuleCalls::bodyHash of the original's body)}}. The first visit's call whose body is
    // the same as the original's is sent under the original's key, so the module does not act
    // twice; any other call has a key of its own.
    QJsonObject reuse;
    // Set when a run_workflow step of another execution started this one.
    std::optional<ParentLink> parent;

    // The node's state, or nullptr when the node was never reached.
    const StepState *step(const QString &node) const;
    // The node's state to change (made if new). Make the changes before the next
    // stepsJson() (an expression's scope): that is when they are read.
    StepState &changeStep(const QString &node);
    // The node is reached (again): a fresh state, one visit more.
    StepState &startStep(const QString &node, qint64 nowMs);
    int visits(const QString &node) const;

    // steps as expressions see them (steps.<node>.output…): only the steps changed since
    // the last call are converted again.
    const QJsonObject &stepsJson() const;

    QJsonObject toJson() const;
    // toJson() as compact UTF-8 text, as it is stored: the steps that did not change since
    // the last call are not written out again.
    QByteArray toText() const;
    // A stored state; a damaged one is refused naming what is wrong.
    static Result<ExecutionState> fromJson(const QJsonObject &stored);

private:
    QJsonObject withoutSteps() const;

    std::map<QString, StepState> m_steps; // references stay valid as steps are added
    mutable QJsonObject m_stepsJson;
    mutable QStringList m_changedSteps; // not yet in m_stepsJson
};

} // namespace Switchboard
