#pragma once

#include "common/result.h"
#include "workflow/workflow.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointF>
#include <QStringList>

namespace Switchboard {

// A workflow being edited: the headless, ID-based model the builder's scene shows and its undo
// commands change. It loads from and saves to the workflow format (docs/workflow-format.md),
// keeping each node's JSON as it is (positions in "position"), and refuses only what can never
// be right (an edge the format forbids); everything else is the validator's job, so a
// half-built workflow can be edited and saved as it grows.
class WorkflowGraph final : public QObject
{
    Q_OBJECT

public:
    explicit WorkflowGraph(QObject *parent = nullptr);

    // Replaces everything with a workflow document. A document that is not an object with
    // "nodes" and "edges" arrays is refused, and nothing changes.
    Status load(const QJsonObject &document);
    // The workflow document: metadata, nodes in their order, edges.
    QJsonObject toJson() const;

    // id, name, description, trigger, enabled (everything but nodes and edges).
    QJsonObject metadata() const { return m_metadata; }
    void setMetadata(const QJsonObject &metadata);

    QStringList nodeIds() const { return m_order; }
    bool hasNode(const QString &id) const { return m_nodes.contains(id); }
    // The node's JSON (id, type, settings, position).
    QJsonObject node(const QString &id) const { return m_nodes.value(id); }
    QString nodeType(const QString &id) const;
    QPointF position(const QString &id) const;
    // The node's output ports, from its type and settings (cases, outcomes).
    QStringList ports(const QString &id) const;

    // A fresh id for a node of a type: "review", "review_2", …
    QString freshId(const QString &type) const;
    // Adds a node (its JSON must carry a new id and a known type); at index, or at the end.
    Status insertNode(const QJsonObject &node, int index = -1);
    // Removes a node and every edge touching it.
    void removeNode(const QString &id);
    int indexOf(const QString &id) const { return int(m_order.indexOf(id)); }
    // Replaces a node's JSON (same id). Edges from ports it no longer has are removed.
    void setNode(const QString &id, const QJsonObject &node);
    void moveNode(const QString &id, const QPointF &position);
    // Gives a step another id: its edges follow, and so do the expressions and templates of
    // every step that read it ("steps.<id>."). Ids are lower-case letters, digits and "_",
    // starting with a letter, and unique.
    Status renameNode(const QString &id, const QString &newId);

    QList<WorkflowEdge> edges() const { return m_edges; }
    // Positions in layers by distance from the start, left to right; the steps of a layer
    // stacked in the order they were added; steps not reached from the start in a last column.
    QHash<QString, QPointF> layeredPositions() const;
    // Whether any step has a position of its own (a document made by hand or by the API may
    // have none).
    bool hasPositions() const;
    QList<WorkflowEdge> edgesOf(const QString &id) const;
    // Some steps and the connections among them, as {"nodes": [...], "edges": [...]}: what
    // the builder copies.
    QJsonObject fragment(const QStringList &ids) const;
    // Adds a fragment's steps under fresh ids, moved by offset, with the connections among
    // them; a second start is left out (a workflow has one). Returns the new ids.
    QStringList insertFragment(const QJsonObject &fragment, const QPointF &offset);
    // Whether the format allows this edge; the reason when it does not.
    Status canConnect(const WorkflowEdge &edge) const;
    Status addEdge(const WorkflowEdge &edge);
    void removeEdge(const WorkflowEdge &edge);

Q_SIGNALS:
    void reset();
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeChanged(const QString &id);
    void nodeMoved(const QString &id);
    void edgeAdded(const Switchboard::WorkflowEdge &edge);
    void edgeRemoved(const Switchboard::WorkflowEdge &edge);
    void metadataChanged();
    // After any of the above: the document is different.
    void changed();

private:
    QJsonObject m_metadata;
    QStringList m_order;
    QHash<QString, QJsonObject> m_nodes;
    QList<WorkflowEdge> m_edges;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::WorkflowEdge)
