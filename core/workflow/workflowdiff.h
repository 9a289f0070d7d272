#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Switchboard {

// One difference between two versions of a workflow, as people read it.
struct WorkflowChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString what; // "step", "connection", "setting"
    QString subject; // a step's id, "a → b (port)", or a workflow setting's key
    QStringList fields; // for a changed step: which of its settings

    QString text() const; // "Step review changed: title, sla"
    bool operator==(const WorkflowChange &) const = default;
};

namespace WorkflowDiff {

// What changed from older to newer: workflow settings (name, trigger, …), steps added,
// removed or changed (with the settings that changed; positions on the canvas do not count),
// and connections added or removed. Settings first, then steps, then connections.
QList<WorkflowChange> between(const QJsonObject &older, const QJsonObject &newer);

} // namespace WorkflowDiff
} // namespace Switchboard
