#include "workflow/cronschedule.h"

#include <QTest>

using namespace Switchboard;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QString nextIn(const char *cron, const char *after, const char *zone)
{
    auto s = CronSchedule::parse(QString::fromLatin1(cron));
    if (!s)
        return QStringLiteral("refused: ") + s.error().message;
    const QTimeZone tz(zone);
    const QDateTime n = s->next(utc(after), tz);
    return n.isValid() ? n.toTimeZone(tz).toString(Qt::ISODate) : QStringLiteral("never");
}

} // namespace

class TstCronSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextRun_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected"); // in UTC
        QTest::newRow("daily at 07:00") << "0 7 * * *"
                                        << "2026-03-02T08:00:00Z"
                                        << "2026-03-03T07:00:00Z";
        QTest::newRow("every 15 minutes") << "*/15 * * * *"
                                          << "2026-03-02T08:01:00Z"
                                          << "2026-03-02T08:15:00Z";
        QTest::newRow("month and day names") << "30 9 * jun-aug mon,fri"
                                             << "2026-05-31T12:00:00Z"
                                             << "2026-06-01T09:30:00Z";
        QTest::newRow("upper-case names") << "0 0 1 JAN *"
                                          << "2026-05-31T12:00:00Z"
                                          << "2027-01-01T00:00:00Z";
        QTest::newRow("@daily") << "@daily"
                                << "2026-03-02T08:00:00Z"
                                << "2026-03-03T00:00:00Z";
        QTest::newRow("@hourly") << "@hourly"
                                 << "2026-03-02T08:00:00Z"
                                 << "2026-03-02T09:00:00Z";
        QTest::newRow("@weekly is Sunday") << "@weekly"
                                           << "2026-03-02T08:00:00Z"
                                           << "2026-03-08T00:00:00Z";
        QTest::newRow("@monthly") << "@monthly"
                                  << "2026-03-02T08:00:00Z"
                                  << "2026-04-01T00:00:00Z";
        QTest::newRow("@yearly") << "@yearly"
                                 << "2026-03-02T08:00:00Z"
                                 << "2027-01-01T00:00:00Z";
        QTest::newRow("29 February, four years on") << "0 0 29 2 *"
                                                    << "2097-03-01T00:00:00Z"
                                                    << "2104-02-29T00:00:00Z";
        QTest::newRow("day OR weekday") << "0 0 13 * fri"
                                        << "2026-03-01T00:00:00Z"
                                        << "2026-03-06T00:00:00Z";
    }
    void nextRun()
    {
        QFETCH(QString, cron);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        auto s = CronSchedule::parse(cron);
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().message));
        QCOMPARE(s->next(utc(after.toLatin1().constData()), QTimeZone::utc()).toString(Qt::ISODate),
                 expected);
    }

    void refusesWhatCanNeverRun_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("field");
        QTest::newRow("30 February") << "0 0 30 2 *"
                                     << "cron";
        QTest::newRow("31 April and June") << "0 0 31 4,6 *"
                                           << "cron";
        QTest::newRow("minute 60") << "60 * * * *"
                                   << "minute";
        QTest::newRow("unknown month name") << "0 0 1 foo *"
                                            << "month";
        QTest::newRow("day names in the month field") << "0 0 1 mon *"
                                                      << "month";
        QTest::newRow("four fields") << "0 7 * *"
                                     << "cron";
        QTest::newRow("unknown shorthand") << "@sometimes"
                                           << "cron";
        QTest::newRow("zero step") << "*/0 * * * *"
                                   << "minute";
    }
    void refusesWhatCanNeverRun()
    {
        QFETCH(QString, cron);
        QFETCH(QString, field);
        auto s = CronSchedule::parse(cron);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
    }

    void aSkippedTimeRunsOnceAfterTheGap()
    {
        // New York springs forward on 8 March 2026: 02:00 EST becomes 03:00 EDT.
        QCOMPARE(nextIn("30 2 * * *", "2026-03-08T05:00:00Z", "America/New_York"),
                 QStringLiteral("2026-03-08T03:00:00-04:00"));
        // ...and only once: the next run is the next day's 02:30.
        QCOMPARE(nextIn("30 2 * * *", "2026-03-08T07:00:00Z", "America/New_York"),
                 QStringLiteral("2026-03-09T02:30:00-04:00"));
        // Every quarter-hour of the skipped hour collapses into one run at 03:00.
        QCOMPARE(nextIn("*/15 2 * * *", "2026-03-08T06:59:00Z", "America/New_York"),
                 QStringLiteral("2026-03-08T03:00:00-04:00"));
        QCOMPARE(nextIn("*/15 2 * * *", "2026-03-08T07:00:00Z", "America/New_York"),
                 QStringLiteral("2026-03-09T02:00:00-04:00"));
    }

    void aRepeatedTimeRunsOnceAtItsFirstOccurrence()
    {
        // New York falls back on 1 November 2026: 01:00–02:00 happens twice.
        QCOMPARE(nextIn("30 1 * * *", "2026-11-01T04:00:00Z", "America/New_York"),
                 QStringLiteral("2026-11-01T01:30:00-04:00")); // EDT, the first 01:30
        // After the first 01:30 (05:30 UTC) the next run is the next day's, not the EST 01:30.
        QCOMPARE(nextIn("30 1 * * *", "2026-11-01T05:30:00Z", "America/New_York"),
                 QStringLiteral("2026-11-02T01:30:00-05:00"));
        // An hourly job runs at the first 01:00 and then at 02:00 EST: the repeated hour once.
        QCOMPARE(nextIn("0 * * * *", "2026-11-01T05:00:00Z", "America/New_York"),
                 QStringLiteral("2026-11-01T02:00:00-05:00"));
    }

    void anOrdinaryDayInTheClinicZone()
    {
        QCOMPARE(nextIn("0 7 * * *", "2026-07-01T12:00:00Z", "America/New_York"),
                 QStringLiteral("2026-07-02T07:00:00-04:00"));
        QCOMPARE(nextIn("0 7 * * *", "2026-12-01T12:00:00Z", "America/New_York"),
                 QStringLiteral("2026-12-02T07:00:00-05:00"));
    }
};

QTEST_GUILESS_MAIN(TstCronSchedule)
#include "tst_cronschedule.moc"
