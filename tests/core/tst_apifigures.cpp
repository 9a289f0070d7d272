#include "apicoretest.h"
#include "common/clock.h"
#include "health/healthmonitor.h"
#include "kpis/kpidefinitions.h"
#include "kpis/kpihistory.h"
#include "service/coreservice.h"
#include "sim/simdemoclinic.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Switchboard;
using namespace TestSupport;

// The clinic's key figures, settings and report over HTTP, with the demo fleet behind it.
class TstApiFigures : public ApiCoreTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startDemoCore();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QVERIFY(m_core->apiPort() != 0);
    }

    void eachKeyFigureReadsTheSameEverywhere()
    {
        // Known events on the modules' feeds (the demo fleet sends none by itself here)...
        const QUrl analytics = m_core->config().module(QStringLiteral("07_analytics"))->endpoint;
        const QString control =
            QStringLiteral("http://127.0.0.1:%1/emit").arg(analytics.port() - 7);
        const auto emit = [&](const char *module, const char *type, QJsonObject data) {
            const QJsonObject body {{"module", module}, {"type", type}, {"data", data}};
            QCOMPARE(post(control, QJsonDocument(body).toJson()).status, 200);
        };
        for (const char *patient : {"pt-1001", "pt-1002", "pt-1003", "pt-1004"})
            emit("01_intake", "lead.captured", {{"patient_id", patient}});
        emit("02_booking", "booking.created", {{"patient_id", "pt-1002"}});
        emit("02_booking", "booking.no_show", {{"patient_id", "pt-1001"}});
        for (int i = 0; i < 3; ++i)
            emit("03_telehealth", "session.completed", {});
        emit("04_billing", "payment.succeeded", {{"amount_usd", 200}});
        // ...a round of checks reads them from module 07...
        const QJsonObject kpis =
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth())
                .json()
                .value(QLatin1String("kpis"))
                .toObject();
        const QMap<QString, double> expected {{QStringLiteral("leads_24h"), 4},
                                              {QStringLiteral("bookings_24h"), 1},
                                              {QStringLiteral("revenue_24h_usd"), 200},
                                              {QStringLiteral("lead_to_booking_rate"), 0.25},
                                              {QStringLiteral("show_rate"), 0.75}};
        const QString metrics =
            QString::fromUtf8(get(url(QStringLiteral("/metrics")), auth()).body);
        const QString report =
            QString::fromUtf8(get(url(QStringLiteral("/api/v1/report")), auth()).body);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            // ...and the status document, /metrics, the hour's reading and the report agree.
            QCOMPARE(kpis.value(it.key()).toDouble(), it.value());
            QVERIFY2(
                metrics.contains(QStringLiteral("switchboard_kpi_%1{source=\"07_analytics\"} %2")
                                     .arg(it.key())
                                     .arg(it.value())),
                qPrintable(it.key()));
            const QJsonArray samples =
                get(url(QStringLiteral("/api/v1/kpis/history?name=%1&days=1").arg(it.key())),
                    auth())
                    .json()
                    .value(QLatin1String("samples"))
                    .toArray();
            QVERIFY2(!samples.isEmpty(), qPrintable(it.key()));
            QCOMPARE(samples.last().toObject().value(QLatin1String("value")).toDouble(),
                     it.value());
            const QString shown = KpiDefinition::find(it.key())->text(
                it.value(), QLocale(QLocale::English, QLocale::UnitedStates));
            QVERIFY2(report.contains(QStringLiteral(">") + shown + QStringLiteral("<")),
                     qPrintable(it.key() + QStringLiteral(": ") + shown));
        }
        // Module 07 stops answering: the figures are unavailable, not yesterday's.
        const QString faults =
            QStringLiteral("http://127.0.0.1:%1/faults").arg(analytics.port() - 7);
        QCOMPARE(post(faults, R"({"module":"07_analytics","mode":"down"})").status, 200);
        const QJsonObject down =
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth())
                .json()
                .value(QLatin1String("kpis"))
                .toObject();
        QCOMPARE(post(faults, R"({"module":"07_analytics","mode":"none"})").status, 200);
        QVERIFY2(down.value(QLatin1String("unavailable")).toBool()
                     && !down.contains(QLatin1String("leads_24h")),
                 QJsonDocument(down).toJson().constData());
        QVERIFY(!QString::fromUtf8(get(url(QStringLiteral("/metrics")), auth()).body)
                     .contains(QLatin1String("switchboard_kpi_leads_24h")));
        QVERIFY(metrics.contains(QStringLiteral(
            "# HELP switchboard_kpi_lead_to_booking_rate leads of the window whose patient_id has "
            "a later booking.created divided by lead.captured events, last 24 hours")));
    }

    void settingsChangeOverHttpValidatedAppliedAndAudited()
    {
        const QString settings = url(QStringLiteral("/api/v1/settings"));
        const QList<QPair<QByteArray, QByteArray>> viewer {
            {"Authorization", "Bearer viewer-token-0123456789"}};
        const QList<QPair<QByteArray, QByteArray>> support {
            {"Authorization", "Bearer support-token-0123456789"}};
        QCOMPARE(get(settings, viewer).status, 403);
        const QJsonObject before = get(settings, auth()).json();
        QVERIFY(!before.value(QLatin1String("settings")).toArray().isEmpty());

        // Admins only; every value by the env file's rule, the variable named.
        QCOMPARE(
            request("PUT", settings, R"({"settings":{"SLOW_RESPONSE_MS":"2500"}})", support).status,
            403);
        const HttpResult bad =
            request("PUT", settings, R"({"settings":{"SLOW_RESPONSE_MS":"fast"}})", auth());
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.body.contains("SLOW_RESPONSE_MS"), bad.body.constData());
        QCOMPARE(
            request("PUT", settings, R"({"settings":{"DURABILITY":"process"}})", auth()).status,
            400);

        // A good one is in effect at once: the health checks judge by it.
        const HttpResult good =
            request("PUT", settings, R"({"settings":{"SLOW_RESPONSE_MS":"2500"}})", auth());
        QCOMPARE(good.status, 200);
        QCOMPARE(good.json().value(QLatin1String("applied")).toArray().first().toString(),
                 QStringLiteral("SLOW_RESPONSE_MS"));
        QCOMPARE(m_core->monitor()->config().health.slowResponseMs, 2500);
        QJsonObject slow;
        for (const QJsonValue v :
             get(settings, auth()).json().value(QLatin1String("settings")).toArray()) {
            if (v.toObject().value(QLatin1String("name")) == QLatin1String("SLOW_RESPONSE_MS"))
                slow = v.toObject();
        }
        QCOMPARE(slow.value(QLatin1String("value")).toString(), QStringLiteral("2500"));
        QVERIFY(!slow.value(QLatin1String("changed_by")).toString().isEmpty());
        QVERIFY(request("PUT", settings, R"({"settings":{"SLOW_RESPONSE_MS":""}})", auth()).status
                == 200);
        QCOMPARE(m_core->monitor()->config().health.slowResponseMs, 3000);

        // A backup now, listed with the others; a restore waits for the next start.
        QCOMPARE(post(url(QStringLiteral("/api/v1/backups")), "{}", support).status, 403);
        const HttpResult backup = post(url(QStringLiteral("/api/v1/backups")), "{}", auth());
        QCOMPARE(backup.status, 201);
        const QString path = backup.json().value(QLatin1String("path")).toString();
        QVERIFY(QFileInfo::exists(path));
        const QJsonObject data =
            get(settings, auth()).json().value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("backups"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("path")),
                 QJsonValue(path));
        const QString restore = url(QStringLiteral("/api/v1/backups/restore"));
        QCOMPARE(post(restore, R"({"backup":"/etc/passwd"})", auth()).status, 404);
        QCOMPARE(
            post(restore, QJsonDocument(QJsonObject {{"backup", path}}).toJson(), auth()).status,
            202);
        QCOMPARE(get(settings, auth())
                     .json()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("restore_at_next_start"))
                     .toString(),
                 path);
        QVERIFY(QFile::remove(m_data.filePath(QStringLiteral("demo.db.restore"))));
    }

    // People and access: an admin issues a token with a role, its holder works with it within
    // that role, and once revoked it is refused. Only a hash of it is ever stored, and issuing
    // and revoking are audited under the admin's name.
    void tokensIssuedUsedRevokedAndNeverStored()
    {
        const QString tokens = url(QStringLiteral("/api/v1/tokens"));
        const QList<QPair<QByteArray, QByteArray>> support {
            {"Authorization", "Bearer support-token-0123456789"}};
        QCOMPARE(get(tokens, support).status, 403);
        QCOMPARE(post(tokens, R"({"name":"Desk","role":"support"})", support).status, 403);
        QCOMPARE(post(tokens, R"({"name":"Desk","role":"owner"})", auth()).status, 400);
        QCOMPARE(post(tokens, R"({"name":"   ","role":"support"})", auth()).status, 400);

        const HttpResult issued =
            post(tokens, R"({"name":"Reception desk","role":"support"})", auth());
        QCOMPARE(issued.status, 201);
        const QByteArray token = issued.json().value(QLatin1String("token")).toString().toLatin1();
        QVERIFY(token.startsWith("sbt_") && token.size() > 40);
        const qint64 id = issued.json().value(QLatin1String("id")).toInteger();
        QCOMPARE(post(tokens, R"({"name":"reception desk","role":"viewer"})", auth()).status, 409);

        // Its holder works within the role: the review queue yes, the settings no.
        const QList<QPair<QByteArray, QByteArray>> desk {{"Authorization", "Bearer " + token}};
        QCOMPARE(get(url(QStringLiteral("/api/v1/tasks")), desk).status, 200);
        QCOMPARE(get(url(QStringLiteral("/api/v1/settings")), desk).status, 403);
        const HttpResult listed = get(tokens, auth());
        QCOMPARE(listed.status, 200);
        QVERIFY(!listed.body.contains(token));
        const QJsonObject entry =
            listed.json().value(QLatin1String("tokens")).toArray().first().toObject();
        QCOMPARE(entry.value(QLatin1String("name")).toString(), QStringLiteral("Reception desk"));
        QCOMPARE(entry.value(QLatin1String("role")).toString(), QStringLiteral("support"));
        QVERIFY(!entry.value(QLatin1String("last_used_at")).isNull());

        // Never on disk as it is: not in the database, not in its write-ahead log.
        for (const QString &name : QDir(m_data.path()).entryList(QDir::Files)) {
            QFile file(m_data.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token), qPrintable(name));
        }

        const QString one = tokens + QLatin1Char('/') + QString::number(id);
        QCOMPARE(request("DELETE", one, {}, support).status, 403);
        QCOMPARE(request("DELETE", one, {}, auth()).status, 204);
        QCOMPARE(get(url(QStringLiteral("/api/v1/tasks")), desk).status, 401);
        QCOMPARE(request("DELETE", one, {}, auth()).status, 404);
        const QJsonObject revoked =
            get(tokens, auth()).json().value(QLatin1String("tokens")).toArray().first().toObject();
        QVERIFY(!revoked.value(QLatin1String("revoked_at")).isNull());

        QStringList events;
        for (const QJsonValue e : get(url(QStringLiteral("/api/v1/audit?limit=1000")), auth())
                                      .json()
                                      .value(QLatin1String("entries"))
                                      .toArray())
            events << e[QLatin1String("event")].toString();
        QVERIFY(events.contains(QStringLiteral("token.issued")));
        QVERIFY(events.contains(QStringLiteral("token.revoked")));
    }

    // Seed 003's health endpoints, open without a token: the core's own state, each module's,
    // and how degraded the clinic is when a module on the patient journey is down.
    void healthEndpointsAsTheSeedShowsThem()
    {
        const QJsonObject health = get(url(QStringLiteral("/health"))).json();
        for (const char *key : {"status", "version", "uptime_seconds", "timestamp", "service_name"})
            QVERIFY2(health.contains(QLatin1String(key)), key);
        QCOMPARE(health.value(QLatin1String("service_name")).toString(),
                 QStringLiteral("switchboard-core"));
        const QJsonObject detailed = get(url(QStringLiteral("/health/detailed"))).json();
        const QJsonObject checks = detailed.value(QLatin1String("checks")).toObject();
        QCOMPARE(checks.value(QLatin1String("database")).toString(), QStringLiteral("healthy"));
        QVERIFY(checks.contains(QLatin1String("external_services")));
        QVERIFY(checks.contains(QLatin1String("memory")));

        // Booking goes down: it answers false, the journey is blocked, the core still works.
        const QUrl booking = m_core->config().module(QStringLiteral("02_booking"))->endpoint;
        const QString faults = QStringLiteral("http://127.0.0.1:%1/faults").arg(booking.port() - 2);
        QCOMPARE(post(faults, R"({"module":"02_booking","mode":"down"})").status, 200);
        QCOMPARE(
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth())
                .status,
            200);
        const HttpResult deps = get(url(QStringLiteral("/health/dependencies")));
        const HttpResult whole = get(url(QStringLiteral("/health/detailed")));
        QCOMPARE(post(faults, R"({"module":"02_booking","mode":"none"})").status, 200);
        QCOMPARE(deps.status, 200);
        const QJsonObject d = deps.json();
        QCOMPARE(d.value(QLatin1String("02_booking")), QJsonValue(false));
        QCOMPARE(d.value(QLatin1String("01_intake")), QJsonValue(true));
        QCOMPARE(d.value(QLatin1String("database")), QJsonValue(true));
        QCOMPARE(d.value(QLatin1String("overall_status")).toString(), QStringLiteral("critical"));
        QCOMPARE(d.value(QLatin1String("degradation_mode")).toString(), QStringLiteral("full"));
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.json().value(QLatin1String("status")).toString(),
                 QStringLiteral("degraded"));
        QCOMPARE(whole.json()
                     .value(QLatin1String("checks"))
                     .toObject()
                     .value(QLatin1String("external_services"))
                     .toString(),
                 QStringLiteral("unhealthy"));
        // The rest of the API still wants its token.
        QCOMPARE(get(url(QStringLiteral("/api/v1/status"))).status, 401);
    }

    void keyFigureHistoryOverHttp()
    {
        const QJsonObject doc =
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth())
                .json();
        const double leads = doc.value(QLatin1String("kpis"))
                                 .toObject()
                                 .value(QLatin1String("leads_24h"))
                                 .toDouble();
        // Module 07 answered this round: its figures are the ones shown.
        QCOMPARE(
            doc.value(QLatin1String("kpis")).toObject().value(QLatin1String("source")).toString(),
            QStringLiteral("07_analytics"));
        const HttpResult week =
            get(url(QStringLiteral("/api/v1/kpis/history?name=leads_24h&days=7")), auth());
        QCOMPARE(week.status, 200);
        const QJsonArray samples = week.json().value(QLatin1String("samples")).toArray();
        QVERIFY(!samples.isEmpty());
        QCOMPARE(samples.last().toObject().value(QLatin1String("value")).toDouble(), leads);
        QVERIFY(week.json().value(QLatin1String("previous_average")).isNull());

        // A sample from the week before reaches the dashboard's overview with the next KPIs.
        QVERIFY(m_core->kpiHistory()
                    ->record(m_clock.now().addDays(-10), {{QStringLiteral("leads_24h"), 4}})
                    .ok());
        QCOMPARE(
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth())
                .status,
            200);
        QCOMPARE(m_core->overview().kpiPreviousWeek.value(QLatin1String("leads_24h")).toDouble(),
                 4.0);
        QVERIFY(!m_core->overview().kpiPreviousWeek.contains(QLatin1String("bookings_24h")));

        const HttpResult unknown =
            get(url(QStringLiteral("/api/v1/kpis/history?name=patients")), auth());
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json().value(QLatin1String("field")).toString(), QStringLiteral("name"));
        const HttpResult badDays =
            get(url(QStringLiteral("/api/v1/kpis/history?name=leads_24h&days=week")), auth());
        QCOMPARE(badDays.status, 400);
        QCOMPARE(badDays.json().value(QLatin1String("field")).toString(), QStringLiteral("days"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/kpis/history?name=leads_24h"))).status, 401);
    }

    void reportHasNoPatientData()
    {
        // The demo fleet's events carry made-up patient names; none may reach the report.
        const HttpResult r = get(url(QStringLiteral("/api/v1/report")), auth());
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Module Status Grid"));
        for (const char *name : {"Maria Lopez", "James Carter", "Aisha Khan", "Tom Becker",
                                 "Lucia Fernandez", "Grace Okafor", "Daniel Novak", "Mei Tanaka"})
            QVERIFY2(!r.body.contains(name), name);
        QVERIFY(!r.body.contains("pt-"));
    }

    void writesTheReportIntoAFolder()
    {
        QTemporaryDir reports;
        auto written = m_core->writeReport(reports.path());
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        QFile file(*written);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QFileInfo(file).fileName().startsWith(QStringLiteral("dashboard_")));
        QVERIFY(file.readAll().contains("Key Performance Indicators"));
        QVERIFY(!m_core->writeReport(QStringLiteral("/nonexistent/folder")).ok());
    }
};

QTEST_GUILESS_MAIN(TstApiFigures)
#include "tst_apifigures.moc"
