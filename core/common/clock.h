#pragma once

#include <QDateTime>

namespace Switchboard {

// Time source injected into everything that reasons about time (health rules, breakers,
// timers, SLAs) so tests can move time forward without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;

    // Wall-clock time in UTC.
    virtual QDateTime now() const = 0;
    // Milliseconds since the Unix epoch; the cheap form of now().
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace Switchboard
