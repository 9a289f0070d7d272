#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QTimeZone>
#include <bitset>

namespace Switchboard {

// A five-field cron schedule ("minute hour day-of-month month day-of-week") with *, */n, a-b,
// a-b/n, lists, month names (jan–dec), day names (sun–sat) and the shorthands @yearly,
// @annually, @monthly, @weekly, @daily, @midnight and @hourly; evaluated in a time zone (the
// clinic's). As in cron, when both day fields are restricted a day matches either. A schedule
// that can never match (30 February) is refused.
//
// Daylight saving time: a wall-clock time that a spring-forward skips runs once, at the first
// instant after the gap (02:30 runs at 03:00); a time that a fall-back repeats runs once, at
// its first occurrence.
class CronSchedule
{
public:
    static Result<CronSchedule> parse(const QString &text);

    // The first matching instant strictly after `after` (in UTC); invalid if none.
    QDateTime next(const QDateTime &after, const QTimeZone &zone) const;

private:
    bool dateMatches(const QDate &date) const;
    bool canEverMatch() const;

    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;
    std::bitset<13> m_months;
    std::bitset<8> m_weekdays; // 0 and 7 are Sunday
    bool m_anyDay = true;
    bool m_anyWeekday = true;
};

} // namespace Switchboard
