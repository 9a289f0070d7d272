#include "builder/graphcommand.h"

#include "workflow/workflowgraph.h"

#include <QHash>

namespace Switchboard {

GraphCommand::GraphCommand(WorkflowGraph &graph, const QJsonObject &before, const QString &text,
                           int mergeKey)
    : QUndoCommand(text)
    , m_graph(graph)
    , m_before(before)
    , m_after(graph.toJson())
    , m_mergeKey(mergeKey)
{
}

void GraphCommand::undo()
{
    (void)m_graph.load(m_before); // a document the graph produced itself always loads
}

void GraphCommand::redo()
{
    if (std::exchange(m_applied, false))
        return;
    (void)m_graph.load(m_after);
}

bool GraphCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const GraphCommand *>(other);
    if (next->m_mergeKey != m_mergeKey || m_mergeKey < 0)
        return false;
    m_after = next->m_after;
    return true;
}

int GraphCommand::keyFor(const QString &what)
{
    // Stable small numbers per kind of repeated edit ("move:review", "field:review.title").
    return int(qHash(what) & 0x3fffffff);
}

} // namespace Switchboard
