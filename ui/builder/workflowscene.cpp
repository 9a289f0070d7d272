#include "builder/workflowscene.h"

#include "builder/edgeitem.h"
#include "workflow/workflowgraph.h"

#include <QApplication>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QJsonDocument>
#include <QMimeData>
#include <QPainter>
#include <QPalette>

namespace Switchboard {

WorkflowScene::WorkflowScene(WorkflowGraph &graph, QObject *parent)
    : QGraphicsScene(parent)
    , m_graph(graph)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&graph, &WorkflowGraph::reset, this, &WorkflowScene::rebuild);
    connect(&graph, &WorkflowGraph::nodeAdded, this, &WorkflowScene::addNodeItem);
    connect(&graph, &WorkflowGraph::nodeRemoved, this,
            [this](const QString &id) { delete m_nodes.take(id); });
    connect(&graph, &WorkflowGraph::nodeChanged, this, [this](const QString &id) {
        if (NodeItem *item = m_nodes.value(id)) {
            item->refresh();
            followNode(id);
        }
    });
    connect(&graph, &WorkflowGraph::nodeMoved, this, [this](const QString &id) {
        if (NodeItem *item = m_nodes.value(id))
            item->setPos(m_graph.position(id));
    });
    connect(&graph, &WorkflowGraph::edgeAdded, this, &WorkflowScene::addEdgeItem);
    connect(&graph, &WorkflowGraph::edgeRemoved, this, &WorkflowScene::removeEdgeItem);
    rebuild();
}

void WorkflowScene::rebuild()
{
    // Forget the items before deleting them: deleting a selected one announces the new
    // selection, and whoever asks must not meet a deleted item.
    m_rubber = nullptr;
    m_nodes.clear();
    m_edges.clear();
    clear();
    for (const QString &id : m_graph.nodeIds())
        addNodeItem(id);
    for (const WorkflowEdge &e : m_graph.edges())
        addEdgeItem(e);
}

void WorkflowScene::addNodeItem(const QString &id)
{
    auto *item = new NodeItem(m_graph, id);
    addItem(item);
    m_nodes.insert(id, item);
    connect(item, &QGraphicsObject::xChanged, this, [this, id] { followNode(id); });
    connect(item, &QGraphicsObject::yChanged, this, [this, id] { followNode(id); });
}

void WorkflowScene::addEdgeItem(const WorkflowEdge &edge)
{
    NodeItem *from = m_nodes.value(edge.from);
    NodeItem *to = m_nodes.value(edge.to);
    if (!from || !to)
        return; // an edge to nowhere in a loaded document: the problems panel names it
    auto *item = new EdgeItem(edge, from, to);
    addItem(item);
    m_edges.append(item);
}

void WorkflowScene::removeEdgeItem(const WorkflowEdge &edge)
{
    for (int i = 0; i < m_edges.size(); ++i) {
        if (m_edges.at(i)->edge() == edge) {
            delete m_edges.takeAt(i);
            return;
        }
    }
}

void WorkflowScene::followNode(const QString &id)
{
    for (EdgeItem *e : std::as_const(m_edges)) {
        if (e->edge().from == id || e->edge().to == id)
            e->adjust();
    }
}

QList<EdgeItem *> WorkflowScene::edgeItems() const
{
    return m_edges;
}

QStringList WorkflowScene::selectedNodeIds() const
{
    QStringList ids;
    for (const QString &id : m_graph.nodeIds()) {
        if (NodeItem *item = m_nodes.value(id); item && item->isSelected())
            ids << id;
    }
    return ids;
}

QList<WorkflowEdge> WorkflowScene::selectedEdges() const
{
    QList<WorkflowEdge> out;
    for (EdgeItem *e : m_edges) {
        if (e->isSelected())
            out << e->edge();
    }
    return out;
}

void WorkflowScene::selectNodes(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids) {
        if (NodeItem *item = m_nodes.value(id))
            item->setSelected(true);
    }
}

