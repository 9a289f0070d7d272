#pragma once

#include "common/clock.h"
#include "common/result.h"

namespace Switchboard {

struct RateLimitConfig
{
    int perMinute = 100; // sustained rate; also the burst size
    int maxWaitMs = 30000; // longer than this, a call is refused instead of waiting

    static Result<RateLimitConfig> make(int perMinute, int maxWaitMs);
};

// A token bucket on the injected clock. A call takes a token; when none is left it learns how
// long to wait for its turn, so calls over the limit are delayed, not failed, up to maxWaitMs.
class RateLimiter
{
public:
    RateLimiter(const RateLimitConfig &config, const Clock &clock);

    // Reserves a token and returns the milliseconds to wait before using it (0: now);
    // -1 when the wait would exceed maxWaitMs (nothing is reserved then).
    qint64 reserve();
    double available() const;
    const RateLimitConfig &config() const { return m_config; }

private:
    void refill();

    RateLimitConfig m_config;
    const Clock &m_clock;
    double m_tokens;
    qint64 m_last;
};

} // namespace Switchboard
