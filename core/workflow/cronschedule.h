#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QTimeZone>
#include <bitset>

namespace Switchboard {

// A five-field cron schedule ("minute hour day-of-month month day-of-week") with *, */n, a-b,
// a-b/n and lists; evaluated in a time zone (the clinic's). As in cron, when both day fields
// are restricted a day matches either.
class CronSchedule
{
public:
    static Result<CronSchedule> parse(const QString &text);

    // The first matching minute strictly after `after`; invalid if none within four years.
    QDateTime next(const QDateTime &after, const QTimeZone &zone) const;

private:
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;
    std::bitset<13> m_months;
    std::bitset<8> m_weekdays; // 0 and 7 are Sunday
    bool m_anyDay = true;
    bool m_anyWeekday = true;
};

} // namespace Switchboard
