#include "builder/nodeitem.h"

#include "builder/nodeicon.h"
#include "common/statusstyle.h"
#include "modules/modulecatalog.h"
#include "workflow/workflowgraph.h"

#include <QApplication>
#include <QHash>
#include <QJsonArray>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace Switchboard {

namespace {

constexpr qreal HeaderHeight = 64;
constexpr qreal PortRow = 20;
constexpr qreal IconSize = 30;
constexpr qreal TextLeft = 12 + IconSize + 10;
constexpr qreal TextWidth = NodeItem::Width - TextLeft - 8;

QFont titleFont()
{
    QFont bold = QApplication::font();
    bold.setBold(true);
    return bold;
}

QFont detailFont()
{
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    return small;
}

constexpr qreal TitleLine = 17;

// A step's name on one line, or on two when it is long (broken at a space); cut short with "…"
// only when even two lines cannot hold it, which *cut then says.
QStringList titleLines(const QString &name, bool *cut)
{
    const QFontMetricsF fm(titleFont());
    *cut = false;
    if (fm.horizontalAdvance(name) <= TextWidth)
        return {name};
    qsizetype at = -1;
    for (qsizetype i = name.indexOf(QLatin1Char(' ')); i > 0;
         i = name.indexOf(QLatin1Char(' '), i + 1)) {
        if (fm.horizontalAdvance(name.left(i)) > TextWidth)
            break;
        at = i;
    }
    if (at < 0) {
        *cut = true;
        return {fm.elidedText(name, Qt::ElideRight, TextWidth)};
    }
    const QString rest = name.mid(at + 1);
    *cut = fm.horizontalAdvance(rest) > TextWidth;
    return {name.left(at), fm.elidedText(rest, Qt::ElideRight, TextWidth)};
}
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
        {QStringLiteral("run_workflow"),
         QT_TRANSLATE_NOOP("Switchboard::NodeItem", "Run a workflow")},
    };
    const char *title = titles.value(type);
    return title ? NodeItem::tr(title) : type;
}

