#include "alerts/alertbook.h"
#include "alerts/alertrules.h"
#include "alertsamples.h"
#include "common/manualclock.h"
#include "kpis/kpirules.h"
#include "notify/notificationoutbox.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

namespace {

// The notices the book put in the notification outbox.
struct Outbox
{
    Database &db;
    // "event title" of each, oldest first.
    QStringList all() const
    {
        QStringList out;
        auto q =
            db.exec(QStringLiteral("SELECT event, alert FROM notification_outbox ORDER BY id"));
        while (q && q->next())
            out << q->value(0).toString() + QLatin1Char(' ')
                    + QJsonDocument::fromJson(q->value(1).toByteArray())
                          .object()
                          .value(QLatin1String("title"))
                          .toString();
        return out;
    }
    qsizetype size() const { return all().size(); }
};

QStringList notices(const Outbox &outbox)
{
    return outbox.all();
}

} // namespace

// The alert book over a real database, with the injected clock moving time.
class TstAlertBook : public QObject
{
    Q_OBJECT

    struct Book
    {
        ManualClock clock {QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};
        Database db;
        std::unique_ptr<AlertBook> book;

        explicit Book(const QString &path = QStringLiteral(":memory:"))
        {
            if (!db.open(path))
                qFatal("database did not open");
            reopen();
        }
        void reopen()
        {
            book = std::make_unique<AlertBook>(db, clock);
            if (!book->load())
                qFatal("alert book did not load");
        }
        QJsonArray open() const { return book->alerts().value(); }
    };

private Q_SLOTS:
    void repeatsUpdateOneAlertAndItResolvesItselfWhenTheConditionClears()
    {
        Book b;
        Outbox notify {b.db};
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        QCOMPARE(b.open().size(), 1);
        QCOMPARE(notices(notify),
                 QStringList {QStringLiteral("trigger Module Down: Consult Booking")});

        for (int round = 0; round < 3; ++round) {
            b.clock.advance(60'000);
            b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        }
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))},
                        false); // not a new round
        const QJsonObject alert = b.open().at(0).toObject();
        QCOMPARE(b.open().size(), 1);
        QCOMPARE(alert.value(QLatin1String("count")).toInt(), 4);
        QCOMPARE(alert.value(QLatin1String("first_seen")).toString(),
                 QStringLiteral("2026-11-23T09:00:00.000Z"));
        QCOMPARE(alert.value(QLatin1String("last_seen")).toString(),
                 QStringLiteral("2026-11-23T09:03:00.000Z"));
        QCOMPARE(notify.size(), 1); // repeats page no one

        b.clock.advance(60'000);
        b.book->observe({}, true);
        QVERIFY(b.open().isEmpty());
        QCOMPARE(notices(notify).last(), QStringLiteral("resolve Module Down: Consult Booking"));
        const QJsonObject resolved =
            b.book->alert(alert.value(QLatin1String("id")).toInteger()).value();
        QCOMPARE(resolved.value(QLatin1String("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(resolved.value(QLatin1String("resolved_by")).toString(), QStringLiteral("system"));
        const QJsonArray history = resolved.value(QLatin1String("history")).toArray();
        QCOMPARE(history.first().toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("raised"));
        QCOMPARE(history.last().toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("cleared"));
        QCOMPARE(history.last().toObject().value(QLatin1String("note")).toString(),
                 QStringLiteral("Condition cleared"));

        // The same fault later is a new alert.
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        QVERIFY(b.open().at(0).toObject().value(QLatin1String("id")).toInteger()
                != alert.value(QLatin1String("id")).toInteger());
        QCOMPARE(b.book->alerts(QStringLiteral("resolved"))->size(), 1);
    }

    // A module down and up every 5 s for two minutes: after its third change the alert stays
    // open as one flapping alert with its count, instead of one page per flap, and resolves
    // once the module has been steady for the flap window.
    void aFlappingConditionIsOneAlertNotOnePagePerFlap()
    {
        Book b;
        Outbox notify {b.db};
        const StatusAlert down = AlertSamples::down(QStringLiteral("02_booking"));
        for (int i = 0; i < 24; ++i) {
            b.book->observe(i % 2 == 0 ? QList<StatusAlert> {down} : QList<StatusAlert> {}, true);
            b.clock.advance(5'000);
        }
        const QJsonArray all = b.book->alerts(QStringLiteral("all")).value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(notices(notify),
                 QStringList({QStringLiteral("trigger Module Down: Consult Booking"),
                              QStringLiteral("resolve Module Down: Consult Booking"),
                              QStringLiteral("trigger Module Down: Consult Booking")}));
        const QJsonObject flapping = b.open().at(0).toObject();
        QVERIFY(flapping.value(QLatin1String("flapping")).toBool());
        QVERIFY(flapping.value(QLatin1String("flaps")).toInt() >= 20);
        const qint64 id = flapping.value(QLatin1String("id")).toInteger();
        QStringList kinds;
        for (const QJsonValue &h : b.book->alert(id)->value(QLatin1String("history")).toArray())
            kinds << h.toObject().value(QLatin1String("kind")).toString();
        QVERIFY(kinds.contains(QStringLiteral("flapping")));

        // Steady (up) for the window: it resolves, once.
        for (int minute = 0; minute < 16 && !b.open().isEmpty(); ++minute) {
            b.clock.advance(60'000);
            b.book->observe({}, true);
        }
        QVERIFY(b.open().isEmpty());
        QCOMPARE(notices(notify).size(), 4);
        QCOMPARE(notices(notify).last(), QStringLiteral("resolve Module Down: Consult Booking"));
    }

    void aKpiAlertKeepsItsFingerprintWhileItsFigureMoves()
    {
        Book b;
        Outbox notify {b.db};
        b.book->observe({AlertSamples::leadsBelow(15)}, true);
        b.book->observe({AlertSamples::leadsBelow(17)}, true);
        QCOMPARE(b.open().size(), 1);
        QCOMPARE(b.open().at(0).toObject().value(QLatin1String("message")).toString(),
                 QStringLiteral("Lead volume (17) below threshold (100)"));
        QCOMPARE(b.open().at(0).toObject().value(QLatin1String("fingerprint")).toString(),
                 QStringLiteral("kpi_threshold:leads_24h"));
        QCOMPARE(notify.size(), 1);
    }

    void acknowledgeSnoozeAndResolveByHand()
    {
        Book b;
        Outbox notify {b.db};
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        const qint64 id = b.open().at(0).toObject().value(QLatin1String("id")).toInteger();

        auto acked = b.book->acknowledge(id, QStringLiteral("ana"), QStringLiteral("on it"));
        QVERIFY(acked);
        QCOMPARE(acked->value(QLatin1String("state")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(acked->value(QLatin1String("owner")).toString(), QStringLiteral("ana"));
        QCOMPARE(notices(notify).last(),
                 QStringLiteral("acknowledge Module Down: Consult Booking"));

        QVERIFY(!b.book->snooze(id, QStringLiteral("ana"), 0, {}));
        auto snoozed = b.book->snooze(id, QStringLiteral("ana"), 30, QStringLiteral("vendor call"));
        QVERIFY(snoozed);
        QCOMPARE(snoozed->value(QLatin1String("state")).toString(), QStringLiteral("snoozed"));
        QCOMPARE(b.book->alerts(QStringLiteral("snoozed"))->size(), 1);
        QCOMPARE(b.book->paging().value(QLatin1String("critical")).toInt(), 0);

        // When the snooze ends and the fault is still there, it pages again.
        b.clock.advance(29 * 60'000);
        b.book->tick();
        QCOMPARE(notify.size(), 2);
        b.clock.advance(60'000);
        b.book->tick();
        QCOMPARE(b.open().at(0).toObject().value(QLatin1String("state")).toString(),
                 QStringLiteral("firing"));
        QCOMPARE(notices(notify).last(), QStringLiteral("trigger Module Down: Consult Booking"));

        // While the fault is there, resolving by hand is refused: it would only come back at
        // the next check as a new alert. The alert and its id stay.
        QVERIFY(b.open().at(0).toObject().value(QLatin1String("condition_active")).toBool());
        auto early = b.book->resolve(id, QStringLiteral("ana"), QStringLiteral("restarted"));
        QVERIFY(!early);
        QCOMPARE(early.error().kind, ErrorKind::Conflict);
        QVERIFY(early.error().message.contains(QStringLiteral("still there")));
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        QCOMPARE(b.open().size(), 1);
        QCOMPARE(b.open().at(0).toObject().value(QLatin1String("id")).toInteger(), id);

        // After a restart nobody knows yet whether it is still there: it may be resolved.
        b.reopen();
        QVERIFY(!b.open().at(0).toObject().value(QLatin1String("condition_active")).toBool());
        auto resolved = b.book->resolve(id, QStringLiteral("ana"), QStringLiteral("restarted"));
        QVERIFY(resolved);
        QCOMPARE(resolved->value(QLatin1String("resolved_by")).toString(), QStringLiteral("ana"));
        QCOMPARE(notices(notify).last(), QStringLiteral("resolve Module Down: Consult Booking"));
        QVERIFY(!b.book->acknowledge(id, QStringLiteral("ana"), {})); // resolved is final
        QStringList kinds;
        for (const QJsonValue &h : resolved->value(QLatin1String("history")).toArray())
            kinds << h.toObject().value(QLatin1String("kind")).toString();
        QCOMPARE(kinds,
                 (QStringList {QStringLiteral("raised"), QStringLiteral("acknowledged"),
                               QStringLiteral("snoozed"), QStringLiteral("snooze_ended"),
                               QStringLiteral("resolved")}));
    }

    void aDownModuleInhibitsWhatDerivesFromIt()
    {
        Book b;
        Outbox notify {b.db};
        StatusAlert leads = AlertSamples::leadsBelow(3);
        b.book->observe({AlertSamples::down(QStringLiteral("01_intake")),
                         AlertSamples::criticalPath(QStringLiteral("01_intake")), leads},
                        true);
        QCOMPARE(b.open().size(), 3);
        QCOMPARE(notices(notify),
                 QStringList {QStringLiteral("trigger Module Down: Intake & Lead Capture")});
        for (const QJsonValue &v : b.open()) {
            const QJsonObject a = v.toObject();
            if (a.value(QLatin1String("rule")) != QLatin1String("module_down"))
                QCOMPARE(a.value(QLatin1String("inhibited_by")).toString(),
                         QStringLiteral("module_down:01_intake"));
        }
        QCOMPARE(b.book->paging().value(QLatin1String("critical")).toInt(), 1);

        // The module comes back but the leads are still low: now that one pages.
        b.book->observe({leads}, true);
        QCOMPARE(notices(notify).mid(1),
                 (QStringList {QStringLiteral("resolve Module Down: Intake & Lead Capture"),
                               QStringLiteral("trigger KPI Threshold Breached")}));
    }

    void silencesKeepTheRecordButNotifyNoOne()
    {
        Book b;
        Outbox notify {b.db};
        QVERIFY(!b.book->addSilence(
            {{QStringLiteral("starts_at"), QStringLiteral("2026-11-23T09:00:00Z")},
             {QStringLiteral("ends_at"), QStringLiteral("2026-11-23T10:00:00Z")}},
            QStringLiteral("ana"))); // neither module nor rule
        auto bad = b.book->addSilence({{QStringLiteral("module"), QStringLiteral("02_booking")},
                                       {QStringLiteral("starts_at"), QStringLiteral("soon")}},
                                      QStringLiteral("ana"));
        QCOMPARE(bad.error().field, QStringLiteral("starts_at"));
        auto once = b.book->addSilence(
            {{QStringLiteral("module"), QStringLiteral("02_booking")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-11-23T09:00:00Z")},
             {QStringLiteral("ends_at"), QStringLiteral("2026-11-23T10:00:00Z")},
             {QStringLiteral("comment"), QStringLiteral("Cal.com upgrade")}},
            QStringLiteral("ana"));
        if (!once)
            QFAIL(qPrintable(once.error().toString()));
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        QCOMPARE(b.open().size(), 1);
        QCOMPARE(b.open().at(0).toObject().value(QLatin1String("silenced")).toBool(), true);
        QCOMPARE(b.book->alerts(QStringLiteral("silenced"))->size(), 1);
        QCOMPARE(notify.size(), 0);

        // The window ends with the fault still there: it pages then.
        b.clock.set(QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC));
        b.book->tick();
        QCOMPARE(notices(notify),
                 QStringList {QStringLiteral("trigger Module Down: Consult Booking")});
        QCOMPARE(b.book->silences().at(0).toObject().value(QLatin1String("expired")).toBool(),
                 true);
    }

    void recurringSilencesFollowTheClinicsWeek()
    {
        Book b;
        b.book->setTimeZone(QTimeZone("America/New_York"));
        // Every Sunday night 22:00–02:00 local, for the backup job of module 07.
        auto weekly = b.book->addSilence(
            {{QStringLiteral("module"), QStringLiteral("07_analytics")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-11-01T00:00:00Z")},
             {QStringLiteral("recurrence"), QStringLiteral("weekly")},
             {QStringLiteral("weekdays"), QJsonArray {7}},
             {QStringLiteral("from"), QStringLiteral("22:00")},
             {QStringLiteral("minutes"), 240}},
            QStringLiteral("ana"));
        if (!weekly)
            QFAIL(qPrintable(weekly.error().toString()));
        auto s = Silence::fromJson(*weekly).value();
        const QTimeZone ny("America/New_York");
        const auto at = [&](int day, int hour) {
            return QDateTime(QDate(2026, 11, day), QTime(hour, 30), ny);
        };
        QVERIFY(s.activeAt(at(22, 23), ny)); // Sunday 23:30
        QVERIFY(s.activeAt(at(23, 1), ny)); // Monday 01:30, still Sunday's window
        QVERIFY(!s.activeAt(at(23, 2), ny)); // Monday 02:30
        QVERIFY(!s.activeAt(at(21, 23), ny)); // Saturday
        QVERIFY(!s.activeAt(QDateTime(QDate(2026, 10, 25), QTime(23, 0), ny), ny)); // before start

        QVERIFY(b.book->removeSilence(weekly->value(QLatin1String("id")).toInteger(),
                                      QStringLiteral("ana")));
        QVERIFY(b.book->silences().isEmpty());
    }

    void theBookSurvivesARestart()
    {
        QTemporaryDir dir;
        Book b(dir.filePath(QStringLiteral("alerts.db")));
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        const qint64 id = b.open().at(0).toObject().value(QLatin1String("id")).toInteger();
        QVERIFY(b.book->acknowledge(id, QStringLiteral("ana"), QStringLiteral("on it")));
        QVERIFY(b.book->addSilence(
            {{QStringLiteral("rule"), QStringLiteral("kpi_threshold")},
             {QStringLiteral("starts_at"), QStringLiteral("2026-11-23T00:00:00Z")},
             {QStringLiteral("ends_at"), QStringLiteral("2026-11-24T00:00:00Z")}},
            QStringLiteral("ana")));
        b.reopen();
        Outbox notify {b.db};
        const qsizetype before = notify.size(); // the trigger and the acknowledgement
        QCOMPARE(before, 2);
        b.book->observe(
            {AlertSamples::down(QStringLiteral("02_booking")), AlertSamples::leadsBelow(5)}, true);
        QCOMPARE(b.open().size(), 2);
        QCOMPARE(b.book->alert(id)->value(QLatin1String("state")).toString(),
                 QStringLiteral("acknowledged"));
        QCOMPARE(b.book->alert(id)->value(QLatin1String("count")).toInt(), 2);
        // Nothing new: acknowledged before, and the KPI rule is silenced.
        QCOMPARE(notify.size(), before);
        QCOMPARE(b.book->silences().size(), 1);
    }

    void deliveriesAreRecordedOnTheAlert()
    {
        Book b;
        b.book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        const qint64 id = b.open().at(0).toObject().value(QLatin1String("id")).toInteger();
        QVERIFY(!b.open().at(0).toObject().value(QLatin1String("notified")).toBool());
        NotificationOutbox outbox(b.db, b.clock);
        const auto waiting = outbox.waiting().value();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().event, QStringLiteral("trigger"));
        const qint64 d =
            outbox.dispatch(waiting.first(), {QStringLiteral("slack")}, {}).value().at(0);
        QVERIFY(d > 0);
        QVERIFY(outbox.waiting().value().isEmpty());
        b.book->markDelivered(id);
        QVERIFY(b.open().at(0).toObject().value(QLatin1String("notified")).toBool());
        b.book->updateDelivery(d, QStringLiteral("sent"), 2, 200, QString());
        const QJsonObject delivery =
            b.book->alert(id)->value(QLatin1String("deliveries")).toArray().at(0).toObject();
        QCOMPARE(delivery.value(QLatin1String("channel")).toString(), QStringLiteral("slack"));
        QCOMPARE(delivery.value(QLatin1String("status")).toString(), QStringLiteral("sent"));
        QCOMPARE(delivery.value(QLatin1String("attempts")).toInt(), 2);
        QVERIFY(!b.book->alerts(QStringLiteral("sleeping")));
    }
};

QTEST_GUILESS_MAIN(TstAlertBook)
#include "tst_alertbook.moc"
