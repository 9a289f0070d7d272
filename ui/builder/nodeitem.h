#pragma once

#include <QGraphicsObject>

namespace Switchboard {

class WorkflowGraph;

// One step on the canvas. It keeps only its id: title, type, ports and position are read from
// the WorkflowGraph whenever it paints, so the scene holds no workflow state of its own. The
// input port is on the left edge; each output port is a labelled dot on the right edge.
class NodeItem final : public QGraphicsObject
{
    Q_OBJECT

public:
    enum class Problem { None, Warning, Error };

    NodeItem(const WorkflowGraph &graph, const QString &id);

    QString id() const { return m_id; }
    void setProblem(Problem problem, const QString &text);
    Problem problem() const { return m_problem; }
    // Test-run state shown as a coloured stripe and word: pending, running, retrying, done…
    void setRunState(const QString &state);
    QString runState() const { return m_runState; }
    // A run state in words ("not taken" for "skipped").
    static QString runStateText(const QString &state);
    // An output port in words ("next", "if it fails"); cases and decisions keep their names.
    static QString portText(const QString &port);
    // What the card says: the step's name, its kind or module, what it does.
    QStringList lines() const;
    // Whether every line reads in full at 100 % (nothing cut short with "…").
    bool textFits() const;
    // Called when the model changed the node: size and ports may differ.
    void refresh();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Scene positions of the ports, for edges and for starting a connection.
    QPointF inputPort() const;
    QPointF outputPort(const QString &port) const;
    // The output port under a scene position, if any.
    QString outputAt(const QPointF &scenePos) const;
    bool inputAt(const QPointF &scenePos) const;

    static constexpr qreal Width = 240;
    static constexpr qreal Grid = 10; // snapping

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    qreal height() const;
    qreal header() const; // the part above the ports: one or two lines of name, then two

    const WorkflowGraph &m_graph;
    QString m_id;
    QStringList m_ports;
    QStringList m_title; // the name as the card shows it, on one or two lines
    Problem m_problem = Problem::None;
    QString m_problemText;
    QString m_runState;
};

} // namespace Switchboard
