#include "modules/dependencygraphview.h"

#include "common/statusstyle.h"
#include "dashboard/moduletablemodel.h"
#include "modules/modulecatalog.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <cmath>

namespace Switchboard {

namespace {

constexpr qreal BoxHeight = 58;
constexpr qreal LegendHeight = 26;

// Where each module sits: the patient journey on the top row, the others below.
QPointF slot(const QString &moduleId)
{
    static const QHash<QString, QPointF> slots = {
        {QStringLiteral("01_intake"), {0, 0}},
        {QStringLiteral("02_booking"), {4.0 / 3, 0}},
        {QStringLiteral("08_messaging"), {8.0 / 3, 0}},
        {QStringLiteral("09_compliance"), {4, 0}},
        {QStringLiteral("03_telehealth"), {0, 1}},
        {QStringLiteral("04_billing"), {1, 1}},
        {QStringLiteral("05_followup"), {2, 1}},
        {QStringLiteral("06_ocr"), {3, 1}},
        {QStringLiteral("07_analytics"), {4, 1}},
    };
    return slots.value(moduleId, {0, 0});
}

// The point where a ray from the box's centre towards `towards` leaves the box.
QPointF borderPoint(const QRectF &box, const QPointF &towards)
{
    const QPointF d = towards - box.center();
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return box.center();
    const qreal tx = qFuzzyIsNull(d.x()) ? 1e9 : (box.width() / 2) / std::abs(d.x());
    const qreal ty = qFuzzyIsNull(d.y()) ? 1e9 : (box.height() / 2) / std::abs(d.y());
    return box.center() + d * std::min(tx, ty);
}

} // namespace

DependencyGraphView::DependencyGraphView(ModuleTableModel *modules, QWidget *parent)
    : QWidget(parent)
    , m_modules(modules)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Module dependency graph"));
    setAccessibleDescription(
        tr("Modules and the workflows that connect them; the patient journey is the top row."));
    connect(modules, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
    connect(modules, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
}

QSize DependencyGraphView::sizeHint() const
{
    return {760, 230};
}

QSize DependencyGraphView::minimumSizeHint() const
{
    return {340, 200};
}

void DependencyGraphView::setGraph(const DependencyGraph &graph)
{
    if (graph == m_graph)
        return;
    m_graph = graph;
    update();
}

void DependencyGraphView::setSelectedModule(const QString &moduleId)
{
    if (moduleId == m_selected)
        return;
    m_selected = moduleId;
    update();
}

QRectF DependencyGraphView::moduleRect(const QString &moduleId) const
{
    const qreal margin = 12;
    const qreal boxWidth = std::min<qreal>(170, (width() - 2 * margin) / 5 - 14);
    const QPointF s = slot(moduleId);
    const qreal x = margin + s.x() * ((width() - 2 * margin - boxWidth) / 4);
    const qreal top = LegendHeight + 8;
    const qreal bottom = height() - margin - BoxHeight;
    const qreal y = s.y() == 0 ? top : std::max(top + BoxHeight + 40, bottom);
    return {x, y, boxWidth, BoxHeight};
}

QString DependencyGraphView::moduleAt(const QPointF &pos) const
{
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        if (moduleRect(info.id).contains(pos))
            return info.id;
    }
    return {};
}

QFont DependencyGraphView::nameFont(const QString &title, qreal width) const
{
    QFont bold = font();
    bold.setBold(true);
    // Two lines at most: a step smaller at a time, down to three quarters of the size.
    const qreal smallest = bold.pointSizeF() * 0.75;
    while (bold.pointSizeF() > smallest) {
        const QFontMetricsF fm(bold);
        const QRectF needed =
            fm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignLeft | Qt::TextWordWrap, title);
        if (needed.height() <= 2 * fm.lineSpacing() + 0.5 && needed.width() <= width + 0.5)
            break;
        bold.setPointSizeF(bold.pointSizeF() - 0.5);
    }
    return bold;
}

