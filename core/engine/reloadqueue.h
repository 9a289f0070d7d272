#pragma once

#include "common/clock.h"

#include <QHash>
#include <QStringList>

namespace Switchboard {

// What the engine does after storage failed it: the executions whose commit failed wait here
// to be reloaded from what was last stored, each with a doubling backoff (0.5 s to 60 s), and
// the storage as a whole backs off the same way until a commit succeeds again.
class ReloadQueue
{
public:
    explicit ReloadQueue(const Clock &clock)
        : m_clock(clock)
    {
    }

    void schedule(const QString &executionId);
    // The executions whose time to be reloaded has come, taken off the queue.
    QStringList takeDue();
    bool contains(const QString &executionId) const { return m_due.contains(executionId); }
    int size() const { return int(m_due.size()); }

    void storageFailed();
    void storageWorked();
    // True while storage failed lately and its backoff has not run out.
    bool storageBackingOff() const;
    // The earliest time something here wants to run again; -1 for nothing.
    qint64 nextWakeMs() const;

    static qint64 backoffMs(int failures);

private:
    struct Entry
    {
        qint64 at = 0;
        int tries = 0;
    };

    const Clock &m_clock;
    QHash<QString, Entry> m_due;
    int m_storageFailures = 0;
    qint64 m_storageRetryAt = 0;
};

} // namespace Switchboard
