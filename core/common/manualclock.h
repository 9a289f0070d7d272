#pragma once

#include "common/clock.h"

#include <atomic>

namespace Switchboard {

// A clock that only moves when told to; for tests and simulations.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime(QDate(2026, 1, 5), QTime(9, 0),
                                                            Qt::UTC))
        : m_ms(start.toMSecsSinceEpoch())
    {
    }

    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms, Qt::UTC); }
    qint64 nowMs() const override { return m_ms; }

    void advance(qint64 ms) { m_ms += ms; }
    void set(const QDateTime &time) { m_ms = time.toMSecsSinceEpoch(); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace Switchboard
