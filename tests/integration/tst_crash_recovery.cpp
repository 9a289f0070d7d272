#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

using namespace TestSupport;

// kill -9 of switchboard-core in the middle of hundreds of executions: after a restart every
// execution finishes, and each module has seen every effect exactly once.
class TstCrashRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sim;
    QProcess m_core;
    quint16 m_base = 0;
    quint16 m_api = 0;
    const QByteArray m_token = "crash-test-token-0123456789";

    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_token}};
    }
    QString api(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_api).arg(path);
    }

    bool startCore()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
        m_core.setProcessEnvironment(env);
        m_core.start(binary("switchboard-core"),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--env-file"), m_dir.filePath(QStringLiteral("clinic.env")),
                      QStringLiteral("--data"), m_dir.filePath(QStringLiteral("data"))});
        const QString line = waitForLine(m_core, QStringLiteral("listening on"));
        m_api = quint16(line.section(QLatin1Char(':'), -1).toUInt());
        return m_api != 0;
    }

    int effects(const char *module)
    {
        return get(QStringLiteral("http://127.0.0.1:%1/stats").arg(m_base))
            .json()
            .value(QLatin1String("modules"))
            .toObject()
            .value(QLatin1String(module))
            .toObject()
            .value(QLatin1String("effects"))
            .toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_base = startSimProcess(m_sim, QStringLiteral("0"));
        QVERIFY(m_base);
        QFile env(m_dir.filePath(QStringLiteral("clinic.env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        const QStringList paths = {"intake-lead",         "consult-booking",   "telehealth-session",
                                   "billing-payment",     "followup-campaign", "document-capture",
                                   "07-analytics-ingest", "messaging-hub-v1",  "aigent-audit-log"};
        for (int n = 1; n <= 9; ++n)
            env.write(QStringLiteral("MODULE_0%1_ENDPOINT=http://127.0.0.1:%2/webhook/%3\n")
                          .arg(n)
                          .arg(m_base + n)
                          .arg(paths.at(n - 1))
                          .toUtf8());
        // A load test: the production defaults (100 calls a minute per module) would throttle it.
        env.write("RATE_LIMIT_GLOBAL_PER_MIN=1000000\nRATE_LIMIT_MODULE_PER_MIN=1000000\nBULKHEAD_"
                  "MAX_CONCURRENT=64\nBULKHEAD_MAX_QUEUED=10000\n");
        env.close();
        QVERIFY(startCore());
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_core, &m_sim}) {
            p->kill();
            p->waitForFinished(5000);
        }
    }

    void survivesKillNine()
    {
        const QByteArray workflow =
            R"({"id": "three-steps", "name": "Three steps", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"n": "{{ input.n }}"}},
                    {"id": "tell", "type": "module_call", "module": "08_messaging", "action": "send", "payload": {"n": "{{ input.n }}"}},
                    {"id": "log", "type": "module_call", "module": "09_compliance", "action": "log_event", "payload": {"n": "{{ input.n }}"}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "tell"}, {"from": "tell", "to": "log"}, {"from": "log", "to": "done"}]})";
        QCOMPARE(
            request("PUT", api(QStringLiteral("/api/v1/workflows/three-steps")), workflow, auth())
                .status,
            200);
        QCOMPARE(post(api(QStringLiteral("/api/v1/workflows/three-steps/publish")),
                      R"({"note":"crash test"})", auth())
                     .status,
                 201);

        // Start executions without waiting for each, and kill the core while they run.
        QNetworkAccessManager network;
        int acknowledged = 0;
        QList<QNetworkReply *> replies;
        for (int n = 0; n < 400; ++n) {
            QNetworkRequest req {
                QUrl(api(QStringLiteral("/api/v1/workflows/three-steps/executions")))};
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
            req.setRawHeader("Authorization", "Bearer " + m_token);
            QNetworkReply *reply =
                network.post(req, QStringLiteral(R"({"input":{"n":%1}})").arg(n).toUtf8());
            connect(reply, &QNetworkReply::finished, this, [&acknowledged, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    ++acknowledged;
            });
            replies.append(reply);
        }
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged >= 150, 30000);
        m_core.kill(); // SIGKILL: no clean-up of any kind
        QVERIFY(m_core.waitForFinished(5000));
        for (QNetworkReply *r : replies) {
            if (!r->isFinished())
                r->abort();
        }
        QVERIFY2(acknowledged < 400,
                 "the core finished everything before it could be killed; the test proves nothing");

        QVERIFY(startCore());
        // Every execution the core had committed finishes after the restart.
        int total = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray all =
                    get(api(QStringLiteral("/api/v1/executions?limit=10000")), auth())
                        .json()
                        .value(QLatin1String("executions"))
                        .toArray();
                total = int(all.size());
                for (const QJsonValue &e : all) {
                    if (e.toObject().value(QLatin1String("status")).toString()
                        != QLatin1String("completed"))
                        return false;
                }
                return total > 0;
            }(),
            60000);
        QVERIFY2(total >= acknowledged,
                 qPrintable(QStringLiteral("%1 executions for %2 acknowledged starts")
                                .arg(total)
                                .arg(acknowledged)));
        // One effect per execution at each module: nothing lost, nothing done twice.
        QCOMPARE(effects("02_booking"), total);
        QCOMPARE(effects("08_messaging"), total);
        QCOMPARE(effects("09_compliance"), total);
        qInfo("%d executions, %d acknowledged before the kill; duplicates suppressed by the "
              "modules: %d",
              total, acknowledged,
              get(QStringLiteral("http://127.0.0.1:%1/stats").arg(m_base))
                  .json()
                  .value(QLatin1String("modules"))
                  .toObject()
                  .value(QLatin1String("02_booking"))
                  .toObject()
                  .value(QLatin1String("duplicate_keys_suppressed"))
                  .toInt());
    }
};

QTEST_GUILESS_MAIN(TstCrashRecovery)
#include "tst_crash_recovery.moc"
