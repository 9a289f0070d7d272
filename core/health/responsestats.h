#pragma once

#include <QList>

namespace Switchboard {

// Percentiles of a module's recent response times, for the Modules details. Samples of -1
// (no answer) are counted apart and left out of the percentiles. Nearest-rank percentiles, so
// every figure shown is a time that was actually measured.
struct ResponseStats
{
    int answered = 0;
    int unanswered = 0;
    int p50 = -1; // -1 while nothing answered
    int p95 = -1;
    int p99 = -1;

    static ResponseStats of(const QList<int> &samples);
};

} // namespace Switchboard
