#pragma once

#include "common/clock.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Switchboard {

// Reads the clinic's KPIs from module 07's KPI endpoint (leads_24h, bookings_24h,
// revenue_24h_usd, nps_avg_30d, show_rate, lead_to_booking_rate, history). Low rate: QNAM.
class KpiCollector final : public QObject
{
    Q_OBJECT

public:
    KpiCollector(const Clock &clock, QObject *parent = nullptr);

    void fetch(const QUrl &url, int timeoutMs);
    QJsonObject latest() const { return m_latest; }
    QDateTime fetchedAt() const { return m_fetchedAt; }

    // <07 endpoint>/kpis
    static QUrl urlFor(const QUrl &analyticsEndpoint);

Q_SIGNALS:
    void updated(const QJsonObject &kpis);
    void failed(const QString &error);

private:
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    QJsonObject m_latest;
    QDateTime m_fetchedAt;
};

} // namespace Switchboard