QString DependencyGraphView::cutName() const
{
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        const qreal width = moduleRect(info.id).width() - 18;
        const QString title = ModuleCatalog::displayName(info.id);
        const QFont f = nameFont(title, width);
        const QFontMetricsF fm(f);
        const QRectF needed =
            fm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignLeft | Qt::TextWordWrap, title);
        if (needed.height() > 2 * fm.lineSpacing() + 0.5 || needed.width() > width + 0.5)
            return title;
        const int row = m_modules->rowOf(info.id);
        const QString status = statusLine(
            info.id, row >= 0 ? m_modules->snapshotAt(row).status() : ModuleStatus::Unknown);
        if (QFontMetricsF(statusFont()).horizontalAdvance(status) > width + 0.5)
            return status;
    }
    return {};
}

QFont DependencyGraphView::statusFont() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return small;
}

QString DependencyGraphView::statusLine(const QString &moduleId, ModuleStatus status)
{
    const ModuleInfo *info = ModuleCatalog::find(moduleId);
    return QStringLiteral("%1  %2 %3")
        .arg(info ? info->numberText() : QString(), StatusStyle::mark(status),
             StatusStyle::word(status));
}

void DependencyGraphView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor journey = pal.color(QPalette::Highlight);
    const QColor link = pal.color(QPalette::Mid);
    const QColor impact = StatusStyle::color(ModuleStatus::Down);

    const BlastRadius radius =
        m_selected.isEmpty() ? BlastRadius() : m_graph.blastRadius(m_selected);
    const QStringList &affected = radius.downstream;

    // Legend.
    p.setFont(font());
    const QFontMetricsF fm(font());
    qreal x = 12;
    const qreal ly = LegendHeight / 2 + 2;
    const auto legend = [&](const QColor &color, qreal width, Qt::PenStyle style,
                            const QString &text) {
        p.setPen(QPen(color, width, style, Qt::RoundCap));
        p.drawLine(QPointF(x, ly), QPointF(x + 26, ly));
        p.setPen(pal.color(QPalette::WindowText));
        // The last item is cut short with "…" rather than off at the edge.
        const QString shown = fm.elidedText(text, Qt::ElideRight, this->width() - x - 32 - 6);
        p.drawText(QPointF(x + 32, ly + fm.ascent() / 2 - 1), shown);
        x += 32 + fm.horizontalAdvance(shown) + 22;
    };
    legend(journey, 3.5, Qt::SolidLine, tr("Patient journey"));
    legend(link, 1.5, Qt::SolidLine, tr("Linked by a workflow"));
    if (!m_selected.isEmpty())
        legend(impact, 2.5, Qt::DashLine,
               tr("Stops if %1 stops").arg(ModuleCatalog::displayName(m_selected)));

    // Edges: curves that bow to one side, so that A → B and B → A do not overlap.
    for (const DependencyEdge &e : m_graph.edges()) {
        const QRectF from = moduleRect(e.from);
        const QRectF to = moduleRect(e.to);
        const QPointF a = from.center();
        const QPointF b = to.center();
        const QPointF d = b - a;
        const qreal length = std::hypot(d.x(), d.y());
        if (length < 1)
            continue;
        const QPointF normal(-d.y() / length, d.x() / length);
        // Boxes in one row with others between them: bow far enough to pass around those.
        const bool sameRow = qFuzzyCompare(from.y(), to.y());
        const qreal bow = sameRow && std::abs(d.x()) > from.width() * 1.6 ? 46 : 14;
        const QPointF control = (a + b) / 2 + normal * bow;
        const QPointF start = borderPoint(from, control);
        const QPointF end = borderPoint(to, control);
        const bool isImpact = radius.links.contains(std::make_pair(e.from, e.to));
        QPen pen(isImpact         ? impact
                     : e.critical ? journey
                                  : link,
                 isImpact         ? 2.5
                     : e.critical ? 3.5
                                  : 1.5,
                 isImpact ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        QPainterPath path(start);
        path.quadTo(control, end);
        p.drawPath(path);
        // Arrow head along the curve's last direction.
        const QPointF dir = end - control;
        const qreal dl = std::hypot(dir.x(), dir.y());
        if (dl > 0) {
            const QPointF u = dir / dl;
            const QPointF n(-u.y(), u.x());
            const qreal size = e.critical ? 10 : 8;
            QPolygonF head {end, end - u * size + n * size / 2, end - u * size - n * size / 2};
            p.setPen(Qt::NoPen);
            p.setBrush(pen.color());
            p.drawPolygon(head);
        }
    }

    // Modules.
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        const QRectF box = moduleRect(info.id);
        const int row = m_modules->rowOf(info.id);
        const ModuleStatus status =
            row >= 0 ? m_modules->snapshotAt(row).status() : ModuleStatus::Unknown;
        const bool selected = info.id == m_selected;
        p.setPen(Qt::NoPen);
        p.setBrush(StatusStyle::tint(status));
        p.drawRoundedRect(box, 6, 6);
        p.setBrush(StatusStyle::color(status));
        p.drawRoundedRect(QRectF(box.left(), box.top(), 6, box.height()), 3, 3);
        if (selected) {
            p.setPen(QPen(journey, 3));
        } else if (affected.contains(info.id)) {
            p.setPen(QPen(impact, 2, Qt::DashLine));
        } else {
            p.setPen(QPen(pal.color(QPalette::Mid), 1));
        }
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(box, 6, 6);

        // The name on up to two lines, smaller when it needs to be, the status under it.
        const QRectF text = box.adjusted(12, 3, -6, -3);
        // The number goes with the status, so the name has both lines to itself.
        const QString title = ModuleCatalog::displayName(info.id);
        const QFont bold = nameFont(title, text.width());
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text)); // the tint is made for the palette's text
        const QRectF name(text.left(), text.top(), text.width(),
                          2 * QFontMetricsF(bold).lineSpacing());
        p.save();
        p.setClipRect(name);
        p.drawText(name, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);
        p.restore();
        p.setFont(statusFont());
        p.drawText(text, Qt::AlignLeft | Qt::AlignBottom, statusLine(info.id, status));
    }
    if (hasFocus() && !m_selected.isEmpty()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(moduleRect(m_selected).adjusted(-4, -4, 4, 4), 8, 8);
    }
}

