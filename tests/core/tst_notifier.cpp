#include "alerts/alertbook.h"
#include "alertsamples.h"
#include "captureserver.h"
#include "common/clock.h"
#include "notify/notificationoutbox.h"
#include "notify/notifier.h"
#include "secrets/keychainsecretstore.h"
#include "smtpsink.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Switchboard;

namespace {

const QString SlackSecret = QStringLiteral("/services/T0SECRET/B0SECRET/slack-secret-1234");
const QString RoutingKey = QStringLiteral("R0UTINGKEYSECRET0000000000000000");
const QString SmtpPassword = QStringLiteral("smtp-pass-SECRET-77");
const QString TwilioToken = QStringLiteral("twilio-token-SECRET-99");
const QString TwilioSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString GenieKey = QStringLiteral("0psgenie-key-SECRET-4242");
const QString DashboardUrl =
    QStringLiteral("https://dashboards.example/manager-dashboard/dashboard_2026-12-03_07-00.html");

// The bullets under a heading such as "🔴 Critical Alerts (2):", up to the next blank line.
QStringList bulletsUnder(const QString &text, const QString &heading)
{
    QStringList out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = lines.indexOf(heading) + 1; i > 0 && i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(QStringLiteral("• ")))
            break;
        out << lines.at(i);
    }
    return out;
}

QStringList logged; // every message while the tests run, to prove no secret is in them

void keepLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    logged.append(message);
}

} // namespace

