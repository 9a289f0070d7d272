#include "kpis/kpirules.h"

#include <QTest>

using namespace Switchboard;

class TstKpiRules : public QObject
{
    Q_OBJECT

    const QJsonObject m_kpis {{"leads_24h", 15},
                              {"bookings_24h", 8},
                              {"revenue_24h_usd", 1200.0},
                              {"nps_avg_30d", 8.5},
                              {"lead_to_booking_rate", 0.533},
                              {"show_rate", 0.9}};

private Q_SLOTS:
    void theSpecificationsBreach()
    {
        const auto alerts = KpiRules::evaluate({{QStringLiteral("min_leads_24h"), 100}}, m_kpis);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().title, QStringLiteral("KPI Threshold Breached"));
        QCOMPARE(alerts.first().message, QStringLiteral("Lead volume (15) below threshold (100)"));
        QCOMPARE(alerts.first().severity, AlertSeverity::Warning);
        QCOMPARE(alerts.first().category, QStringLiteral("kpi"));
    }

    void thresholdsThatHoldRaiseNothing()
    {
        QVERIFY(KpiRules::evaluate({{QStringLiteral("min_leads_24h"), 10},
                                    {QStringLiteral("min_lead_to_booking_rate"), 0.4},
                                    {QStringLiteral("min_nps"), 8.0}},
                                   m_kpis)
                    .isEmpty());
    }

    void minimaMaximaAndUnknownKpis()
    {
        const auto alerts = KpiRules::evaluate({{QStringLiteral("min_nps"), 9.0},
                                                {QStringLiteral("max_revenue_24h_usd"), 1000},
                                                {QStringLiteral("min_satisfaction"), 5}},
                                               m_kpis);
        QCOMPARE(alerts.size(), 2); // nothing to compare satisfaction with
        QStringList messages;
        for (const StatusAlert &a : alerts)
            messages << a.message;
        QVERIFY(messages.contains(QStringLiteral("NPS (8.5) below threshold (9)")));
        QVERIFY(messages.contains(QStringLiteral("Revenue (1200) above threshold (1000)")));
        QVERIFY(KpiRules::evaluate({{QStringLiteral("min_leads_24h"), 100}}, {})
                    .isEmpty()); // KPIs not read yet
    }
};

QTEST_GUILESS_MAIN(TstKpiRules)
#include "tst_kpirules.moc"
