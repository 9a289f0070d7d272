#include "builder/canvasview.h"

#include "builder/minimap.h"
#include "builder/nodeitem.h"

#include <QKeyEvent>
#include <QWheelEvent>

namespace Switchboard {

CanvasView::CanvasView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_minimap(nullptr)
{
    setObjectName(QStringLiteral("canvas"));
    setAccessibleName(tr("Workflow canvas"));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setAcceptDrops(true);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    viewport()->installEventFilter(this);
    m_minimap = new Minimap(this);
}

bool CanvasView::hasSize() const
{
    return viewport()->width() >= 200 && viewport()->height() >= 150;
}

void CanvasView::zoom(qreal factor)
{
    const qreal scale = transform().m11() * factor;
    if (scale < 0.1 || scale > 3)
        return;
    QGraphicsView::scale(factor, factor);
    m_minimap->updateShown();
}

void CanvasView::fitWorkflow()
{
    if (!hasSize())
        return;
    resetTransform();
    const QRectF all = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    fitInView(all, Qt::KeepAspectRatio);
    if (transform().m11() > 1)
        resetTransform();
    centerOn(all.center());
    m_minimap->updateShown();
}

void CanvasView::showStart()
{
    m_startPending = !hasSize();
    if (m_startPending)
        return;
    fitWorkflow();
    if (transform().m11() >= ReadableScale)
        return;
    resetTransform();
    QGraphicsView::scale(ReadableScale, ReadableScale);
    const QRectF all = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    const QRectF shown = mapToScene(viewport()->rect()).boundingRect();
    centerOn(all.left() + shown.width() / 2,
             shown.height() >= all.height() ? all.center().y() : all.top() + shown.height() / 2);
    m_minimap->updateShown();
}

QPointF CanvasView::freeSpotNear(const QPointF &wanted) const
{
    // Looks right of the wanted place, then below it, for a card-sized gap on the grid.
    const QSizeF card(NodeItem::Width + 40, 140);
    for (int ring = 0; ring < 30; ++ring) {
        for (const QPointF &offset : {QPointF(ring * 60.0, 0), QPointF(0, ring * 60.0),
                                      QPointF(ring * 60.0, ring * 60.0)}) {
            const QRectF spot(wanted + offset - QPointF(20, 20), card);
            bool taken = false;
            for (const QGraphicsItem *item : scene()->items(spot)) {
                if (dynamic_cast<const NodeItem *>(item))
                    taken = true;
            }
            if (!taken)
                return wanted + offset;
        }
    }
    return wanted;
}

bool CanvasView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            zoom(wheel->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
            return true;
        }
    }
    if (watched == viewport() && event->type() == QEvent::Resize && m_startPending)
        showStart();
    return QGraphicsView::eventFilter(watched, event);
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    // Holding Space pans.
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setDragMode(QGraphicsView::ScrollHandDrag);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setDragMode(QGraphicsView::RubberBandDrag);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

} // namespace Switchboard
