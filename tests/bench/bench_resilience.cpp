// The resilience policy chain's cost per call when nothing trips (see docs/benchmarks.md):
//   bench_resilience [--calls N]
// The inner client answers at once, so what is measured is the chain alone: two rate limiters,
// the breaker, the bulkhead and the statistics.
#include "common/clock.h"
#include "resilience/resilientmoduleclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long long> g_allocations {0};
}

void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

using namespace Switchboard;

namespace {
// Answers at once: only for this measurement (real clients answer later).
class InstantClient final : public ModuleClient
{
public:
    void call(const ModuleCallRequest &, Callback done) override { done(m_ok); }
    ModuleCallResult m_ok {200, {}, {}, false, 1};
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const long long calls =
        argc > 2 && QByteArray(argv[1]) == "--calls" ? QByteArray(argv[2]).toLongLong() : 1000000;
    SystemClock clock;
    InstantClient inner;
    ResilientModuleClient chain(inner, clock, RateLimitConfig {100000000, 30000});
    chain.configure(QStringLiteral("02_booking"),
                    ModulePolicy {CircuitBreakerConfig {5, 60000, 1, 1},
                                  BulkheadConfig {10, 100},
                                  RateLimitConfig {100000000, 30000},
                                  {}});
    ModuleCallRequest request;
    request.module = QStringLiteral("02_booking");
    request.url = QUrl(QStringLiteral("http://127.0.0.1:8702/webhook/consult-booking"));
    long long answered = 0;
    const ModuleClient::Callback done = [&answered](const ModuleCallResult &) {
        ++answered;
    };
    for (int i = 0; i < 1000; ++i) // warm up
        chain.call(request, done);
    const long long before = g_allocations.load();
    QElapsedTimer timer;
    timer.start();
    for (long long i = 0; i < calls; ++i)
        chain.call(request, done);
    const qint64 ns = timer.nsecsElapsed();
    const long long allocations = g_allocations.load() - before;
    std::printf("resilience: %lld calls through rate limits, breaker and bulkhead: %.3f µs per "
                "call, %.2f allocations per call (answered %lld)\n",
                calls, ns / 1000.0 / calls, double(allocations) / calls, answered - 1000);
    return answered == calls + 1000 ? 0 : 1;
}
