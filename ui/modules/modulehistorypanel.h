#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace Switchboard {

class PeriodPicker;
class TimeSeriesModel;
class TrendChart;

// One module over time, from the readings the core keeps each hour: response-time percentiles
// (median, 95th, 99th) as a chart over 24 hours, 7 or 30 days, the hours it was down or
// degraded, how many checks went unanswered, and its most recent calls.
class ModuleHistoryPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ModuleHistoryPanel(QWidget *parent = nullptr);

    void setModule(const QString &moduleId);
    QString module() const { return m_module; }
    void setDays(int days);
    int days() const { return m_days; }
    void refresh();

    TimeSeriesModel *model() const { return m_model; }
    QStandardItemModel *calls() const { return m_calls; }
    QString summaryText() const;

public Q_SLOTS:
    // CoreService::moduleHistory's answer.
    void setHistory(const QString &moduleId, int days, const QJsonObject &history);

Q_SIGNALS:
    void historyRequested(const QString &moduleId, int days);
    // A call's execution was opened (Enter or a double click on its row).
    void executionOpened(const QString &executionId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString m_module;
    int m_days = 1;
    PeriodPicker *m_range;
    TimeSeriesModel *m_model;
    TrendChart *m_chart;
    QLabel *m_summary;
    QStandardItemModel *m_calls;
    QTableView *m_callsView;
};

} // namespace Switchboard
