#include "executions/timelinechart.h"

#include "executions/executiontablemodel.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QJsonObject>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

namespace Switchboard {

namespace {

qint64 msOf(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QColor outcomeColor(const QString &outcome)
{
    if (outcome == QLatin1String("failed") || outcome == QLatin1String("timed_out"))
        return ExecutionTableModel::statusColor(QStringLiteral("failed"));
    if (outcome == QLatin1String("unknown"))
        return ExecutionTableModel::statusColor(QStringLiteral("waiting"));
    if (outcome == QLatin1String("running"))
        return ExecutionTableModel::statusColor(QStringLiteral("running"));
    return ExecutionTableModel::statusColor(QStringLiteral("completed"));
}

} // namespace

TimelineChart::TimelineChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setMouseTracking(true);
    setAccessibleName(tr("Timeline of the execution's steps"));
}

void TimelineChart::setBars(const QJsonArray &bars, qint64 nowMs)
{
    m_bars.clear();
    m_firstMs = 0;
    m_lastMs = 0;
    // Bars are placed by their offset from the first event (no date to read for each); only
    // the first bar's start is read, to place "now" and to tell the time of day.
    m_originMs = 0;
    if (!bars.isEmpty()) {
        const QJsonObject first = bars.first().toObject();
        m_originMs = msOf(first.value(QLatin1String("start")))
            - qint64(first.value(QLatin1String("offset_ms")).toDouble());
    }
    for (const QJsonValue v : bars) {
        const QJsonObject b = v.toObject();
        const qint64 start = b.contains(QLatin1String("offset_ms"))
            ? qint64(b.value(QLatin1String("offset_ms")).toDouble())
            : msOf(b.value(QLatin1String("start"))) - m_originMs;
        const bool open = b.value(QLatin1String("end")).isNull();
        const qint64 end = open ? std::max(start, nowMs - m_originMs)
                                : start + qint64(b.value(QLatin1String("duration_ms")).toDouble());
        m_bars.append({b.value(QLatin1String("node")).toString(),
                       b.value(QLatin1String("kind")).toString(),
                       b.value(QLatin1String("outcome")).toString(),
                       b.value(QLatin1String("attempt")).toInt(), start, end, open});
        m_firstMs = m_bars.size() == 1 ? start : std::min(m_firstMs, start);
        m_lastMs = std::max(m_lastMs, end);
    }
    updateGeometry();
    update();
}

void TimelineChart::setStepNames(const QHash<QString, QString> &names)
{
    m_names = names;
    updateGeometry();
    update();
}

QSize TimelineChart::sizeHint() const
{
    return {640, AxisHeight + int(m_bars.size()) * RowHeight + 8};
}

QSize TimelineChart::minimumSizeHint() const
{
    return {320, AxisHeight + int(m_bars.size()) * RowHeight + 8};
}

int TimelineChart::labelWidth() const
{
    int widest = 0;
    for (const Bar &b : m_bars)
        widest = std::max(widest, fontMetrics().horizontalAdvance(m_names.value(b.node, b.node)));
    return std::clamp(widest + 16, 80, std::max(80, width() / 3));
}

QRect TimelineChart::barRect(int index) const
{
    const Bar &b = m_bars.at(index);
    const int left = labelWidth();
    const int span = std::max(1, width() - left - 12);
    const double total = double(std::max<qint64>(1, m_lastMs - m_firstMs));
    const int x = left + int(double(b.startMs - m_firstMs) / total * span);
    const int w = std::max(3, int(double(b.endMs - b.startMs) / total * span));
    return {x, AxisHeight + index * RowHeight + 5, std::min(w, left + span - x + 3),
            RowHeight - 10};
}

int TimelineChart::barAt(const QPoint &pos) const
{
    const int row = (pos.y() - AxisHeight) / RowHeight;
    if (pos.y() < AxisHeight || row < 0 || row >= m_bars.size())
        return -1;
    return row;
}

QString TimelineChart::kindText(const QString &kind)
{
    if (kind == QLatin1String("call"))
        return tr("Module call");
    if (kind == QLatin1String("retry_wait"))
        return tr("Waiting to retry");
    if (kind == QLatin1String("timer"))
        return tr("Waiting for a timer");
    if (kind == QLatin1String("event"))
        return tr("Waiting for an event");
    if (kind == QLatin1String("review"))
        return tr("Waiting for a review");
    if (kind == QLatin1String("workflow"))
        return tr("Waiting for another workflow");
    if (kind == QLatin1String("compensation"))
        return tr("Undoing the step");
    return tr("Step");
}

QString TimelineChart::outcomeText(const QString &outcome)
{
    if (outcome == QLatin1String("failed"))
        return tr("Failed");
    if (outcome == QLatin1String("unknown"))
        return tr("No clear answer");
    if (outcome == QLatin1String("timed_out"))
        return tr("Timed out");
    if (outcome == QLatin1String("running"))
        return tr("Still going");
    return tr("Done");
}

QString TimelineChart::describe(int index) const
{
    if (index < 0 || index >= m_bars.size())
        return {};
    const Bar &b = m_bars.at(index);
    const QString start = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(m_originMs + b.startMs).toLocalTime().time(),
        QStringLiteral("HH:mm:ss.zzz"));
    QString text = tr("%1 — %2").arg(m_names.value(b.node, b.node), kindText(b.kind));
    if (b.attempt > 0 && b.kind == QLatin1String("call"))
        text += tr(", attempt %1").arg(b.attempt);
    text += QLatin1Char('\n')
        + tr("Began %1, took %2 — %3")
              .arg(start, ExecutionTableModel::durationText(b.endMs - b.startMs),
                   outcomeText(b.outcome));
    return text;
}

