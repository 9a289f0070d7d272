#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace Switchboard {

// How a test run's history and details read on the builder's canvas: the state word each step
// shows (pending, running, retrying, waiting, done, failed, skipped), and the step a failed run
// stopped at. No widgets: the builder applies what this reads.
namespace TestRunStates {

// The state an execution event puts its step in; empty for events that change none.
QString ofEvent(const QJsonObject &event);

struct Reading
{
    QHash<QString, QString> states; // node → state, for the steps the details settle
    QString failedStep; // the step a failed run stopped at; empty otherwise
};
// The run's details (Orchestrator::executionReady) over the workflow's steps: finished steps
// done or failed, and, once the run is over, the steps it never reached "skipped".
Reading ofExecution(const QJsonObject &execution, const QStringList &nodeIds);

// One step of the details, or an empty object when it did not run.
QJsonObject step(const QJsonObject &execution, const QString &node);

} // namespace TestRunStates

} // namespace Switchboard
