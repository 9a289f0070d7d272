#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <functional>

class QTimer;

namespace Switchboard {

class Clock;
class KpiHistory;
class S3Uploader;
struct CoreConfig;

// The dashboard report (DashboardReport) filled with the clinic as it is now, published where
// DASHBOARD_STORAGE says, on demand or on REPORT_CRON's schedule: into a folder, or to an S3
// bucket as dashboard_<date>_<time>.html with a pre-signed link that works for
// SIGNED_URL_TTL_SECONDS (the status document's links.dashboard_html).
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
    // The object's name: dashboard_<date>_<time>.html, in the clinic's time.
    QString fileName() const;
    using Published = std::function<void(Result<QString>)>;
    // Uploads the report to S3 (DASHBOARD_STORAGE=s3) and answers with its pre-signed link.
    // Asked while an upload is under way, it answers with that upload's result.
    void upload(Published done);
    // The last uploaded report's link while it still works; empty otherwise.
    QString link() const;
    // Whether the link was made within the last seconds.
    bool linkFresh(int seconds) const;
    // The last upload's error; empty after a good one.
    QString lastError() const { return m_lastError; }
    // At every time REPORT_CRON names, after refresh has brought the figures up to date (it
    // calls its argument when done): writes into dir (when given) and uploads to S3 (when
    // DASHBOARD_STORAGE=s3). Does nothing without a valid cron.
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
    S3Uploader *m_uploader;
    QString m_link;
    QDateTime m_linkAt;
    QDateTime m_linkExpires;
    QString m_lastError;
    QList<Published> m_uploading; // who waits for the upload under way
};

} // namespace Switchboard
