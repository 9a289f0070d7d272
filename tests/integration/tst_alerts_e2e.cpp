#include "alertsamples.h"
#include "captureserver.h"
#include "smtpsink.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {

const QString SlackPath = QStringLiteral("/services/T0E2E/B0E2E/e2e-slack-secret");
const QString RoutingKey = QStringLiteral("E2EROUTINGKEY000000000000000000X");
const QString SmtpPassword = QStringLiteral("e2e-smtp-password-Q1");
const QString TwilioToken = QStringLiteral("e2e-twilio-token-Z9");
const QString TwilioSid = QStringLiteral("ACfedcba9876543210fedcba9876543210");
const QString GenieKey = QStringLiteral("e2e-opsgenie-key-K7");
const QByteArray Token = "alerts-e2e-token-0123456789";

} // namespace

// The specification's "Test 2: Simulate Module Failure" and "Test 3: KPI Threshold Breach",
// end to end: switchboard-sim and switchboard-core as processes, every notification channel
// aimed at a loopback receiver, secrets in a real keychain (scripts/test starts gnome-keyring).
class TstAlertsE2e : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    QProcess m_core;
    quint16 m_api = 0;
    CaptureServer m_slack;
    CaptureServer m_pagerDuty;
    CaptureServer m_webhook;
    CaptureServer m_twilio;
    CaptureServer m_genie;
    SmtpSink m_smtp;

    QString envFile(const QString &extra) const
    {
        QString text = QStringLiteral("BRAND_NAME=\"Your Clinic Name\"\n"
                                      "HEALTH_CHECK_TIMEOUT_MS=\"1500\"\n"
                                      "HEALTH_CHECK_RETRY_DELAY_MS=100\n"
                                      "NOTIFY_RETRY_DELAY_MS=100\n"
                                      "SLACK_WEBHOOK_URL=\"%1\"\n"
                                      // The seed's ALERT_EMAIL, sent through this server.
                                      "ALERT_EMAIL=\"admin@yourclinic.com\"\n"
                                      "SMTP_URL=\"smtp://127.0.0.1:%2\"\n"
                                      "SMTP_USERNAME=alerts\n"
                                      "SMTP_PASSWORD=\"%3\"\n"
                                      "SMTP_FROM=alerts@clinic.example\n"
                                      "OPSGENIE_API_KEY=\"%4\"\n"
                                      "OPSGENIE_API_URL=\"%5\"\n")
                           .arg(m_slack.url(SlackPath))
                           .arg(m_smtp.port())
                           .arg(SmtpPassword, GenieKey, m_genie.url(QString()));
        return text + simEndpointsEnv(m_sim.base()) + extra;
    }

    // Starts switchboard-core on the data folder with this env file; its whole log goes to
    // core.log, so the test can read it afterwards.
    bool startCore(const QString &env)
    {
        QFile file(m_dir.filePath(QStringLiteral("clinic.env")));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(env.toUtf8());
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(Token));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("switchboard.*=true"));
        m_core.setProcessEnvironment(environment);
        m_core.setProcessChannelMode(QProcess::MergedChannels);
        m_core.setStandardOutputFile(m_dir.filePath(QStringLiteral("core.log")), QIODevice::Append);
        m_core.start(binary("switchboard-core"),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--env-file"), file.fileName(), QStringLiteral("--data"),
                      m_dir.filePath(QStringLiteral("data"))});
        static const QRegularExpression listening(QStringLiteral("listening on [^\\n]*:(\\d+)"));
        m_api = 0;
        const bool up = QTest::qWaitFor(
            [&] {
                QFile log(m_dir.filePath(QStringLiteral("core.log")));
                if (!log.open(QIODevice::ReadOnly))
                    return false;
                const auto all = listening.globalMatch(QString::fromUtf8(log.readAll()));
                QRegularExpressionMatch last;
                int count = 0;
                for (auto it = all; it.hasNext();) {
                    last = it.next();
                    ++count;
                }
                if (count < m_starts + 1)
                    return false;
                m_api = quint16(last.captured(1).toUInt());
                return true;
            },
            15000);
        if (up)
            ++m_starts;
        return up && m_api;
    }
    int m_starts = 0;

    void stopCore()
    {
        m_core.terminate();
        if (!m_core.waitForFinished(5000))
            m_core.kill();
    }

    HttpResult api(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return request(method, QStringLiteral("http://127.0.0.1:%1%2").arg(m_api).arg(path),
                       body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                       {{"Authorization", "Bearer " + Token}});
    }

    QJsonObject runTest()
    {
        return api("POST", QStringLiteral("/api/v1/control"),
                   {{QStringLiteral("action"), QStringLiteral("test")}})
            .json();
    }

    QJsonArray openAlerts()
    {
        return api("GET", QStringLiteral("/api/v1/alerts?state=open"))
            .json()
            .value(QLatin1String("alerts"))
            .toArray();
    }

    // "channel:event" of the alert's deliveries once none is queued or retrying. The core
    // records each delivery before it answers the control request that caused it, so one the
    // channels should not have sent would be here too: no waiting to see that nothing comes.
    QStringList settled(qint64 alertId)
    {
        QStringList out;
        bool pending = true;
        (void)QTest::qWaitFor(
            [&] {
                out = AlertSamples::deliveryKeys(
                    api("GET", QStringLiteral("/api/v1/alerts/%1").arg(alertId))
                        .json()
                        .value(QLatin1String("deliveries"))
                        .toArray(),
                    &pending);
                return !pending;
            },
            15000);
        return out;
    }

    // Requests per receiver, for failure messages and counts.
    QList<int> counts() const
    {
        return {int(m_slack.requests.size()),   int(m_pagerDuty.requests.size()),
                int(m_webhook.requests.size()), int(m_smtp.mails.size()),
                int(m_twilio.requests.size()),  int(m_genie.requests.size())};
    }

    void putChannel(const QString &id, const QJsonObject &definition, const QString &secret)
    {
        QJsonObject body = definition;
        body.insert(QStringLiteral("secret"), secret);
        const HttpResult r = api("PUT", QStringLiteral("/api/v1/channels/") + id, body);
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY(!r.body.contains(secret.toUtf8()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), "switchboard-sim did not start");
        m_pagerDuty.okStatus = 202;
        m_twilio.okStatus = 201;

        // First start: the admin sets up the channels; SLACK_WEBHOOK_URL becomes "slack",
        // OPSGENIE_API_KEY "opsgenie" and ALERT_EMAIL "alert-email".
        QVERIFY2(startCore(envFile(QString())), "switchboard-core did not start");
        QTRY_VERIFY_WITH_TIMEOUT(api("GET", QStringLiteral("/api/v1/channels"))
                                         .json()
                                         .value(QLatin1String("channels"))
                                         .toArray()
                                         .size()
                                     == 3,
                                 15000);
        putChannel(QStringLiteral("oncall"),
                   {{QStringLiteral("type"), QStringLiteral("pagerduty")},
                    {QStringLiteral("name"), QStringLiteral("On-call PagerDuty")},
                    {QStringLiteral("severities"), QJsonArray {QStringLiteral("critical")}},
                    {QStringLiteral("settings"),
                     QJsonObject {
                         {QStringLiteral("url"), m_pagerDuty.url(QStringLiteral("/v2/enqueue"))}}}},
                   RoutingKey);
        putChannel(QStringLiteral("ops-hook"),
                   {{QStringLiteral("type"), QStringLiteral("webhook")}},
                   m_webhook.url(QStringLiteral("/incoming/ops")));
        putChannel(
            QStringLiteral("oncall-sms"),
            {{QStringLiteral("type"), QStringLiteral("sms")},
             {QStringLiteral("severities"), QJsonArray {QStringLiteral("critical")}},
             {QStringLiteral("settings"),
              QJsonObject {{QStringLiteral("api_url"), m_twilio.url(QString())},
                           {QStringLiteral("account_sid"), TwilioSid},
                           {QStringLiteral("from"), QStringLiteral("+15551234567")},
                           {QStringLiteral("to"), QJsonArray {QStringLiteral("+15559876543")}}}}},
            TwilioToken);
        const HttpResult tested = api("POST", QStringLiteral("/api/v1/channels/ops-hook/test"));
        QCOMPARE(tested.status, 200);
        QCOMPARE(m_webhook.requests.size(), 1);
        m_webhook.requests.clear();
        QVERIFY2(runTest().value(QLatin1String("alerts")).toArray().isEmpty(),
                 "the clinic is not healthy at start");
        stopCore();
        QCOMPARE(counts(), (QList<int> {0, 0, 0, 0, 0, 0}));
    }

    void cleanupTestCase() { stopCore(); }

    void kpiThresholdBreach()
    {
        // "Test 3": a threshold above today's leads; restarted with it, so the channels are
        // kept from the first start (settings in the store, secrets in the keychain).
        const int threshold = 40;
        for (int i = 0; i < 12; ++i) // a dozen leads today
            QCOMPARE(
                post(m_sim.control(QStringLiteral("/emit")), R"({"module":"01_intake"})").status,
                200);
        QVERIFY(startCore(envFile(
            QStringLiteral("KPI_THRESHOLDS_JSON='{\"min_leads_24h\":%1}'\n").arg(threshold))));
        const QJsonObject doc = runTest();
        const int leads =
            doc.value(QLatin1String("kpis")).toObject().value(QLatin1String("leads_24h")).toInt();
        QVERIFY2(leads >= 12 && leads < threshold, QByteArray::number(leads).constData());

        // One warning; Slack, the webhook and e-mail hear of it once; PagerDuty, OpsGenie and
        // SMS take critical alerts only.
        const qint64 kpiId = openAlerts().at(0).toObject().value(QLatin1String("id")).toInteger();
        const int seen = openAlerts().at(0).toObject().value(QLatin1String("count")).toInt();
        runTest(); // a repeat is counted and changes nothing for the channels
        QCOMPARE(
            settled(kpiId),
            (QStringList {QStringLiteral("alert-email:trigger"), QStringLiteral("ops-hook:trigger"),
                          QStringLiteral("slack:trigger")}));
        QCOMPARE(counts(), (QList<int> {1, 0, 1, 1, 0, 0}));
        const QString slackText =
            m_slack.requests.at(0).json().value(QLatin1String("text")).toString();
        const QString breach =
            QStringLiteral("KPI Threshold Breached: Lead volume (%1) below threshold (%2)")
                .arg(leads)
                .arg(threshold);
        QVERIFY2(slackText.contains(QStringLiteral("⚠️ Warning Alerts (1):\n• ") + breach),
                 qPrintable(slackText));
        QVERIFY(m_smtp.mails.at(0).data.contains(breach.toUtf8()));
        const QJsonArray open = openAlerts();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).toObject().value(QLatin1String("count")).toInt(), seen + 1);

        // Leads come in until the threshold is met: the alert resolves and says so.
        for (int i = leads; i < threshold; ++i)
            QCOMPARE(
                post(m_sim.control(QStringLiteral("/emit")), R"({"module":"01_intake"})").status,
                200);
        const QJsonObject after = runTest();
        QVERIFY2(
            after.value(QLatin1String("kpis")).toObject().value(QLatin1String("leads_24h")).toInt()
                >= threshold,
            QJsonDocument(after).toJson().constData());
        QCOMPARE(settled(kpiId).size(), 6); // and a resolve on each
        QVERIFY(openAlerts().isEmpty());
        QVERIFY(m_slack.requests.at(1)
                    .json()
                    .value(QLatin1String("text"))
                    .toString()
                    .startsWith(QStringLiteral(
                        "✅ Resolved: KPI Threshold Breached\nThe condition cleared")));
        QCOMPARE(m_webhook.requests.at(1).json().value(QLatin1String("event")).toString(),
                 QStringLiteral("resolve"));
        QCOMPARE(counts(), (QList<int> {2, 0, 2, 2, 0, 0}));
    }

    void moduleFailure()
    {
        // "Test 2": booking stops answering.
        for (CaptureServer *c : {&m_slack, &m_pagerDuty, &m_webhook, &m_twilio, &m_genie})
            c->requests.clear();
        m_smtp.mails.clear();
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"down"})")
                     .status,
                 200);
        const QJsonObject doc = runTest();
        QCOMPARE(doc.value(QLatin1String("modules"))
                     .toObject()
                     .value(QLatin1String("02_booking"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("down"));

        const QJsonArray open = openAlerts();
        QCOMPARE(open.size(), 2);
        qint64 downId = 0;
        qint64 pathId = 0;
        for (const QJsonValue &v : open) {
            const QJsonObject a = v.toObject();
            (a.value(QLatin1String("rule")) == QLatin1String("module_down") ? downId : pathId) =
                a.value(QLatin1String("id")).toInteger();
        }
        QVERIFY(downId && pathId);
        runTest();
        // One alert, one notification per channel: the critical-path alert is kept but
        // inhibited by the module being down.
        const QStringList triggers {
            QStringLiteral("alert-email:trigger"), QStringLiteral("oncall-sms:trigger"),
            QStringLiteral("oncall:trigger"),      QStringLiteral("ops-hook:trigger"),
            QStringLiteral("opsgenie:trigger"),    QStringLiteral("slack:trigger")};
        QCOMPARE(settled(downId), triggers);
        // The status document says someone was told, once a channel sent it.
        const QJsonObject told = api("GET", QStringLiteral("/api/v1/status"))
                                     .json()
                                     .value(QLatin1String("notifications"))
                                     .toObject();
        QVERIFY2(told.value(QLatin1String("sent")).toBool(),
                 QJsonDocument(told).toJson().constData());
        QCOMPARE(told.value(QLatin1String("alerts_notified")).toInt(), 1);
        QCOMPARE(told.value(QLatin1String("alerts_not_notified")).toInt(), 0);
        QCOMPARE(told.value(QLatin1String("channels")).toObject().size(), 6);
        QVERIFY(settled(pathId).isEmpty());
        QCOMPARE(api("GET", QStringLiteral("/api/v1/alerts/%1").arg(pathId))
                     .json()
                     .value(QLatin1String("inhibited_by"))
                     .toString(),
                 QStringLiteral("module_down:02_booking"));
        QCOMPARE(counts(), (QList<int> {1, 1, 1, 1, 1, 1}));
        QCOMPARE(m_genie.requests.at(0).header("Authorization"), "GenieKey " + GenieKey.toUtf8());
        QCOMPARE(m_genie.requests.at(0).json().value(QLatin1String("alias")).toString(),
                 QStringLiteral("module_down:02_booking"));
        QVERIFY(m_smtp.mails.at(0).data.contains("To: admin@yourclinic.com\r\n"));
        QCOMPARE(m_slack.requests.at(0).json().value(QLatin1String("text")).toString(),
                 QStringLiteral(
                     "🚨 System Alert: Your Clinic Name\n"
                     "System Health: CRITICAL\n"
                     "Total Alerts: 1 (1 critical, 0 warnings)\n"
                     "\n"
                     "🔴 Critical Alerts (1):\n"
                     "• Module Down: Consult Booking: Module not responding to health checks\n"
                     "\n"
                     "→ Investigate module logs and restart if necessary"));
        const QJsonObject trigger = m_pagerDuty.requests.at(0).json();
        QCOMPARE(trigger.value(QLatin1String("event_action")).toString(),
                 QStringLiteral("trigger"));
        QCOMPARE(trigger.value(QLatin1String("dedup_key")).toString(),
                 QStringLiteral("module_down:02_booking"));
        QCOMPARE(trigger.value(QLatin1String("routing_key")).toString(), RoutingKey);

        // Someone takes it: PagerDuty hears of the acknowledgement.
        const HttpResult acked =
            api("POST", QStringLiteral("/api/v1/alerts/%1/ack").arg(downId),
                {{QStringLiteral("note"), QStringLiteral("calling the vendor")}});
        QCOMPARE(acked.status, 200);
        QCOMPARE(acked.json().value(QLatin1String("owner")).toString(), QStringLiteral("admin"));
        QVERIFY(m_pagerDuty.waitFor(2));
        QCOMPARE(m_pagerDuty.requests.at(1).json().value(QLatin1String("event_action")).toString(),
                 QStringLiteral("acknowledge"));

        // Booking answers again: resolved, and every channel that sends resolves says so.
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"none"})")
                     .status,
                 200);
        QVERIFY(runTest().value(QLatin1String("alerts")).toArray().isEmpty());
        // The webhook, like PagerDuty, also heard of the acknowledgement; SMS sends no resolves.
        QStringList all = triggers
            + QStringList {
                QStringLiteral("alert-email:resolve"), QStringLiteral("oncall:acknowledge"),
                QStringLiteral("oncall:resolve"),      QStringLiteral("ops-hook:acknowledge"),
                QStringLiteral("ops-hook:resolve"),    QStringLiteral("opsgenie:acknowledge"),
                QStringLiteral("opsgenie:resolve"),    QStringLiteral("slack:resolve")};
        all.sort();
        QCOMPARE(settled(downId), all);
        QCOMPARE(counts(), (QList<int> {2, 3, 3, 2, 1, 3}));
        QVERIFY(m_genie.requests.at(2).path.endsWith(QLatin1String("/close")));
        QCOMPARE(m_webhook.requests.at(1).json().value(QLatin1String("event")).toString(),
                 QStringLiteral("acknowledge"));
        QCOMPARE(m_pagerDuty.requests.at(2).json(),
                 (QJsonObject {
                     {QStringLiteral("routing_key"), RoutingKey},
                     {QStringLiteral("event_action"), QStringLiteral("resolve")},
                     {QStringLiteral("dedup_key"), QStringLiteral("module_down:02_booking")}}));
        QVERIFY(openAlerts().isEmpty());

        // The record is kept: the alert with its history and the deliveries.
        const QJsonObject detail =
            api("GET", QStringLiteral("/api/v1/alerts/%1").arg(downId)).json();
        QCOMPARE(detail.value(QLatin1String("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(detail.value(QLatin1String("resolved_by")).toString(), QStringLiteral("system"));
        QSet<QString> channels;
        for (const QJsonValue &d : detail.value(QLatin1String("deliveries")).toArray()) {
            QCOMPARE(d.toObject().value(QLatin1String("status")).toString(),
                     QStringLiteral("sent"));
            channels.insert(d.toObject().value(QLatin1String("channel")).toString());
        }
        QCOMPARE(channels,
                 (QSet<QString> {QStringLiteral("slack"), QStringLiteral("oncall"),
                                 QStringLiteral("ops-hook"), QStringLiteral("alert-email"),
                                 QStringLiteral("oncall-sms"), QStringLiteral("opsgenie")}));
        QVERIFY(api("GET", QStringLiteral("/api/v1/alerts?state=resolved"))
                    .json()
                    .value(QLatin1String("alerts"))
                    .toArray()
                    .size()
                >= 3);
        QCOMPARE(api("GET", QStringLiteral("/api/v1/alerts?state=later")).status, 400);
    }

    void secretsAreOnlyInTheKeychain()
    {
        stopCore();
        QByteArray everything;
        QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("clinic.env")))
                continue; // the admin's own file, which held SLACK_WEBHOOK_URL
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            everything += f.readAll();
        }
        QVERIFY(everything.contains("switchboard.notify")); // the log is there, and verbose
        for (const QString &secret :
             {QStringLiteral("e2e-slack-secret"), RoutingKey, SmtpPassword, TwilioToken, GenieKey})
            QVERIFY2(!everything.contains(secret.toUtf8()), qPrintable(secret));
    }
};

QTEST_GUILESS_MAIN(TstAlertsE2e)
#include "tst_alerts_e2e.moc"
