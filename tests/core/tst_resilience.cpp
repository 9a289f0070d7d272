#include "common/manualclock.h"
#include "resilience/bulkhead.h"
#include "resilience/circuitbreaker.h"
#include "resilience/ratelimiter.h"

#include <QTest>

using namespace Switchboard;

class TstResilience : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void breakerOpensAfterTheThresholdAndFailsFast()
    {
        ManualClock clock;
        CircuitBreaker breaker(*CircuitBreakerConfig::make(3, 60000), clock);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(breaker.tryAcquire());
            breaker.onFailure();
        }
        QCOMPARE(breaker.state(), CircuitState::Closed);
        QVERIFY(breaker.tryAcquire());
        breaker.onSuccess(); // a success resets the count
        for (int i = 0; i < 3; ++i) {
            QVERIFY(breaker.tryAcquire());
            breaker.onFailure();
        }
        QCOMPARE(breaker.state(), CircuitState::Open);
        QVERIFY(!breaker.tryAcquire());
        clock.advance(59999);
        QVERIFY(!breaker.tryAcquire());
        clock.advance(1);
        QCOMPARE(breaker.state(), CircuitState::HalfOpen);
    }

    void halfOpenLetsProbesThroughThenClosesOrReopens()
    {
        ManualClock clock;
        CircuitBreaker breaker(*CircuitBreakerConfig::make(1, 1000, 2, 2), clock);
        QVERIFY(breaker.tryAcquire());
        breaker.onFailure();
        QCOMPARE(breaker.state(), CircuitState::Open);
        clock.advance(1000);
        QVERIFY(breaker.tryAcquire());
        QVERIFY(breaker.tryAcquire());
        QVERIFY(!breaker.tryAcquire()); // only two probes at once
        breaker.onSuccess();
        QCOMPARE(breaker.state(), CircuitState::HalfOpen);
        breaker.onSuccess();
        QCOMPARE(breaker.state(), CircuitState::Closed);

        QVERIFY(breaker.tryAcquire());
        breaker.onFailure();
        clock.advance(1000);
        QVERIFY(breaker.tryAcquire());
        breaker.onFailure(); // a failed probe opens it again, for a full period
        QCOMPARE(breaker.state(), CircuitState::Open);
        clock.advance(999);
        QCOMPARE(breaker.state(), CircuitState::Open);
        breaker.reset();
        QCOMPARE(breaker.state(), CircuitState::Closed);
        QVERIFY(breaker.tryAcquire());
    }

    void configsAreValidated()
    {
        QCOMPARE(CircuitBreakerConfig::make(0, 1000).error().field,
                 QStringLiteral("failure_threshold"));
        QCOMPARE(BulkheadConfig::make(0, 1).error().field, QStringLiteral("max_concurrent"));
        QCOMPARE(RateLimitConfig::make(0, 1).error().field, QStringLiteral("per_minute"));
    }

    void bulkheadRunsQueuesAndRefuses()
    {
        Bulkhead bulkhead(*BulkheadConfig::make(2, 1));
        QCOMPARE(bulkhead.admit(), Bulkhead::Admission::Run);
        QCOMPARE(bulkhead.admit(), Bulkhead::Admission::Run);
        QCOMPARE(bulkhead.admit(), Bulkhead::Admission::Queue);
        QCOMPARE(bulkhead.admit(), Bulkhead::Admission::Refuse);
        QCOMPARE(bulkhead.inUse(), 2);
        QVERIFY(bulkhead.release()); // the queued call takes the slot
        QCOMPARE(bulkhead.inUse(), 2);
        QCOMPARE(bulkhead.queued(), 0);
        QVERIFY(!bulkhead.release());
        QCOMPARE(bulkhead.inUse(), 1);
    }

    void rateLimiterDelaysInsteadOfFailing()
    {
        ManualClock clock;
        RateLimiter limiter(*RateLimitConfig::make(60, 5000), clock); // one per second
        for (int i = 0; i < 60; ++i)
            QCOMPARE(limiter.reserve(), 0); // the burst
        QCOMPARE(limiter.reserve(), 1000);
        QCOMPARE(limiter.reserve(), 2000);
        QCOMPARE(limiter.reserve(), 3000);
        QCOMPARE(limiter.reserve(), 4000);
        QCOMPARE(limiter.reserve(), 5000);
        QCOMPARE(limiter.reserve(), -1); // would wait too long: refused, nothing reserved
        clock.advance(5000);
        QCOMPARE(limiter.reserve(), 1000);
    }
};

QTEST_GUILESS_MAIN(TstResilience)
#include "tst_resilience.moc"