// The two lines under a step's name: its kind (or module), then what it is set to do.
std::pair<QString, QString> describe(const QJsonObject &node)
{
    const QString type = node.value(QLatin1String("type")).toString();
    const auto text = [&node](const char *key) {
        return node.value(QLatin1String(key)).toString();
    };
    if (type == QLatin1String("module_call")) {
        const QString module = text("module");
        return {module.isEmpty() ? NodeItem::tr("No module chosen")
                                 : ModuleCatalog::displayName(module),
                text("action").isEmpty() ? NodeItem::tr("No action chosen")
                                         : ModuleCatalog::actionName(text("action"))};
    }
    QString detail;
    if (type == QLatin1String("delay"))
        detail = text("duration").isEmpty() ? NodeItem::tr("until %1").arg(text("until"))
                                            : NodeItem::tr("for %1").arg(text("duration"));
    else if (type == QLatin1String("wait_for_event"))
        detail = text("event_type");
    else if (type == QLatin1String("human_review"))
        detail = NodeItem::tr("queue %1").arg(text("queue"));
    else if (type == QLatin1String("notify"))
        detail = NodeItem::tr("by %1").arg(text("channel"));
    else if (type == QLatin1String("join"))
        detail = text("mode") == QLatin1String("any") ? NodeItem::tr("the first branch")
                                                      : NodeItem::tr("every branch");
    else if (type == QLatin1String("condition"))
        detail = NodeItem::tr("%1 ways out")
                     .arg(node.value(QLatin1String("cases")).toArray().size() + 1);
    else if (type == QLatin1String("run_workflow"))
        detail = text("workflow").isEmpty() ? NodeItem::tr("No workflow chosen")
            : node.value(QLatin1String("wait")).toBool(true)
            ? NodeItem::tr("%1, waits").arg(text("workflow"))
            : NodeItem::tr("%1, goes on").arg(text("workflow"));
    else if (type == QLatin1String("end"))
        detail = text("status") == QLatin1String("failed") ? NodeItem::tr("as failed")
                                                           : NodeItem::tr("as completed");
    return {typeTitle(type), detail};
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
    bool cut = false;
    m_title = titleLines(m_graph.node(m_id).value(QLatin1String("name")).toString(m_id), &cut);
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

QString NodeItem::portText(const QString &port)
{
    if (port == QLatin1String("out"))
        return tr("next");
    if (port == QLatin1String("error"))
        return tr("if it fails");
    if (port == QLatin1String("timeout"))
        return tr("if time runs out");
    return port; // a condition's case or a review's decision, named by whoever made it
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

QStringList NodeItem::lines() const
{
    const QJsonObject node = m_graph.node(m_id);
    const auto [kind, detail] = describe(node);
    return {node.value(QLatin1String("name")).toString(m_id), kind, detail};
}

bool NodeItem::textFits() const
{
    const QStringList text = lines();
    bool cut = false;
    (void)titleLines(text.at(0), &cut);
    return !cut && QFontMetricsF(detailFont()).horizontalAdvance(text.at(1)) <= TextWidth
        && QFontMetricsF(detailFont()).horizontalAdvance(text.at(2)) <= TextWidth;
}

qreal NodeItem::header() const
{
    return HeaderHeight + (m_title.size() - 1) * TitleLine;
}

qreal NodeItem::height() const
{
    return header() + std::max<qsizetype>(1, m_ports.size()) * PortRow + 6;
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-PortRadius - 2, -10, Width + 2 * PortRadius + 4, height() + 12);
}

QPointF NodeItem::inputPort() const
{
    return mapToScene(QPointF(0, header() / 2));
}

QPointF NodeItem::outputPort(const QString &port) const
{
    const qsizetype i = std::max<qsizetype>(0, m_ports.indexOf(port));
    return mapToScene(QPointF(Width, header() + PortRow * (qreal(i) + 0.5)));
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
    // The kind's band across the top, and its picture.
    p->setPen(Qt::NoPen);
    p->setBrush(NodeIcon::colour(type));
    p->drawRoundedRect(QRectF(0, 0, Width, 5), 2.5, 2.5);
    NodeIcon::paint(p, QRectF(12, 14, IconSize, IconSize), type,
                    node.value(QLatin1String("module")).toString());

    // The step's name, then what it does on two lines (for a module call: the module, then
    // the action), each cut short with "…" only when it cannot fit.
    const QFont bold = titleFont();
    p->setFont(bold);
    p->setPen(pal.color(QPalette::Text));
    const QStringList text = lines();
    for (int i = 0; i < m_title.size(); ++i)
        p->drawText(QRectF(TextLeft, 9 + i * TitleLine, TextWidth, 18),
                    Qt::AlignLeft | Qt::AlignVCenter, m_title.at(i));
    const qreal below = (m_title.size() - 1) * TitleLine;
    const QFont small = detailFont();
    p->setFont(small);
    p->setPen(pal.color(QPalette::PlaceholderText));
    const QFontMetricsF sm(small);
    p->drawText(QRectF(TextLeft, 27 + below, TextWidth, 16), Qt::AlignLeft | Qt::AlignVCenter,
                sm.elidedText(text.at(1), Qt::ElideRight, TextWidth));
    p->drawText(QRectF(TextLeft, 43 + below, TextWidth, 16), Qt::AlignLeft | Qt::AlignVCenter,
                sm.elidedText(text.at(2), Qt::ElideRight, TextWidth));

    // Ports.
    p->setPen(QPen(pal.color(QPalette::Mid), 1));
    p->setBrush(pal.color(QPalette::Base));
    if (type != QLatin1String("trigger"))
        p->drawEllipse(QPointF(0, header() / 2), PortRadius, PortRadius);
    for (int i = 0; i < m_ports.size(); ++i) {
        const qreal y = header() + PortRow * (i + 0.5);
        p->setPen(QPen(pal.color(QPalette::Mid), 1));
        p->setBrush(m_ports.at(i) == QLatin1String("error") ? StatusStyle::color(ModuleStatus::Down)
                                                            : pal.color(QPalette::Highlight));
        p->drawEllipse(QPointF(Width, y), PortRadius, PortRadius);
        p->setPen(pal.color(QPalette::Text));
        p->drawText(QRectF(10, y - PortRow / 2, Width - 22, PortRow),
                    Qt::AlignRight | Qt::AlignVCenter, portText(m_ports.at(i)));
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
