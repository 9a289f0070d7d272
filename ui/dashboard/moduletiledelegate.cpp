#include "dashboard/moduletiledelegate.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"
#include "dashboard/moduletablemodel.h"
#include "modules/modulecatalog.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace Switchboard {

namespace {

void drawSparkline(QPainter *p, const QRectF &area, const QList<int> &history, const QColor &color)
{
    if (history.size() < 2)
        return;
    // At least 50 ms of scale, so loopback jitter of a millisecond does not look like a spike.
    int maxValue = 50;
    for (int v : history)
        maxValue = qMax(maxValue, v);
    const qreal step = area.width() / (ModuleSnapshot::HistoryLength - 1);
    const qreal x0 = area.right() - step * (history.size() - 1);
    QPainterPath path;
    bool drawing = false;
    for (int i = 0; i < history.size(); ++i) {
        const qreal x = x0 + step * i;
        if (history.at(i) < 0) {
            // No answer: a red tick at the bottom, and a gap in the line.
            p->setPen(QPen(StatusStyle::color(ModuleStatus::Down), 2));
            p->drawLine(QPointF(x, area.bottom() - 5), QPointF(x, area.bottom()));
            drawing = false;
            continue;
        }
        const QPointF point(x, area.bottom() - area.height() * history.at(i) / maxValue);
        if (drawing)
            path.lineTo(point);
        else
            path.moveTo(point);
        drawing = true;
    }
    p->setPen(QPen(color, 1.5));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path);
}

} // namespace

QSize ModuleTileDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return m_size;
}

void ModuleTileDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const auto s = index.data(ModuleTableModel::SnapshotRole).value<ModuleSnapshot>();
    const ModuleStatus status = s.status();
    const QColor statusColor = StatusStyle::color(status);
    const QPalette &pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(6, 6, -6, -6);
    const bool focused = option.state & QStyle::State_HasFocus;
    const bool hovered = option.state & QStyle::State_MouseOver;

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QPainterPath shape;
    shape.addRoundedRect(card, 8, 8);
    p->fillPath(shape, pal.color(QPalette::Base));
    p->setPen(QPen(focused ? pal.color(QPalette::Highlight)
                           : (hovered ? pal.color(QPalette::Mid) : pal.color(QPalette::Midlight)),
                   focused ? 2 : 1));
    p->drawPath(shape);
    // Status stripe on the left edge.
    p->save();
    p->setClipPath(shape);
    p->fillRect(QRectF(card.left(), card.top(), 6, card.height()), statusColor);
    p->restore();

    const qreal left = card.left() + 18;
    const qreal right = card.right() - 12;
    const QFont base = option.font;
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    QFont bold = base;
    bold.setBold(true);
    bold.setPointSizeF(base.pointSizeF() * 1.05);
    const QColor textColor = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QFontMetricsF metrics(base);
    const QFontMetricsF smallMetrics(small);

    // Line 1: number and name, the status pill at the right.
    const QString pillText =
        StatusStyle::mark(status) + QLatin1Char(' ') + StatusStyle::word(status);
    QFont pillFont = small;
    pillFont.setBold(true);
    const QFontMetricsF pillMetrics(pillFont);
    const qreal pillWidth = pillMetrics.horizontalAdvance(pillText) + 14;
    qreal y = card.top() + 9;
    const QFontMetricsF boldMetrics(bold);
    const QRectF pill(right - pillWidth, y + (boldMetrics.height() - pillMetrics.height() - 4) / 2,
                      pillWidth, pillMetrics.height() + 4);
    p->setPen(Qt::NoPen);
    p->setBrush(statusColor);
    p->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    p->setFont(pillFont);
    p->setPen(Qt::white);
    p->drawText(pill, Qt::AlignCenter, pillText);
    const ModuleInfo *info = ModuleCatalog::find(s.id);
    p->setPen(muted);
    p->setFont(small);
    p->drawText(QRectF(left, y, 24, boldMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                info ? info->numberText() : QString());
    p->setPen(textColor);
    const QRectF nameRect(left + 24, y, pill.left() - left - 32, boldMetrics.height());
    // A long name is set a little smaller before it is cut short.
    const QString name = ModuleCatalog::displayName(s.id);
    QFont nameFont = bold;
    for (int step = 0;
         step < 3 && QFontMetricsF(nameFont).horizontalAdvance(name) > nameRect.width(); ++step)
        nameFont.setPointSizeF(nameFont.pointSizeF() * 0.93);
    p->setFont(nameFont);
    p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));
    y += boldMetrics.height() + 6;

    // Line 2: the figures in words. A module that does not answer has no fresh figures, so
    // none are shown as if they were: how long it has been down instead.
    const auto *model = qobject_cast<const ModuleTableModel *>(index.model());
    const QDateTime now = model ? model->clock().now() : QDateTime::currentDateTimeUtc();
    p->setFont(base);
    p->setPen(textColor);
    p->drawText(
        QRectF(left, y, right - left, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(ModuleTableModel::figuresText(s, now), Qt::ElideRight, right - left));
    y += metrics.height() + 4;

    // Line 3: why, when not healthy; otherwise the response-time trend.
    const QRectF trend(left, y, right - left, smallMetrics.height() + 6);
    if (status != ModuleStatus::Healthy) {
        p->setFont(small);
        p->setPen(status == ModuleStatus::Down || status == ModuleStatus::Degraded ? statusColor
                                                                                   : muted);
        p->drawText(trend, Qt::AlignLeft | Qt::AlignVCenter,
                    smallMetrics.elidedText(HealthRules::reasonText(s.assessment, true),
                                            Qt::ElideRight, trend.width()));
    } else if (s.responseHistory.size() < 2) {
        p->setFont(small);
        p->setPen(muted);
        p->drawText(trend, Qt::AlignLeft | Qt::AlignVCenter,
                    smallMetrics.elidedText(
                        ModuleTableModel::tr("Response-time trend appears after a few checks"),
                        Qt::ElideRight, trend.width()));
    } else {
        drawSparkline(p, trend, s.responseHistory, pal.color(QPalette::Highlight));
    }

    // Footer: the event feed at the left, the circuit breaker at the right when not closed.
    const QRectF footer(left, card.bottom() - smallMetrics.height() - 8, right - left,
                        smallMetrics.height());
    p->setFont(small);
    const bool feedExpected = s.enabled && s.configured;
    const QString feed = !feedExpected ? ModuleTableModel::tr("○ No event feed")
        : s.feedConnected              ? ModuleTableModel::tr("● Live events")
                                       : ModuleTableModel::tr("○ Event feed disconnected");
    p->setPen(feedExpected && !s.feedConnected ? StatusStyle::text(ModuleStatus::Degraded, pal)
                                               : muted);
    p->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, feed);
    if (s.circuit != CircuitState::Closed) {
        p->setPen(StatusStyle::text(s.circuit == CircuitState::Open ? ModuleStatus::Down
                                                                    : ModuleStatus::Degraded));
        p->drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                    s.circuit == CircuitState::Open ? ModuleTableModel::tr("⚡ Circuit open")
                                                    : ModuleTableModel::tr("⚡ Circuit half-open"));
    }
    p->restore();
}

} // namespace Switchboard
