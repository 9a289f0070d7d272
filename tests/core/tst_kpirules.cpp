#include "common/manualclock.h"
#include "kpis/eventkpis.h"
#include "kpis/kpihistory.h"
#include "kpis/kpirules.h"
#include "sim/simkpiledger.h"
#include "store/database.h"

#include <QJsonArray>
#include <QTemporaryDir>
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
    // Module 07 silent: one alert says so, and no threshold is judged on figures it lacks.
    void unavailableFiguresAreAnAlertNotABreach()
    {
        const QList<StatusAlert> alerts = KpiRules::evaluate(
            {{QStringLiteral("min_leads_24h"), 10}},
            {{QStringLiteral("unavailable"), true}, {QStringLiteral("leads_24h"), 2}});
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).rule, QStringLiteral("kpi_unavailable"));
        QCOMPARE(alerts.at(0).title.text(), QStringLiteral("KPI Data Unavailable"));
        QVERIFY(alerts.at(0).message.text().startsWith(
            QStringLiteral("Failed to fetch KPI data from Module 07 (Analytics")));
        // While module 07 is down it explains this one, which does not page on its own.
        QCOMPARE(alerts.at(0).derivedFrom, QStringList {QStringLiteral("07_analytics")});
    }

    void historyComparesAPeriodWithTheOneBefore()
    {
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        KpiHistory history(db);
        const QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 30), Qt::UTC);
        // 14 days of daily readings: 10 leads a day the week before, 20 a day this week.
        for (int day = 13; day >= 0; --day) {
            const QJsonObject kpis {{"leads_24h", day >= 7 ? 10 : 20},
                                    {"history", QJsonArray {}},
                                    {"note", "not a number"}};
            QVERIFY(history.record(now.addDays(-day), kpis).ok());
        }
        // A later reading in the same hour replaces the earlier one.
        QVERIFY(history.record(now.addSecs(60), {{"leads_24h", 27}}).ok());

        auto week = history.compare(QStringLiteral("leads_24h"), now.addSecs(120), 7);
        QVERIFY2(week.ok(), qPrintable(week.ok() ? QString() : week.error().message));
        QCOMPARE(week->samples.size(), 7);
        QCOMPARE(week->samples.last().value, 27.0);
        QCOMPARE(*week->previousAverage, 10.0);
        QCOMPARE(*week->average, (6 * 20.0 + 27) / 7);

        auto bookings = history.compare(QStringLiteral("bookings_24h"), now, 30);
        QVERIFY(bookings.ok());
        QVERIFY(bookings->samples.isEmpty());
        QVERIFY(!bookings->average && !bookings->previousAverage);

        auto unknown = history.compare(QStringLiteral("patient_names"), now, 7);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().field, QStringLiteral("name"));
        QVERIFY(!history.compare(QStringLiteral("leads_24h"), now, 0).ok());
    }

    void theSpecificationsBreach()
    {
        const auto alerts = KpiRules::evaluate({{QStringLiteral("min_leads_24h"), 100}}, m_kpis);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().title.text(), QStringLiteral("KPI Threshold Breached"));
        QCOMPARE(alerts.first().message.text(),
                 QStringLiteral("Lead volume (15) below threshold (100)"));
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
            messages << a.message.text();
        QVERIFY(messages.contains(QStringLiteral("NPS (8.5) below threshold (9)")));
        QVERIFY(messages.contains(QStringLiteral("Revenue (1200) above threshold (1000)")));
        QVERIFY(KpiRules::evaluate({{QStringLiteral("min_leads_24h"), 100}}, {})
                    .isEmpty()); // KPIs not read yet
    }

    void countsTheFiguresFromTheModulesEvents()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.db"));
        ManualClock clock(QDateTime(QDate(2026, 11, 22), QTime(8, 10), Qt::UTC));
        const auto event = [](const char *type, QJsonObject data = {}) {
            data.insert(QStringLiteral("patient_id"), QStringLiteral("pt-0001"));
            return QJsonObject {{"type", type}, {"data", data}};
        };
        {
            Database db;
            QVERIFY(db.open(path).ok());
            EventKpis counted(db, clock);
            QVERIFY(counted.load().ok());
            for (int i = 0; i < 4; ++i)
                counted.note(QStringLiteral("01_intake"), event("lead.captured"));
            counted.note(QStringLiteral("02_booking"), event("booking.created"));
            counted.note(QStringLiteral("02_booking"), event("booking.no_show"));
            counted.note(QStringLiteral("03_telehealth"), event("session.completed"));
            counted.note(QStringLiteral("03_telehealth"), event("session.completed"));
            counted.note(QStringLiteral("03_telehealth"), event("session.completed"));
            counted.note(QStringLiteral("04_billing"),
                         event("payment.succeeded", {{"amount_usd", 150.5}}));
            // Not counted: a malformed amount, a failed payment, a lead from the wrong module.
            counted.note(QStringLiteral("04_billing"),
                         event("payment.succeeded", {{"amount_usd", "lots"}}));
            counted.note(QStringLiteral("04_billing"),
                         event("payment.failed", {{"amount_usd", 90}}));
            counted.note(QStringLiteral("05_followup"), event("lead.captured"));
            const QJsonObject now = counted.figures();
            QCOMPARE(now.value("leads_24h").toDouble(), 4.0);
            QCOMPARE(now.value("bookings_24h").toDouble(), 1.0);
            QCOMPARE(now.value("revenue_24h_usd").toDouble(), 150.5);
            QCOMPARE(now.value("lead_to_booking_rate").toDouble(), 0.25);
            QCOMPARE(now.value("show_rate").toDouble(), 0.75);
            QVERIFY(counted.save().ok());
        }
        // After a restart, the day is still there; a day later, it has rolled out.
        Database db;
        QVERIFY(db.open(path).ok());
        clock.advance(3 * 3600 * 1000);
        EventKpis counted(db, clock);
        QVERIFY(counted.load().ok());
        counted.note(QStringLiteral("01_intake"), event("lead.captured"));
        QCOMPARE(counted.figures().value("leads_24h").toDouble(), 5.0);
        clock.advance(22 * 3600 * 1000);
        QCOMPARE(counted.figures().value("leads_24h").toDouble(), 1.0);
        QVERIFY(!counted.figures().contains("show_rate"));
        clock.advance(2 * 3600 * 1000); // the lead's hour is now more than a day ago
        QCOMPARE(counted.figures().value("leads_24h").toDouble(), 0.0);
        QVERIFY(!counted.figures().contains("lead_to_booking_rate"));
    }

    void conversionFollowsEachLeadAndAgreesWithModule07()
    {
        // The same feed, counted by the core and by the simulated module 07: both by
        // KpiDefinition's rules, so the dashboard reads the same whichever source it has.
        ManualClock clock(QDateTime(QDate(2026, 11, 22), QTime(8, 10), Qt::UTC));
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        EventKpis core(db, clock);
        QVERIFY(core.load().ok());
        SimKpiLedger analytics(clock, 3);
        const auto feed = [&](int number, const char *type, QJsonObject data = {}) {
            static const char *const ids[] = {"", "01_intake", "02_booking", "03_telehealth",
                                              "04_billing"};
            core.note(QLatin1String(ids[number]), QJsonObject {{"type", type}, {"data", data}});
            analytics.count(number, QLatin1String(type), data);
        };
        const auto patient = [](const char *id) {
            return QJsonObject {{"patient_id", id}};
        };
        // Ten leads from five patients; bookings from three of them and from two patients
        // who came back without a lead.
        for (const char *id : {"pt-1", "pt-2", "pt-3", "pt-4", "pt-5"}) {
            feed(1, "lead.captured", patient(id));
            feed(1, "lead.captured", patient(id));
        }
        clock.advance(2 * 3600 * 1000);
        for (const char *id : {"pt-1", "pt-1", "pt-1", "pt-2", "pt-3", "pt-8", "pt-9"})
            feed(2, "booking.created", patient(id));
        // More bookings than leads, yet conversion stays the share of leads that booked:
        // pt-1's third booking finds no open lead.
        const QJsonObject counted = core.figures();
        QCOMPARE(counted.value("leads_24h").toDouble(), 10.0);
        QCOMPARE(counted.value("bookings_24h").toDouble(), 7.0);
        QCOMPARE(counted.value("lead_to_booking_rate").toDouble(), 0.4);
        const QJsonObject reported = analytics.kpis();
        for (const char *key : {"leads_24h", "bookings_24h", "lead_to_booking_rate"})
            QCOMPARE(reported.value(QLatin1String(key)).toDouble(),
                     counted.value(QLatin1String(key)).toDouble());

        // A lead older than a day no longer counts, nor can it convert.
        clock.advance(23 * 3600 * 1000);
        feed(1, "lead.captured", patient("pt-6"));
        feed(2, "booking.created", patient("pt-4"));
        feed(2, "booking.created", patient("pt-6"));
        QCOMPARE(core.figures().value("leads_24h").toDouble(), 1.0);
        QCOMPARE(core.figures().value("lead_to_booking_rate").toDouble(), 1.0);
        QCOMPARE(analytics.kpis().value("lead_to_booking_rate").toDouble(), 1.0);

        // The open leads survive a restart of the core.
        feed(1, "lead.captured", patient("pt-7"));
        QVERIFY(core.save().ok());
        EventKpis restarted(db, clock);
        QVERIFY(restarted.load().ok());
        restarted.note(QStringLiteral("02_booking"),
                       QJsonObject {{"type", "booking.created"}, {"data", patient("pt-7")}});
        QCOMPARE(restarted.figures().value("lead_to_booking_rate").toDouble(), 1.0);
        QCOMPARE(restarted.figures().value("leads_24h").toDouble(), 2.0);
    }
};

QTEST_GUILESS_MAIN(TstKpiRules)
#include "tst_kpirules.moc"
