#pragma once

#include <QGraphicsView>

namespace Switchboard {

// The whole workflow in small, in a corner of the canvas, with the part the canvas shows drawn
// as a frame: click or drag in it to move the canvas there. It draws the canvas's own scene,
// so it never holds a copy of the workflow.
class Minimap final : public QGraphicsView
{
    Q_OBJECT

public:
    // Sits over `canvas`, in its bottom-right corner, and follows its scrolling and zoom.
    explicit Minimap(QGraphicsView *canvas);

    // The part of the scene the canvas shows, in scene coordinates.
    QRectF shownArea() const;
    // Fits the whole workflow again (after steps were added, moved or removed).
    void refit();
    // Shows the frame where the canvas now is; the map hides while the whole workflow is in
    // sight.
    void updateShown();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void moveCanvasTo(const QPoint &point);

    QGraphicsView *m_canvas;
};

} // namespace Switchboard
