#include "resilience/circuitbreaker.h"

namespace Switchboard {

Result<CircuitBreakerConfig> CircuitBreakerConfig::make(int failureThreshold, int openMs,
                                                        int halfOpenProbes, int successesToClose)
{
    if (failureThreshold < 1)
        return makeError(QStringLiteral("must be at least 1"), QStringLiteral("failure_threshold"));
    if (openMs < 1)
        return makeError(QStringLiteral("must be at least 1 ms"), QStringLiteral("open_ms"));
    if (halfOpenProbes < 1)
        return makeError(QStringLiteral("must be at least 1"), QStringLiteral("half_open_probes"));
    if (successesToClose < 1 || successesToClose > halfOpenProbes * 100)
        return makeError(QStringLiteral("must be at least 1"),
                         QStringLiteral("successes_to_close"));
    return CircuitBreakerConfig {failureThreshold, openMs, halfOpenProbes, successesToClose};
}

CircuitBreaker::CircuitBreaker(const CircuitBreakerConfig &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
{
}

CircuitState CircuitBreaker::state() const
{
    if (m_state == CircuitState::Open && m_clock.nowMs() - m_openedAt >= m_config.openMs)
        return CircuitState::HalfOpen;
    return m_state;
}

bool CircuitBreaker::tryAcquire()
{
    if (m_state == CircuitState::Open && state() == CircuitState::HalfOpen) {
        m_state = CircuitState::HalfOpen;
        m_probes = 0;
        m_probeSuccesses = 0;
    }
    switch (m_state) {
    case CircuitState::Closed:
        return true;
    case CircuitState::Open:
        return false;
    case CircuitState::HalfOpen:
        if (m_probes >= m_config.halfOpenProbes)
            return false;
        ++m_probes;
        return true;
    }
    return false;
}

void CircuitBreaker::onSuccess()
{
    m_failures = 0;
    if (m_state == CircuitState::HalfOpen) {
        --m_probes;
        if (++m_probeSuccesses >= m_config.successesToClose)
            m_state = CircuitState::Closed;
    }
}

void CircuitBreaker::onFailure()
{
    if (m_state == CircuitState::HalfOpen) {
        open();
        return;
    }
    if (m_state == CircuitState::Closed && ++m_failures >= m_config.failureThreshold)
        open();
}

void CircuitBreaker::open()
{
    m_state = CircuitState::Open;
    m_openedAt = m_clock.nowMs();
    m_probes = 0;
    m_probeSuccesses = 0;
}

void CircuitBreaker::cancel()
{
    if (m_state == CircuitState::HalfOpen && m_probes > 0)
        --m_probes;
}

void CircuitBreaker::reset()
{
    m_state = CircuitState::Closed;
    m_failures = 0;
    m_probes = 0;
    m_probeSuccesses = 0;
}

} // namespace Switchboard
