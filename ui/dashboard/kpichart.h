#pragma once

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Switchboard {

class KpiHistoryModel;

// Leads and bookings per hour over the last day, from the KPI history model. Hovering a
// point shows its value.
class KpiChart final : public QChartView
{
    Q_OBJECT

public:
    KpiChart(KpiHistoryModel *model, QWidget *parent = nullptr);

private:
    void rescale();

    KpiHistoryModel *m_model;
    QLineSeries *m_leads;
    QLineSeries *m_bookings;
    QDateTimeAxis *m_time;
    QValueAxis *m_count;
};

} // namespace Switchboard
