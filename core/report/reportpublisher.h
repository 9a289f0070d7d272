#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

class QTimer;

namespace Switchboard {

class Clock;
class KpiHistory;
struct CoreConfig;

// The dashboard report (DashboardReport) filled with the clinic as it is now, written to a
// folder on demand or on REPORT_CRON's schedule.
class ReportPublisher final : public QObject
{
    Q_OBJECT

public:
    // status: the status document of now.
    ReportPublisher(const CoreConfig &config, const Clock &clock,
                    std::function<QJsonObject()> status, QObject *parent = nullptr);

    // Where the week's trends come from; without, the report has none.
    void setHistory(KpiHistory *history) { m_history = history; }

    // translated: in the running program's language (the console's export), else in English.
    QString html(bool translated = false) const;
    // Writes the report into dir as dashboard_<date>_<time>.html; returns its path.
    Result<QString> write(const QString &dir) const;
    // Writes into dir at every time REPORT_CRON names, after refresh has brought the figures
    // up to date (it calls its argument when done). Does nothing without a valid cron.
    void schedule(const QString &dir, std::function<void(std::function<void()>)> refresh);

private:
    void armNext();

    const CoreConfig &m_config;
    const Clock &m_clock;
    std::function<QJsonObject()> m_status;
    KpiHistory *m_history = nullptr;
    QString m_dir;
    std::function<void(std::function<void()>)> m_refresh;
    QTimer *m_timer;
};

} // namespace Switchboard
