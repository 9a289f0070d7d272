#pragma once

#include "resilience/circuitbreaker.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <array>

namespace Switchboard {

// One of a module's recent calls, for the Modules section: which execution and node (from the
// Idempotency-Key, "<execution>:<node>:<visit>"), how it ended and how long it took. No payload.
struct RecentCall
{
    enum class Outcome { Ok, Failed, Refused }; // refused: never sent (circuit, bulkhead, rate)
    qint64 atMs = 0;
    QByteArray key;
    Outcome outcome = Outcome::Ok;
    int httpStatus = 0;
    qint64 elapsedMs = 0;
};

// What /metrics and the console show about one module's calls.
struct ModuleCallStats
{
    static constexpr int RecentLength = 20;

    static constexpr std::array<int, 11> BucketsMs = {5,   10,   25,   50,   100,  250,
                                                      500, 1000, 2500, 5000, 10000};

    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 rejectedOpen = 0; // failed fast: circuit open
    qint64 rejectedBulkhead = 0; // refused: too many calls waiting
    qint64 rejectedRate = 0; // refused: the wait for a rate-limit token would be too long
    qint64 rateLimitWaits = 0; // calls that waited for a token
    qint64 fallbackCalls = 0;
    std::array<qint64, BucketsMs.size() + 1> latency {}; // counts per bucket, last is +Inf
    double latencySumMs = 0;
    int inUse = 0;
    int queued = 0;
    CircuitState circuit = CircuitState::Closed;
    std::array<RecentCall, RecentLength> recent {}; // a ring; see recentCalls()
    int recentCount = 0; // calls remembered so far (the ring holds the last RecentLength)

    void remember(RecentCall call)
    {
        recent[size_t(recentCount++ % RecentLength)] = std::move(call);
    }
    // Newest first.
    QList<RecentCall> recentCalls() const
    {
        QList<RecentCall> out;
        for (int i = recentCount - 1; i >= 0 && i >= recentCount - RecentLength; --i)
            out.append(recent[size_t(i % RecentLength)]);
        return out;
    }

    // {succeeded, failed, rejected, fallback, average_ms, in_flight, queued, rate_limit_waits}
    QJsonObject toJson() const;
    // The recent calls, newest first: {ts, execution, node, outcome, http_status, ms}.
    QJsonArray recentJson() const;
};

} // namespace Switchboard
