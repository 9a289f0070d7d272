#include "alerts/alertrules.h"
#include "common/manualclock.h"
#include "status/statusdocument.h"

#include <QJsonArray>
#include <QTest>

using namespace Switchboard;

class TstAlertRules : public QObject
{
    Q_OBJECT

    static ModuleSnapshot snapshot(const QString &id, ModuleStatus status, HealthReason reason,
                                   qint64 value = 0, qint64 limit = 0)
    {
        ModuleSnapshot s;
        s.id = id;
        s.configured = true;
        s.assessment = {status, reason, value, limit};
        return s;
    }

    static QList<ModuleSnapshot> allHealthy()
    {
        QList<ModuleSnapshot> list;
        for (const char *id :
             {"01_intake", "02_booking", "03_telehealth", "04_billing", "05_followup", "06_ocr",
              "07_analytics", "08_messaging", "09_compliance"})
            list << snapshot(QString::fromLatin1(id), ModuleStatus::Healthy,
                             HealthReason::Responding);
        return list;
    }

    static CoreConfig configured()
    {
        CoreConfig c;
        c.useSimulatedFleet(8700);
        return c;
    }

private Q_SLOTS:
    void healthyClinicHasNoAlerts()
    {
        const auto alerts = AlertRules::evaluate(configured(), allHealthy());
        QVERIFY(alerts.isEmpty());
        QCOMPARE(AlertRules::systemHealth(alerts), SystemHealth::Healthy);
    }

