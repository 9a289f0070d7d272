#pragma once

#include "common/clock.h"
#include "engine/moduleclient.h"
#include "resilience/bulkhead.h"
#include "resilience/circuitbreaker.h"
#include "resilience/modulecallstats.h"
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
