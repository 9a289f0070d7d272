#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Switchboard {

enum class NodeType {
    Trigger,
    ModuleCall,
    Condition,
    Parallel,
    Join,
    Delay,
    WaitForEvent,
    HumanReview,
    Notify,
    Set,
    End,
    RunWorkflow
};
QString toWire(NodeType type);
// The longest delay, timeout, SLA or backoff a workflow may ask for: a year and a day.
inline constexpr qint64 MaxDurationMs = 366LL * 24 * 3600 * 1000;
// "500ms", "30s", "15m", "24h", "7d" in milliseconds; -1 when it is not a duration or is
// longer than MaxDurationMs.
qint64 durationMs(const QString &text);
std::optional<NodeType> nodeTypeFromWire(const QString &text);

struct WorkflowNode
{
    QString id;
    NodeType type = NodeType::Set;
    QJsonObject settings; // the node's whole JSON object
    // Whether the node's expressions may read `steps` (its settings mention the word): when
    // not, the steps are left out of their scope, which spares converting them.
    bool readsSteps = true;

    QString name() const { return settings.value(QLatin1String("name")).toString(id); }
    QString text(const char *key) const { return settings.value(QLatin1String(key)).toString(); }
    // The output ports this node can have: "out", "error", case labels, outcomes,
    // "event"/"timeout".
    QStringList ports() const;
    // Nodes where an execution may rest for a long time; a cycle must pass through one.
    bool waits() const
    {
        return type == NodeType::Delay || type == NodeType::WaitForEvent
            || type == NodeType::HumanReview || type == NodeType::RunWorkflow;
    }
};

struct WorkflowEdge
{
    QString from;
    QString to;
    QString port = QStringLiteral("out");

    bool operator==(const WorkflowEdge &) const = default;
};

// A workflow definition as stored and exchanged (docs/workflow-format.md). Parse only documents
// that passed WorkflowValidator; fromJson itself checks only what it needs to build the graph.
// A business key an execution is found by across workflows (its journey): the key's name
// ("patient_id") and where its value is in the input ("input.patient.id" → {"patient", "id"}).
struct CorrelationKey
{
    QString key;
    QStringList path;

    // The value at path in input as text (a string or a whole number); empty when absent.
    QString valueIn(const QJsonObject &input) const;
};

struct Workflow
{
    QString id;
    QString name;
    QString description;
    int version = 0; // 0: a draft
    bool enabled = true;
    QJsonObject trigger;
    QList<WorkflowNode> nodes;
    QList<WorkflowEdge> edges;
    QList<CorrelationKey> correlation; // "correlation": {"patient_id": "input.patient_id"}

    static Result<Workflow> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    // Lookups by node id, through the index fromJson builds (one built by hand is scanned; it
    // must not change nodes or edges after fromJson).
    const WorkflowNode *node(const QString &id) const;
    QList<WorkflowEdge> outgoing(const QString &nodeId) const;
    QList<WorkflowEdge> incoming(const QString &nodeId) const;
    const WorkflowNode *triggerNode() const;

private:
    void buildIndex();

    QHash<QString, qsizetype> m_nodeIndex; // node id → position in nodes (the first one)
    QHash<QString, QList<qsizetype>> m_outgoing; // node id → positions in edges
    QHash<QString, QList<qsizetype>> m_incoming;
    bool m_indexed = false;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::Workflow)
