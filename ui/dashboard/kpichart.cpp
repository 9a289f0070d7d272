#include "dashboard/kpichart.h"

#include "dashboard/kpihistorymodel.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QVXYModelMapper>
#include <QValueAxis>

namespace Switchboard {

KpiChart::KpiChart(KpiHistoryModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
    , m_leads(new QLineSeries)
    , m_bookings(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_count(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setBackgroundRoundness(0);
    m_leads->setName(tr("Leads per hour"));
    m_bookings->setName(tr("Bookings per hour"));
    m_leads->setPointsVisible(true);
    m_bookings->setPointsVisible(true);
    chart->addSeries(m_leads);
    chart->addSeries(m_bookings);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(7);
    m_count->setLabelFormat(QStringLiteral("%d"));
    m_count->setMin(0);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_count, Qt::AlignLeft);
    for (QLineSeries *s : {m_leads, m_bookings}) {
        s->attachAxis(m_time);
        s->attachAxis(m_count);
    }
    // The model feeds the series; the chart keeps no data of its own.
    const auto map = [this, model](QLineSeries *series, int column) {
        auto *mapper = new QVXYModelMapper(this);
        mapper->setXColumn(KpiHistoryModel::TimeColumn);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(model);
    };
    map(m_leads, KpiHistoryModel::LeadsColumn);
    map(m_bookings, KpiHistoryModel::BookingsColumn);
    for (QLineSeries *s : {m_leads, m_bookings}) {
        connect(s, &QLineSeries::hovered, this, [this, s](const QPointF &point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QString when = QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toLocalTime().time(),
                QLocale::ShortFormat);
            QToolTip::showText(QCursor::pos(),
                               tr("%1 at %2: %3").arg(s->name(), when).arg(qRound(point.y())),
                               this);
        });
    }
    connect(model, &QAbstractItemModel::modelReset, this, &KpiChart::rescale);
    connect(model, &QAbstractItemModel::dataChanged, this, &KpiChart::rescale);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setAccessibleName(tr("Leads and bookings per hour over the last day"));
}

void KpiChart::rescale()
{
    if (m_model->rowCount() == 0)
        return;
    double top = 1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        top = std::max(
            top, m_model->index(r, KpiHistoryModel::LeadsColumn).data(Qt::EditRole).toDouble());
        top = std::max(
            top, m_model->index(r, KpiHistoryModel::BookingsColumn).data(Qt::EditRole).toDouble());
    }
    m_count->setRange(0, std::ceil(top * 1.15));
    m_count->applyNiceNumbers();
    const qint64 first =
        qint64(m_model->index(0, KpiHistoryModel::TimeColumn).data(Qt::EditRole).toDouble());
    const qint64 last = qint64(m_model->index(m_model->rowCount() - 1, KpiHistoryModel::TimeColumn)
                                   .data(Qt::EditRole)
                                   .toDouble());
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
}

} // namespace Switchboard
