#include "store/database.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Switchboard;
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

    // With faults, the core may exit (an injected crash) before it listens: false then.
    bool startCore(const QString &faults = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
        if (!faults.isEmpty())
            env.insert(QStringLiteral("SWITCHBOARD_FAULTS"), faults);
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

    void publishThreeSteps()
    {
        const QByteArray workflow =
            R"({"id": "three-steps", "name": "Three steps", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"n": "{{ input.n }}"}},
                    {"id": "tell", "type": "module_call", "module": "08_messaging", "action": "send", "payload": {"n": "{{ input.n }}"}},
                    {"id": "log", "type": "module_call", "module": "05_followup", "action": "schedule", "payload": {"n": "{{ input.n }}"}},
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
    }

    // How many executions there are once every one has completed; 0 while any has not.
    int completedExecutions()
    {
        const QJsonArray all = get(api(QStringLiteral("/api/v1/executions?limit=10000")), auth())
                                   .json()
                                   .value(QLatin1String("executions"))
                                   .toArray();
        for (const QJsonValue &e : all) {
            if (e.toObject().value(QLatin1String("status")).toString()
                != QLatin1String("completed"))
                return 0;
        }
        return int(all.size());
    }

    // Repeated Idempotency-Keys the simulated modules answered from memory, all modules.
    int suppressed()
    {
        const QJsonObject modules = get(QStringLiteral("http://127.0.0.1:%1/stats").arg(m_base))
                                        .json()
                                        .value(QLatin1String("modules"))
                                        .toObject();
        int sum = 0;
        for (auto it = modules.begin(); it != modules.end(); ++it)
            sum += it.value().toObject().value(QLatin1String("duplicate_keys_suppressed")).toInt();
        return sum;
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
        publishThreeSteps();

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
        QTRY_VERIFY_WITH_TIMEOUT((total = completedExecutions()) > 0, 60000);
        QVERIFY2(total >= acknowledged,
                 qPrintable(QStringLiteral("%1 executions for %2 acknowledged starts")
                                .arg(total)
                                .arg(acknowledged)));
        // One effect per execution at each module: nothing lost, nothing done twice.
        QCOMPARE(effects("02_booking"), total);
        QCOMPARE(effects("08_messaging"), total);
        QCOMPARE(effects("05_followup"), total);
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

    // The process exits right after commit N (N = 1, 2, …: start-up, the execution's commits,
    // the checks' writes), is started again, and every execution still ends with each module
    // effect once: what was committed is acted on after the restart, with the same keys.
    void crashesAfterEveryCommit()
    {
        publishThreeSteps();
        int crashes = 0;
        int executions = 0;
        const int suppressedBefore = suppressed();
        for (int round = 0; round < 24; ++round) {
            // Just after commit n (stored, not yet acted on), or just before it (lost).
            const int n = round / 2 + 1;
            const QString mode = round % 2 ? QStringLiteral("crash_before_commit")
                                           : QStringLiteral("crash_after_commit");
            m_core.kill();
            m_core.waitForFinished(5000);
            const bool listening = startCore(QStringLiteral("%1=%2").arg(mode).arg(n));
            if (listening) {
                ++executions;
                (void)post(api(QStringLiteral("/api/v1/workflows/three-steps/executions")),
                           QStringLiteral(R"({"input":{"n":%1}})").arg(1000 + round).toUtf8(),
                           auth());
                // Either the injected crash comes, or the execution got through all its commits.
                QTRY_VERIFY_WITH_TIMEOUT(m_core.state() == QProcess::NotRunning
                                             || get(api(QStringLiteral("/api/v1/executions?status="
                                                                       "running")),
                                                    auth())
                                                    .json()
                                                    .value(QLatin1String("executions"))
                                                    .toArray()
                                                    .isEmpty(),
                                         15000);
            }
            if (m_core.state() == QProcess::NotRunning) {
                QCOMPARE(m_core.exitStatus(), QProcess::NormalExit);
                QCOMPARE(m_core.exitCode(), 86); // FaultPlan::CrashExitCode, not a real crash
                ++crashes;
            }
        }
        QVERIFY2(crashes >= 8, qPrintable(QStringLiteral("only %1 crashes").arg(crashes)));
        m_core.kill();
        m_core.waitForFinished(5000);
        QVERIFY(startCore());
        int total = 0;
        QTRY_VERIFY_WITH_TIMEOUT((total = completedExecutions()) > 0, 60000);
        QVERIFY(executions > 0);
        QCOMPARE(effects("02_booking"), total);
        QCOMPARE(effects("08_messaging"), total);
        QCOMPARE(effects("05_followup"), total);
        qInfo("%d restarts, %d injected crashes, %d executions; duplicates suppressed: %d", 24,
              crashes, total, suppressed() - suppressedBefore);
        // Some call was sent, answered and not recorded before a crash: it went out again
        // under the same key, and the module counted it once. That path is proven here.
        QVERIFY2(suppressed() > suppressedBefore,
                 qPrintable(QStringLiteral("duplicates suppressed: %1 before, %2 after")
                                .arg(suppressedBefore)
                                .arg(suppressed())));
    }

    // kill -9 at 20 random moments while 2,000 executions run: starts, module calls, review
    // decisions and saga compensations in flight. Every start is sent with an Idempotency-Key
    // and sent again after each restart, as a client would. In the end each start made one
    // execution, every execution finished, and each module effect happened once.
    void chaosAtScale()
    {
        const QByteArray workflow =
            R"({"id": "chaos", "name": "Chaos", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "charge", "type": "module_call", "module": "04_billing", "action": "charge", "payload": {"n": "{{ input.n }}"},
                     "compensation": {"module": "04_billing", "action": "refund", "payload": {"n": "{{ input.n }}"}}},
                    {"id": "route", "type": "condition", "cases": [{"label": "review", "when": "input.n % 3 == 0"}, {"label": "fail", "when": "input.n % 3 == 1"}], "default": "book"},
                    {"id": "approve", "type": "human_review", "queue": "chaos", "role": "support", "title": "Chaos {{ input.n }}",
                     "fields": [{"name": "note", "label": "Note", "type": "text"}], "outcomes": ["approve", "reject"]},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"n": "{{ input.n }}"}},
                    {"id": "tell", "type": "module_call", "module": "08_messaging", "action": "send", "payload": {"n": "{{ input.n }}"}},
                    {"id": "bad", "type": "end", "status": "failed", "error": "refused"},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "charge"}, {"from": "charge", "to": "route"},
                    {"from": "route", "to": "approve", "port": "review"}, {"from": "route", "to": "bad", "port": "fail"},
                    {"from": "route", "to": "book", "port": "book"},
                    {"from": "approve", "to": "book", "port": "approve"}, {"from": "approve", "to": "bad", "port": "reject"},
                    {"from": "book", "to": "tell"}, {"from": "tell", "to": "done"}]})";
        QCOMPARE(
            request("PUT", api(QStringLiteral("/api/v1/workflows/chaos")), workflow, auth()).status,
            200);
        QCOMPARE(post(api(QStringLiteral("/api/v1/workflows/chaos/publish")), "{}", auth()).status,
                 201);
        const int before04 = effects("04_billing");
        const int before02 = effects("02_booking");
        const int before08 = effects("08_messaging");
        const int suppressedBefore = suppressed();
        constexpr int Total = 2000;
        constexpr int Kills = 20;
        QRandomGenerator rng(20261202);
        QNetworkAccessManager network;
        const auto send = [&](const QString &path, const QByteArray &body, const QByteArray &key) {
            QNetworkRequest r {QUrl(api(path))};
            r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            r.setRawHeader("Authorization", "Bearer " + m_token);
            if (!key.isEmpty())
                r.setRawHeader("Idempotency-Key", key);
            QNetworkReply *reply = network.post(r, body);
            QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        };
        const auto start = [&](int n) {
            send(QStringLiteral("/api/v1/workflows/chaos/executions"),
                 QStringLiteral(R"({"input":{"n":%1}})").arg(n).toUtf8(),
                 "chaos-" + QByteArray::number(n));
        };
        // Decides the open review tasks: even n approved, odd n rejected.
        const auto decideOpen = [&] {
            const QJsonArray open = get(api(QStringLiteral("/api/v1/tasks?queue=chaos")), auth())
                                        .json()
                                        .value(QLatin1String("tasks"))
                                        .toArray();
            for (const QJsonValue &t : open) {
                const int n = t.toObject().value(QLatin1String("title")).toString().mid(6).toInt();
                send(QStringLiteral("/api/v1/tasks/%1/decision")
                         .arg(t.toObject().value(QLatin1String("id")).toString()),
                     n % 2 ? R"({"decision":"reject"})" : R"({"decision":"approve"})", {});
            }
            return open.size();
        };

        int next = 0;
        for (int kill = 0; kill < Kills; ++kill) {
            // A burst of starts and decisions, then kill -9 a few milliseconds later: some
            // requests are committed, some not, some answered and some not.
            const int burst =
                next >= Total ? 0 : std::min(Total - next, 50 + int(rng.bounded(100)));
            for (int i = 0; i < burst; ++i)
                start(next++);
            decideOpen();
            QTest::qWait(int(rng.bounded(5, 60)));
            m_core.kill();
            m_core.waitForFinished(5000);
            QVERIFY(startCore());
        }
        // Every start sent again (the client never got some answers), the rest of the work
        // decided, until nothing is running or waiting.
        for (int n = 0; n < Total; ++n) {
            const int status =
                post(api(QStringLiteral("/api/v1/workflows/chaos/executions")),
                     QStringLiteral(R"({"input":{"n":%1}})").arg(n).toUtf8(),
                     QList<QPair<QByteArray, QByteArray>>(auth()) << qMakePair(
                         QByteArray("Idempotency-Key"), "chaos-" + QByteArray::number(n)))
                    .status;
            QVERIFY2(status == 200 || status == 201, qPrintable(QString::number(status)));
        }
        QHash<QString, int> byStatus;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                decideOpen();
                byStatus.clear();
                for (const QJsonValue &e :
                     get(api(QStringLiteral("/api/v1/executions?limit=10000")), auth())
                         .json()
                         .value(QLatin1String("executions"))
                         .toArray()) {
                    if (e.toObject().value(QLatin1String("workflow_id")) == QLatin1String("chaos"))
                        ++byStatus[e.toObject().value(QLatin1String("status")).toString()];
                }
                return byStatus.value(QStringLiteral("completed"))
                    + byStatus.value(QStringLiteral("failed"))
                    == Total;
            }(),
            120000);
        // 0 lost, 0 duplicated: one execution per start.
        int all = 0;
        for (int count : std::as_const(byStatus))
            all += count;
        QCOMPARE(all, Total);
        // n % 3 == 1 fails; n % 3 == 0 goes to review, rejected when n is odd.
        int failed = 0;
        for (int n = 0; n < Total; ++n)
            failed += n % 3 == 1 || (n % 3 == 0 && n % 2 == 1);
        QCOMPARE(byStatus.value(QStringLiteral("failed")), failed);
        QCOMPARE(byStatus.value(QStringLiteral("completed")), Total - failed);
        // Each effect once: a charge each, a refund for each failed one (the saga), a booking
        // and a message for each completed one.
        QTRY_COMPARE_WITH_TIMEOUT(effects("04_billing") - before04, Total + failed, 30000);
        QCOMPARE(effects("02_booking") - before02, Total - failed);
        QCOMPARE(effects("08_messaging") - before08, Total - failed);
        qInfo("%d kills, %d executions (%d failed and compensated); duplicates suppressed: %d",
              Kills, Total, failed, suppressed() - suppressedBefore);
        QVERIFY(suppressed() > suppressedBefore);
    }

    // The audit log's chain holds through every crash above; the command line says so, and
    // says where it breaks once an entry is changed behind the core's back.
    void verifiesTheAuditLogFromTheCommandLine()
    {
        const QString data = m_dir.filePath(QStringLiteral("data"));
        const auto verify = [&](QString *output) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(binary("switchboard-core"),
                    {QStringLiteral("--data"), data, QStringLiteral("--verify-audit")});
            if (!p.waitForFinished(30000))
                return -1;
            *output = QString::fromUtf8(p.readAll());
            return p.exitCode();
        };
        QString out;
        QCOMPARE(verify(&out), 0); // while the core runs
        QVERIFY2(out.contains(QLatin1String("intact")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String(" 0 entries")), qPrintable(out));
        m_core.kill();
        m_core.waitForFinished(5000);
        {
            Database db;
            QVERIFY(db.open(QDir(data).filePath(QStringLiteral("switchboard.db"))).ok());
            QCOMPARE(db.run(QStringLiteral("UPDATE audit_log SET actor = 'someone else' WHERE "
                                           "seq = 1"))
                         .value(),
                     1);
        }
        QCOMPARE(verify(&out), 1);
        QVERIFY2(out.contains(QLatin1String("audit entry 1 does not match")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstCrashRecovery)
#include "tst_crash_recovery.moc"
