#include "common/manualclock.h"
#include "health/modulehistory.h"
#include "sim/simfleet.h"
#include "store/database.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

class TstModuleHistory : public QObject
{
    Q_OBJECT

    const QDateTime m_hour = QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);

private Q_SLOTS:
    void oneRowPerHourWithTheWorstStatus()
    {
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        ModuleHistory history(db);
        const QString billing = QStringLiteral("04_billing");
        QVERIFY(history.record(m_hour.addSecs(60), billing, ModuleStatus::Healthy, 20).ok());
        QVERIFY(history.record(m_hour.addSecs(900), billing, ModuleStatus::Down, -1).ok());
        QVERIFY(history.record(m_hour.addSecs(1800), billing, ModuleStatus::Healthy, 40).ok());
        QVERIFY(history.record(m_hour.addSecs(2700), billing, ModuleStatus::Degraded, 900).ok());
        QVERIFY(history.record(m_hour.addSecs(3660), billing, ModuleStatus::Healthy, 30).ok());
        // Another module's checks stay apart.
        QVERIFY(
            history
                .record(m_hour.addSecs(60), QStringLiteral("02_booking"), ModuleStatus::Healthy, 5)
                .ok());

        auto samples = history.samples(billing, m_hour.addSecs(2 * 3600), 1);
        QVERIFY(samples.ok());
        QCOMPARE(samples->size(), 2);
        const ModuleSample &first = samples->first();
        QCOMPARE(first.at, m_hour);
        QCOMPARE(first.status, ModuleStatus::Down);
        QCOMPARE(first.checks, 4);
        QCOMPARE(first.unanswered, 1);
        QCOMPARE(first.p50, 40); // nearest rank of 20, 40, 900
        QCOMPARE(first.p99, 900);
        QCOMPARE(samples->last().status, ModuleStatus::Healthy);
        QCOMPARE(samples->last().checks, 1);

        // The JSON form goes through the API and back in the console unchanged.
        QCOMPARE(ModuleHistory::fromJson(ModuleHistory::toJson(*samples)), *samples);
    }

    void carriesOnAfterARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.db"));
        const QString ocr = QStringLiteral("06_ocr");
        {
            Database db;
            QVERIFY(db.open(path).ok());
            ModuleHistory history(db);
            QVERIFY(history.record(m_hour.addSecs(60), ocr, ModuleStatus::Down, -1).ok());
            QVERIFY(history.record(m_hour.addSecs(120), ocr, ModuleStatus::Healthy, 12).ok());
        }
        Database db;
        QVERIFY(db.open(path).ok());
        ModuleHistory history(db);
        QVERIFY(history.record(m_hour.addSecs(180), ocr, ModuleStatus::Healthy, 14).ok());
        auto samples = history.samples(ocr, m_hour.addSecs(3600), 1);
        QVERIFY(samples.ok());
        QCOMPARE(samples->size(), 1);
        QCOMPARE(samples->first().checks, 3);
        QCOMPARE(samples->first().unanswered, 1);
        QCOMPARE(samples->first().status, ModuleStatus::Down);
    }

    void refusesBadRequests()
    {
        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        ModuleHistory history(db);
        auto unknown = history.samples(QStringLiteral("10_nothing"), m_hour, 1);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().field, QStringLiteral("module"));
        auto tooLong = history.samples(QStringLiteral("01_intake"), m_hour, 91);
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().field, QStringLiteral("days"));
        QVERIFY(!history.samples(QStringLiteral("01_intake"), m_hour, 0).ok());
    }

    void demoClinicPastIsAMonthOfHours()
    {
        ManualClock clock(m_hour.addSecs(1800));
        SimFleet fleet(clock, 7);
        fleet.setEventMix(SimFleet::clinicMix());
        fleet.setEventRate(200.0 / 3600);
        const auto kpis = fleet.pastKpis(30);
        QCOMPARE(kpis.size(), 30 * 24 - 1); // the hour now is still to come
        QVERIFY(kpis.first().first < kpis.last().first);
        QVERIFY(kpis.last().first < clock.now());
        for (const auto &[at, figures] : kpis) {
            QVERIFY(figures.value(QLatin1String("leads_24h")).toDouble() > 0);
            const double rate = figures.value(QLatin1String("show_rate")).toDouble();
            QVERIFY(rate > 0 && rate <= 1);
        }
        SimFleet again(clock, 7);
        again.setEventMix(SimFleet::clinicMix());
        again.setEventRate(200.0 / 3600);
        QCOMPARE(again.pastKpis(2), fleet.pastKpis(2)); // same seed, same past

        Database db;
        QVERIFY(db.open(QStringLiteral(":memory:")).ok());
        ModuleHistory history(db);
        QVERIFY(history.store(fleet.pastChecks(30)).ok());
        auto billing = history.samples(QStringLiteral("04_billing"), clock.now(), 30);
        QVERIFY(billing.ok());
        QCOMPARE(billing->size(), 30 * 24 - 1);
        int down = 0;
        for (const ModuleSample &s : *billing)
            down += s.status == ModuleStatus::Down ? 1 : 0;
        QCOMPARE(down, 2); // the outage three days ago
    }
};

QTEST_GUILESS_MAIN(TstModuleHistory)
#include "tst_modulehistory.moc"
