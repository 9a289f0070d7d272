#include "report/reportpublisher.h"

#include "common/clock.h"
#include "common/logging.h"
#include "config/coreconfig.h"
#include "kpis/kpihistory.h"
#include "report/dashboardreport.h"
#include "workflow/cronschedule.h"

#include <QDir>
#include <QSaveFile>
#include <QTimer>

namespace Switchboard {

ReportPublisher::ReportPublisher(const CoreConfig &config, const Clock &clock,
                                 std::function<QJsonObject()> status, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_status(std::move(status))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A refresh first, so that the report shows the clinic as it is at report time.
        m_refresh([this] {
            if (auto written = write(m_dir); !written)
                qCWarning(lcService) << "the scheduled report failed:" << written.error().message;
            armNext();
        });
    });
}

QString ReportPublisher::html(bool translated) const
{
    QJsonObject trends;
    if (m_history) {
        for (const QString &name : {QStringLiteral("leads_24h"), QStringLiteral("bookings_24h")}) {
            if (auto week = m_history->compare(name, m_clock.now(), 7))
                trends.insert(name, KpiHistory::toJson(week->samples));
        }
    }
    return DashboardReport::html(m_status(), m_config.brandName, m_config.anonymizeDashboard,
                                 trends, translated);
}

Result<QString> ReportPublisher::write(const QString &dir) const
{
    const QString name =
        QStringLiteral("dashboard_%1.html")
            .arg(m_clock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd_HH-mm")));
    const QString path = QDir(dir).filePath(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write(html().toUtf8());
    if (!file.commit())
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    qCInfo(lcService).noquote() << "dashboard report written to" << path;
    return path;
}

void ReportPublisher::schedule(const QString &dir,
                               std::function<void(std::function<void()>)> refresh)
{
    m_dir = dir;
    m_refresh = std::move(refresh);
    armNext();
}

void ReportPublisher::armNext()
{
    auto cron = CronSchedule::parse(m_config.reportCron);
    if (!cron)
        return;
    const QTimeZone zone = m_config.timezone.isEmpty() ? QTimeZone::systemTimeZone()
                                                       : QTimeZone(m_config.timezone.toUtf8());
    const QDateTime next = cron->next(m_clock.now(), zone);
    m_timer->start(int(std::clamp<qint64>(m_clock.now().msecsTo(next), 1000, 24LL * 3600 * 1000)));
}

} // namespace Switchboard