    void bookingDownIsCriticalAndBlocksTheJourney()
    {
        auto modules = allHealthy();
        modules[1] =
            snapshot(QStringLiteral("02_booking"), ModuleStatus::Down, HealthReason::NoAnswer);
        const auto alerts = AlertRules::evaluate(configured(), modules);
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.at(0).title.text(), QStringLiteral("Module Down: Consult Booking"));
        QCOMPARE(alerts.at(0).message.text(),
                 QStringLiteral("Module not responding to health checks"));
        QCOMPARE(alerts.at(0).action.text(),
                 QStringLiteral("Investigate module logs and restart if necessary"));
        QCOMPARE(alerts.at(0).severity, AlertSeverity::Critical);
        QCOMPARE(alerts.at(1).title.text(), QStringLiteral("Module down in critical path"));
        QCOMPARE(alerts.at(1).message.text(), QStringLiteral("Impact: Patient journey blocked"));
        QCOMPARE(alerts.at(1).category, QStringLiteral("dependency"));
        QCOMPARE(AlertRules::systemHealth(alerts), SystemHealth::Critical);
    }

    void moduleOffTheJourneyHasNoDependencyAlert()
    {
        auto modules = allHealthy();
        modules[6] =
            snapshot(QStringLiteral("07_analytics"), ModuleStatus::Down, HealthReason::NoAnswer);
        const auto alerts = AlertRules::evaluate(configured(), modules);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().fingerprint(), QStringLiteral("module_down:07_analytics"));
    }

    void anOpenCircuitIsItsOwnAlertDerivedFromTheModule()
    {
        auto modules = allHealthy();
        modules[3] =
            snapshot(QStringLiteral("04_billing"), ModuleStatus::Down, HealthReason::CircuitOpen);
        modules[3].circuit = CircuitState::Open;
        const auto alerts = AlertRules::evaluate(configured(), modules);
        QStringList fingerprints;
        for (const StatusAlert &a : alerts)
            fingerprints << a.fingerprint();
        QCOMPARE(fingerprints,
                 (QStringList {QStringLiteral("module_down:04_billing"),
                               QStringLiteral("circuit_open:04_billing")}));
        QCOMPARE(alerts.at(1).title.text(), QStringLiteral("Circuit Open: Billing & Payments"));
        QCOMPARE(alerts.at(1).derivedFrom, QStringList {QStringLiteral("04_billing")});
    }

    void fingerprintsNameTheSubjectNotTheMessage()
    {
        CoreConfig missing;
        const auto config = AlertRules::evaluate(missing, allHealthy());
        QVERIFY(!config.isEmpty());
        QCOMPARE(config.first().fingerprint(),
                 QStringLiteral("missing_setting:MODULE_01_ENDPOINT"));
        const auto sla = AlertRules::reviewSla({{QStringLiteral("ocr-review"), 3}});
        QCOMPARE(sla.first().fingerprint(), QStringLiteral("review_sla:ocr-review"));
        QCOMPARE(AlertRules::reviewSla({{QStringLiteral("ocr-review"), 5}}).first().fingerprint(),
                 sla.first().fingerprint());
        const auto failing = AlertRules::notificationFailures(
            {{QStringLiteral("slack"), QStringLiteral("Slack"), QStringLiteral("HTTP 404")}});
        QCOMPARE(failing.first().title.text(), QStringLiteral("Notifications Failing: Slack"));
        QCOMPARE(failing.first().fingerprint(),
                 QStringLiteral("notification_failing:channel:slack"));
    }

    void degradedIsAWarning()
    {
        auto modules = allHealthy();
        modules[3] = snapshot(QStringLiteral("04_billing"), ModuleStatus::Degraded,
                              HealthReason::TooManyErrors, 6, 5);
        const auto alerts = AlertRules::evaluate(configured(), modules);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().title.text(),
                 QStringLiteral("Module Degraded: Billing & Payments"));
        QCOMPARE(alerts.first().message.text(),
                 QStringLiteral("6 errors in last 24 hours (threshold: 5)"));
        QCOMPARE(alerts.first().severity, AlertSeverity::Warning);
        QCOMPARE(AlertRules::systemHealth(alerts), SystemHealth::Degraded);
    }

    void missingSettingsRaiseConfigurationAlertsFirst()
    {
        CoreConfig config = configured();
        config.module(QStringLiteral("04_billing"))->endpoint.clear();
        auto modules = allHealthy();
        modules[7] = snapshot(QStringLiteral("08_messaging"), ModuleStatus::Degraded,
                              HealthReason::Slow, 4000, 3000);
        const auto alerts = AlertRules::evaluate(config, modules);
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.first().category, QStringLiteral("configuration"));
        QCOMPARE(alerts.first().title.text(),
                 QStringLiteral("Missing Required Environment Variable"));
        QVERIFY(alerts.first().message.text().startsWith(
            QStringLiteral("MODULE_04_ENDPOINT (required for Module 04")));
        QCOMPARE(AlertRules::systemHealth(alerts), SystemHealth::Critical);
    }

    void statusDocumentHasTheSpecificationsShape()
    {
        ManualClock clock;
        CoreConfig config = configured();
        config.module(QStringLiteral("06_ocr"))->enabled = false;
        auto modules = allHealthy();
        modules[1] =
            snapshot(QStringLiteral("02_booking"), ModuleStatus::Down, HealthReason::NoAnswer);
        modules[5] =
            snapshot(QStringLiteral("06_ocr"), ModuleStatus::Disabled, HealthReason::Disabled);
        modules[5].enabled = false;
        modules[0].responseMs = 245;
        StatusDocument::Inputs in;
        in.config = &config;
        in.modules = modules;
        in.alerts = AlertRules::evaluate(config, modules);
        in.timestamp = clock.now();
        in.traceId = StatusDocument::newTraceId(clock.now());
        in.executionMs = 12;
        in.controlAction = QStringLiteral("test");
        const QJsonObject doc = StatusDocument::build(in);
        QCOMPARE(doc.value(QLatin1String("success")).toBool(), true);
        QCOMPARE(doc.value(QLatin1String("env_ok")).toBool(), true);
        const QJsonObject mods = doc.value(QLatin1String("modules")).toObject();
        QCOMPARE(mods.size(), 9);
        QCOMPARE(mods.value(QLatin1String("02_booking"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("down"));
        QCOMPARE(mods.value(QLatin1String("06_ocr"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("disabled"));
        QCOMPARE(
            mods.value(QLatin1String("06_ocr")).toObject().value(QLatin1String("enabled")).toBool(),
            false);
        QCOMPARE(mods.value(QLatin1String("01_intake"))
                     .toObject()
                     .value(QLatin1String("response_time_ms"))
                     .toInt(),
                 245);
        QVERIFY(mods.value(QLatin1String("02_booking"))
                    .toObject()
                    .value(QLatin1String("response_time_ms"))
                    .isNull());
        QCOMPARE(mods.value(QLatin1String("01_intake"))
                     .toObject()
                     .value(QLatin1String("circuit"))
                     .toString(),
                 QStringLiteral("closed"));
        const QJsonArray alerts = doc.value(QLatin1String("alerts")).toArray();
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.at(0).toObject().value(QLatin1String("module")).toString(),
                 QStringLiteral("02_booking"));
        const QJsonObject meta = doc.value(QLatin1String("metadata")).toObject();
        QCOMPARE(meta.value(QLatin1String("trace_id")).toString(),
                 QStringLiteral("MANAGER-%1").arg(clock.nowMs()));
        QCOMPARE(meta.value(QLatin1String("execution_time_ms")).toInt(), 12);
        QCOMPARE(meta.value(QLatin1String("control_action")).toString(), QStringLiteral("test"));
        QCOMPARE(meta.value(QLatin1String("hipaa_mode")).toBool(), true);
        QCOMPARE(meta.value(QLatin1String("system_health")).toString(), QStringLiteral("CRITICAL"));
        QVERIFY(
            doc.value(QLatin1String("links")).toObject().contains(QLatin1String("audit_stream")));
    }
};

QTEST_GUILESS_MAIN(TstAlertRules)
#include "tst_alertrules.moc"
