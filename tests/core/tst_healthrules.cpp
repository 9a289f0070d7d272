#include "common/manualclock.h"
#include "health/healthrules.h"
#include "health/responsestats.h"

#include <QTest>

using namespace Switchboard;

Q_DECLARE_METATYPE(Switchboard::ModuleConfig)
Q_DECLARE_METATYPE(std::optional<Switchboard::HealthProbe>)

class TstHealthRules : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    HealthSettings m_settings;

    ModuleConfig configured(bool enabled = true) const
    {
        ModuleConfig m;
        m.id = QStringLiteral("04_billing");
        m.enabled = enabled;
        m.endpoint = QUrl(QStringLiteral("http://127.0.0.1:8704/webhook/billing-payment"));
        return m;
    }

    HealthProbe answered(ModuleStatus reported = ModuleStatus::Healthy, int errors = 0,
                         int responseMs = 40) const
    {
        HealthProbe p;
        p.outcome = HealthProbe::Outcome::Answered;
        p.reported = reported;
        p.errors24h = errors;
        p.responseMs = responseMs;
        p.lastRun = m_clock.now().addSecs(-600);
        return p;
    }

private Q_SLOTS:
    void responsePercentiles()
    {
        const ResponseStats none = ResponseStats::of({-1, -1});
        QCOMPARE(none.answered, 0);
        QCOMPARE(none.unanswered, 2);
        QCOMPARE(none.p50, -1);
        QCOMPARE(none.p99, -1);

        // 1..100 ms shuffled, with two checks that got no answer.
        QList<int> samples;
        for (int i = 100; i >= 1; --i)
            samples << (i * 37) % 101;
        samples << -1 << -1;
        const ResponseStats stats = ResponseStats::of(samples);
        QCOMPARE(stats.answered, 100);
        QCOMPARE(stats.unanswered, 2);
        QCOMPARE(stats.p50, 50);
        QCOMPARE(stats.p95, 95);
        QCOMPARE(stats.p99, 99);

        const ResponseStats one = ResponseStats::of({7});
        QCOMPARE(one.p50, 7);
        QCOMPARE(one.p99, 7);
    }

    void rules_data()
    {
        QTest::addColumn<ModuleConfig>("module");
        QTest::addColumn<std::optional<HealthProbe>>("probe");
        QTest::addColumn<int>("circuit");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");

        HealthProbe noAnswer;
        noAnswer.outcome = HealthProbe::Outcome::NoAnswer;
        HealthProbe malformed;
        malformed.outcome = HealthProbe::Outcome::Malformed;
        HealthProbe stale = answered();
        stale.lastRun = m_clock.now().addSecs(-28 * 3600);
        ModuleConfig unconfigured = configured();
        unconfigured.endpoint.clear();
        const int closed = int(CircuitState::Closed);

        QTest::newRow("disabled") << configured(false) << std::optional<HealthProbe>(noAnswer)
                                  << closed << int(ModuleStatus::Disabled)
                                  << "Disabled in configuration";
        QTest::newRow("not configured") << unconfigured << std::optional<HealthProbe>() << closed
                                        << int(ModuleStatus::Unknown) << "No endpoint configured";
        QTest::newRow("not checked") << configured() << std::optional<HealthProbe>() << closed
                                     << int(ModuleStatus::Unknown) << "Not checked yet";
        QTest::newRow("healthy") << configured() << std::optional<HealthProbe>(answered()) << closed
                                 << int(ModuleStatus::Healthy) << "Responding normally";
        QTest::newRow("no answer")
            << configured() << std::optional<HealthProbe>(noAnswer) << closed
            << int(ModuleStatus::Down) << "Module not responding to health checks";
        QTest::newRow("reports down")
            << configured() << std::optional<HealthProbe>(answered(ModuleStatus::Down)) << closed
            << int(ModuleStatus::Down) << "Module reports itself down";
        QTest::newRow("circuit open")
            << configured() << std::optional<HealthProbe>(answered()) << int(CircuitState::Open)
            << int(ModuleStatus::Down) << "Circuit breaker open: calls fail fast";
        QTest::newRow("no execution 28 h")
            << configured() << std::optional<HealthProbe>(stale) << closed
            << int(ModuleStatus::Down) << "No execution in 28 hours";
        QTest::newRow("malformed")
            << configured() << std::optional<HealthProbe>(malformed) << closed
            << int(ModuleStatus::Degraded) << "Health answer could not be read";
        QTest::newRow("half open")
            << configured() << std::optional<HealthProbe>(answered()) << int(CircuitState::HalfOpen)
            << int(ModuleStatus::Degraded) << "Circuit breaker half-open: testing recovery";
        QTest::newRow("errors above threshold")
            << configured() << std::optional<HealthProbe>(answered(ModuleStatus::Healthy, 6))
            << closed << int(ModuleStatus::Degraded) << "6 errors in last 24 hours (threshold: 5)";
        QTest::newRow("errors at threshold")
            << configured() << std::optional<HealthProbe>(answered(ModuleStatus::Healthy, 5))
            << closed << int(ModuleStatus::Healthy) << "Responding normally";
        QTest::newRow("reports degraded")
            << configured() << std::optional<HealthProbe>(answered(ModuleStatus::Degraded))
            << closed << int(ModuleStatus::Degraded) << "Module reports itself degraded";
        QTest::newRow("slow") << configured()
                              << std::optional<HealthProbe>(
                                     answered(ModuleStatus::Healthy, 0, 4500))
                              << closed << int(ModuleStatus::Degraded)
                              << "Slow response: 4500 ms (limit: 3000 ms)";
    }

    void rules()
    {
        QFETCH(ModuleConfig, module);
        QFETCH(std::optional<HealthProbe>, probe);
        QFETCH(int, circuit);
        QFETCH(int, status);
        QFETCH(QString, reason);
        const HealthAssessment a =
            HealthRules::assess(module, probe, CircuitState(circuit), m_settings, m_clock.now());
        QCOMPARE(int(a.status), status);
        QCOMPARE(HealthRules::reasonText(a, false), reason);
    }

    void goesDownWhenNothingRunsForTooLong()
    {
        ManualClock clock;
        HealthProbe probe = answered();
        probe.lastRun = clock.now();
        QCOMPARE(
            HealthRules::assess(configured(), probe, CircuitState::Closed, m_settings, clock.now())
                .status,
            ModuleStatus::Healthy);
        clock.advance(24 * 3600 * 1000LL);
        QCOMPARE(
            HealthRules::assess(configured(), probe, CircuitState::Closed, m_settings, clock.now())
                .status,
            ModuleStatus::Healthy);
        clock.advance(3600 * 1000LL + 1000);
        const HealthAssessment down =
            HealthRules::assess(configured(), probe, CircuitState::Closed, m_settings, clock.now());
        QCOMPARE(down.status, ModuleStatus::Down);
        QCOMPARE(down.reason, HealthReason::NoExecution);
        // An event seen on the feed counts as a sign of life.
        const HealthAssessment alive =
            HealthRules::assess(configured(), probe, CircuitState::Closed, m_settings, clock.now(),
                                clock.now().addSecs(-60));
        QCOMPARE(alive.status, ModuleStatus::Healthy);
    }

    void thresholdsComeFromSettings()
    {
        HealthSettings strict = m_settings;
        strict.errorThreshold = 0;
        strict.slowResponseMs = 30;
        QCOMPARE(HealthRules::assess(configured(), answered(ModuleStatus::Healthy, 1),
                                     CircuitState::Closed, strict, m_clock.now())
                     .reason,
                 HealthReason::TooManyErrors);
        QCOMPARE(HealthRules::assess(configured(), answered(ModuleStatus::Healthy, 0, 31),
                                     CircuitState::Closed, strict, m_clock.now())
                     .reason,
                 HealthReason::Slow);
    }
};

QTEST_GUILESS_MAIN(TstHealthRules)
#include "tst_healthrules.moc"
