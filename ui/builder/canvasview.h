#pragma once

#include <QGraphicsView>

namespace Switchboard {

class Minimap;

// The builder's canvas as a view: Ctrl+wheel and Ctrl++/- zoom (between 10 % and 300 %),
// Space+drag pans, Fit shows the whole workflow, and a workflow opens where it reads — whole
// when it fits at a readable size, else from its start — with a minimap for the rest. Waits
// for its size before the first fit, so a workflow never opens as a speck.
class CanvasView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit CanvasView(QGraphicsScene *scene, QWidget *parent = nullptr);

    Minimap *minimap() const { return m_minimap; }
    void zoom(qreal factor);
    // The whole workflow in the canvas (not larger than full size).
    void fitWorkflow();
    // How a workflow opens: whole when it reads at that size, else from its start.
    void showStart();
    // The nearest place at or after `wanted` where a new step covers no other.
    QPointF freeSpotNear(const QPointF &wanted) const;

    static constexpr qreal ReadableScale = 0.8; // step names read at this size

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    bool hasSize() const;

    Minimap *m_minimap;
    bool m_startPending = false; // show the workflow once the canvas has its size
};

} // namespace Switchboard
