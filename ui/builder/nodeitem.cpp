#include "builder/nodeitem.h"

#include "common/statusstyle.h"
#include "modules/modulecatalog.h"
#include "workflow/workflowgraph.h"

#include <QApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace Switchboard {

namespace {

constexpr qreal HeaderHeight = 40;
constexpr qreal PortRow = 18;
constexpr qreal PortRadius = 5;

QString typeTitle(const QString &type)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("trigger"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Start")},
        {QStringLiteral("module_call"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Module call")},
        {QStringLiteral("condition"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Condition")},
        {QStringLiteral("parallel"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Parallel")},
        {QStringLiteral("join"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Join")},
        {QStringLiteral("delay"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Delay")},
        {QStringLiteral("wait_for_event"),
         QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Wait for event")},
        {QStringLiteral("human_review"),
         QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Human review")},
        {QStringLiteral("notify"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Notify")},
        {QStringLiteral("set"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Set values")},
        {QStringLiteral("end"), QT_TRANSLATE_NOOP("Switchboard::NodeItem", "End")},
    };
    const char *title = titles.value(type);
    return title ? NodeItem::tr(title) : type;
}

} // namespace

NodeItem::NodeItem(const WorkflowGraph &graph, const QString &id)
    : m_graph(graph)
    , m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
    refresh();
}

void NodeItem::refresh()
{
    prepareGeometryChange();
    m_ports = m_graph.ports(m_id);
    setPos(m_graph.position(m_id));
    const QJsonObject node = m_graph.node(m_id);
    setToolTip(tr("%1 (%2)").arg(node.value(QLatin1String("name")).toString(m_id),
                                 typeTitle(node.value(QLatin1String("type")).toString()))
               + (m_problemText.isEmpty() ? QString() : QStringLiteral("\n") + m_problemText));
    update();
}

void NodeItem::setProblem(Problem problem, const QString &text)
{
    if (problem == m_problem && text == m_problemText)
        return;
    m_problem = problem;
    m_problemText = text;
    refresh();
}

void NodeItem::setRunState(const QString &state)
{
    if (state == m_runState)
        return;
    m_runState = state;
    update();
}

QString NodeItem::runStateText(const QString &state)
{
    static const QHash<QString, const char *> words {
        {QStringLiteral("pending"), QT_TR_NOOP("not reached yet")},
        {QStringLiteral("running"), QT_TR_NOOP("running")},
        {QStringLiteral("retrying"), QT_TR_NOOP("retrying")},
        {QStringLiteral("waiting"), QT_TR_NOOP("waiting")},
        {QStringLiteral("done"), QT_TR_NOOP("done")},
        {QStringLiteral("failed"), QT_TR_NOOP("failed")},
        {QStringLiteral("skipped"), QT_TR_NOOP("not taken")},
    };
    const char *word = words.value(state);
    return word ? tr(word) : state;
}

qreal NodeItem::height() const
{
    return HeaderHeight + std::max<qsizetype>(1, m_ports.size()) * PortRow + 6;
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-PortRadius - 2, -10, Width + 2 * PortRadius + 4, height() + 12);
}

QPointF NodeItem::inputPort() const
{
    return mapToScene(QPointF(0, HeaderHeight / 2));
}

QPointF NodeItem::outputPort(const QString &port) const
{
    const qsizetype i = std::max<qsizetype>(0, m_ports.indexOf(port));
    return mapToScene(QPointF(Width, HeaderHeight + PortRow * (qreal(i) + 0.5)));
}

QString NodeItem::outputAt(const QPointF &scenePos) const
{
    for (const QString &port : m_ports) {
        if (QLineF(outputPort(port), scenePos).length() <= PortRadius + 4)
            return port;
    }
    return {};
}

bool NodeItem::inputAt(const QPointF &scenePos) const
{
    // The whole step accepts a connection, not only its small input dot.
    return sceneBoundingRect().contains(scenePos);
}

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = QApplication::palette();
    const QJsonObject node = m_graph.node(m_id);
    const QString type = node.value(QLatin1String("type")).toString();
    const QRectF box(0, 0, Width, height());
    const bool selected = option->state & QStyle::State_Selected;

    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                   selected ? 2.5 : 1));
    p->setBrush(pal.color(QPalette::Base));
    p->drawRoundedRect(box, 6, 6);
    // The type's band across the top.
    const QColor band = type == QLatin1String("trigger") ? QColor(0x1a, 0x73, 0xe8)
        : type == QLatin1String("end")                   ? QColor(0x5f, 0x63, 0x68)
        : type == QLatin1String("human_review")          ? QColor(0x8e, 0x24, 0xaa)
        : type == QLatin1String("module_call")           ? QColor(0x12, 0x6e, 0x82)
                                                         : QColor(0x3c, 0x40, 0x43);
    p->setPen(Qt::NoPen);
    p->setBrush(band);
    p->drawRoundedRect(QRectF(0, 0, Width, 6), 3, 3);

    // Title and subtitle.
    QFont bold = QApplication::font();
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(pal.color(QPalette::Text));
    const QFontMetricsF bm(bold);
    p->drawText(QRectF(10, 8, Width - 20, 16), Qt::AlignLeft | Qt::AlignVCenter,
                bm.elidedText(node.value(QLatin1String("name")).toString(m_id), Qt::ElideRight,
                              Width - 20));
    QString subtitle = typeTitle(type);
    if (type == QLatin1String("module_call")) {
        const QString module = node.value(QLatin1String("module")).toString();
        subtitle = (module.isEmpty() ? tr("no module") : ModuleCatalog::displayName(module))
            + QStringLiteral(" · ") + node.value(QLatin1String("action")).toString();
    } else if (type == QLatin1String("human_review")) {
        subtitle += QStringLiteral(" · ") + node.value(QLatin1String("queue")).toString();
    }
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p->setFont(small);
    p->setPen(pal.color(QPalette::PlaceholderText));
    p->drawText(QRectF(10, 24, Width - 20, 14), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(small).elidedText(subtitle, Qt::ElideRight, Width - 20));

    // Ports.
    p->setPen(QPen(pal.color(QPalette::Mid), 1));
    p->setBrush(pal.color(QPalette::Base));
    if (type != QLatin1String("trigger"))
        p->drawEllipse(QPointF(0, HeaderHeight / 2), PortRadius, PortRadius);
    for (int i = 0; i < m_ports.size(); ++i) {
        const qreal y = HeaderHeight + PortRow * (i + 0.5);
        p->setPen(QPen(pal.color(QPalette::Mid), 1));
        p->setBrush(m_ports.at(i) == QLatin1String("error") ? StatusStyle::color(ModuleStatus::Down)
                                                            : pal.color(QPalette::Highlight));
        p->drawEllipse(QPointF(Width, y), PortRadius, PortRadius);
        p->setPen(pal.color(QPalette::Text));
        p->drawText(QRectF(10, y - PortRow / 2, Width - 22, PortRow),
                    Qt::AlignRight | Qt::AlignVCenter, m_ports.at(i));
    }

    // Problem badge, as a mark and a colour.
    if (m_problem != Problem::None) {
        const QColor c = StatusStyle::color(m_problem == Problem::Error ? ModuleStatus::Down
                                                                        : ModuleStatus::Degraded);
        const QRectF badge(Width - 22, -8, 20, 20);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawEllipse(badge);
        p->setPen(Qt::white);
        p->setFont(bold);
        p->drawText(badge, Qt::AlignCenter,
                    m_problem == Problem::Error ? QStringLiteral("✕") : QStringLiteral("!"));
    }
    // Test-run state as a word on a stripe along the bottom.
    if (!m_runState.isEmpty()) {
        const ModuleStatus look = m_runState == QLatin1String("failed") ? ModuleStatus::Down
            : m_runState == QLatin1String("retrying")                   ? ModuleStatus::Degraded
            : m_runState == QLatin1String("done")                       ? ModuleStatus::Healthy
                                                                        : ModuleStatus::Unknown;
        const QRectF stripe(0, height() - 4, Width, 4);
        p->setPen(Qt::NoPen);
        p->setBrush(StatusStyle::color(look));
        p->drawRect(stripe);
        p->setFont(small);
        p->setPen(StatusStyle::color(look));
        p->drawText(QRectF(10, height() - 18, Width - 20, 14), Qt::AlignLeft | Qt::AlignVCenter,
                    runStateText(m_runState));
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange) {
        // Snap to the grid while dragging.
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / Grid) * Grid, std::round(p.y() / Grid) * Grid);
    }
    return QGraphicsObject::itemChange(change, value);
}

} // namespace Switchboard
