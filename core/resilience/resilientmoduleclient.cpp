#include "resilience/resilientmoduleclient.h"

#include "common/logging.h"

#include <QTimer>

namespace Switchboard {

struct ResilientModuleClient::Module
{
    Module(const QString &id, const ModulePolicy &p, const Clock &clock)
        : id(id)
        , policy(p)
        , breaker(p.breaker, clock)
        , bulkhead(p.bulkhead)
        , rate(p.rate, clock)
    {
    }

    QString id;
    ModulePolicy policy;
    CircuitBreaker breaker;
    Bulkhead bulkhead;
    RateLimiter rate;
    std::deque<Pending> queue;
    ModuleCallStats stats;
    CircuitState lastCircuit = CircuitState::Closed;
};

ResilientModuleClient::ResilientModuleClient(ModuleClient &inner, const Clock &clock,
                                             const RateLimitConfig &global, QObject *parent)
    : QObject(parent)
    , m_inner(inner)
    , m_clock(clock)
    , m_global(global, clock)
{
}

ResilientModuleClient::~ResilientModuleClient() = default;

void ResilientModuleClient::configure(const QString &id, const ModulePolicy &policy)
{
    m_modules.insert(id, std::make_shared<Module>(id, policy, m_clock));
}

ResilientModuleClient::Module &ResilientModuleClient::module(const QString &id)
{
    auto it = m_modules.find(id);
    if (it == m_modules.end())
        it = m_modules.insert(id, std::make_shared<Module>(id, ModulePolicy {}, m_clock));
    return *it.value();
}

void ResilientModuleClient::deliverLater(Callback done, const ModuleCallResult &result)
{
    // Never answer before call() has returned: callers may not expect it.
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

ModuleCallResult ResilientModuleClient::refusal(const QString &message)
{
    ModuleCallResult r;
    r.error = message;
    r.retryable = true; // the module was not reached; trying later may work
    return r;
}

void ResilientModuleClient::call(const ModuleCallRequest &request, Callback done)
{
    Module &m = module(request.module);
    const qint64 globalWait = m_global.reserve();
    const qint64 moduleWait = globalWait < 0 ? -1 : m.rate.reserve();
    if (globalWait < 0 || moduleWait < 0) {
        ++m.stats.rejectedRate;
        refuse(
            m, request.idempotencyKey, std::move(done),
            QStringLiteral("rate limit: the call would have to wait longer than %1 ms for its turn")
                .arg(m.policy.rate.maxWaitMs));
        return;
    }
    const qint64 wait = std::max(globalWait, moduleWait);
    if (wait == 0) {
        admit(m, request, std::move(done));
        return;
    }
    ++m.stats.rateLimitWaits;
    std::shared_ptr<Module> keep = m_modules.value(request.module);
    QTimer::singleShot(int(wait), this, [this, keep, request, done = std::move(done)]() mutable {
        admit(*keep, request, std::move(done));
    });
}

void ResilientModuleClient::admit(Module &m, ModuleCallRequest request, Callback done)
{
    Pending pending {std::move(request), std::move(done), false};
    if (!m.breaker.tryAcquire()) {
        noteCircuit(m);
        if (m.policy.fallback.isEmpty()) {
            ++m.stats.rejectedOpen;
            refuse(
                m, pending.request.idempotencyKey, std::move(pending.done),
                QStringLiteral("circuit open for %1: failing fast until it has had time to recover")
                    .arg(m.id));
            return;
        }
        pending.request.url = m.policy.fallback;
        pending.viaFallback = true;
        ++m.stats.fallbackCalls;
    }
    switch (m.bulkhead.admit()) {
    case Bulkhead::Admission::Run:
        send(m, std::move(pending));
        break;
    case Bulkhead::Admission::Queue:
        m.queue.push_back(std::move(pending));
        break;
    case Bulkhead::Admission::Refuse:
        ++m.stats.rejectedBulkhead;
        if (!pending.viaFallback)
            m.breaker.cancel(); // the call never reached the module
        refuse(m, pending.request.idempotencyKey, std::move(pending.done),
               QStringLiteral("too many calls to %1 are already waiting (%2)")
                   .arg(m.id)
                   .arg(m.policy.bulkhead.maxQueued));
        break;
    }
}

void ResilientModuleClient::refuse(Module &m, const QByteArray &key, Callback done,
                                   const QString &message)
{
    m.stats.remember({m_clock.nowMs(), key, RecentCall::Outcome::Refused, 0, 0});
    deliverLater(std::move(done), refusal(message));
}

int ResilientModuleClient::takeSlot(std::shared_ptr<Module> module, Callback done,
                                    const QByteArray &key, bool viaFallback)
{
    if (m_freeSlots.empty()) {
        m_slots.push_back({});
        m_freeSlots.push_back(int(m_slots.size()) - 1);
    }
    const int slot = m_freeSlots.back();
    m_freeSlots.pop_back();
    m_slots[size_t(slot)] = Slot {std::move(module), std::move(done), key, viaFallback};
    return slot;
}

void ResilientModuleClient::send(Module &m, Pending pending)
{
    const int slot = takeSlot(m_modules.value(m.id), std::move(pending.done),
                              pending.request.idempotencyKey, pending.viaFallback);
    m_inner.call(pending.request,
                 [this, slot](const ModuleCallResult &result) { onAnswer(slot, result); });
}

void ResilientModuleClient::onAnswer(int slot, const ModuleCallResult &result)
{
    Slot &s = m_slots[size_t(slot)];
    std::shared_ptr<Module> keep = std::move(s.module);
    Callback done = std::move(s.done);
    const bool viaFallback = s.viaFallback;
    m_freeSlots.push_back(slot);
    Module &m = *keep;
    // An outage counts against the breaker; a 4xx is the module answering, so it does not.
    const bool outage = !result.ok() && result.retryable;
    if (!viaFallback) {
        if (outage)
            m.breaker.onFailure();
        else
            m.breaker.onSuccess();
    }
    (result.ok() ? m.stats.succeeded : m.stats.failed) += 1;
    m.stats.remember({m_clock.nowMs(), std::move(s.key),
                      result.ok() ? RecentCall::Outcome::Ok : RecentCall::Outcome::Failed,
                      result.httpStatus, result.elapsedMs});
    size_t bucket = 0;
    while (bucket < ModuleCallStats::BucketsMs.size()
           && result.elapsedMs > ModuleCallStats::BucketsMs[bucket])
        ++bucket;
    ++m.stats.latency[bucket];
    m.stats.latencySumMs += double(result.elapsedMs);
    noteCircuit(m);
    if (m.bulkhead.release() && !m.queue.empty()) {
        Pending next = std::move(m.queue.front());
        m.queue.pop_front();
        send(m, std::move(next));
    }
    done(result);
}

void ResilientModuleClient::noteCircuit(Module &m)
{
    const CircuitState now = m.breaker.state();
    if (now == m.lastCircuit)
        return;
    m.lastCircuit = now;
    qCInfo(lcEngine).noquote() << "circuit for" << m.id << "is now" << toWire(now);
    Q_EMIT circuitChanged(m.id, now);
    if (now == CircuitState::Open) {
        // Say so when the open period ends, even if no call comes to notice it.
        std::shared_ptr<Module> keep = m_modules.value(m.id);
        QTimer::singleShot(m.policy.breaker.openMs, this, [this, keep] { noteCircuit(*keep); });
    }
}

void ResilientModuleClient::resetBreaker(const QString &id)
{
    Module &m = module(id);
    m.breaker.reset();
    noteCircuit(m);
}

CircuitState ResilientModuleClient::circuit(const QString &id) const
{
    auto it = m_modules.constFind(id);
    return it == m_modules.constEnd() ? CircuitState::Closed : it.value()->breaker.state();
}

QHash<QString, ModuleCallStats> ResilientModuleClient::stats() const
{
    QHash<QString, ModuleCallStats> out;
    for (auto it = m_modules.begin(); it != m_modules.end(); ++it) {
        ModuleCallStats s = it.value()->stats;
        s.inUse = it.value()->bulkhead.inUse();
        s.queued = it.value()->bulkhead.queued();
        s.circuit = it.value()->breaker.state();
        out.insert(it.key(), s);
    }
    return out;
}

} // namespace Switchboard
