#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Switchboard {

// Tells when an alert's condition keeps coming and going (a module down and up every few
// seconds): more than maxChanges changes within windowMs, as Nagios and Alertmanager damp it.
// The alert book keeps a flapping alert open, as one alert with its count, until the condition
// has held still for a whole window, instead of paging once per flap.
class FlapDetector
{
public:
    explicit FlapDetector(int maxChanges = 3, qint64 windowMs = 15LL * 60 * 1000)
        : m_maxChanges(maxChanges)
        , m_windowMs(windowMs)
    {
    }

    void configure(int maxChanges, qint64 windowMs)
    {
        m_maxChanges = maxChanges;
        m_windowMs = windowMs;
    }
    // Whether the condition holds now; a difference from the last call is a change.
    void observe(const QString &fingerprint, bool present, qint64 nowMs);
    // Changes within the window before nowMs.
    int changes(const QString &fingerprint, qint64 nowMs) const;
    bool isFlapping(const QString &fingerprint, qint64 nowMs) const
    {
        return changes(fingerprint, nowMs) >= m_maxChanges;
    }
    qint64 windowMs() const { return m_windowMs; }

private:
    struct Track
    {
        bool present = false;
        QList<qint64> changes; // times, oldest first, within the window
    };

    int m_maxChanges;
    qint64 m_windowMs;
    QHash<QString, Track> m_tracks;
};

} // namespace Switchboard
