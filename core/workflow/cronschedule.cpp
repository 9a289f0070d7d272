#include "workflow/cronschedule.h"

#include <QStringList>

namespace Switchboard {

namespace {

template<size_t N>
Status parseField(const QString &field, int min, int max, std::bitset<N> &bits, const QString &name)
{
    for (const QString &part : field.split(QLatin1Char(','))) {
        QString range = part;
        int step = 1;
        if (const qsizetype slash = part.indexOf(QLatin1Char('/')); slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1)
                return makeError(QStringLiteral("bad step in \"%1\"").arg(part), name);
            range = part.left(slash);
        }
        int from = min;
        int to = max;
        if (range != QLatin1String("*")) {
            const QStringList ends = range.split(QLatin1Char('-'));
            bool ok1 = false;
            bool ok2 = true;
            from = ends.at(0).toInt(&ok1);
            to = ends.size() == 2 ? ends.at(1).toInt(&ok2)
                                  : (part.contains(QLatin1Char('/')) ? max : from);
            if (!ok1 || !ok2 || ends.size() > 2 || from < min || to > max || from > to)
                return makeError(
                    QStringLiteral("\"%1\" is not within %2–%3").arg(part).arg(min).arg(max), name);
        }
        for (int v = from; v <= to; v += step)
            bits.set(size_t(v));
    }
    return Ok {};
}

} // namespace

Result<CronSchedule> CronSchedule::parse(const QString &text)
{
    const QStringList fields = text.simplified().split(QLatin1Char(' '));
    if (fields.size() != 5)
        return makeError(
            QStringLiteral(
                "expected five fields (minute hour day month weekday), e.g. \"0 7 * * *\""),
            QStringLiteral("cron"));
    CronSchedule s;
    if (Status st = parseField(fields.at(0), 0, 59, s.m_minutes, QStringLiteral("minute")); !st)
        return st.error();
    if (Status st = parseField(fields.at(1), 0, 23, s.m_hours, QStringLiteral("hour")); !st)
        return st.error();
    if (Status st = parseField(fields.at(2), 1, 31, s.m_days, QStringLiteral("day of month")); !st)
        return st.error();
    if (Status st = parseField(fields.at(3), 1, 12, s.m_months, QStringLiteral("month")); !st)
        return st.error();
    if (Status st = parseField(fields.at(4), 0, 7, s.m_weekdays, QStringLiteral("day of week"));
        !st)
        return st.error();
    if (s.m_weekdays.test(7))
        s.m_weekdays.set(0);
    s.m_anyDay = fields.at(2) == QLatin1String("*");
    s.m_anyWeekday = fields.at(4) == QLatin1String("*");
    return s;
}

QDateTime CronSchedule::next(const QDateTime &after, const QTimeZone &zone) const
{
    QDateTime t = after.toTimeZone(zone);
    t = t.addSecs(60 - t.time().second());
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    const QDateTime limit = t.addYears(4);
    while (t < limit) {
        const QDate d = t.date();
        const bool dayOk = m_days.test(size_t(d.day()));
        const bool weekdayOk = m_weekdays.test(size_t(d.dayOfWeek() % 7));
        const bool dateOk = m_anyDay && m_anyWeekday ? true
            : m_anyDay                               ? weekdayOk
            : m_anyWeekday                           ? dayOk
                                                     : (dayOk || weekdayOk);
        if (!m_months.test(size_t(d.month())) || !dateOk) {
            t = QDateTime(d.addDays(1), QTime(0, 0), zone);
            continue;
        }
        if (!m_hours.test(size_t(t.time().hour()))) {
            t = t.addSecs(3600 - t.time().minute() * 60);
            continue;
        }
        if (!m_minutes.test(size_t(t.time().minute()))) {
            t = t.addSecs(60);
            continue;
        }
        return t.toUTC();
    }
    return {};
}

} // namespace Switchboard
