#pragma once

#include "workflow/workflow.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace Switchboard {

// How a run's history and details read on a canvas (the builder's test runs, an execution's
// "Path taken"): the state word each step shows (pending, running, retrying, waiting, done,
// failed, skipped), the step a failed run stopped at, and the connections it went along. No
// widgets: the views apply what this reads.
namespace TestRunStates {

// The state an execution event puts its step in; empty for events that change none.
QString ofEvent(const QJsonObject &event);

struct Reading
{
    QHash<QString, QString> states; // node → state, for every step of the workflow
    QString failedStep; // the step a failed run stopped at; empty otherwise
    QSet<QString> reached; // the steps that ran
    QHash<QString, QString> branch; // step → the port it left by, when it chose one

    // Whether the run went along a connection: both ends ran, and the first left by its port.
    bool took(const WorkflowEdge &edge) const;
};
// The run's details (Orchestrator::executionReady) over the workflow's steps: each step as the
// run left it, and, once the run is over, the steps it never reached "skipped" (not taken).
Reading ofExecution(const QJsonObject &execution, const QStringList &nodeIds);

// What templates can read, for completion: input.<name> from the sample input, and
// steps.<step>.output.<name> from the run's details (steps.<step>.output for steps without
// one yet), two levels deep, sorted.
QStringList paths(const QJsonObject &input, const QJsonObject &execution,
                  const QStringList &nodeIds);

// One step of the details, or an empty object when it did not run.
QJsonObject step(const QJsonObject &execution, const QString &node);

} // namespace TestRunStates

} // namespace Switchboard
