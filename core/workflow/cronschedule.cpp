#include "workflow/cronschedule.h"

#include <QStringList>
#include <array>
#include <optional>

namespace Switchboard {

namespace {

const std::array<const char *, 12> MonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
const std::array<const char *, 7> DayNames = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// A number, or a name when the field has names (jan = 1, sun = 0).
std::optional<int> fieldValue(const QString &text, const std::array<const char *, 12> *months,
                              const std::array<const char *, 7> *days)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (ok)
        return n;
    const QString lower = text.toLower();
    if (months) {
        for (size_t i = 0; i < months->size(); ++i) {
            if (lower == QLatin1String((*months)[i]))
                return int(i) + 1;
        }
    }
    if (days) {
        for (size_t i = 0; i < days->size(); ++i) {
            if (lower == QLatin1String((*days)[i]))
                return int(i);
        }
    }
    return std::nullopt;
}

template<size_t N>
Status parseField(const QString &field, int min, int max, std::bitset<N> &bits, const QString &name,
                  const std::array<const char *, 12> *months = nullptr,
                  const std::array<const char *, 7> *days = nullptr)
{
    for (const QString &part : field.split(QLatin1Char(','))) {
        QString range = part;
        int step = 1;
        if (const qsizetype slash = part.indexOf(QLatin1Char('/')); slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1 || step > max)
                return makeError(QStringLiteral("bad step in \"%1\"").arg(part), name);
            range = part.left(slash);
        }
        int from = min;
        int to = max;
        if (range != QLatin1String("*")) {
            const QStringList ends = range.split(QLatin1Char('-'));
            const auto first = fieldValue(ends.at(0), months, days);
            const auto last = ends.size() == 2 ? fieldValue(ends.at(1), months, days) : first;
            if (!first || !last || ends.size() > 2)
                return makeError(QStringLiteral("\"%1\" is not a number or name").arg(part), name);
            from = *first;
            to = ends.size() == 2 ? *last : (part.contains(QLatin1Char('/')) ? max : from);
            if (from < min || to > max || from > to)
                return makeError(
                    QStringLiteral("\"%1\" is not within %2–%3").arg(part).arg(min).arg(max), name);
        }
        for (int v = from; v <= to; v += step)
            bits.set(size_t(v));
    }
    return Ok {};
}

QString expandShorthand(const QString &text)
{
    static const QList<QPair<QString, QString>> shorthands = {
        {QStringLiteral("@yearly"), QStringLiteral("0 0 1 1 *")},
        {QStringLiteral("@annually"), QStringLiteral("0 0 1 1 *")},
        {QStringLiteral("@monthly"), QStringLiteral("0 0 1 * *")},
        {QStringLiteral("@weekly"), QStringLiteral("0 0 * * 0")},
        {QStringLiteral("@daily"), QStringLiteral("0 0 * * *")},
        {QStringLiteral("@midnight"), QStringLiteral("0 0 * * *")},
        {QStringLiteral("@hourly"), QStringLiteral("0 * * * *")}};
    for (const auto &[name, fields] : shorthands) {
        if (text.compare(name, Qt::CaseInsensitive) == 0)
            return fields;
    }
    return text;
}

qint64 offsetMsAt(const QTimeZone &zone, qint64 utcMs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
}

// The instant at which the wall-clock time `local` (as if it were UTC, in ms) happens in zone,
// by the policy in the header: the first occurrence in an overlap, the end of a gap.
qint64 instantOf(qint64 local, const QTimeZone &zone)
{
    const qint64 day = 24LL * 3600 * 1000;
    const qint64 before = offsetMsAt(zone, local - day);
    const qint64 after = offsetMsAt(zone, local + day);
    std::optional<qint64> best;
    for (const qint64 offset : {before, after}) {
        const qint64 candidate = local - offset;
        if (offsetMsAt(zone, candidate) == offset && (!best || candidate < *best))
            best = candidate;
    }
    if (best)
        return *best;
    // In a gap: the transition that skipped this time.
    const QTimeZone::OffsetData t = zone.nextTransition(
        QDateTime::fromMSecsSinceEpoch(local - std::max(before, after), Qt::UTC));
    return t.atUtc.isValid() ? t.atUtc.toMSecsSinceEpoch() : local - before;
}

} // namespace

