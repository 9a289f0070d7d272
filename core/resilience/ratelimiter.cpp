#include "resilience/ratelimiter.h"

#include <cmath>

namespace Switchboard {

Result<RateLimitConfig> RateLimitConfig::make(int perMinute, int maxWaitMs)
{
    if (perMinute < 1 || perMinute > 10000000)
        return makeError(QStringLiteral("must be from 1 to 10000000 per minute"),
                         QStringLiteral("per_minute"));
    if (maxWaitMs < 0 || maxWaitMs > 600000)
        return makeError(QStringLiteral("must be from 0 to 600000 ms"),
                         QStringLiteral("max_wait_ms"));
    return RateLimitConfig {perMinute, maxWaitMs};
}

RateLimiter::RateLimiter(const RateLimitConfig &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
    , m_tokens(config.perMinute)
    , m_last(clock.nowMs())
{
}

void RateLimiter::refill()
{
    const qint64 now = m_clock.nowMs();
    if (now > m_last) {
        m_tokens = std::min(double(m_config.perMinute),
                            m_tokens + (now - m_last) * m_config.perMinute / 60000.0);
        m_last = now;
    }
}

double RateLimiter::available() const
{
    const qint64 elapsed = std::max<qint64>(0, m_clock.nowMs() - m_last);
    return std::min(double(m_config.perMinute), m_tokens + elapsed * m_config.perMinute / 60000.0);
}

qint64 RateLimiter::reserve()
{
    refill();
    // Tokens may go negative: each waiting call holds its place in the line.
    const double after = m_tokens - 1.0;
    const qint64 wait = after >= 0 ? 0 : qint64(std::ceil(-after * 60000.0 / m_config.perMinute));
    if (wait > m_config.maxWaitMs)
        return -1;
    m_tokens = after;
    return wait;
}

} // namespace Switchboard
