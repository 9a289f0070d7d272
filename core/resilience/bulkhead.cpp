#include "resilience/bulkhead.h"

namespace Switchboard {

Result<BulkheadConfig> BulkheadConfig::make(int maxConcurrent, int maxQueued)
{
    if (maxConcurrent < 1 || maxConcurrent > 10000)
        return makeError(QStringLiteral("must be from 1 to 10000"),
                         QStringLiteral("max_concurrent"));
    if (maxQueued < 0 || maxQueued > 100000)
        return makeError(QStringLiteral("must be from 0 to 100000"), QStringLiteral("max_queued"));
    return BulkheadConfig {maxConcurrent, maxQueued};
}

Bulkhead::Admission Bulkhead::admit()
{
    if (m_inUse < m_config.maxConcurrent) {
        ++m_inUse;
        return Admission::Run;
    }
    if (m_queued < m_config.maxQueued) {
        ++m_queued;
        return Admission::Queue;
    }
    return Admission::Refuse;
}

bool Bulkhead::release()
{
    if (m_queued > 0) {
        --m_queued; // the slot passes straight to the first queued call
        return true;
    }
    if (m_inUse > 0)
        --m_inUse;
    return false;
}

} // namespace Switchboard