Result<CronSchedule> CronSchedule::parse(const QString &text)
{
    const QString expanded = expandShorthand(text.simplified());
    const QStringList fields = expanded.split(QLatin1Char(' '));
    if (fields.size() != 5)
        return makeError(
            QStringLiteral("expected five fields (minute hour day month weekday), e.g. \"0 7 * * "
                           "*\", or one of @hourly, @daily, @weekly, @monthly, @yearly"),
            QStringLiteral("cron"));
    CronSchedule s;
    if (Status st = parseField(fields.at(0), 0, 59, s.m_minutes, QStringLiteral("minute")); !st)
        return st.error();
    if (Status st = parseField(fields.at(1), 0, 23, s.m_hours, QStringLiteral("hour")); !st)
        return st.error();
    if (Status st = parseField(fields.at(2), 1, 31, s.m_days, QStringLiteral("day of month")); !st)
        return st.error();
    if (Status st =
            parseField(fields.at(3), 1, 12, s.m_months, QStringLiteral("month"), &MonthNames);
        !st)
        return st.error();
    if (Status st = parseField(fields.at(4), 0, 7, s.m_weekdays, QStringLiteral("day of week"),
                               nullptr, &DayNames);
        !st)
        return st.error();
    if (s.m_weekdays.test(7))
        s.m_weekdays.set(0);
    s.m_anyDay = fields.at(2) == QLatin1String("*");
    s.m_anyWeekday = fields.at(4) == QLatin1String("*");
    if (!s.canEverMatch())
        return makeError(QStringLiteral("\"%1\" never matches: none of its months has that day")
                             .arg(text.simplified()),
                         QStringLiteral("cron"));
    return s;
}

bool CronSchedule::canEverMatch() const
{
    // A restricted weekday occurs in every month, and it alone is enough when both day fields
    // are restricted; only a day of the month can be impossible (31 April, 30 February).
    if (m_anyDay || !m_anyWeekday)
        return true;
    static const std::array<int, 13> longest = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int month = 1; month <= 12; ++month) {
        if (!m_months.test(size_t(month)))
            continue;
        for (int day = 1; day <= longest[size_t(month)]; ++day) {
            if (m_days.test(size_t(day)))
                return true;
        }
    }
    return false;
}

bool CronSchedule::dateMatches(const QDate &d) const
{
    if (!m_months.test(size_t(d.month())))
        return false;
    const bool dayOk = m_days.test(size_t(d.day()));
    const bool weekdayOk = m_weekdays.test(size_t(d.dayOfWeek() % 7));
    return m_anyDay && m_anyWeekday ? true
        : m_anyDay                  ? weekdayOk
        : m_anyWeekday              ? dayOk
                                    : (dayOk || weekdayOk);
}

QDateTime CronSchedule::next(const QDateTime &after, const QTimeZone &zone) const
{
    const qint64 afterMs = after.toMSecsSinceEpoch();
    const QDate start = after.toTimeZone(zone).date().addDays(-1);
    // Nine years reach the next 29 February even across 2100, which is not a leap year.
    for (QDate d = start; d < start.addYears(9); d = d.addDays(1)) {
        if (!dateMatches(d))
            continue;
        const qint64 midnight =
            QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(); // wall clock, as if UTC
        if (midnight + 24LL * 3600 * 1000 < afterMs - 15LL * 3600 * 1000)
            continue;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours.test(size_t(h)))
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!m_minutes.test(size_t(m)))
                    continue;
                const qint64 wall = midnight + (h * 60LL + m) * 60000;
                // No zone is more than 14 hours from UTC.
                if (wall < afterMs - 15LL * 3600 * 1000)
                    continue;
                const qint64 at = instantOf(wall, zone);
                if (at > afterMs)
                    return QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
            }
        }
    }
    return {};
}

} // namespace Switchboard