void WorkflowScene::setProblems(
    const QHash<QString, std::pair<NodeItem::Problem, QString>> &problems)
{
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const auto problem = problems.value(it.key(), {NodeItem::Problem::None, QString()});
        it.value()->setProblem(problem.first, problem.second);
    }
}

NodeItem *WorkflowScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            return node;
        if (auto *node = dynamic_cast<NodeItem *>(item))
            return node;
    }
    return nullptr;
}

void WorkflowScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        // Grabbing a connection by its arrow re-routes it to another step. Several arrows can
        // meet at one input: a selected connection wins, else the one arriving nearest.
        EdgeItem *grabbed = nullptr;
        qreal nearest = 1e9;
        for (EdgeItem *edge : std::as_const(m_edges)) {
            if (QLineF(edge->path().pointAtPercent(1), event->scenePos()).length() > 10)
                continue;
            const qreal d = edge->isSelected()
                ? -1
                : QLineF(edge->path().pointAtPercent(0.9), event->scenePos()).length();
            if (d < nearest) {
                nearest = d;
                grabbed = edge;
            }
        }
        if (EdgeItem *edge = grabbed) {
            m_rerouting = edge->edge();
            m_rubberFrom = edge->edge().from;
            m_rubberPort = edge->edge().port;
            edge->setVisible(false);
            m_rubber =
                addPath(EdgeItem::curve(edge->from()->outputPort(m_rubberPort), event->scenePos()),
                        QPen(QApplication::palette().color(QPalette::Highlight), 2, Qt::DashLine));
            m_rubber->setZValue(3);
            event->accept();
            return;
        }
        for (NodeItem *node : std::as_const(m_nodes)) {
            const QString port = node->outputAt(event->scenePos());
            if (port.isEmpty())
                continue;
            // Start a connection from this output.
            m_rubberFrom = node->id();
            m_rubberPort = port;
            m_rubber =
                addPath(EdgeItem::curve(node->outputPort(port), event->scenePos()),
                        QPen(QApplication::palette().color(QPalette::Highlight), 2, Qt::DashLine));
            m_rubber->setZValue(3);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void WorkflowScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_rubber) {
        m_rubber->setPath(EdgeItem::curve(m_nodes.value(m_rubberFrom)->outputPort(m_rubberPort),
                                          event->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void WorkflowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_rubber) {
        delete m_rubber;
        m_rubber = nullptr;
        NodeItem *target = nodeAt(event->scenePos());
        const WorkflowEdge wanted {m_rubberFrom, target ? target->id() : QString(), m_rubberPort};
        if (const auto old = std::exchange(m_rerouting, std::nullopt)) {
            for (EdgeItem *e : std::as_const(m_edges))
                e->setVisible(true);
            if (target && wanted != *old)
                Q_EMIT rerouteRequested(*old, wanted);
            return;
        }
        if (target)
            Q_EMIT connectRequested(wanted);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    // Steps dragged to a new place: the model moves them (one undoable step).
    QHash<QString, QPointF> moved;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (it.value()->pos() != m_graph.position(it.key()))
            moved.insert(it.key(), it.value()->pos());
    }
    if (!moved.isEmpty())
        Q_EMIT moveRequested(moved);
}

void WorkflowScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(mimeType()));
}

void WorkflowScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(mimeType()));
}

void WorkflowScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(mimeType()))
        return;
    const QJsonObject node = QJsonDocument::fromJson(event->mimeData()->data(mimeType())).object();
    event->acceptProposedAction();
    Q_EMIT dropRequested(node, event->scenePos());
}

void WorkflowScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, QApplication::palette().color(QPalette::Window));
    // A light dot grid, one dot every five snapping steps.
    const qreal step = NodeItem::Grid * 5;
    if ((rect.width() / step) * (rect.height() / step) > 20000)
        return; // zoomed far out: the dots would only be noise
    painter->setPen(QPen(QApplication::palette().color(QPalette::Midlight), 2));
    for (qreal x = std::floor(rect.left() / step) * step; x < rect.right(); x += step) {
        for (qreal y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            painter->drawPoint(QPointF(x, y));
    }
}

} // namespace Switchboard
