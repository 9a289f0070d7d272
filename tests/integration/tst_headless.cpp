#include "captureserver.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {

const QString SlackPath = QStringLiteral("/services/T0HEADLESS/B0HEADLESS/headless-slack-secret");
const QByteArray Token = "headless-test-token-0123456789";

const QString Test2Message =
    QStringLiteral("🚨 System Alert: Your Clinic Name\n"
                   "System Health: CRITICAL\n"
                   "Total Alerts: 1 (1 critical, 0 warnings)\n"
                   "\n"
                   "🔴 Critical Alerts (1):\n"
                   "• Module Down: Consult Booking: Module not responding to health checks\n"
                   "\n"
                   "→ Investigate module logs and restart if necessary");

} // namespace

// switchboard-core as a server runs it: no desktop, no D-Bus session, no keychain daemon. The
// seed's "Test 2" reaches Slack from SLACK_WEBHOOK_URL in the env file, and again from
// SLACK_WEBHOOK_URL_FILE; the secret is in no file of the data folder in plain text; a restart
// while the module is still down sends nothing; a kill -9 between the alert and its delivery
// still delivers exactly one message.
class TstHeadless : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    QProcess m_core;
    quint16 m_api = 0;
    CaptureServer m_slack;
    QString m_log;

    QString data() const { return m_dir.filePath(QStringLiteral("data")); }

    bool startCore(const QString &slackLine, const QString &extraEnvName = {},
                   const QString &extraEnvValue = {})
    {
        QFile file(m_dir.filePath(QStringLiteral("clinic.env")));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write((QStringLiteral("BRAND_NAME=\"Your Clinic Name\"\n"
                                   "HEALTH_CHECK_TIMEOUT_MS=\"1500\"\n"
                                   "HEALTH_CHECK_RETRY_DELAY_MS=100\n"
                                   "NOTIFY_RETRY_DELAY_MS=\"60s\"  // long: the test kills first\n")
                    + slackLine + QLatin1Char('\n') + simEndpointsEnv(m_sim.base()))
                       .toUtf8());
        file.close();
        // What a systemd service has: no display, no session bus, no keychain.
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("no-runtime")));
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(Token));
        if (!extraEnvName.isEmpty())
            env.insert(extraEnvName, extraEnvValue);
        m_core.setProcessEnvironment(env);
        m_core.setProcessChannelMode(QProcess::MergedChannels);
        m_core.start(binary("switchboard-core"),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--env-file"), file.fileName(), QStringLiteral("--data"),
                      data()});
        m_log.clear();
        m_api = waitForApiPort(m_core, m_log, 15000);
        return m_api != 0;
    }

    void stopCore(bool hard)
    {
        hard ? m_core.kill() : m_core.terminate();
        if (!m_core.waitForFinished(5000))
            m_core.kill();
        m_core.waitForFinished(5000);
        m_log += QString::fromUtf8(m_core.readAll());
    }

    HttpResult api(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return request(method, QStringLiteral("http://127.0.0.1:%1%2").arg(m_api).arg(path),
                       body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                       {{"Authorization", "Bearer " + Token}});
    }

    // Runs the seed's control "test" and returns the open module_down alert of 02 (its id,
    // and "channel:event" of its deliveries).
    QPair<qint64, QStringList> bookingDown()
    {
        api("POST", QStringLiteral("/api/v1/control"),
            {{QStringLiteral("action"), QStringLiteral("test")}});
        for (const QJsonValue &v : api("GET", QStringLiteral("/api/v1/alerts?state=open"))
                                       .json()
                                       .value(QLatin1String("alerts"))
                                       .toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(QLatin1String("rule")) != QLatin1String("module_down"))
                continue;
            const qint64 id = a.value(QLatin1String("id")).toInteger();
            QStringList deliveries;
            for (const QJsonValue &d : api("GET", QStringLiteral("/api/v1/alerts/%1").arg(id))
                                           .json()
                                           .value(QLatin1String("deliveries"))
                                           .toArray())
                deliveries << d.toObject().value(QLatin1String("channel")).toString()
                        + QLatin1Char(':') + d.toObject().value(QLatin1String("event")).toString();
            return {id, deliveries};
        }
        return {0, {}};
    }

    // Requests to Slack, each the seed's Test 2 message (all of them, or -1).
    int sent() const
    {
        for (const auto &r : m_slack.requests) {
            if (r.json().value(QLatin1String("text")).toString() != Test2Message)
                return -1;
        }
        return int(m_slack.requests.size());
    }

    // No file under the data folder holds the secret in plain text.
    void secretIsNowhereInPlainText(int atLeastFiles = 3)
    {
        QDirIterator it(data(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("headless-slack-secret"), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= atLeastFiles); // the database, the sealed secrets, the key
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sim.start());
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"down"})")
                     .status,
                 200);
    }

    void cleanup() { stopCore(true); }

    void slackFromTheEnvFileWithNoDesktop()
    {
        // The first delivery attempt fails, so it is still waiting for its retry when the core
        // is killed below.
        m_slack.failNext({503});
        QVERIFY2(startCore(QStringLiteral("SLACK_WEBHOOK_URL=\"%1\"").arg(m_slack.url(SlackPath))),
                 qPrintable(m_log));
        QVERIFY2(m_log.contains(QLatin1String("secrets are kept in an encrypted file")),
                 qPrintable(m_log));
        QVERIFY(!m_log.contains(QLatin1String("autolaunch")));
        const auto [id, deliveries] = bookingDown();
        QVERIFY(id);
        QCOMPARE(deliveries, QStringList {QStringLiteral("slack:trigger")});
        QVERIFY(m_slack.waitFor(1));
        QCOMPARE(sent(), 1); // refused (503); the retry is a minute away

        // kill -9 between the alert and its delivery: after the restart it goes out, once.
        stopCore(true);
        QVERIFY(startCore(QStringLiteral("SLACK_WEBHOOK_URL=\"%1\"").arg(m_slack.url(SlackPath))));
        QVERIFY(m_slack.waitFor(2));
        QCOMPARE(sent(), 2); // the refused one, then the one taken

        // The module is still down: the restart kept the alert, and paged no one again.
        const auto [again, after] = bookingDown();
        QCOMPARE(again, id);
        QCOMPARE(after, QStringList {QStringLiteral("slack:trigger")});
        stopCore(false);
        QVERIFY(startCore(QStringLiteral("SLACK_WEBHOOK_URL=\"%1\"").arg(m_slack.url(SlackPath))));
        QCOMPARE(bookingDown().first, id);
        QCOMPARE(m_slack.requests.size(), 2); // no "resolved", no new page
        const auto [last, deliveries2] = bookingDown();
        QCOMPARE(last, id);
        QCOMPARE(deliveries2, QStringList {QStringLiteral("slack:trigger")});
        secretIsNowhereInPlainText();

        // Booking comes back while the core is stopped: after the start, the alert is resolved,
        // and Slack hears so once.
        stopCore(false);
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"none"})")
                     .status,
                 200);
        QVERIFY(startCore(QStringLiteral("SLACK_WEBHOOK_URL=\"%1\"").arg(m_slack.url(SlackPath))));
        QVERIFY(bookingDown().first == 0);
        QVERIFY(m_slack.waitFor(3));
        QVERIFY2(m_slack.requests.at(2)
                     .json()
                     .value(QLatin1String("text"))
                     .toString()
                     .contains(QLatin1String("Resolved")),
                 m_slack.requests.at(2).body.constData());
        bookingDown();
        QCOMPARE(m_slack.requests.size(), 3);
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"down"})")
                     .status,
                 200);
        stopCore(false);
    }

    // Asked for the desktop keychain where there is none: the secret is not dropped. It works
    // for this run from memory, and an alert names it and says what to do.
    void aSecretNoStoreTakesIsUsedAndSaidSo()
    {
        QVERIFY(QDir(data()).removeRecursively());
        m_slack.requests.clear();
        QVERIFY2(startCore(QStringLiteral("SLACK_WEBHOOK_URL=\"%1\"").arg(m_slack.url(SlackPath)),
                           QStringLiteral("SECRETS_BACKEND"), QStringLiteral("keychain")),
                 qPrintable(m_log));
        QVERIFY(bookingDown().first);
        // Slack is reached with the secret held in memory (the page also counts the warning).
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const auto &r : m_slack.requests) {
                    if (r.json()
                            .value(QLatin1String("text"))
                            .toString()
                            .contains(QLatin1String("Module Down: Consult Booking")))
                        return true;
                }
                return false;
            },
            15000));
        QJsonObject unstored;
        for (const QJsonValue &v : api("GET", QStringLiteral("/api/v1/alerts?state=open"))
                                       .json()
                                       .value(QLatin1String("alerts"))
                                       .toArray()) {
            if (v.toObject().value(QLatin1String("rule")) == QLatin1String("secret_not_stored"))
                unstored = v.toObject();
        }
        QCOMPARE(unstored.value(QLatin1String("title")).toString(),
                 QStringLiteral("Secret Not Stored: SLACK_WEBHOOK_URL"));
        QCOMPARE(unstored.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        QVERIFY(unstored.value(QLatin1String("action"))
                    .toString()
                    .contains(QLatin1String("SECRETS_BACKEND=file")));
        secretIsNowhereInPlainText(1);
        stopCore(false);
    }

    void slackFromASecretFile()
    {
        QVERIFY(QDir(data()).removeRecursively());
        m_slack.requests.clear();
        QFile secret(m_dir.filePath(QStringLiteral("slack-url")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(m_slack.url(SlackPath).toUtf8() + '\n');
        secret.close();
        QVERIFY2(startCore({}, QStringLiteral("SLACK_WEBHOOK_URL_FILE"), secret.fileName()),
                 qPrintable(m_log));
        QVERIFY(bookingDown().first);
        QVERIFY(m_slack.waitFor(1));
        QCOMPARE(sent(), 1);
        secretIsNowhereInPlainText();
        stopCore(false);
    }
};

QTEST_GUILESS_MAIN(TstHeadless)
#include "tst_headless.moc"
