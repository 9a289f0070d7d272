#include "report/reportpublisher.h"

#include "common/clock.h"
#include "common/logging.h"
#include "config/coreconfig.h"
#include "kpis/kpihistory.h"
#include "report/dashboardreport.h"
#include "report/s3uploader.h"
#include "report/sigv4.h"
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
    , m_uploader(new S3Uploader(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A refresh first, so that the report shows the clinic as it is at report time.
        m_refresh([this] {
            if (!m_dir.isEmpty()) {
                if (auto written = write(m_dir); !written)
                    qCWarning(lcService)
                        << "the scheduled report failed:" << written.error().message;
            }
            if (m_config.publishing.toS3())
                upload([](const Result<QString> &) {});
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

QString ReportPublisher::fileName() const
{
    const QTimeZone zone = m_config.timezone.isEmpty() ? QTimeZone::systemTimeZone()
                                                       : QTimeZone(m_config.timezone.toUtf8());
    return QStringLiteral("dashboard_%1.html")
        .arg(m_clock.now().toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd_HH-mm")));
}

Result<QString> ReportPublisher::write(const QString &dir) const
{
    const QString path = QDir(dir).filePath(fileName());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write(html().toUtf8());
    if (!file.commit())
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    qCInfo(lcService).noquote() << "dashboard report written to" << path;
    return path;
}

void ReportPublisher::upload(Published done)
{
    const DashboardPublishing &target = m_config.publishing;
    if (!target.toS3())
        return done(makeError(QStringLiteral("the dashboard is kept in a folder "
                                             "(DASHBOARD_STORAGE=local), not uploaded"),
                              QStringLiteral("DASHBOARD_STORAGE")));
    m_uploading.append(std::move(done));
    if (m_uploading.size() > 1)
        return;
    const QString key = target.prefix + fileName();
    m_uploader->put(target, key, html().toUtf8(), QByteArrayLiteral("text/html; charset=utf-8"),
                    [this, target, key](Status st) {
                        Result<QString> result = QString();
                        if (!st) {
                            m_lastError = st.error().message;
                            qCWarning(lcService).noquote()
                                << "the dashboard was not published:" << m_lastError;
                            result = st.error();
                        } else {
                            const QDateTime now = m_clock.now();
                            m_link = SigV4::presign("GET", S3Uploader::objectUrl(target, key),
                                                    {target.accessKeyId, target.secretAccessKey},
                                                    {target.region, QStringLiteral("s3")}, now,
                                                    target.signedUrlTtlSeconds)
                                         .toString(QUrl::FullyEncoded);
                            m_linkAt = now;
                            m_linkExpires = now.addSecs(target.signedUrlTtlSeconds);
                            m_lastError.clear();
                            // The link is a credential for its lifetime: only the key is logged.
                            qCInfo(lcService).noquote() << "dashboard published to S3 as" << key;
                            result = m_link;
                        }
                        for (const Published &waiting : std::exchange(m_uploading, {}))
                            waiting(result);
                    });
}

QString ReportPublisher::link() const
{
    return m_linkExpires.isValid() && m_clock.now() < m_linkExpires ? m_link : QString();
}

bool ReportPublisher::linkFresh(int seconds) const
{
    return !link().isEmpty() && m_linkAt.secsTo(m_clock.now()) < seconds;
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
