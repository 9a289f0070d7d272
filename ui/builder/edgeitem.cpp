#include "builder/edgeitem.h"

#include "builder/nodeitem.h"
#include "common/statusstyle.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace Switchboard {

EdgeItem::EdgeItem(const WorkflowEdge &edge, NodeItem *from, NodeItem *to)
    : m_edge(edge)
    , m_from(from)
    , m_to(to)
{
    setFlag(ItemIsSelectable);
    setZValue(0);
    setToolTip(QApplication::translate("Switchboard::EdgeItem", "%1 → %2 (on \"%3\")")
                   .arg(edge.from, edge.to, edge.port));
    adjust();
}

QPainterPath EdgeItem::curve(const QPointF &start, const QPointF &end)
{
    const qreal dx = std::max<qreal>(60, std::abs(end.x() - start.x()) / 2);
    QPainterPath path(start);
    path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end);
    return path;
}

void EdgeItem::adjust()
{
    setPath(curve(m_from->outputPort(m_edge.port), m_to->inputPort()));
}

QPainterPath EdgeItem::shape() const
{
    // Easier to click than the hairline itself.
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

void EdgeItem::setTaken(std::optional<bool> taken)
{
    m_taken = taken;
    setOpacity(taken == false ? 0.3 : 1.0);
    update();
}

void EdgeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    QColor colour = m_edge.port == QLatin1String("error") ? StatusStyle::color(ModuleStatus::Down)
                                                          : pal.color(QPalette::Dark);
    if (selected || m_taken == true)
        colour = pal.color(QPalette::Highlight);
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(colour, selected || m_taken == true ? 3 : 1.8));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    // An arrow head into the input.
    const QPointF end = path().pointAtPercent(1);
    QPolygonF head {end, end + QPointF(-9, -5), end + QPointF(-9, 5)};
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawPolygon(head);
}

} // namespace Switchboard
