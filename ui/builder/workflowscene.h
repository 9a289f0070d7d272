#pragma once

#include "builder/nodeitem.h"
#include "workflow/workflow.h"

#include <QGraphicsScene>
#include <QHash>
#include <optional>

class QGraphicsPathItem;

namespace Switchboard {

class EdgeItem;
class WorkflowGraph;

// The canvas: one NodeItem per step and one EdgeItem per edge of a WorkflowGraph, kept in step
// with the model's signals. It changes nothing itself: moves, connections and drops from the
// palette are asked for by signal, and the builder turns them into undoable commands.
class WorkflowScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit WorkflowScene(WorkflowGraph &graph, QObject *parent = nullptr);
    WorkflowScene() = delete;

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    QList<EdgeItem *> edgeItems() const;
    QStringList selectedNodeIds() const;
    QList<WorkflowEdge> selectedEdges() const;
    void selectNodes(const QStringList &ids);
    // Validation badges: node id → (problem, text); nodes not named have none.
    void setProblems(const QHash<QString, std::pair<NodeItem::Problem, QString>> &problems);

    // The mime type of a step dragged from the palette; the data is the node's JSON.
    static QString mimeType() { return QStringLiteral("application/x-switchboard-node"); }

Q_SIGNALS:
    void moveRequested(const QHash<QString, QPointF> &positions);
    void connectRequested(const Switchboard::WorkflowEdge &edge);
    // An existing connection's arrow dragged onto another step.
    void rerouteRequested(const Switchboard::WorkflowEdge &from,
                          const Switchboard::WorkflowEdge &to);
    void dropRequested(const QJsonObject &node, const QPointF &scenePos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void rebuild();
    void addNodeItem(const QString &id);
    void addEdgeItem(const WorkflowEdge &edge);
    void removeEdgeItem(const WorkflowEdge &edge);
    void followNode(const QString &id);
    NodeItem *nodeAt(const QPointF &scenePos) const;

    WorkflowGraph &m_graph;
    QHash<QString, NodeItem *> m_nodes;
    QList<EdgeItem *> m_edges;
    // A connection being drawn from an output port.
    QGraphicsPathItem *m_rubber = nullptr;
    QString m_rubberFrom;
    QString m_rubberPort;
    std::optional<WorkflowEdge> m_rerouting; // the connection whose arrow is being moved
};

} // namespace Switchboard
