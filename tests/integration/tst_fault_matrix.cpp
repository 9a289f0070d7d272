#include "common/manualclock.h"
#include "config/coreconfig.h"
#include "engine/curlmoduleclient.h"
#include "engine/workflowengine.h"
#include "resilience/resilientmoduleclient.h"
#include "sim/simfleet.h"
#include "store/database.h"
#include "store/workflowstore.h"
#include "testsupport.h"
#include "workflow/expressionengine.h"
#include "workflow/workflowvalidator.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Switchboard;
using namespace TestSupport;

// Every fault mode of switchboard-sim against the engine and the resilience layer, over real
// loopback HTTP. The engine's and the breakers' time is a manual clock; so is the fleet's,
// for flapping.
class TstFaultMatrix : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    ManualClock m_simClock;
    std::unique_ptr<SimFleet> m_fleet;
    std::unique_ptr<SimFleet> m_backup;
    Database m_db;
    ExpressionEngine m_expressions;
    std::unique_ptr<WorkflowValidator> m_validator;
    std::unique_ptr<WorkflowStore> m_store;
    std::unique_ptr<CurlModuleClient> m_curl;
    std::unique_ptr<ResilientModuleClient> m_calls;
    std::unique_ptr<WorkflowEngine> m_engine;

    void fault(const char *module, const char *mode, const QJsonObject &extra = {})
    {
        QJsonObject f = extra;
        f.insert(QStringLiteral("module"), QLatin1String(module));
        f.insert(QStringLiteral("mode"), QLatin1String(mode));
        QVERIFY(m_fleet->applyFault(f).ok());
    }
    QString start(const QString &module)
    {
        auto s = m_engine->start(QStringLiteral("call-") + module.left(2), {});
        return s ? s->value(QLatin1String("execution_id")).toString() : QString();
    }
    QJsonObject execution(const QString &id) { return m_engine->execution(id).value(); }
    QString status(const QString &id)
    {
        return execution(id).value(QLatin1String("status")).toString();
    }
    bool settled(const QString &id)
    {
        const QString s = status(id);
        return s == QLatin1String("waiting") || s == QLatin1String("completed")
            || s == QLatin1String("failed");
    }
    QList<qint64> retryDelays(const QString &id)
    {
        QList<qint64> delays;
        for (const QJsonValue &e : execution(id).value(QLatin1String("history")).toArray()) {
            if (e.toObject().value(QLatin1String("type")).toString()
                == QLatin1String("retry_scheduled"))
                delays << e.toObject()
                              .value(QLatin1String("data"))
                              .toObject()
                              .value(QLatin1String("delay_ms"))
                              .toInteger();
        }
        return delays;
    }
    // Lets a waiting execution's retry timer fire.
    void nextAttempt(qint64 ms = 20000)
    {
        m_clock.advance(ms);
        m_engine->processDueTimers();
    }
    int effects(SimFleet &fleet, const char *module)
    {
        return fleet.stats()
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
        m_fleet = std::make_unique<SimFleet>(m_simClock, 21);
        m_backup = std::make_unique<SimFleet>(m_simClock, 22);
        const quint16 base = startFleet(*m_fleet);
        const quint16 backupBase = startFleet(*m_backup);
        QVERIFY(base && backupBase);
        QVERIFY(m_db.open(QStringLiteral(":memory:")).ok());
        m_validator = std::make_unique<WorkflowValidator>(m_expressions);
        m_store = std::make_unique<WorkflowStore>(m_db, m_clock, *m_validator);
        m_curl = std::make_unique<CurlModuleClient>();
        m_calls = std::make_unique<ResilientModuleClient>(*m_curl, m_clock,
                                                          RateLimitConfig {1000000, 30000});
        m_engine =
            std::make_unique<WorkflowEngine>(m_db, *m_store, *m_calls, m_expressions, m_clock);
        CoreConfig config;
        config.useSimulatedFleet(base);
        CoreConfig backup;
        backup.useSimulatedFleet(backupBase);
        QHash<QString, QUrl> endpoints;
        for (const ModuleConfig &m : config.modules) {
            endpoints.insert(m.id, m.endpoint);
            // Module 04 has a backup payment gateway.
            const QUrl fallback =
                m.id == QLatin1String("04_billing") ? backup.module(m.id)->endpoint : QUrl();
            m_calls->configure(m.id,
                               ModulePolicy {CircuitBreakerConfig {3, 10000, 1, 1},
                                             BulkheadConfig {2, 50},
                                             RateLimitConfig {1000000, 30000}, fallback});
            const QString workflow =
                QStringLiteral(
                    R"({"id": "call-%1", "name": "Call %1", "trigger": {"kind": "manual"},
              "nodes": [{"id": "start", "type": "trigger"},
                        {"id": "call", "type": "module_call", "module": "%2", "action": "work", "timeout_s": 5, "retry": {"max_attempts": %3}},
                        {"id": "done", "type": "end"}],
              "edges": [{"from": "start", "to": "call"}, {"from": "call", "to": "done"}]})")
                    .arg(m.id.left(2), m.id)
                    .arg(m.id == QLatin1String("05_followup") ? 1 : 10);
            QVERIFY(
                m_store->saveDraft(QJsonDocument::fromJson(workflow.toUtf8()).object())->isEmpty());
            QVERIFY(
                m_store
                    ->publish(QStringLiteral("call-") + m.id.left(2), {}, QStringLiteral("tester"))
                    .ok());
        }
        m_engine->setEndpoints(endpoints);
    }

    void downRetriesWithBackoffOpensTheCircuitAndRecovers()
    {
        fault("03_telehealth", "down");
        QSignalSpy circuit(m_calls.get(), &ResilientModuleClient::circuitChanged);
        const QString id = start(QStringLiteral("03"));
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_VERIFY(settled(id));
            QCOMPARE(status(id), QStringLiteral("waiting"));
            if (attempt < 3)
                nextAttempt();
        }
        // 1 s then 2 s, each within the ±20 % jitter.
        const QList<qint64> delays = retryDelays(id);
        QVERIFY2(delays.size() == 3, qPrintable(QString::number(delays.size())));
        QVERIFY(delays.at(0) >= 800 && delays.at(0) <= 1200);
        QVERIFY(delays.at(1) >= 1600 && delays.at(1) <= 2400);
        QVERIFY(delays.at(2) >= 3200 && delays.at(2) <= 4800);
        // Three failures in a row opened the circuit: the next attempt fails fast.
        QCOMPARE(m_calls->circuit(QStringLiteral("03_telehealth")), CircuitState::Open);
        QVERIFY(!circuit.isEmpty());
        nextAttempt(5000);
        QTRY_VERIFY(settled(id));
        QCOMPARE(m_calls->stats().value(QStringLiteral("03_telehealth")).rejectedOpen, 1);
        // The fault clears; after the open period a probe goes through and closes it.
        fault("03_telehealth", "none");
        nextAttempt(20000);
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
        QCOMPARE(m_calls->circuit(QStringLiteral("03_telehealth")), CircuitState::Closed);
        QCOMPARE(effects(*m_fleet, "03_telehealth"), 1);
    }

    void slowModuleDoesNotDelayOthers()
    {
        fault("04_billing", "slow", {{QStringLiteral("latency_ms"), 1500}});
        QStringList billing;
        for (int i = 0; i < 6; ++i)
            billing << start(QStringLiteral("04"));
        QTRY_COMPARE(m_calls->stats().value(QStringLiteral("04_billing")).inUse,
                     2); // the bulkhead holds the rest
        QCOMPARE(m_calls->stats().value(QStringLiteral("04_billing")).queued, 4);
        QElapsedTimer timer;
        timer.start();
        const QString booking = start(QStringLiteral("02"));
        QTRY_COMPARE(status(booking), QStringLiteral("completed"));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        int billed = 0;
        for (const QString &id : billing)
            billed += status(id) == QLatin1String("completed") ? 1 : 0;
        QVERIFY(billed <= 2);
        for (const QString &id : billing)
            QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("completed"), 15000);
        fault("04_billing", "none");
    }

    void errorsAtHalfRateStillCompleteWithOneEffectEach()
    {
        fault("06_ocr", "errors", {{QStringLiteral("error_rate"), 0.5}});
        const int before = effects(*m_fleet, "06_ocr");
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids << start(QStringLiteral("06"));
        for (int round = 0; round < 12; ++round) {
            bool all = true;
            for (const QString &id : ids) {
                QTRY_VERIFY(settled(id));
                all = all && status(id) == QLatin1String("completed");
            }
            if (all)
                break;
            // Keep the breaker from opening on a run of bad luck: this test is about retries.
            m_calls->resetBreaker(QStringLiteral("06_ocr"));
            nextAttempt();
        }
        for (const QString &id : ids)
            QCOMPARE(status(id), QStringLiteral("completed"));
        QCOMPARE(effects(*m_fleet, "06_ocr"), before + 10);
        fault("06_ocr", "none");
    }

    void retryAfterIsHonoured()
    {
        QCOMPARE(CurlModuleClient::retryAfterMs("120"), 120000);
        QCOMPARE(CurlModuleClient::retryAfterMs("soon"), -1);
        QVERIFY(
            CurlModuleClient::retryAfterMs(
                QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::RFC2822Date).toLatin1())
            > 50000);
        fault("09_compliance", "errors",
              {{QStringLiteral("error_rate"), 1.0}, {QStringLiteral("retry_after_s"), 30}});
        const QString id = start(QStringLiteral("09"));
        QTRY_VERIFY(settled(id));
        QCOMPARE(status(id), QStringLiteral("waiting"));
        const QList<qint64> delays = retryDelays(id);
        QCOMPARE(delays.size(), 1);
        QVERIFY2(delays.first() >= 30000,
                 qPrintable(QString::number(delays.first()))); // not the 1 s backoff
        fault("09_compliance", "none");
        nextAttempt(31000);
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
    }

    void flappingModuleIsReachedWhenItComesBack()
    {
        fault("08_messaging", "flapping", {{QStringLiteral("period_ms"), 1000}});
        const QString id = start(QStringLiteral("08"));
        QTRY_VERIFY(settled(id));
        QCOMPARE(status(id), QStringLiteral("waiting")); // it started in its down phase
        m_simClock.advance(1000); // up phase
        nextAttempt();
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
        fault("08_messaging", "none");
    }

    void malformedAnswersAreRetried()
    {
        fault("07_analytics", "malformed");
        const QString id = start(QStringLiteral("07"));
        QTRY_VERIFY(settled(id));
        QCOMPARE(status(id), QStringLiteral("waiting"));
        const QJsonArray steps = execution(id).value(QLatin1String("steps")).toArray();
        bool sawMalformed = false;
        for (const QJsonValue &s : steps)
            sawMalformed = sawMalformed
                || s.toObject()
                       .value(QLatin1String("error"))
                       .toString()
                       .contains(QStringLiteral("not a JSON object"));
        QVERIFY(sawMalformed);
        fault("07_analytics", "none");
        nextAttempt();
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
        // Every attempt was a span of the execution's trace, and the module saw the last one.
        QStringList spans;
        for (const QJsonValue &e : execution(id).value(QLatin1String("history")).toArray()) {
            if (e.toObject().value(QLatin1String("type")).toString()
                == QLatin1String("step_started"))
                spans << e.toObject()
                             .value(QLatin1String("data"))
                             .toObject()
                             .value(QLatin1String("span_id"))
                             .toString();
        }
        QCOMPARE(spans.size(), 2);
        QVERIFY(spans.at(0) != spans.at(1));
        const QJsonObject seen = m_fleet->stats()
                                     .value(QLatin1String("modules"))
                                     .toObject()
                                     .value(QLatin1String("07_analytics"))
                                     .toObject()
                                     .value(QLatin1String("last_trace_headers"))
                                     .toObject();
        QCOMPARE(seen.value(QLatin1String("X-Parent-Span-ID")).toString(), spans.last());
        QCOMPARE(seen.value(QLatin1String("X-Trace-ID")).toString(),
                 execution(id).value(QLatin1String("trace_id")).toString());
        QCOMPARE(seen.value(QLatin1String("traceparent")).toString(),
                 QStringLiteral("00-%1-%2-01")
                     .arg(execution(id).value(QLatin1String("trace_id")).toString(), spans.last()));
        QCOMPARE(seen.value(QLatin1String("X-Service-Name")).toString(),
                 QStringLiteral("switchboard"));
    }

    void fallbackEndpointTakesOverWhileTheCircuitIsOpen()
    {
        fault("04_billing", "down");
        const int backupBefore = effects(*m_backup, "04_billing");
        const QString id = start(QStringLiteral("04"));
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_VERIFY(settled(id));
            if (attempt < 3)
                nextAttempt();
        }
        QCOMPARE(m_calls->circuit(QStringLiteral("04_billing")), CircuitState::Open);
        nextAttempt(5000); // within the open period, so the call goes to the fallback
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
        QCOMPARE(effects(*m_backup, "04_billing"), backupBefore + 1);
        QCOMPARE(m_calls->stats().value(QStringLiteral("04_billing")).fallbackCalls, 1);
        fault("04_billing", "none");
        m_calls->resetBreaker(QStringLiteral("04_billing"));
    }

    void timeoutEndsInTheDeadLetterQueueAndReplaysAfterRecovery()
    {
        fault("05_followup", "timeout");
        const int before = m_engine->deadLetters().pendingCount().value();
        const QString id = start(QStringLiteral("05")); // one attempt, 5 s timeout
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("failed"), 15000);
        QVERIFY(execution(id)
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QStringLiteral("no answer within the timeout")));
        // The request went out over real HTTP: the module may have acted, and the timeline and
        // the dead letter say so.
        bool unknown = false;
        for (const QJsonValue &e : execution(id).value(QLatin1String("history")).toArray())
            unknown = unknown
                || e.toObject().value(QLatin1String("type")).toString()
                    == QLatin1String("step_outcome_unknown");
        QVERIFY(unknown);
        QCOMPARE(m_engine->deadLetters().pendingCount().value(), before + 1);
        QVERIFY(m_engine->deadLetters()
                    .list({QStringLiteral("pending"), {}, {}})
                    .value()
                    .first()
                    .toObject()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("outcome unknown")));
        fault("05_followup", "none");
        const QString letter = m_engine->deadLetters()
                                   .list({QStringLiteral("pending"), {}, {}})
                                   .value()
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
        std::optional<Result<QJsonObject>> replayed;
        m_engine->deadLetters().replay(letter, {}, QStringLiteral("tester"),
                                       [&](Result<QJsonObject> r) { replayed = r; });
        QTRY_VERIFY(replayed.has_value());
        QVERIFY(replayed->ok());
        QCOMPARE(m_engine->deadLetters().pendingCount().value(), before);
    }
};

QTEST_GUILESS_MAIN(TstFaultMatrix)
#include "tst_fault_matrix.moc"
