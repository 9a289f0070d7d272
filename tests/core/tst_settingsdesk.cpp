#include "common/manualclock.h"
#include "config/coreconfig.h"
#include "recordingaudit.h"
#include "service/settingsdesk.h"
#include "store/database.h"
#include "store/datafolder.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

namespace {

using Recorder = TestSupport::RecordingAudit;

QJsonObject entry(const QJsonArray &list, const QString &name)
{
    for (const QJsonValue v : list) {
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TstSettingsDesk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock {QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC)};

private Q_SLOTS:
    void changesAreValidatedKeptAuditedAndSurviveARestart()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings.db"));
        const QMap<QString, QString> files {{QStringLiteral("ERROR_THRESHOLD"),
                                             QStringLiteral("/etc/switchboard/switchboard.env:7")}};
        CoreConfig config;
        {
            Database db;
            QVERIFY(db.open(path).ok());
            Recorder audit;
            SettingsDesk desk(db, m_clock, config, files);
            desk.setAudit(&audit);
            QVERIFY(desk.applyStored().ok());

            // A bad value is refused naming the variable, and nothing of the change is kept.
            auto bad = desk.change({{"SLOW_RESPONSE_MS", "2500"}, {"HEALTH_CHECK_RETRIES", "lots"}},
                                   QStringLiteral("ana"));
            QVERIFY(!bad.ok());
            QCOMPARE(bad.error().field, QStringLiteral("HEALTH_CHECK_RETRIES"));
            QVERIFY(bad.error().message.contains(QStringLiteral("whole number")));
            QCOMPARE(config.health.slowResponseMs, 3000);
            QVERIFY(audit.entries.isEmpty());

            // What a file sets is changed there, not here.
            auto locked = desk.change({{"ERROR_THRESHOLD", "9"}}, QStringLiteral("ana"));
            QVERIFY(!locked.ok());
            QCOMPARE(locked.error().kind, ErrorKind::Conflict);
            QVERIFY(locked.error().message.contains(QStringLiteral("switchboard.env:7")));
            // Settings outside the list cannot be changed at all.
            QVERIFY(!desk.change({{"DURABILITY", "process"}}, QStringLiteral("ana")).ok());

            // Good values: the live ones at once, the others at the next start.
            auto changed = desk.change({{"SLOW_RESPONSE_MS", "2500"},
                                        {"MODULE_02_TIMEOUT_S", "20"},
                                        {"KPI_THRESHOLDS_JSON", R"({"min_leads_24h":12})"},
                                        {"CIRCUIT_BREAKER_THRESHOLD", "8"}},
                                       QStringLiteral("ana"));
            QVERIFY2(changed.ok(), qPrintable(changed.ok() ? QString() : changed.error().message));
            QCOMPARE(changed->atRestart, QStringList {QStringLiteral("CIRCUIT_BREAKER_THRESHOLD")});
            QCOMPARE(config.health.slowResponseMs, 2500);
            QCOMPARE(config.module(QStringLiteral("02_booking"))->timeoutSeconds, 20);
            QCOMPARE(config.kpiThresholds.value(QStringLiteral("min_leads_24h")), 12.0);
            QCOMPARE(config.circuitBreaker.threshold, 5); // running with the old one still
            QCOMPARE(audit.entries.size(), 1);
            QCOMPARE(audit.entries.first().event, QStringLiteral("settings.changed"));
            QCOMPARE(audit.entries.first().actor, QStringLiteral("ana"));

            auto list = desk.list();
            QVERIFY(list.ok());
            const QJsonObject slow = entry(*list, QStringLiteral("SLOW_RESPONSE_MS"));
            QCOMPARE(slow.value(QLatin1String("value")).toString(), QStringLiteral("2500"));
            QCOMPARE(slow.value(QLatin1String("changed_by")).toString(), QStringLiteral("ana"));
            QCOMPARE(entry(*list, QStringLiteral("CIRCUIT_BREAKER_THRESHOLD"))
                         .value(QLatin1String("next_start"))
                         .toString(),
                     QStringLiteral("8"));
            QCOMPARE(entry(*list, QStringLiteral("ERROR_THRESHOLD"))
                         .value(QLatin1String("locked_by"))
                         .toString(),
                     files.value(QStringLiteral("ERROR_THRESHOLD")));

            // An audit log that cannot be written keeps the change from being stored.
            audit.failing = true;
            QVERIFY(!desk.change({{"SLOW_RESPONSE_MS", "1500"}}, QStringLiteral("ana")).ok());
            QCOMPARE(config.health.slowResponseMs, 2500);
        }
        // After a restart, everything stored applies; an empty value goes back to the file's.
        CoreConfig again;
        Database db;
        QVERIFY(db.open(path).ok());
        Recorder audit;
        SettingsDesk desk(db, m_clock, again, files);
        desk.setAudit(&audit);
        QVERIFY(desk.applyStored().ok());
        QCOMPARE(again.health.slowResponseMs, 2500);
        QCOMPARE(again.circuitBreaker.threshold, 8);
        QVERIFY(desk.change({{"SLOW_RESPONSE_MS", ""}}, QStringLiteral("ana")).ok());
        QCOMPARE(again.health.slowResponseMs, 3000);
        QVERIFY(!entry(*desk.list(), QStringLiteral("SLOW_RESPONSE_MS"))
                     .contains(QLatin1String("changed_by")));
    }

    void aBackupIsRestoredAtTheNextStartAndTheReplacedDatabaseKept()
    {
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(DataFolder::prepare(data).ok());
        const QString path = data + QStringLiteral("/switchboard.db");
        QString backup;
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.run(QStringLiteral("INSERT INTO console_settings VALUES ('BRAND_NAME', "
                                          "'Before', 1, 'ana')"))
                        .ok());
            auto made = DataFolder::backupNow(db, data, QStringLiteral("switchboard"));
            QVERIFY(made.ok());
            backup = *made;
            QVERIFY(DataFolder::backups(data, QStringLiteral("switchboard")).contains(backup));
            QVERIFY(db.run(QStringLiteral("UPDATE console_settings SET value = 'After'")).ok());
        }
        // Only a database is restored.
        QFile junk(m_dir.filePath(QStringLiteral("junk.db")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a database");
        junk.close();
        QVERIFY(!DataFolder::scheduleRestore(path, junk.fileName()).ok());
        QVERIFY(DataFolder::pendingRestore(path).isEmpty());

        QVERIFY(DataFolder::scheduleRestore(path, backup).ok());
        QCOMPARE(DataFolder::pendingRestore(path), backup);
        auto restored = DataFolder::restorePending(path, data, QStringLiteral("switchboard"));
        QVERIFY(restored.ok());
        QCOMPARE(*restored, backup);
        QVERIFY(DataFolder::pendingRestore(path).isEmpty());
        Database db;
        QVERIFY(db.open(path).ok());
        auto q = db.exec(QStringLiteral("SELECT value FROM console_settings"));
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("Before"));
        // The database it replaced is among the backups, to go back to.
        bool kept = false;
        for (const QString &b : DataFolder::backups(data, QStringLiteral("switchboard")))
            kept = kept || b.contains(QStringLiteral("before-restore"));
        QVERIFY(kept);
        // Nothing scheduled: nothing happens.
        QCOMPARE(*DataFolder::restorePending(path, data, QStringLiteral("switchboard")), QString());
    }
};

QTEST_GUILESS_MAIN(TstSettingsDesk)
#include "tst_settingsdesk.moc"
