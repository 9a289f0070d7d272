#pragma once

#include "workflow/workflow.h"

#include <QGraphicsPathItem>
#include <optional>

namespace Switchboard {

class NodeItem;

// A connection from a step's output port to another step's input, drawn as a curve. It knows
// its edge and the two node items; it follows them when they move.
class EdgeItem final : public QGraphicsPathItem
{
public:
    EdgeItem(const WorkflowEdge &edge, NodeItem *from, NodeItem *to);

    const WorkflowEdge &edge() const { return m_edge; }
    NodeItem *from() const { return m_from; }
    NodeItem *to() const { return m_to; }
    void adjust();
    // An execution's path: taken (drawn strong), not taken (faded), or nullopt (no run shown).
    void setTaken(std::optional<bool> taken);
    std::optional<bool> taken() const { return m_taken; }

    // The curve between two scene points, shared with the rubber band of a new connection.
    static QPainterPath curve(const QPointF &start, const QPointF &end);

    enum { Type = UserType + 2 };
    int type() const override { return Type; }

protected:
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QPainterPath shape() const override;

private:
    WorkflowEdge m_edge;
    NodeItem *m_from;
    NodeItem *m_to;
    std::optional<bool> m_taken;
};

} // namespace Switchboard
