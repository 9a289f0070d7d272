#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;

namespace Switchboard {

class PeriodPicker;
class TimeSeriesModel;
class TrendChart;

// The dashboard's trend chart: a key figure (or leads and bookings together) over the last
// 24 hours, 7 days or 30 days, from the readings the core keeps each hour, with the figure's
// target from KPI_THRESHOLDS_JSON as a dashed line. It asks for readings through
// historyRequested and is answered through setHistory.
class KpiTrendPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit KpiTrendPanel(QWidget *parent = nullptr);

    void setThresholds(const QJsonObject &thresholds);
    // Shows the figure (a key such as "show_rate"; leads and bookings share one chart).
    void showFigure(const QString &key);
    void setDays(int days);
    int days() const { return m_days; }
    QStringList figureKeys() const;
    // Asks again for the readings shown, at most once a minute unless forced; a panel out of
    // sight asks when it comes into view.
    void refresh(bool force = true);

    TimeSeriesModel *model() const { return m_model; }
    TrendChart *chart() const { return m_chart; }

public Q_SLOTS:
    void setHistory(const QString &name, int days, const QJsonArray &samples);

Q_SIGNALS:
    void historyRequested(const QString &name, int days);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void updateReferences();

    QComboBox *m_figure;
    PeriodPicker *m_range;
    TimeSeriesModel *m_model;
    TrendChart *m_chart;
    QLabel *m_empty;
    QJsonObject m_thresholds;
    int m_days = 1;
    QHash<QString, QJsonArray> m_answers; // of the current request
    QDateTime m_lastRequest;
};

} // namespace Switchboard
