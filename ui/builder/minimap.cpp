#include "builder/minimap.h"

#include <QEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <algorithm>

namespace Switchboard {

namespace {

constexpr int MapWidth = 200;
constexpr int MapHeight = 130;
constexpr int Margin = 10;

} // namespace

Minimap::Minimap(QGraphicsView *canvas)
    : QGraphicsView(canvas->scene(), canvas)
    , m_canvas(canvas)
{
    setObjectName(QStringLiteral("minimap"));
    setAccessibleName(tr("Overview of the whole workflow"));
    setToolTip(tr("The whole workflow: click or drag to move the canvas there"));
    setInteractive(false);
    setRenderHint(QPainter::Antialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::Box);
    setFixedSize(MapWidth, MapHeight);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::NoFocus);
    // The canvas's grid would be noise at this size.
    setBackgroundBrush(palette().color(QPalette::Base));
    setCacheMode(QGraphicsView::CacheNone);
    for (QScrollBar *bar : {canvas->horizontalScrollBar(), canvas->verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, this, &Minimap::updateShown);
    // A change to the workflow fits the map again, once the scene has settled.
    auto *settle = new QTimer(this);
    settle->setSingleShot(true);
    settle->setInterval(50);
    connect(settle, &QTimer::timeout, this, &Minimap::refit);
    connect(canvas->scene(), &QGraphicsScene::changed, settle, qOverload<>(&QTimer::start));
    canvas->viewport()->installEventFilter(this);
    place();
}

QRectF Minimap::shownArea() const
{
    return m_canvas->mapToScene(m_canvas->viewport()->rect()).boundingRect();
}

void Minimap::refit()
{
    const QRectF all = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (all.isEmpty())
        return;
    setSceneRect(all);
    fitInView(all, Qt::KeepAspectRatio);
    if (transform().m11() > 0.5) { // a small workflow is not blown up
        resetTransform();
        scale(0.5, 0.5);
        centerOn(all.center());
    }
    updateShown();
}

void Minimap::updateShown()
{
    // Needed only while part of the workflow is out of sight.
    const QRectF all = scene()->itemsBoundingRect();
    setVisible(!all.isEmpty() && !shownArea().contains(all));
    viewport()->update();
}

void Minimap::drawForeground(QPainter *painter, const QRectF &)
{
    QColor frame = palette().color(QPalette::Highlight);
    painter->setPen(QPen(frame, 0));
    frame.setAlpha(40);
    painter->setBrush(frame);
    painter->drawRect(shownArea());
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    moveCanvasTo(event->position().toPoint());
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveCanvasTo(event->position().toPoint());
}

void Minimap::moveCanvasTo(const QPoint &point)
{
    m_canvas->centerOn(mapToScene(point));
    updateShown();
}

void Minimap::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

bool Minimap::eventFilter(QObject *watched, QEvent *event)
{
    // The canvas lays its viewport out after its own resize: follow the viewport's.
    if (event->type() == QEvent::Resize && watched == m_canvas->viewport()) {
        place();
        updateShown();
    }
    return QGraphicsView::eventFilter(watched, event);
}

void Minimap::place()
{
    // Bottom right of the canvas's viewport, clear of its scroll bars; at most a quarter of a
    // narrow canvas's width and a third of its height, so it never covers the steps.
    const QRect area = m_canvas->viewport()->geometry();
    const double scale = std::clamp(
        std::min(area.width() / 4.0 / MapWidth, area.height() / 3.0 / MapHeight), 0.5, 1.0);
    const QSize size(int(MapWidth * scale), int(MapHeight * scale));
    if (size != this->size())
        setFixedSize(size);
    move(area.right() - size.width() - Margin, area.bottom() - size.height() - Margin);
    raise();
}

} // namespace Switchboard
