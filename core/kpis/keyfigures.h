#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

namespace Switchboard {

class Clock;
class Database;
class EventKpis;
class KpiCollector;
class KpiHistory;
struct CoreConfig;

// The clinic's key figures: module 07's where it is set up (while its answer is recent; after
// that they are "unavailable", never stale), else counted by the core from the modules'
// events; plus the errors the core counts. Kept hourly, with last week's averages to compare
// against.
class KeyFigures final : public QObject
{
    Q_OBJECT

public:
    // errors24h: the modules' errors of the last 24 hours, from the health monitor.
    KeyFigures(Database &db, const CoreConfig &config, const Clock &clock,
               std::function<int()> errors24h, QObject *parent = nullptr);
    ~KeyFigures() override;

    // Reads the stored event counts.
    Status load();
    void note(const QString &moduleId, const QJsonObject &event);
    // After a round of health checks: asks module 07 when it is configured, keeps the round's
    // figures and counts in the store, then calls done (whether module 07 answered or not).
    void aggregate(std::function<void()> done);

    // As the status document carries them, with "source": "07_analytics" or "core_events", and
    // "unavailable": true while module 07 is set up but has not answered recently.
    QJsonObject figures() const;
    // Each figure's average over the week before, where there was one.
    QJsonObject previousWeek() const { return m_previousWeek; }
    KpiHistory &history() const { return *m_history; }

private:
    void keep();

    const CoreConfig &m_config;
    const Clock &m_clock;
    std::function<int()> m_errors24h;
    std::unique_ptr<EventKpis> m_events;
    std::unique_ptr<KpiHistory> m_history;
    KpiCollector *m_collector;
    QJsonObject m_previousWeek;
};

} // namespace Switchboard
