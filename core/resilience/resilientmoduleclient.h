#pragma once

#include "common/clock.h"
#include "engine/moduleclient.h"
#include "resilience/bulkhead.h"
#include "resilience/circuitbreaker.h"
#include "resilience/ratelimiter.h"

#include <QHash>
#include <QObject>
#include <array>
#include <deque>
#include <memory>
#include <vector>

namespace Switchboard {

struct ModulePolicy
{
    CircuitBreakerConfig breaker;
    BulkheadConfig bulkhead;
    RateLimitConfig rate;
    QUrl fallback; // used while the breaker is open (e.g. a backup payment gateway)
};

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
};

// The resilience layer around the one module-call path: rate limits (global and per module;
// over the limit a call waits its turn, up to a bound), a circuit breaker per module (open:
// fail fast, or go to the fallback endpoint), and a bulkhead per module (a cap on calls in
// flight with a bounded queue), so one slow module cannot hold up the others.
// The inner client must not answer after this object is gone (CurlModuleClient drops its
// calls unanswered when destroyed, and the core destroys it after this one).
class ResilientModuleClient final : public QObject, public ModuleClient
{
    Q_OBJECT

public:
    ResilientModuleClient(ModuleClient &inner, const Clock &clock, const RateLimitConfig &global,
                          QObject *parent = nullptr);
    ~ResilientModuleClient() override;

    void configure(const QString &module, const ModulePolicy &policy);
    void call(const ModuleCallRequest &request, Callback done) override;

    void resetBreaker(const QString &module);
    CircuitState circuit(const QString &module) const;
    QHash<QString, ModuleCallStats> stats() const;

Q_SIGNALS:
    void circuitChanged(const QString &module, Switchboard::CircuitState state);

private:
    struct Module;
    struct Pending
    {
        ModuleCallRequest request;
        Callback done;
        bool viaFallback = false;
    };

    Module &module(const QString &id);
    void admit(Module &m, ModuleCallRequest request, Callback done);
    void send(Module &m, Pending pending);
    void noteCircuit(Module &m);
    static ModuleCallResult refusal(const QString &message);
    void deliverLater(Callback done, const ModuleCallResult &result);

    // Calls in flight. Slots are reused so that a call allocates nothing when nothing trips:
    // the callback handed to the inner client captures only this and a slot number.
    struct Slot
    {
        std::shared_ptr<Module> module;
        Callback done;
        QByteArray key; // the call's Idempotency-Key, for recent calls
        bool viaFallback = false;
    };
    int takeSlot(std::shared_ptr<Module> module, Callback done, const QByteArray &key,
                 bool viaFallback);
    void refuse(Module &m, const QByteArray &key, Callback done, const QString &message);
    void onAnswer(int slot, const ModuleCallResult &result);

    std::vector<Slot> m_slots;
    std::vector<int> m_freeSlots;
    ModuleClient &m_inner;
    const Clock &m_clock;
    RateLimiter m_global;
    QHash<QString, std::shared_ptr<Module>> m_modules;
};

} // namespace Switchboard
