#include "common/clock.h"
#include "health/healthchecker.h"
#include "health/healthmonitor.h"
#include "net/httpservice.h"
#include "sim/simfleet.h"
#include "sim/simmodule.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Switchboard;
using namespace TestSupport;

namespace {

// The n8n public API's executions list on loopback, for health "Option B": each workflow's
// executions as given, for the right X-N8N-API-KEY only.
class FakeN8n : public HttpService
{
public:
    QHash<QString, QJsonArray> executions; // by workflow id
    QByteArray token = "n8n-token-1";
    QList<QUrlQuery> asked;

    FakeN8n()
    {
        route("GET", QStringLiteral("/api/v1/executions"),
              [this](const HttpRequest &r, const HttpReply &reply, const QStringList &) {
                  asked.append(r.query);
                  if (r.header("X-N8N-API-KEY") != token)
                      return reply.sendError(401, QStringLiteral("unauthorized"));
                  reply.sendJson(
                      200,
                      {{QStringLiteral("data"),
                        executions.value(r.query.queryItemValue(QStringLiteral("workflowId")))},
                       {QStringLiteral("nextCursor"), QJsonValue::Null}});
              });
        if (!listenOn(QHostAddress::LocalHost, 0))
            qFatal("the fake n8n API could not listen");
    }
};

QJsonObject n8nExecution(const QDateTime &started, const char *status)
{
    return {{QStringLiteral("id"), QString::number(started.toSecsSinceEpoch())},
            {QStringLiteral("startedAt"), started.toString(Qt::ISODateWithMs)},
            {QStringLiteral("stoppedAt"), started.addSecs(2).toString(Qt::ISODateWithMs)},
            {QStringLiteral("status"), QLatin1String(status)},
            {QStringLiteral("finished"), QLatin1String(status) == QLatin1String("success")}};
}

} // namespace

// The monitor against a real simulated fleet over loopback HTTP and WebSocket.
class TstHealthMonitor : public QObject
{
    Q_OBJECT

    SystemClock m_clock;
    SimFleet *m_fleet = nullptr;
    HealthMonitor *m_monitor = nullptr;

    ModuleStatus statusOf(const QString &id) const { return m_monitor->snapshot(id).status(); }

    void checkRound()
    {
        QSignalSpy finished(m_monitor, &HealthMonitor::roundFinished);
        m_monitor->checkAll();
        QVERIFY(finished.wait(10000));
    }

    void setFault(const QByteArray &json)
    {
        QVERIFY(m_fleet->applyFault(QJsonDocument::fromJson(json).object()).ok());
    }

private Q_SLOTS:
    void init()
    {
        m_fleet = new SimFleet(m_clock, 3);
        const quint16 base = startFleet(*m_fleet);
        QVERIFY(base != 0);
        CoreConfig config;
        config.useSimulatedFleet(base);
        config.module(QStringLiteral("06_ocr"))->enabled = false;
        config.health.timeoutMs = 500;
        config.health.retryDelayMs = 50;
        config.health.intervalMs = 3600 * 1000; // only explicit checks in these tests
        m_monitor = new HealthMonitor(m_clock, config);
    }

    void cleanup()
    {
        delete m_monitor;
        delete m_fleet;
    }