bool TimelineChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int bar = barAt(help->pos());
        if (bar >= 0)
            QToolTip::showText(help->globalPos(), describe(bar), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TimelineChart::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (m_bars.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Nothing has run yet."));
        return;
    }
    const int left = labelWidth();
    // The axis: the start, the middle and the end, as time since the first bar.
    p.setPen(pal.color(QPalette::PlaceholderText));
    const qint64 total = std::max<qint64>(1, m_lastMs - m_firstMs);
    for (int i = 0; i <= 2; ++i) {
        const int x = left + (width() - left - 12) * i / 2;
        const QString text = QStringLiteral("+") + ExecutionTableModel::durationText(total * i / 2);
        const Qt::Alignment align = i == 0 ? Qt::AlignLeft
            : i == 1                       ? Qt::AlignHCenter
                                           : Qt::AlignRight;
        const QRect box = i == 0 ? QRect(x, 2, 120, AxisHeight - 4)
            : i == 1             ? QRect(x - 60, 2, 120, AxisHeight - 4)
                                 : QRect(x - 120, 2, 120, AxisHeight - 4);
        p.drawText(box, align | Qt::AlignVCenter, text);
        p.drawLine(x, AxisHeight - 2, x, height());
    }
    // Only the rows in view: a run of 10,000 events has thousands of bars.
    const int firstRow = std::max(0, (event->rect().top() - AxisHeight) / RowHeight);
    const int lastRow =
        std::min(int(m_bars.size()) - 1, (event->rect().bottom() - AxisHeight) / RowHeight + 1);
    for (int i = firstRow; i <= lastRow; ++i) {
        const Bar &b = m_bars.at(i);
        const int y = AxisHeight + i * RowHeight;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(
            QRect(4, y, left - 8, RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            fontMetrics().elidedText(m_names.value(b.node, b.node), Qt::ElideRight, left - 8));
        const QRect r = barRect(i);
        const QColor c = outcomeColor(b.outcome);
        const bool waiting = b.kind == QLatin1String("retry_wait")
            || b.kind == QLatin1String("timer") || b.kind == QLatin1String("event")
            || b.kind == QLatin1String("review") || b.kind == QLatin1String("workflow");
        if (b.kind == QLatin1String("compensation")) {
            p.setPen(QPen(c, 2));
            p.setBrush(Qt::NoBrush);
        } else if (waiting) {
            p.setPen(QPen(c, 1));
            p.setBrush(QBrush(c, Qt::BDiagPattern));
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
        }
        p.drawRoundedRect(r, 3, 3);
    }
}

} // namespace Switchboard