void DependencyGraphView::mousePressEvent(QMouseEvent *event)
{
    const QString id = moduleAt(event->position());
    if (id.isEmpty())
        return QWidget::mousePressEvent(event);
    setSelectedModule(id);
    Q_EMIT moduleClicked(id);
}

void DependencyGraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Left && event->key() != Qt::Key_Right)
        return QWidget::keyPressEvent(event);
    const QList<ModuleInfo> &all = ModuleCatalog::all();
    int index = 0;
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).id == m_selected)
            index = i + (event->key() == Qt::Key_Right ? 1 : -1);
    }
    index = (index + int(all.size())) % int(all.size());
    setSelectedModule(all.at(index).id);
    Q_EMIT moduleClicked(m_selected);
}

bool DependencyGraphView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const QString id = moduleAt(help->pos());
    if (id.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    QStringList workflows;
    for (const DependencyGraph::WorkflowRef &w : m_graph.workflows()) {
        if (w.modules.contains(id))
            workflows << w.name;
    }
    QToolTip::showText(
        help->globalPos(),
        workflows.isEmpty()
            ? tr("%1: no published workflow uses it.").arg(ModuleCatalog::displayName(id))
            : tr("%1 is used by: %2")
                  .arg(ModuleCatalog::displayName(id), workflows.join(QStringLiteral(", "))),
        this);
    return true;
}

} // namespace Switchboard