    // The seed's "Option B": health from the n8n API's last executions of each workflow.
    void readsHealthFromTheN8nApi()
    {
        FakeN8n n8n;
        const QDateTime now = m_clock.now();
        QJsonArray booking {n8nExecution(now.addSecs(-600), "success")};
        for (int i = 1; i <= 6; ++i) // above ERROR_THRESHOLD (5)
            booking.append(n8nExecution(now.addSecs(-3600 * i), "error"));
        booking.append(n8nExecution(now.addSecs(-30 * 3600), "error")); // older than 24 h
        n8n.executions.insert(QStringLiteral("wf-booking"), booking);
        n8n.executions.insert(QStringLiteral("wf-billing"),
                              {n8nExecution(now.addSecs(-30 * 3600), "success")});
        n8n.executions.insert(QStringLiteral("wf-intake"),
                              {n8nExecution(now.addSecs(-60), "success")});
        CoreConfig config = m_monitor->config();
        config.n8n.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(n8n.port()));
        config.n8n.token = QString::fromLatin1(n8n.token);
        config.module(QStringLiteral("01_intake"))->n8nWorkflowId = QStringLiteral("wf-intake");
        config.module(QStringLiteral("02_booking"))->n8nWorkflowId = QStringLiteral("wf-booking");
        config.module(QStringLiteral("04_billing"))->n8nWorkflowId = QStringLiteral("wf-billing");
        m_monitor->setConfig(config);
        checkRound();
        QCOMPARE(statusOf(QStringLiteral("01_intake")), ModuleStatus::Healthy);
        QCOMPARE(m_monitor->snapshot(QStringLiteral("02_booking")).errors24h, 6);
        QCOMPARE(statusOf(QStringLiteral("02_booking")), ModuleStatus::Degraded);
        QCOMPARE(statusOf(QStringLiteral("04_billing")), ModuleStatus::Down); // nothing in 24 h
        QCOMPARE(m_monitor->snapshot(QStringLiteral("04_billing")).lastRun.toSecsSinceEpoch(),
                 now.addSecs(-30 * 3600).toSecsSinceEpoch());
        // Modules without a workflow id still answer /health.
        QCOMPARE(statusOf(QStringLiteral("03_telehealth")), ModuleStatus::Healthy);
        QCOMPARE(n8n.asked.size(), 3);
        QCOMPARE(n8n.asked.at(0).queryItemValue(QStringLiteral("limit")), QStringLiteral("250"));

