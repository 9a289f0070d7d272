#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "health/healthprobe.h"

namespace Switchboard {

struct CircuitBreakerConfig
{
    int failureThreshold = 5; // consecutive failures that open the circuit
    int openMs = 60000; // how long it stays open before letting probes through
    int halfOpenProbes = 1; // calls allowed at once while half-open
    int successesToClose = 1; // probe successes that close it again

    static Result<CircuitBreakerConfig> make(int failureThreshold, int openMs,
                                             int halfOpenProbes = 1, int successesToClose = 1);
};

// Closed → open after failureThreshold consecutive failures → half-open after openMs, letting
// a few probe calls through → closed after successesToClose successes (or open again on a
// failure). Open means fail fast without touching the network. Time comes from the clock.
class CircuitBreaker
{
public:
    CircuitBreaker(const CircuitBreakerConfig &config, const Clock &clock);

    // Whether a call may go out now; a true while half-open takes a probe slot.
    bool tryAcquire();
    void onSuccess();
    void onFailure();
    // The call tryAcquire() allowed did not happen after all; gives back a probe slot.
    void cancel();
    void reset();

    CircuitState state() const;
    int consecutiveFailures() const { return m_failures; }
    qint64 openedAtMs() const { return m_openedAt; }
    const CircuitBreakerConfig &config() const { return m_config; }

private:
    void open();

    CircuitBreakerConfig m_config;
    const Clock &m_clock;
    CircuitState m_state = CircuitState::Closed;
    int m_failures = 0;
    int m_probes = 0;
    int m_probeSuccesses = 0;
    qint64 m_openedAt = 0;
};

} // namespace Switchboard
