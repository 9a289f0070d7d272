#include "postgresserver.h"
#include "store/database.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <array>

using namespace Switchboard;
using namespace TestSupport;

// Three switchboard-core processes on one PostgreSQL store, against switchboard-sim: 1,000
// onboardings started across the three, the core doing the cluster's duties killed with
// kill -9 in the middle. Every execution completes, each booking happens once by the
// simulator's count, a schedule fires once a minute whichever core fires it, and every core
// answers for the whole clinic.
class TstClusterE2e : public QObject
{
    Q_OBJECT

    static constexpr int Executions = 1000;
    static constexpr int Cores = 3;

    PostgresServer m_pg;
    QTemporaryDir m_dir;
    QProcess m_sim;
    std::array<QProcess, Cores> m_core;
    std::array<quint16, Cores> m_port {};
    quint16 m_base = 0;
    const QByteArray m_token = "cluster-test-token-0123456789";

    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_token}};
    }
    QString api(int core, const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port.at(core)).arg(path);
    }

    bool startCore(int n, const QStringList &extra = {})
    {
        QProcess &core = m_core.at(n);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
        core.setProcessEnvironment(env);
        core.setProcessChannelMode(QProcess::MergedChannels);
        core.start(
            binary("switchboard-core"),
            QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--env-file"), m_dir.filePath(QStringLiteral("clinic.env")),
                         QStringLiteral("--data"), m_dir.filePath(QStringLiteral("core%1").arg(n)),
                         QStringLiteral("--store"), m_pg.url()}
                + extra);
        QString log;
        m_port.at(n) = waitForApiPort(core, log, 30000);
        if (m_port.at(n) == 0)
            qWarning("core %d did not start:\n%s", n, qPrintable(log));
        return m_port.at(n) != 0;
    }

    int count(Database &db, const QString &sql)
    {
        auto q = db.exec(sql);
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QJsonObject simModule(const char *module)
    {
        return get(QStringLiteral("http://127.0.0.1:%1/stats").arg(m_base))
            .json()
            .value(QLatin1String("modules"))
            .toObject()
            .value(QLatin1String(module))
            .toObject();
    }

    static QByteArray startKey(int n) { return "onboarding-" + QByteArray::number(n); }

    // When the modules were last checked, as core n answers (the first module's check).
    QDateTime lastCheck(int n)
    {
        const QJsonArray modules = get(api(n, QStringLiteral("/api/v1/overview")), auth())
                                       .json()
                                       .value(QLatin1String("modules"))
                                       .toArray();
        return QDateTime::fromString(
            modules.first().toObject().value(QLatin1String("last_check")).toString(), Qt::ISODate);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_pg.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_base = startSimProcess(m_sim, QStringLiteral("0"));
        QVERIFY(m_base);
        QFile env(m_dir.filePath(QStringLiteral("clinic.env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write(simEndpointsEnv(m_base).toUtf8());
        // A load test: the production defaults (100 calls a minute per module) would throttle
        // it. Leases of 5 s: a killed core's executions are taken over within seconds.
        env.write(
            "RATE_LIMIT_GLOBAL_PER_MIN=1000000\nRATE_LIMIT_MODULE_PER_MIN=1000000\n"
            "BULKHEAD_MAX_QUEUED=10000\nSTORE_LEASE_MS=5000\nHEALTH_CHECK_INTERVAL_MS=2000\n");
        env.close();
        // The first core sets the store up and publishes the onboarding; the others join it.
        QVERIFY(startCore(0,
                          {QStringLiteral("--workflow"),
                           QStringLiteral(SWITCHBOARD_SOURCE_DIR
                                          "/resources/templates/new-patient-onboarding.json")}));
        for (int n = 1; n < Cores; ++n)
            QVERIFY(startCore(n));
    }

    void cleanupTestCase()
    {
        // What the cores said, for a failure's diagnosis.
        for (int n = 0; n < Cores; ++n) {
            const QStringList lines = QString::fromUtf8(m_core.at(n).readAll()).split(u'\n');
            QStringList said;
            for (const QString &line : lines) {
                if (line.contains(QLatin1String("WARN")) || line.contains(QLatin1String("CRIT"))
                    || line.contains(QLatin1String("duty")))
                    said << line;
            }
            qInfo("core %d (%s, exit %d): %s", n,
                  m_core.at(n).state() == QProcess::Running ? "running" : "stopped",
                  m_core.at(n).exitCode(), qPrintable(said.mid(said.size() - 15).join(u'\n')));
        }
        for (QProcess &p : m_core) {
            p.kill();
            p.waitForFinished(5000);
        }
        m_sim.kill();
        m_sim.waitForFinished(5000);
    }

    void threeCoresShareTheWorkAndSurviveKillNine()
    {
        Database db;
        QVERIFY(db.open(m_pg.url()).ok());
        const QByteArray minutely =
            R"({"id": "minutely", "name": "Every minute", "trigger": {"kind": "schedule", "cron": "* * * * *"},
              "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end"}],
              "edges": [{"from": "start", "to": "done"}]})";
        QCOMPARE(
            request("PUT", api(1, QStringLiteral("/api/v1/workflows/minutely")), minutely, auth())
                .status,
            200);
        QCOMPARE(post(api(1, QStringLiteral("/api/v1/workflows/minutely/publish")),
                      R"({"note":"cluster test"})", auth())
                     .status,
                 201);

        // Every core answers for the modules the duty's core checks.
        for (int n = 1; n < Cores; ++n) {
            QTRY_VERIFY_WITH_TIMEOUT(lastCheck(n).isValid(), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(!get(api(n, QStringLiteral("/api/v1/overview")), auth())
                                          .json()
                                          .value(QLatin1String("overview"))
                                          .toObject()
                                          .value(QLatin1String("last_check"))
                                          .isNull(),
                                     30000);
        }

        // 1,000 onboardings, started round the three cores without waiting for each.
        QNetworkAccessManager network;
        int acknowledged = 0;
        QList<QNetworkReply *> replies;
        for (int n = 0; n < Executions; ++n) {
            QNetworkRequest req {QUrl(api(
                n % Cores, QStringLiteral("/api/v1/workflows/new-patient-onboarding/executions")))};
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
            req.setRawHeader("Authorization", "Bearer " + m_token);
            req.setRawHeader("Idempotency-Key", startKey(n));
            QNetworkReply *reply = network.post(
                req,
                QStringLiteral(R"({"input":{"patient_id":"P-%1","score":9}})").arg(n).toUtf8());
            connect(reply, &QNetworkReply::finished, this, [&acknowledged, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    ++acknowledged;
            });
            replies.append(reply);
        }
        // Core 0 started first and holds the duties; it dies with calls in flight.
        const QString ofTheFirst =
            QStringLiteral("owner LIKE '%:%1:%'").arg(m_core.at(0).processId());
        QTRY_VERIFY_WITH_TIMEOUT(
            count(db, QStringLiteral("SELECT COUNT(*) FROM executions WHERE ") + ofTheFirst) > 0
                && acknowledged >= Executions / 3,
            120000);
        const int heldByTheDead =
            count(db, QStringLiteral("SELECT COUNT(*) FROM executions WHERE ") + ofTheFirst);
        const QDateTime killedAt = QDateTime::currentDateTimeUtc();
        m_core.at(0).kill(); // SIGKILL: no clean-up of any kind
        QVERIFY(m_core.at(0).waitForFinished(5000));
        QVERIFY2(acknowledged < Executions,
                 "everything was done before the kill; the test proves nothing");
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(replies.cbegin(), replies.cend(),
                        [](const QNetworkReply *r) { return r->isFinished(); }),
            120000);
        const int beforeTheKill = acknowledged;

        // As a client would: a start that got no answer goes again to another core with the
        // same Idempotency-Key. One the dead core had stored is answered from its key, not
        // started twice.
        int replayed = 0;
        for (int n = 0; n < Executions; ++n) {
            QNetworkReply *r = replies.at(n);
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                continue;
            auto headers = auth();
            headers.append({"Idempotency-Key", startKey(n)});
            const HttpResult again =
                post(api(1 + n % (Cores - 1),
                         QStringLiteral("/api/v1/workflows/new-patient-onboarding/executions")),
                     QStringLiteral(R"({"input":{"patient_id":"P-%1","score":9}})").arg(n).toUtf8(),
                     headers);
            QVERIFY2(
                again.status == 201 || again.status == 200,
                qPrintable(QStringLiteral("start %1 again: HTTP %2").arg(n).arg(again.status)));
            replayed += again.json().value(QLatin1String("replayed")).toBool() ? 1 : 0;
        }

        // The two cores left finish all 1,000, core 0's share included.
        QTRY_VERIFY_WITH_TIMEOUT(
            count(db,
                  QStringLiteral("SELECT COUNT(*) FROM executions WHERE workflow_id = "
                                 "'new-patient-onboarding' AND status != 'completed'"))
                == 0,
            300000);
        const int total = count(db,
                                QStringLiteral("SELECT COUNT(*) FROM executions WHERE "
                                               "workflow_id = 'new-patient-onboarding'"));
        QCOMPARE(total, Executions);
        const int takenOver =
            count(db,
                  QStringLiteral("SELECT COUNT(*) FROM execution_events WHERE type = "
                                 "'execution_resumed' AND data LIKE '%taken over%'"));
        QVERIFY2(takenOver > 0, "no execution was taken over from the killed core");

        // One booking per execution, and two confirmations: nothing lost, nothing twice.
        QCOMPARE(simModule("02_booking").value(QLatin1String("effects")).toInt(), total);
        QCOMPARE(simModule("08_messaging").value(QLatin1String("effects")).toInt(), 2 * total);

        // The schedule: each minute once, whichever core fired it, none missed.
        QTRY_VERIFY_WITH_TIMEOUT(
            count(db, QStringLiteral("SELECT COUNT(*) FROM executions WHERE origin = 'schedule'"))
                >= 2,
            150000);
        QCOMPARE(count(db,
                       QStringLiteral("SELECT COUNT(*) FROM (SELECT input FROM executions "
                                      "WHERE origin = 'schedule' GROUP BY input HAVING "
                                      "COUNT(*) > 1) twice")),
                 0);
        auto slots = db.exec(QStringLiteral(
            "SELECT input FROM executions WHERE origin = 'schedule' ORDER BY created_at"));
        QVERIFY(slots.ok());
        QList<QDateTime> fired;
        while (slots->next())
            fired << QDateTime::fromString(QJsonDocument::fromJson(slots->value(0).toByteArray())
                                               .object()
                                               .value(QLatin1String("scheduled_for"))
                                               .toString(),
                                           Qt::ISODate);
        for (qsizetype i = 1; i < fired.size(); ++i)
            QCOMPARE(fired.at(i - 1).secsTo(fired.at(i)), 60);

        // The duties moved: a core still running checks the modules now, and every core shows
        // its checks.
        for (int n = 1; n < Cores; ++n)
            QTRY_VERIFY_WITH_TIMEOUT(lastCheck(n) > killedAt, 60000);
        // A new version published on one core is what the others start from then on: they
        // are told, not left with the version they had read.
        auto onboarding =
            get(api(1, QStringLiteral("/api/v1/workflows/new-patient-onboarding")), auth()).json();
        QJsonObject draft = onboarding.value(QLatin1String("draft")).toObject();
        QVERIFY(!draft.isEmpty());
        draft.insert(QStringLiteral("name"), QStringLiteral("New patient onboarding, second"));
        QCOMPARE(request("PUT", api(1, QStringLiteral("/api/v1/workflows/new-patient-onboarding")),
                         QJsonDocument(draft).toJson(), auth())
                     .status,
                 200);
        QCOMPARE(post(api(1, QStringLiteral("/api/v1/workflows/new-patient-onboarding/publish")),
                      R"({"note":"second"})", auth())
                     .status,
                 201);
        const auto versionStartedOn = [this](int core) {
            const QString id =
                post(api(core,
                         QStringLiteral("/api/v1/workflows/new-patient-onboarding/executions")),
                     R"({"input":{"patient_id":"P-second","score":1}})", auth())
                    .json()
                    .value(QLatin1String("execution_id"))
                    .toString();
            return get(api(core, QStringLiteral("/api/v1/executions/") + id), auth())
                .json()
                .value(QLatin1String("version"))
                .toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(versionStartedOn(2), 2, 5000);

        qInfo("%d executions (%d acknowledged before the kill, %d answered from their key "
              "after it), %d held by the killed core, %d taken over; %d scheduled runs; "
              "duplicates suppressed by the booking module: %d",
              total, beforeTheKill, replayed, heldByTheDead, takenOver, int(fired.size()),
              simModule("02_booking").value(QLatin1String("duplicate_keys_suppressed")).toInt());
    }
};

QTEST_GUILESS_MAIN(TstClusterE2e)
#include "tst_cluster_e2e.moc"
