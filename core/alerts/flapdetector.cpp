#include "alerts/flapdetector.h"

namespace Switchboard {

void FlapDetector::observe(const QString &fingerprint, bool present, qint64 nowMs)
{
    auto it = m_tracks.find(fingerprint);
    if (it == m_tracks.end()) {
        if (!present)
            return; // never seen: nothing changed
        it = m_tracks.insert(fingerprint, Track {false, {}});
    }
    Track &t = *it;
    while (!t.changes.isEmpty() && t.changes.first() <= nowMs - m_windowMs)
        t.changes.removeFirst();
    if (t.present != present) {
        t.present = present;
        t.changes.append(nowMs);
    }
    // A condition that is gone and has been still for a window is forgotten.
    if (!t.present && t.changes.isEmpty())
        m_tracks.erase(it);
}

int FlapDetector::changes(const QString &fingerprint, qint64 nowMs) const
{
    const auto it = m_tracks.constFind(fingerprint);
    if (it == m_tracks.constEnd())
        return 0;
    int count = 0;
    for (qint64 at : it->changes)
        count += at > nowMs - m_windowMs ? 1 : 0;
    return count;
}

} // namespace Switchboard
