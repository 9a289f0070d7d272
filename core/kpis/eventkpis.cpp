#include "kpis/eventkpis.h"

#include "store/database.h"

#include <cmath>

namespace Switchboard {

namespace {

constexpr qint64 Hour = 3600;

} // namespace

EventKpis::EventKpis(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Status EventKpis::load()
{
    const qint64 since = m_clock.now().toSecsSinceEpoch() / Hour * Hour - 23 * Hour;
    auto q = m_db.exec(
        QStringLiteral("SELECT at, name, value FROM event_counts WHERE at >= ? ORDER BY at"),
        {since});
    if (!q)
        return q.error();
    m_hours.clear();
    while (q->next())
        m_hours[q->value(0).toLongLong()][q->value(1).toString()] = q->value(2).toDouble();
    return Ok {};
}

void EventKpis::note(const QString &moduleId, const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("type")).toString();
    const QJsonObject data = event.value(QLatin1String("data")).toObject();
    QString counter;
    double amount = 1;
    if (type == QLatin1String("lead.captured") && moduleId == QLatin1String("01_intake")) {
        counter = QStringLiteral("leads");
    } else if (moduleId == QLatin1String("02_booking")) {
        if (type == QLatin1String("booking.created"))
            counter = QStringLiteral("bookings");
        else if (type == QLatin1String("booking.no_show"))
            counter = QStringLiteral("no_shows");
    } else if (type == QLatin1String("session.completed")
               && moduleId == QLatin1String("03_telehealth")) {
        counter = QStringLiteral("visits");
    } else if (type == QLatin1String("payment.succeeded")
               && moduleId == QLatin1String("04_billing")) {
        counter = QStringLiteral("revenue");
        amount = data.value(QLatin1String("amount_usd")).toDouble();
        if (!(amount > 0 && amount < 1e9))
            return; // a malformed amount counts for nothing
    }
    if (counter.isEmpty())
        return;
    const qint64 hour = m_clock.now().toSecsSinceEpoch() / Hour * Hour;
    m_hours[hour][counter] += amount;
    m_dirty.insert(hour);
    // A day is all that is counted; older hours stay only in the store.
    while (!m_hours.isEmpty() && m_hours.firstKey() < hour - 23 * Hour)
        m_hours.erase(m_hours.begin());
}

Status EventKpis::save()
{
    if (m_dirty.isEmpty())
        return Ok {};
    Status st = m_db.transaction([&]() -> Status {
        for (qint64 hour : std::as_const(m_dirty)) {
            const QHash<QString, double> counters = m_hours.value(hour);
            for (auto it = counters.begin(); it != counters.end(); ++it) {
                auto written = m_db.run(QStringLiteral("INSERT OR REPLACE INTO event_counts (at, "
                                                       "name, value) VALUES (?, ?, ?)"),
                                        {hour, it.key(), it.value()});
                if (!written)
                    return written.error();
            }
        }
        return Ok {};
    });
    if (st)
        m_dirty.clear();
    return st;
}

double EventKpis::sum(const QString &name) const
{
    const qint64 since = m_clock.now().toSecsSinceEpoch() / Hour * Hour - 23 * Hour;
    double total = 0;
    for (auto it = m_hours.lowerBound(since); it != m_hours.end(); ++it)
        total += it.value().value(name);
    return total;
}

QJsonObject EventKpis::figures() const
{
    const double leads = sum(QStringLiteral("leads"));
    const double bookings = sum(QStringLiteral("bookings"));
    QJsonObject out {{QStringLiteral("leads_24h"), leads},
                     {QStringLiteral("bookings_24h"), bookings},
                     {QStringLiteral("revenue_24h_usd"),
                      std::round(sum(QStringLiteral("revenue")) * 100) / 100}};
    if (leads > 0)
        out.insert(QStringLiteral("lead_to_booking_rate"),
                   std::round(bookings / leads * 1000) / 1000);
    const double visits = sum(QStringLiteral("visits"));
    const double noShows = sum(QStringLiteral("no_shows"));
    if (visits + noShows > 0)
        out.insert(QStringLiteral("show_rate"),
                   std::round(visits / (visits + noShows) * 1000) / 1000);
    return out;
}

} // namespace Switchboard
