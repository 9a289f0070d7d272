#include "common/trendchart.h"

#include "common/timeseriesmodel.h"

#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QVXYModelMapper>
#include <QValueAxis>
#include <cmath>

namespace Switchboard {

TrendChart::TrendChart(TimeSeriesModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
    , m_time(new QDateTimeAxis)
    , m_values(new QValueAxis)
    , m_format([](double v) { return QLocale().toString(v, 'f', 0); })
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setBackgroundRoundness(0);
    m_time->setTickCount(7);
    // A range from the start: a date-time axis that begins without one draws no labels later.
    m_time->setRange(QDateTime::currentDateTime().addDays(-1), QDateTime::currentDateTime());
    m_values->setMin(0);
    m_values->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_values, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(300);
    setPeriodDays(1);
    rebuildSeries();
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_series.size() != m_model->columnCount() - 1)
            rebuildSeries();
        rescale();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &TrendChart::rescale);
}

void TrendChart::rebuildSeries()
{
    for (QLineSeries *s : std::as_const(m_series)) {
        chart()->removeSeries(s);
        delete s;
    }
    m_series.clear();
    qDeleteAll(findChildren<QVXYModelMapper *>(Qt::FindDirectChildrenOnly));
    for (int column = 1; column < m_model->columnCount(); ++column) {
        auto *series = new QLineSeries;
        series->setName(m_model->headerData(column, Qt::Horizontal).toString());
        chart()->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_values);
        auto *mapper = new QVXYModelMapper(this);
        mapper->setXColumn(0);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(m_model);
        connect(series, &QLineSeries::hovered, this, [this, series](const QPointF &p, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            const QString when = QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(qint64(p.x())).toLocalTime(), QLocale::ShortFormat);
            QToolTip::showText(QCursor::pos(),
                               tr("%1 at %2: %3").arg(series->name(), when, m_format(p.y())), this);
        });
        m_series.append(series);
    }
    setReferences(m_referenceValues);
}

void TrendChart::setReferences(const QList<Reference> &references)
{
    m_referenceValues = references;
    for (QLineSeries *s : std::as_const(m_references)) {
        chart()->removeSeries(s);
        delete s;
    }
    m_references.clear();
    for (const Reference &r : references) {
        auto *line = new QLineSeries;
        line->setName(r.label);
        QPen pen(r.color, 2, Qt::DashLine);
        line->setPen(pen);
        chart()->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_values);
        m_references.append(line);
    }
    rescale();
}

void TrendChart::setValueFormatter(std::function<QString(double)> format)
{
    m_format = std::move(format);
}

void TrendChart::setLabelFormat(const QString &format)
{
    m_values->setLabelFormat(format);
}

void TrendChart::setUnit(const QString &unit)
{
    m_values->setTitleText(unit);
}

void TrendChart::setPeriodDays(int days)
{
    m_days = std::max(days, 1);
    m_time->setFormat(days > 1 ? QStringLiteral("d MMM") : QStringLiteral("HH:mm"));
    // Ticks on round times: every 4 hours, every day, every 5 days.
    m_time->setTickCount(days == 1 ? 7 : days <= 7 ? days + 1 : 7);
    rescale();
}

void TrendChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // Two points a pixel column at most: more could not be seen.
    m_model->setMaxPoints(std::max(100, int(chart()->plotArea().width()) * 2));
}

void TrendChart::rescale()
{
    auto [low, high] = m_model->valueRange();
    for (const Reference &r : std::as_const(m_referenceValues)) {
        high = std::max(high, r.value);
        low = std::min(low, r.value);
    }
    const qint64 last = m_model->timeRange().second;
    // Reference lines run across the period shown.
    for (int i = 0; i < m_references.size(); ++i) {
        const double v = m_referenceValues.at(i).value;
        m_references.at(i)->replace(
            QList<QPointF> {{double(last - qint64(m_days) * 24 * 3600 * 1000), v},
                            {double(last + 3600LL * 1000), v}});
    }
    if (m_model->rowCount() == 0)
        return;
    m_values->setRange(std::min(0.0, low), high <= 0 ? 1 : high * 1.15);
    m_values->applyNiceNumbers();
    // The whole period, ending at the hour after the last reading.
    constexpr qint64 Hour = 3600LL * 1000;
    const qint64 end = (last / Hour + 1) * Hour;
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(end - qint64(m_days) * 24 * Hour),
                     QDateTime::fromMSecsSinceEpoch(end));
}

} // namespace Switchboard
