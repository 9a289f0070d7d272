#pragma once

#include <QChartView>
#include <QList>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Switchboard {

class TimeSeriesModel;

// A line per series of a TimeSeriesModel over time, with optional reference lines (a
// threshold, a target) drawn dashed across the whole period. Hovering a point shows its time
// and value. The model feeds the series; the chart keeps no data of its own.
class TrendChart final : public QChartView
{
    Q_OBJECT

public:
    explicit TrendChart(TimeSeriesModel *model, QWidget *parent = nullptr);

    struct Reference
    {
        QString label; // "Minimum: 100"
        double value = 0;
        QColor color;
    };
    void setReferences(const QList<Reference> &references);
    // How a value reads in the tooltip ("%1 ms", a currency, a percentage…).
    void setValueFormatter(std::function<QString(double)> format);
    // printf-style format of the value axis' labels: "%d" for counts, "%.1f" for scores.
    void setLabelFormat(const QString &format);
    // What the values count, as the value axis's title: "US dollars", "%".
    void setUnit(const QString &unit);
    // Whole-day labels for periods of several days, hours otherwise.
    void setPeriodDays(int days);
    QList<QLineSeries *> series() const { return m_series; }
    QList<QLineSeries *> referenceSeries() const { return m_references; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuildSeries();
    void rescale();

    TimeSeriesModel *m_model;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
    QList<QLineSeries *> m_series;
    QList<QLineSeries *> m_references;
    QList<Reference> m_referenceValues;
    std::function<QString(double)> m_format;
    int m_days = 1;
};

} // namespace Switchboard
