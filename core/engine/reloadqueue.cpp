#include "engine/reloadqueue.h"

#include <algorithm>

namespace Switchboard {

qint64 ReloadQueue::backoffMs(int failures)
{
    const int doublings = std::clamp(failures - 1, 0, 7);
    return std::min<qint64>(500LL << doublings, 60000);
}

void ReloadQueue::schedule(const QString &executionId)
{
    Entry &e = m_due[executionId];
    ++e.tries;
    e.at = m_clock.nowMs() + backoffMs(e.tries);
}

QStringList ReloadQueue::takeDue()
{
    const qint64 now = m_clock.nowMs();
    QStringList out;
    for (auto it = m_due.begin(); it != m_due.end();) {
        if (it->at <= now) {
            out << it.key();
            it = m_due.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

void ReloadQueue::storageFailed()
{
    ++m_storageFailures;
    m_storageRetryAt = m_clock.nowMs() + backoffMs(m_storageFailures);
}

void ReloadQueue::storageWorked()
{
    m_storageFailures = 0;
    m_storageRetryAt = 0;
}

bool ReloadQueue::storageBackingOff() const
{
    return m_storageFailures > 0 && m_clock.nowMs() < m_storageRetryAt;
}

qint64 ReloadQueue::nextWakeMs() const
{
    qint64 next = -1;
    for (const Entry &e : m_due)
        next = next < 0 ? e.at : std::min(next, e.at);
    if (m_storageFailures > 0)
        next = next < 0 ? m_storageRetryAt : std::max(next, m_storageRetryAt);
    return next;
}

} // namespace Switchboard
