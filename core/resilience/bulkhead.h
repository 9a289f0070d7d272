#pragma once

#include "common/result.h"

namespace Switchboard {

struct BulkheadConfig
{
    int maxConcurrent = 10; // calls to one module at once
    int maxQueued = 100; // calls waiting for a slot; beyond that, calls are refused

    static Result<BulkheadConfig> make(int maxConcurrent, int maxQueued);
};

// Caps the calls in flight to one module, so that a slow module cannot hold every connection
// and timer of the engine. Counting only; the caller keeps the queue.
class Bulkhead
{
public:
    explicit Bulkhead(const BulkheadConfig &config)
        : m_config(config)
    {
    }

    enum class Admission { Run, Queue, Refuse };
    // Run takes a slot; Queue takes a place in the queue; Refuse takes nothing.
    Admission admit();
    // A running call ended; returns true when a queued call should take the freed slot.
    bool release();

    int inUse() const { return m_inUse; }
    int queued() const { return m_queued; }
    const BulkheadConfig &config() const { return m_config; }

private:
    BulkheadConfig m_config;
    int m_inUse = 0;
    int m_queued = 0;
};

} // namespace Switchboard