        // A token n8n refuses is not taken for a module that is down: the reason names it.
        QCOMPARE(HealthChecker::parseN8nExecutions(401, "{}", 5, now).error,
                 QStringLiteral("the n8n API refused N8N_API_TOKEN (HTTP 401)"));
        n8n.token = "rotated";
        checkRound();
        QCOMPARE(statusOf(QStringLiteral("01_intake")), ModuleStatus::Degraded);
        QCOMPARE(m_monitor->snapshot(QStringLiteral("01_intake")).assessment.reason,
                 HealthReason::CredentialRefused);
        QCOMPARE(HealthRules::reasonText(
                     m_monitor->snapshot(QStringLiteral("01_intake")).assessment, false),
                 QStringLiteral("Health check refused: the credential is wrong"));
        // A module's own /health refusing its credential says the same, not "down".
        QCOMPARE(HealthChecker::parseAnswer(403, "Forbidden", 5).outcome,
                 HealthProbe::Outcome::Refused);
    }

    void keepsTheBreakersRecentChanges()
    {
        const QString booking = QStringLiteral("02_booking");
        const QDateTime before = m_clock.now();
        m_monitor->setCircuitState(booking, CircuitState::Open);
        m_monitor->setCircuitState(booking, CircuitState::Open); // no change: not recorded
        m_monitor->setCircuitState(booking, CircuitState::HalfOpen);
        m_monitor->setCircuitState(booking, CircuitState::Closed);
        const QList<CircuitTransition> history = m_monitor->snapshot(booking).circuitHistory;
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).state, CircuitState::Open);
        QCOMPARE(history.at(1).state, CircuitState::HalfOpen);
        QCOMPARE(history.at(2).state, CircuitState::Closed);
        QVERIFY(history.first().at >= before);
        QCOMPARE(m_monitor->snapshot(booking).circuit, CircuitState::Closed);

        // Only the newest few are kept.
        for (int i = 0; i < 2 * ModuleSnapshot::CircuitHistoryLength; ++i)
            m_monitor->setCircuitState(booking, i % 2 ? CircuitState::Closed : CircuitState::Open);
        const QList<CircuitTransition> capped = m_monitor->snapshot(booking).circuitHistory;
        QCOMPARE(capped.size(), ModuleSnapshot::CircuitHistoryLength);
        QCOMPARE(capped.last().state, CircuitState::Closed);
        QVERIFY(m_monitor->snapshot(QStringLiteral("01_intake")).circuitHistory.isEmpty());
    }

    void followsFaultsOfTheFleet()
    {
        QSignalSpy firstRound(m_monitor, &HealthMonitor::roundFinished);
        m_monitor->start();
        QVERIFY(firstRound.wait(10000));
        QCOMPARE(statusOf(QStringLiteral("02_booking")), ModuleStatus::Healthy);
        QCOMPARE(statusOf(QStringLiteral("06_ocr")), ModuleStatus::Disabled);
        QVERIFY(m_monitor->snapshot(QStringLiteral("02_booking")).responseMs >= 0);

        setFault(R"({"module":"02_booking","mode":"down"})");
        checkRound();
        QCOMPARE(statusOf(QStringLiteral("02_booking")), ModuleStatus::Down);
        QCOMPARE(m_monitor->snapshot(QStringLiteral("02_booking")).assessment.reason,
                 HealthReason::NoAnswer);
        QCOMPARE(m_monitor->snapshot(QStringLiteral("02_booking")).responseHistory.last(), -1);
        QCOMPARE(statusOf(QStringLiteral("01_intake")), ModuleStatus::Healthy);

        setFault(R"({"module":"02_booking","mode":"none"})");
        setFault(R"({"module":"04_billing","mode":"malformed"})");
        setFault(R"({"module":"05_followup","mode":"timeout"})");
        checkRound();
        QCOMPARE(statusOf(QStringLiteral("02_booking")), ModuleStatus::Healthy);
        QCOMPARE(statusOf(QStringLiteral("04_billing")), ModuleStatus::Degraded);
        QCOMPARE(statusOf(QStringLiteral("05_followup")), ModuleStatus::Down);
    }

    void retriesOnceBeforeCallingAModuleDown()
    {
        // A module that never answers is asked twice (the specification's maxTries=2), then down.
        setFault(R"({"module":"03_telehealth","mode":"timeout"})");
        checkRound();
        QCOMPARE(statusOf(QStringLiteral("03_telehealth")), ModuleStatus::Down);
        const auto requests = [this] {
            return m_fleet->stats()
                .value(QLatin1String("modules"))
                .toObject()
                .value(QLatin1String("03_telehealth"))
                .toObject()
                .value(QLatin1String("requests"))
                .toInt();
        };
        QCOMPARE(requests(), 2);
        CoreConfig config = m_monitor->config();
        config.health.retries = 0;
        m_monitor->setConfig(config);
        checkRound();
        QCOMPARE(requests(), 3);
    }

    void marksAFeedThatDrops()
    {
        m_monitor->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->snapshot(QStringLiteral("08_messaging")).feedConnected,
                                 10000);
        QVERIFY(!m_monitor->snapshot(QStringLiteral("06_ocr")).feedConnected);

        QSignalSpy events(m_monitor, &HealthMonitor::eventReceived);
        QTRY_COMPARE(m_fleet->module(QStringLiteral("08_messaging")) != nullptr, true);
        m_fleet->module(QStringLiteral("08_messaging"))
            ->emitEvent(QStringLiteral("message.sent"),
                        {{QStringLiteral("channel"), QStringLiteral("sms")}});
        QVERIFY(events.wait(5000));
        QCOMPARE(events.first().at(0).toString(), QStringLiteral("08_messaging"));
        QCOMPARE(m_monitor->snapshot(QStringLiteral("08_messaging")).eventsSeen, 1);

        setFault(R"({"module":"08_messaging","mode":"down"})");
        QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->snapshot(QStringLiteral("08_messaging")).feedConnected,
                                 5000);
        setFault(R"({"module":"08_messaging","mode":"none"})");
        // Reconnects on its own, with backoff.
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->snapshot(QStringLiteral("08_messaging")).feedConnected,
                                 10000);
    }
};

QTEST_GUILESS_MAIN(TstHealthMonitor)
#include "tst_healthmonitor.moc"
