#include "health/responsestats.h"

#include <algorithm>
#include <cmath>

namespace Switchboard {

ResponseStats ResponseStats::of(const QList<int> &samples)
{
    ResponseStats stats;
    QList<int> sorted;
    sorted.reserve(samples.size());
    for (int sample : samples) {
        if (sample < 0)
            ++stats.unanswered;
        else
            sorted.append(sample);
    }
    stats.answered = int(sorted.size());
    if (sorted.isEmpty())
        return stats;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = [&sorted](double p) {
        const auto n = qsizetype(std::ceil(p * double(sorted.size())));
        return sorted.at(std::clamp<qsizetype>(n, 1, sorted.size()) - 1);
    };
    stats.p50 = rank(0.50);
    stats.p95 = rank(0.95);
    stats.p99 = rank(0.99);
    return stats;
}

} // namespace Switchboard
