#pragma once

#include <QHash>
#include <QString>
#include <array>

namespace Switchboard {

// How long steps took, from start to end (retries and waits included), by node type: the
// histogram that /metrics exports as switchboard_step_duration_milliseconds.
class StepDurations
{
public:
    struct Histogram
    {
        static constexpr std::array<qint64, 9> BucketsMs = {
            10, 100, 1000, 10000, 60000, 600000, 3600000, 86400000, 604800000};
        std::array<qint64, BucketsMs.size() + 1> counts {}; // last is +Inf
        double sumMs = 0;
    };

    void observe(const QString &nodeType, qint64 ms);
    QHash<QString, Histogram> byType() const { return m_byType; }

private:
    QHash<QString, Histogram> m_byType;
};

} // namespace Switchboard
