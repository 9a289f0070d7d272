#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

using namespace TestSupport;

// switchboard-sim and switchboard-core as real processes, talking over loopback.
class TstCoreSim : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sim;
    QProcess m_core;
    quint16 m_base = 0;
    quint16 m_api = 0;
    const QByteArray m_token = "integration-token-0123456789";

    // Waits for a line of the process's output that contains marker and returns it.

    static QString systemHealth(const QJsonObject &doc)
    {
        return doc.value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("system_health"))
            .toString();
    }

    static QString moduleStatus(const QJsonObject &doc, const char *moduleId)
    {
        return doc.value(QLatin1String("modules"))
            .toObject()
            .value(QLatin1String(moduleId))
            .toObject()
            .value(QLatin1String("status"))
            .toString();
    }

    // The alerts of a status document, for failure messages.
    static QByteArray alertsOf(const QJsonObject &doc)
    {
        return QJsonDocument(doc.value(QLatin1String("alerts")).toArray())
            .toJson(QJsonDocument::Compact);
    }

    QString envFile(quint16 base) const
    {
        return QStringLiteral(
                   "BRAND_NAME=\"Integration Clinic\"\nHEALTH_CHECK_TIMEOUT_MS=\"1500\"\n"
                   "HEALTH_CHECK_RETRY_DELAY_MS=100\n")
            + simEndpointsEnv(base);
    }

    QJsonObject control(const QByteArray &body)
    {
        const HttpResult r =
            post(QStringLiteral("http://127.0.0.1:%1/webhook/manager/control").arg(m_api), body,
                 {{"Authorization", "Bearer " + m_token}});
        return r.status == 200 ? r.json() : QJsonObject {{QStringLiteral("http_status"), r.status}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = startSimProcess(m_sim, QStringLiteral("5"));
        QVERIFY2(m_base, "switchboard-sim did not start");

        QFile env(m_dir.filePath(QStringLiteral("clinic.env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write(envFile(m_base).toUtf8());
        env.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
        m_core.setProcessEnvironment(environment);
        m_core.start(binary("switchboard-core"),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--env-file"), env.fileName(), QStringLiteral("--data"),
                      m_dir.filePath(QStringLiteral("data"))});
        const QString listening = waitForLine(m_core, QStringLiteral("listening on"));
        QVERIFY2(!listening.isEmpty(),
                 qPrintable(QString::fromUtf8(m_core.readAllStandardError())));
        m_api = quint16(listening.section(QLatin1Char(':'), -1).toUInt());
        QVERIFY(m_api);
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_core, &m_sim}) {
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
        }
    }

    void allHealthyAtStart()
    {
        const QJsonObject doc = control(R"({"action":"test"})");
        QCOMPARE(systemHealth(doc), QStringLiteral("HEALTHY"));
        QCOMPARE(doc.value(QLatin1String("env_ok")).toBool(), true);
        QCOMPARE(doc.value(QLatin1String("modules")).toObject().size(), 9);
        QVERIFY2(doc.value(QLatin1String("alerts")).toArray().isEmpty(), alertsOf(doc).constData());
    }

    void bookingDownIsSeenWithinOneCheckAndRecovers()
    {
        const HttpResult fault = post(QStringLiteral("http://127.0.0.1:%1/faults").arg(m_base),
                                      R"({"module":"02_booking","mode":"down"})");
        QCOMPARE(fault.status, 200);
        QJsonObject doc = control(R"({"action":"test"})");
        QCOMPARE(moduleStatus(doc, "02_booking"), QStringLiteral("down"));
        QCOMPARE(systemHealth(doc), QStringLiteral("CRITICAL"));
        const QJsonArray alerts = doc.value(QLatin1String("alerts")).toArray();
        QVERIFY(!alerts.isEmpty());
        QCOMPARE(alerts.at(0).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("Module Down: Consult Booking"));
        QCOMPARE(alerts.at(0).toObject().value(QLatin1String("severity")).toString(),
                 QStringLiteral("critical"));

        // The plain status document shows the same without running a check.
        const HttpResult status =
            get(QStringLiteral("http://127.0.0.1:%1/api/v1/status").arg(m_api),
                {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(moduleStatus(status.json(), "02_booking"), QStringLiteral("down"));

        QCOMPARE(post(QStringLiteral("http://127.0.0.1:%1/faults").arg(m_base),
                      R"({"module":"02_booking","mode":"none"})")
                     .status,
                 200);
        doc = control(R"({"action":"test"})");
        QCOMPARE(moduleStatus(doc, "02_booking"), QStringLiteral("healthy"));
        QCOMPARE(systemHealth(doc), QStringLiteral("HEALTHY"));
        QVERIFY2(doc.value(QLatin1String("alerts")).toArray().isEmpty(), alertsOf(doc).constData());
    }

    void kpiThresholdBreach()
    {
        // The specification's "Test 3": an unrealistically high threshold gives one warning.
        QFile env(m_dir.filePath(QStringLiteral("kpi.env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write(envFile(m_base).toUtf8() + "KPI_THRESHOLDS_JSON='{\"min_leads_24h\":100}'\n");
        env.close();
        QProcess core;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
        core.setProcessEnvironment(environment);
        core.start(binary("switchboard-core"),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--env-file"), env.fileName(), QStringLiteral("--data"),
                    m_dir.filePath(QStringLiteral("kpi-data"))});
        const QString listening = waitForLine(core, QStringLiteral("listening on"));
        QVERIFY(!listening.isEmpty());
        const quint16 port = quint16(listening.section(QLatin1Char(':'), -1).toUInt());
        const QJsonObject doc =
            post(QStringLiteral("http://127.0.0.1:%1/webhook/manager/control").arg(port),
                 R"({"action":"test"})", {{"Authorization", "Bearer " + m_token}})
                .json();
        const QJsonObject kpis = doc.value(QLatin1String("kpis")).toObject();
        for (const char *key :
             {"leads_24h", "bookings_24h", "revenue_24h_usd", "nps_avg_30d", "errors_24h"})
            QVERIFY2(kpis.contains(QLatin1String(key)), key);
        const QJsonArray alerts = doc.value(QLatin1String("alerts")).toArray();
        QVERIFY2(alerts.size() == 1, QJsonDocument(doc).toJson().constData());
        const QJsonObject alert = alerts.first().toObject();
        QCOMPARE(alert.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(alert.value(QLatin1String("title")).toString(),
                 QStringLiteral("KPI Threshold Breached"));
        QCOMPARE(alert.value(QLatin1String("message")).toString(),
                 QStringLiteral("Lead volume (%1) below threshold (100)")
                     .arg(kpis.value(QLatin1String("leads_24h")).toInt()));
        QCOMPARE(systemHealth(doc), QStringLiteral("DEGRADED"));
        core.terminate();
        core.waitForFinished(5000);
    }

    void badConfigurationStopsTheCoreWithTheVariableNamed()
    {
        QFile env(m_dir.filePath(QStringLiteral("bad.env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("ERROR_THRESHOLD=\"lots\"\n");
        env.close();
        QProcess bad;
        bad.start(binary("switchboard-core"),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--env-file"), env.fileName(), QStringLiteral("--data"),
                   m_dir.filePath(QStringLiteral("bad-data"))});
        QVERIFY(bad.waitForFinished(10000));
        QVERIFY(bad.exitCode() != 0);
        const QString err = QString::fromUtf8(bad.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("ERROR_THRESHOLD"))
                     && err.contains(QStringLiteral("whole number")),
                 qPrintable(err));
    }

    void firstStartWritesAnAdminTokenFile()
    {
        QProcess core;
        core.setProcessEnvironment([] {
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.remove(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"));
            return e;
        }());
        const QString data = m_dir.filePath(QStringLiteral("token-data"));
        core.start(binary("switchboard-core"),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--data"), data});
        const QString line = waitForLine(core, QStringLiteral("admin token"));
        QVERIFY2(line.contains(data), qPrintable(line));
        const QFileInfo token(data + QStringLiteral("/admin.token"));
        QVERIFY(token.exists());
        QCOMPARE(token.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        core.terminate();
        core.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TstCoreSim)
#include "tst_core_sim.moc"
