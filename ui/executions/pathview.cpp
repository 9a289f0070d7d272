#include "executions/pathview.h"

#include "builder/edgeitem.h"
#include "builder/nodeitem.h"
#include "builder/testrunstates.h"
#include "builder/workflowscene.h"
#include "workflow/workflowgraph.h"

#include <QJsonArray>

namespace Switchboard {

PathView::PathView(QWidget *parent)
    : QGraphicsView(parent)
    , m_graph(new WorkflowGraph(this))
    , m_scene(new WorkflowScene(*m_graph, this))
{
    setObjectName(QStringLiteral("pathView"));
    setScene(m_scene);
    setInteractive(false); // nothing is moved, connected or dropped here
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAccessibleName(tr("The workflow with the path this execution took"));
}

PathView::~PathView() = default;

bool PathView::setWorkflow(const QJsonObject &document)
{
    if (!m_graph->load(document))
        return false;
    // A workflow made without the builder has no positions: lay it out as the builder would.
    if (!m_graph->hasPositions()) {
        const QHash<QString, QPointF> positions = m_graph->layeredPositions();
        for (auto it = positions.cbegin(); it != positions.cend(); ++it)
            m_graph->moveNode(it.key(), it.value());
    }
    apply();
    fit();
    return true;
}

bool PathView::hasWorkflow() const
{
    return !m_graph->nodeIds().isEmpty();
}

void PathView::setRun(const QJsonObject &execution)
{
    m_execution = execution;
    apply();
}

bool PathView::taken(const QString &from, const QString &to) const
{
    return m_taken.contains(from + QStringLiteral("→") + to);
}

void PathView::apply()
{
    const TestRunStates::Reading run = TestRunStates::ofExecution(m_execution, m_graph->nodeIds());
    m_states = run.states;
    m_taken.clear();
    for (const QString &id : m_graph->nodeIds()) {
        if (NodeItem *item = m_scene->nodeItem(id)) {
            item->setRunState(m_execution.isEmpty() ? QString() : m_states.value(id));
            item->setOpacity(m_states.value(id) == QLatin1String("skipped") ? 0.4 : 1.0);
        }
    }
    for (EdgeItem *edge : m_scene->edgeItems()) {
        const WorkflowEdge &e = edge->edge();
        const bool went = run.took(e);
        if (went)
            m_taken.insert(e.from + QStringLiteral("→") + e.to);
        edge->setTaken(m_execution.isEmpty() ? std::nullopt : std::optional<bool>(went));
    }
}

void PathView::fit()
{
    const QRectF bounds = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (bounds.isEmpty())
        return;
    resetTransform();
    const double scale = std::min(
        {1.0, viewport()->width() / bounds.width(), viewport()->height() / bounds.height()});
    // Never so small that the steps' names cannot be read: then it scrolls.
    QGraphicsView::scale(std::max(scale, 0.6), std::max(scale, 0.6));
    centerOn(bounds.center());
}

void PathView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

} // namespace Switchboard
