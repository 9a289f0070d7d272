#include "engine/stepdurations.h"

namespace Switchboard {

void StepDurations::observe(const QString &nodeType, qint64 ms)
{
    Histogram &h = m_byType[nodeType];
    size_t bucket = 0;
    while (bucket < Histogram::BucketsMs.size() && ms > Histogram::BucketsMs[bucket])
        ++bucket;
    ++h.counts[bucket];
    h.sumMs += double(ms);
}

} // namespace Switchboard
