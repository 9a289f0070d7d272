#pragma once

#include "workflow/workflow.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace Switchboard {

// One module handing work to another: declared (the patient journey) and/or because a
// published workflow calls `to` after `from` (or after an event from `from`).
struct DependencyEdge
{
    QString from;
    QString to;
    QStringList workflows; // names of the published workflows that connect the two
    bool declared = false;
    bool critical = false; // on the patient journey 01 → 02 → 08 → 09

    bool operator==(const DependencyEdge &) const = default;
};

// What stops when one module is down.
struct BlastRadius
{
    QString module;
    QStringList workflows; // published workflows that call the module or start from its events
    QStringList downstream; // modules that get no work from it while it is down, nearest first
    QList<std::pair<QString, QString>> links; // the dependency edges that carry no work
    bool journeyBlocked = false; // the module is on the patient journey

    bool isEmpty() const { return workflows.isEmpty() && downstream.isEmpty() && !journeyBlocked; }
};

// The modules and the workflows that connect them. Built from the published workflows plus the
// declared patient journey; a value, rebuilt when the workflows change.
class DependencyGraph
{
public:
    struct WorkflowRef
    {
        QString name;
        QStringList modules; // every module the workflow touches, trigger first
        QHash<QString, QStringList> next; // module → the modules it hands work to in this workflow
        bool operator==(const WorkflowRef &) const = default;
    };

    DependencyGraph(); // the declared journey only
    static DependencyGraph build(const QList<Workflow> &published);

    const QList<DependencyEdge> &edges() const { return m_edges; }
    const QList<WorkflowRef> &workflows() const { return m_workflows; }
    BlastRadius blastRadius(const QString &moduleId) const;

    // {"edges":[{from,to,workflows,declared,critical}], "critical_path":[...],
    // "workflows":[{name, modules, next: {module: [modules]}}]}; fromJson reads it back.
    QJsonObject toJson() const;
    static DependencyGraph fromJson(const QJsonObject &json);
    // "blast_radius" of each given module, for the API and the report.
    static QJsonObject toJson(const BlastRadius &radius);

    // The patient journey, in order: 01_intake, 02_booking, 08_messaging, 09_compliance.
    static QStringList criticalPath();

    bool operator==(const DependencyGraph &) const = default;

private:
    DependencyEdge &edge(const QString &from, const QString &to);
    void connect(const Workflow &workflow);

    QList<DependencyEdge> m_edges;
    QList<WorkflowRef> m_workflows;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::DependencyGraph)