// The notification channels against loopback receivers, with their secrets in a real keychain
// (gnome-keyring, started by scripts/test).
class TstNotifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SystemClock m_clock;
    Database m_db;
    std::unique_ptr<AlertBook> m_book;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<Notifier> m_notifier;
    QString m_dashboardUrl;

    QJsonObject save(const QJsonObject &definition, const QString &secret)
    {
        std::optional<Result<QJsonObject>> saved;
        m_notifier->saveChannel(definition, secret, QStringLiteral("tester"),
                                [&](Result<QJsonObject> r) { saved = r; });
        if (!QTest::qWaitFor([&] { return saved.has_value(); }, 15000))
            return {{QStringLiteral("error"), QStringLiteral("no answer")}};
        if (!saved->ok())
            return {{QStringLiteral("error"), saved->error().toString()}};
        return saved->value();
    }

    Status remove(const QString &id)
    {
        std::optional<Status> done;
        m_notifier->removeChannel(id, QStringLiteral("tester"), [&](Status st) { done = st; });
        (void)QTest::qWaitFor([&] { return done.has_value(); }, 15000);
        return done.value_or(Status(makeError(QStringLiteral("no answer"))));
    }

    QJsonArray deliveriesOf(qint64 alertId)
    {
        return m_book->alert(alertId)->value(QLatin1String("deliveries")).toArray();
    }

    // "channel:event" of the alert's deliveries once none is queued or retrying. Deliveries are
    // recorded the moment the book asks for them, so one the channel should not have sent
    // would be here too: no need to wait and see whether a receiver stays quiet.
    QStringList settled(qint64 alertId)
    {
        QStringList out;
        bool pending = true;
        (void)QTest::qWaitFor(
            [&] {
                out = AlertSamples::deliveryKeys(deliveriesOf(alertId), &pending);
                return !pending;
            },
            15000);
        return out;
    }

    qint64 firstOpenId()
    {
        return m_book->alerts()->at(0).toObject().value(QLatin1String("id")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test");
        QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*=true"));
        qInstallMessageHandler(keepLog);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_notifier.reset();
        m_book.reset();
        m_db.close();
        QFile::remove(m_dir.filePath(QStringLiteral("alerts.db")));
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("alerts.db"))));
        m_book = std::make_unique<AlertBook>(m_db, m_clock);
        QVERIFY(m_book->load());
        m_secrets =
            std::make_unique<KeychainSecretStore>(QStringLiteral("switchboard-tst-notifier"));
        m_notifier = std::make_unique<Notifier>(m_db, *m_book, *m_secrets, m_clock);
        QVERIFY(m_notifier->load());
        QVERIFY(m_notifier->startSending());
        m_notifier->setContext(QStringLiteral("Your Clinic Name"), QStringLiteral("production-001"),
                               [] { return QStringLiteral("CRITICAL"); });
        m_notifier->setRetryPolicy(3, 50);
        m_dashboardUrl.clear();
        m_notifier->setDashboardUrl([this] { return m_dashboardUrl; });
    }

    void slackGetsTheSeedsMessageOnceAndKeepsToItsRateLimit()
    {
        CaptureServer slack;
        const QJsonObject saved =
            save({{QStringLiteral("id"), QStringLiteral("slack")},
                  {QStringLiteral("type"), QStringLiteral("slack")},
                  {QStringLiteral("name"), QStringLiteral("Front desk Slack")}},
                 slack.url(SlackSecret));
        QVERIFY2(!saved.contains(QLatin1String("error")),
                 qPrintable(saved.value(QLatin1String("error")).toString()));
        QVERIFY(!QJsonDocument(saved).toJson().contains("slack-secret"));

        m_book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking"))},
                        true); // a repeat pages no one
        QVERIFY(slack.waitFor(1));
        QCOMPARE(slack.requests.at(0).path, SlackSecret);
        QCOMPARE(slack.requests.at(0).header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(slack.requests.at(0).json().value(QLatin1String("text")).toString(),
                 QStringLiteral(
                     "🚨 System Alert: Your Clinic Name\n"
                     "System Health: CRITICAL\n"
                     "Total Alerts: 1 (1 critical, 0 warnings)\n"
                     "\n"
                     "🔴 Critical Alerts (1):\n"
                     "• Module Down: Consult Booking: Module not responding to health checks\n"
                     "\n"
                     "→ Investigate module logs and restart if necessary"));
        QTRY_COMPARE(
            deliveriesOf(firstOpenId()).at(0).toObject().value(QLatin1String("status")).toString(),
            QStringLiteral("sent"));

        // Three more at once: Slack takes about one a second, so they go out spaced.
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking")),
                         AlertSamples::degraded(QStringLiteral("04_billing")),
                         StatusAlert {AlertSeverity::Warning,
                                      QStringLiteral("dead_letters"),
                                      QStringLiteral("dead_letters"),
                                      QString(),
                                      Message::plain(QStringLiteral("Dead letters piling up")),
                                      Message::plain(QStringLiteral("12")),
                                      {},
                                      QStringLiteral("dead_letter_queue"),
                                      {}}},
                        true);
        QVERIFY(slack.waitFor(3, 15000));
        QCOMPARE(slack.requests.size(), 3);
        // Each message sums up everything open; its counts match the bullets under them.
        for (int i = 1; i < 3; ++i) {
            const QString text =
                slack.requests.at(i).json().value(QLatin1String("text")).toString();
            QVERIFY2(text.contains(QLatin1String("Total Alerts: 3 (1 critical, 2 warnings)")),
                     qPrintable(text));
            QCOMPARE(bulletsUnder(text, QStringLiteral("🔴 Critical Alerts (1):")).size(), 1);
            QCOMPARE(bulletsUnder(text, QStringLiteral("⚠️ Warning Alerts (2):")),
                     (QStringList {QStringLiteral("• Module Degraded: Billing & Payments: 6 "
                                                  "errors in last 24 hours (threshold: 5)"),
                                   QStringLiteral("• Dead letters piling up: 12")}));
        }
        for (int i = 1; i < slack.requests.size(); ++i)
            QVERIFY2(slack.requests.at(i).atMs - slack.requests.at(i - 1).atMs
                         >= 900, // the limiter spaces sends by 1 s; loopback adds ms
                     "Slack got two messages within a second");
        QVERIFY(remove(QStringLiteral("slack")));
    }

    // The seed's "Critical Alerts (2)" is followed by two bullets, in every message.
    void slackCountsMatchTheBulletsAndLinkTheDashboard()
    {
        CaptureServer slack;
        m_dashboardUrl = DashboardUrl;
        QVERIFY(!save({{QStringLiteral("id"), QStringLiteral("slack")},
                       {QStringLiteral("type"), QStringLiteral("slack")}},
                      slack.url(SlackSecret))
                     .contains(QLatin1String("error")));
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking")),
                         AlertSamples::down(QStringLiteral("04_billing"))},
                        true);
        QVERIFY(slack.waitFor(2, 15000));
        for (const CaptureServer::Captured &r : std::as_const(slack.requests)) {
            const QString text = r.json().value(QLatin1String("text")).toString();
            QVERIFY2(text.contains(QLatin1String("Total Alerts: 2 (2 critical, 0 warnings)")),
                     qPrintable(text));
            const QStringList listed = bulletsUnder(text, QStringLiteral("🔴 Critical Alerts (2):"));
            QCOMPARE(listed.size(), 2);
            QVERIFY(listed.join(QLatin1Char('\n')).contains(QLatin1String("Consult Booking")));
            QVERIFY(listed.join(QLatin1Char('\n')).contains(QLatin1String("Billing")));
            QVERIFY(!text.contains(QLatin1String("Warning Alerts")));
            QVERIFY(text.endsWith(QStringLiteral("\nDashboard: ") + DashboardUrl));
        }
        QVERIFY(remove(QStringLiteral("slack")));
    }

    void pagerDutyTriggersAcknowledgesAndResolvesUnderOneDedupKey()
    {
        CaptureServer pd;
        const QJsonObject saved =
            save({{QStringLiteral("id"), QStringLiteral("oncall")},
                  {QStringLiteral("type"), QStringLiteral("pagerduty")},
                  {QStringLiteral("settings"),
                   QJsonObject {{QStringLiteral("url"), pd.url(QStringLiteral("/v2/enqueue"))}}}},
                 RoutingKey);
        QVERIFY2(!saved.contains(QLatin1String("error")),
                 qPrintable(saved.value(QLatin1String("error")).toString()));
        QCOMPARE(saved.value(QLatin1String("severities")).toArray(),
                 QJsonArray {QStringLiteral("critical")}); // warnings stay off by default
        pd.okStatus = 202;
        m_dashboardUrl = DashboardUrl;
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking")),
                         AlertSamples::degraded(QStringLiteral("04_billing"))},
                        true); // the warning is not routed
        QVERIFY(pd.waitFor(1));
        const qint64 id = firstOpenId();
        QVERIFY(m_book->acknowledge(id, QStringLiteral("ana"), QStringLiteral("on it")));
        QVERIFY(pd.waitFor(2));
        m_book->observe({AlertSamples::degraded(QStringLiteral("04_billing"))}, true);
        QVERIFY(pd.waitFor(3));

        const QJsonObject trigger = pd.requests.at(0).json();
        QCOMPARE(pd.requests.at(0).path, QStringLiteral("/v2/enqueue"));
        QCOMPARE(trigger.value(QLatin1String("routing_key")).toString(), RoutingKey);
        QCOMPARE(trigger.value(QLatin1String("event_action")).toString(),
                 QStringLiteral("trigger"));
        QCOMPARE(trigger.value(QLatin1String("dedup_key")).toString(),
                 QStringLiteral("module_down:02_booking"));
        const QJsonObject payload = trigger.value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("summary")).toString(),
                 QStringLiteral("Your Clinic Name System Alert: 1 Critical Issues · Module Down: "
                                "Consult Booking: Module not responding to health checks"));
        QCOMPARE(payload.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(payload.value(QLatin1String("source")).toString(),
                 QStringLiteral("Switchboard Orchestration (production-001)"));
        const QJsonObject details = payload.value(QLatin1String("custom_details")).toObject();
        QCOMPARE(details.value(QLatin1String("system_health")).toString(),
                 QStringLiteral("CRITICAL"));
        QCOMPARE(details.value(QLatin1String("total_alerts")).toInt(), 2);
        QCOMPARE(details.value(QLatin1String("critical_count")).toInt(), 1);
        QCOMPARE(details.value(QLatin1String("dashboard_url")).toString(), DashboardUrl);
        QCOMPARE(trigger.value(QLatin1String("links")).toArray().at(0)["href"].toString(),
                 DashboardUrl);
        QCOMPARE(payload.value(QLatin1String("component")).toString(),
                 QStringLiteral("02_booking"));

        QCOMPARE(pd.requests.at(1).json(),
                 (QJsonObject {
                     {QStringLiteral("routing_key"), RoutingKey},
                     {QStringLiteral("event_action"), QStringLiteral("acknowledge")},
                     {QStringLiteral("dedup_key"), QStringLiteral("module_down:02_booking")}}));
        QCOMPARE(pd.requests.at(2).json(),
                 (QJsonObject {
                     {QStringLiteral("routing_key"), RoutingKey},
                     {QStringLiteral("event_action"), QStringLiteral("resolve")},
                     {QStringLiteral("dedup_key"), QStringLiteral("module_down:02_booking")}}));
        QCOMPARE(
            settled(id),
            (QStringList {QStringLiteral("oncall:acknowledge"), QStringLiteral("oncall:resolve"),
                          QStringLiteral("oncall:trigger")}));
        QVERIFY(settled(firstOpenId()).isEmpty()); // the warning
        QCOMPARE(pd.requests.size(), 3);
        QVERIFY(remove(QStringLiteral("oncall")));
    }

    void opsGenieCreatesAcknowledgesAndClosesByAlias()
    {
        CaptureServer genie;
        genie.okStatus = 202;
        const QJsonObject saved =
            save({{QStringLiteral("id"), QStringLiteral("genie")},
                  {QStringLiteral("type"), QStringLiteral("opsgenie")},
                  {QStringLiteral("settings"),
                   QJsonObject {{QStringLiteral("url"), genie.url(QString())}}}},
                 GenieKey);
        QVERIFY2(!saved.contains(QLatin1String("error")),
                 qPrintable(saved.value(QLatin1String("error")).toString()));
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking")),
                         AlertSamples::degraded(QStringLiteral("04_billing"))},
                        true); // the warning is not routed
        QVERIFY(genie.waitFor(1));
        const qint64 id = firstOpenId();
        QVERIFY(m_book->acknowledge(id, QStringLiteral("ana"), QStringLiteral("on it")));
        QVERIFY(genie.waitFor(2));
        m_book->observe({AlertSamples::degraded(QStringLiteral("04_billing"))}, true);
        QVERIFY(genie.waitFor(3));

        for (const CaptureServer::Captured &r : std::as_const(genie.requests))
            QCOMPARE(r.header("Authorization"), "GenieKey " + GenieKey.toUtf8());
        const CaptureServer::Captured &create = genie.requests.at(0);
        QCOMPARE(create.path, QStringLiteral("/v2/alerts"));
        const QJsonObject body = create.json();
        QCOMPARE(body.value(QLatin1String("alias")).toString(),
                 QStringLiteral("module_down:02_booking"));
        QCOMPARE(body.value(QLatin1String("message")).toString(),
                 QStringLiteral("Module Down: Consult Booking"));
        QCOMPARE(body.value(QLatin1String("priority")).toString(), QStringLiteral("P1"));
        QCOMPARE(body.value(QLatin1String("entity")).toString(), QStringLiteral("02_booking"));
        QCOMPARE(body.value(QLatin1String("details")).toObject()["total_alerts"].toString(),
                 QStringLiteral("2"));
        QVERIFY(body.value(QLatin1String("description"))
                    .toString()
                    .contains(QStringLiteral("🔴 Critical Alerts (1):")));
        // The alias travels percent-encoded in the path.
        QCOMPARE(QUrl::fromPercentEncoding(genie.requests.at(1).path.toUtf8()),
                 QStringLiteral("/v2/alerts/module_down:02_booking/acknowledge"));
        QCOMPARE(genie.requests.at(1).query, QStringLiteral("identifierType=alias"));
        QCOMPARE(genie.requests.at(1).json().value(QLatin1String("user")).toString(),
                 QStringLiteral("ana"));
        QCOMPARE(QUrl::fromPercentEncoding(genie.requests.at(2).path.toUtf8()),
                 QStringLiteral("/v2/alerts/module_down:02_booking/close"));
        QCOMPARE(settled(id),
                 (QStringList {QStringLiteral("genie:acknowledge"), QStringLiteral("genie:resolve"),
                               QStringLiteral("genie:trigger")}));
        QCOMPARE(genie.requests.size(), 3);
        QVERIFY(remove(QStringLiteral("genie")));
    }

    void aFailingReceiverIsRetriedWithBackoffAndARefusalIsNot()
    {
        CaptureServer hook;
        QVERIFY(!save({{QStringLiteral("id"), QStringLiteral("ops-hook")},
                       {QStringLiteral("type"), QStringLiteral("webhook")}},
                      hook.url(QStringLiteral("/alerts")))
                     .contains(QLatin1String("error")));
        hook.failNext({500, 503});
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        QVERIFY(hook.waitFor(3));
        const qint64 id = firstOpenId();
        QTRY_COMPARE(deliveriesOf(id).at(0).toObject().value(QLatin1String("status")).toString(),
                     QStringLiteral("sent"));
        QCOMPARE(deliveriesOf(id).at(0).toObject().value(QLatin1String("attempts")).toInt(), 3);
        QVERIFY(hook.requests.at(2).atMs - hook.requests.at(1).atMs
                >= hook.requests.at(1).atMs - hook.requests.at(0).atMs); // backing off
        const QJsonObject body = hook.requests.at(2).json();
        QCOMPARE(body.value(QLatin1String("event")).toString(), QStringLiteral("trigger"));
        QCOMPARE(body.value(QLatin1String("alert"))
                     .toObject()
                     .value(QLatin1String("fingerprint"))
                     .toString(),
                 QStringLiteral("module_down:02_booking"));
        QVERIFY(m_notifier->failing().isEmpty());

        // A 400 will not get better: one attempt, then the channel is failing.
        hook.failNext({400});
        m_book->observe({}, true); // the module answers again: the alert resolves itself
        QCOMPARE(m_book->alert(id)->value(QLatin1String("state")).toString(),
                 QStringLiteral("resolved"));
        QVERIFY(hook.waitFor(4));
        QTRY_COMPARE(m_notifier->failing().size(), 1);
        QCOMPARE(m_notifier->failing().at(0).error, QStringLiteral("HTTP 400: receiver trouble"));
        const QJsonObject resolveDelivery = deliveriesOf(id).at(1).toObject();
        QCOMPARE(resolveDelivery.value(QLatin1String("status")).toString(),
                 QStringLiteral("failed"));
        QCOMPARE(resolveDelivery.value(QLatin1String("attempts")).toInt(), 1);
        QCOMPARE(resolveDelivery.value(QLatin1String("http_status")).toInt(), 400);

        // Away for good: every attempt used, then failed.
        hook.closeAll();
        m_book->observe({AlertSamples::degraded(QStringLiteral("04_billing"))}, true);
        QTRY_COMPARE(
            deliveriesOf(firstOpenId()).at(0).toObject().value(QLatin1String("status")).toString(),
            QStringLiteral("failed"));
        QCOMPARE(
            deliveriesOf(firstOpenId()).at(0).toObject().value(QLatin1String("attempts")).toInt(),
            3);
        QCOMPARE(
            deliveriesOf(firstOpenId()).at(0).toObject().value(QLatin1String("error")).toString(),
            QStringLiteral("connection refused"));
        // A delivery that never got through told no one.
        QVERIFY(!m_book->alert(firstOpenId())->value(QLatin1String("notified")).toBool());
        QCOMPARE(m_notifier->summary().value(QLatin1String("sent")).toBool(), false);
        QVERIFY(remove(QStringLiteral("ops-hook")));
        QVERIFY(m_notifier->failing().isEmpty());
    }

    void emailGoesThroughARealSmtpConversation()
    {
        SmtpSink sink;
        const QJsonObject saved =
            save({{QStringLiteral("id"), QStringLiteral("manager-mail")},
                  {QStringLiteral("type"), QStringLiteral("email")},
                  {QStringLiteral("settings"),
                   QJsonObject {{QStringLiteral("smtp_url"),
                                 QStringLiteral("smtp://127.0.0.1:%1").arg(sink.port())},
                                {QStringLiteral("username"), QStringLiteral("alerts")},
                                {QStringLiteral("from"), QStringLiteral("alerts@clinic.example")},
                                {QStringLiteral("to"),
                                 QJsonArray {QStringLiteral("manager@clinic.example"),
                                             QStringLiteral("doctor@clinic.example")}}}}},
                 SmtpPassword);
        QVERIFY2(!saved.contains(QLatin1String("error")),
                 qPrintable(saved.value(QLatin1String("error")).toString()));
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        QVERIFY2(
            sink.waitFor(1),
            qPrintable(QJsonDocument(m_notifier->channels()).toJson() + sink.commands.join('|')));
        const SmtpSink::Mail &mail = sink.mails.at(0);
        QCOMPARE(mail.from, QByteArray("<alerts@clinic.example>"));
        QCOMPARE(mail.to,
                 (QList<QByteArray> {"<manager@clinic.example>", "<doctor@clinic.example>"}));
        QCOMPARE(mail.auth, QByteArray("\0alerts\0", 8) + SmtpPassword.toUtf8());
        QStringList verbs;
        for (const QByteArray &c : std::as_const(sink.commands))
            verbs << QString::fromLatin1(c.left(4));
        QCOMPARE(verbs.first(), QStringLiteral("EHLO"));
        QVERIFY(verbs.indexOf(QStringLiteral("AUTH")) < verbs.indexOf(QStringLiteral("MAIL")));
        QCOMPARE(verbs.count(QStringLiteral("RCPT")), 2);
        QVERIFY(verbs.indexOf(QStringLiteral("DATA")) > verbs.lastIndexOf(QStringLiteral("RCPT")));
        QVERIFY(
            mail.data.contains("\r\nSubject: [CRITICAL] Module Down: Consult Booking: Module not "
                               "responding to health checks (Your Clinic Name)\r\n"));
        QVERIFY(mail.data.contains("From: Switchboard <alerts@clinic.example>\r\n"));
        QVERIFY(mail.data.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(mail.data.contains("→ Investigate module logs and restart if necessary"));
        QTRY_COMPARE(
            deliveriesOf(firstOpenId()).at(0).toObject().value(QLatin1String("status")).toString(),
            QStringLiteral("sent"));

        // A server that refuses the recipients: failed at once, with its answer.
        sink.rejectRecipients = true;
        m_book->observe({}, true);
        QTRY_COMPARE(m_notifier->failing().size(), 1);
        QVERIFY2(m_notifier->failing().at(0).error.contains(QLatin1String("550")),
                 qPrintable(m_notifier->failing().at(0).error));
        QVERIFY(remove(QStringLiteral("manager-mail")));
    }

    void smsGoesToTwilioAsAFormWithBasicAuth()
    {
        CaptureServer twilio;
        twilio.okStatus = 201;
        const QJsonObject saved =
            save({{QStringLiteral("id"), QStringLiteral("oncall-sms")},
                  {QStringLiteral("type"), QStringLiteral("sms")},
                  {QStringLiteral("settings"),
                   QJsonObject {{QStringLiteral("api_url"), twilio.url(QString())},
                                {QStringLiteral("account_sid"), TwilioSid},
                                {QStringLiteral("from"), QStringLiteral("+15551234567")},
                                {QStringLiteral("to"),
                                 QJsonArray {QStringLiteral("+15559876543"),
                                             QStringLiteral("+15550001111")}}}}},
                 TwilioToken);
        QVERIFY2(!saved.contains(QLatin1String("error")),
                 qPrintable(saved.value(QLatin1String("error")).toString()));
        QCOMPARE(saved.value(QLatin1String("send_resolved")).toBool(), false);
        m_dashboardUrl = DashboardUrl;
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking")),
                         AlertSamples::degraded(QStringLiteral("04_billing"))},
                        true); // a warning is not texted
        QVERIFY(twilio.waitFor(2));
        for (int i = 0; i < 2; ++i) {
            const CaptureServer::Captured &r = twilio.requests.at(i);
            QCOMPARE(r.path,
                     QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(TwilioSid));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
            QCOMPARE(r.header("Authorization"),
                     "Basic " + (TwilioSid + QLatin1Char(':') + TwilioToken).toUtf8().toBase64());
        }
        const QUrlQuery form(QString::fromUtf8(twilio.requests.at(0).body));
        QVERIFY(
            twilio.requests.at(0).body.startsWith("To=%2B15559876543&From=%2B15551234567&Body="));
        QCOMPARE(form.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded),
                 QStringLiteral("🚨 CRITICAL: 1 critical alerts in Your Clinic Name. View "
                                "dashboard: ")
                     + DashboardUrl);
        QVERIFY(twilio.requests.at(1).body.startsWith("To=%2B15550001111&"));
        const qint64 id = firstOpenId();
        const qint64 warning =
            m_book->alerts()->at(1).toObject().value(QLatin1String("id")).toInteger();
        m_book->observe({}, true); // SMS does not send resolves unless asked to
        QCOMPARE(settled(id), QStringList {QStringLiteral("oncall-sms:trigger")});
        QVERIFY(settled(warning).isEmpty());
        QCOMPARE(twilio.requests.size(), 2);
        QVERIFY(remove(QStringLiteral("oncall-sms")));
    }

    void sendTestAndBadSettingsNameTheField()
    {
        CaptureServer hook;
        QCOMPARE(save({{QStringLiteral("id"), QStringLiteral("Bad Id")},
                       {QStringLiteral("type"), QStringLiteral("slack")}},
                      QStringLiteral("x"))
                     .value(QLatin1String("error"))
                     .toString(),
                 QStringLiteral("id: use 1–40 lower-case letters, digits or '-'"));
        QCOMPARE(save({{QStringLiteral("id"), QStringLiteral("s")},
                       {QStringLiteral("type"), QStringLiteral("slack")}},
                      QString())
                     .value(QLatin1String("error"))
                     .toString(),
                 QStringLiteral("secret: a new slack channel needs its secret (the webhook URL)"));
        QCOMPARE(save({{QStringLiteral("id"), QStringLiteral("s")},
                       {QStringLiteral("type"), QStringLiteral("slack")}},
                      QStringLiteral("http://hooks.slack.example/services/x"))
                     .value(QLatin1String("error"))
                     .toString(),
                 QStringLiteral("secret: the webhook URL must be an https URL"));
        QCOMPARE(save({{QStringLiteral("id"), QStringLiteral("t")},
                       {QStringLiteral("type"), QStringLiteral("sms")},
                       {QStringLiteral("settings"),
                        QJsonObject {{QStringLiteral("account_sid"), QStringLiteral("nope")}}}},
                      QStringLiteral("token"))
                     .value(QLatin1String("error"))
                     .toString(),
                 QStringLiteral(
                     "settings.account_sid: must be a Twilio account SID (AC and 32 hex digits)"));
        QVERIFY(m_notifier->channels().isEmpty()); // nothing half-saved

        QVERIFY(!save({{QStringLiteral("id"), QStringLiteral("ops-hook")},
                       {QStringLiteral("type"), QStringLiteral("webhook")}},
                      hook.url(QStringLiteral("/alerts")))
                     .contains(QLatin1String("error")));
        std::optional<Status> tested;
        m_notifier->sendTest(QStringLiteral("ops-hook"), [&](Status st) { tested = st; });
        QTRY_VERIFY(tested.has_value());
        QVERIFY(tested->ok());
        QCOMPARE(hook.requests.at(0).json().value(QLatin1String("event")).toString(),
                 QStringLiteral("test"));
        QCOMPARE(
            m_notifier->channels().at(0).toObject().value(QLatin1String("last_status")).toString(),
            QStringLiteral("sent"));
        QVERIFY(remove(QStringLiteral("ops-hook")));
    }

    // The outbox: a notice decided while the notifier was away (a crash between "notify" and
    // "sent"), or before any channel existed, is delivered afterwards, once.
    void noticesWaitForTheNotifierAndForTheFirstChannel()
    {
        CaptureServer slack;
        // No channel yet (a first start): the alert waits, and no one is "notified".
        m_book->observe({AlertSamples::down(QStringLiteral("02_booking"))}, true);
        const qint64 id = firstOpenId();
        QVERIFY(deliveriesOf(id).isEmpty());
        QVERIFY(!m_book->alert(id)->value(QLatin1String("notified")).toBool());
        QCOMPARE(m_notifier->summary().value(QLatin1String("sent")).toBool(), false);
        QCOMPARE(m_notifier->summary().value(QLatin1String("alerts_not_notified")).toInt(), 1);
        QVERIFY(!save({{QStringLiteral("id"), QStringLiteral("slack")},
                       {QStringLiteral("type"), QStringLiteral("slack")},
                       {QStringLiteral("name"), QStringLiteral("Slack")}},
                      slack.url(SlackSecret))
                     .contains(QLatin1String("error")));
        QVERIFY(slack.waitFor(1));
        QCOMPARE(settled(id), QStringList {QStringLiteral("slack:trigger")});
        QCOMPARE(slack.requests.size(), 1);
        QVERIFY(m_book->alert(id)->value(QLatin1String("notified")).toBool());
        QCOMPARE(m_notifier->summary().value(QLatin1String("sent")).toBool(), true);

        // The notifier is gone (the process died) when the book decides the next notice.
        m_notifier.reset();
        QVERIFY(m_book->acknowledge(id, QStringLiteral("ana"), {}));
        // And a delivery was recorded but not sent when it died.
        {
            NotificationOutbox outbox(m_db, m_clock);
            const auto waiting = outbox.waiting().value();
            QCOMPARE(waiting.size(), 1);
            QVERIFY(outbox.dispatch(waiting.first(), {QStringLiteral("slack")}, {}).ok());
        }
        m_notifier = std::make_unique<Notifier>(m_db, *m_book, *m_secrets, m_clock);
        QVERIFY(m_notifier->load());
        QVERIFY(m_notifier->startSending());
        QVERIFY(slack.waitFor(2));
        QCOMPARE(
            settled(id),
            (QStringList {QStringLiteral("slack:acknowledge"), QStringLiteral("slack:trigger")}));
        QCOMPARE(slack.requests.size(), 2); // each once
        QVERIFY(remove(QStringLiteral("slack")));
    }

    void secretsAreNeitherInTheDatabaseNorInTheLog()
    {
        // Every test above saved a secret; none of them may be anywhere but the keychain.
        m_db.close();
        QByteArray stored;
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files)) {
            QFile f(m_dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            stored += f.readAll();
        }
        QVERIFY(!stored.isEmpty());
        const QString log = logged.join(QLatin1Char('\n'));
        QVERIFY(log.contains(QLatin1String("switchboard.notify"))
                || log.contains(QLatin1String("channel")));
        for (const QString &secret : {QStringLiteral("slack-secret-1234"), RoutingKey, SmtpPassword,
                                      TwilioToken, GenieKey}) {
            QVERIFY2(!stored.contains(secret.toUtf8()),
                     qPrintable(secret + QStringLiteral(" is in the database")));
            QVERIFY2(!log.contains(secret), qPrintable(secret + QStringLiteral(" is in the log")));
        }
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("alerts.db"))));
    }
};

QTEST_GUILESS_MAIN(TstNotifier)
#include "tst_notifier.moc"
