#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace Switchboard {

class Database;

// Key figures counted from the events the core sees on the modules' feeds, per hour, so that
// the clinic's figures do not depend on module 07 alone: leads (lead.captured from 01),
// bookings (booking.created from 02), no-shows (booking.no_show), completed visits
// (session.completed from 03) and revenue (payment.succeeded from 04, amount_usd). Only counts
// and amounts are kept; no patient data. The hours are kept in the store, so that a restart
// does not forget the day.
class EventKpis
{
public:
    EventKpis(Database &db, const Clock &clock);

    // Reads the last day's hours from the store.
    Status load();
    // Counts one feed event; events that carry no key figure are ignored.
    void note(const QString &moduleId, const QJsonObject &event);
    // Writes the hours counted since the last save.
    Status save();

    // Over the last 24 hours: leads_24h, bookings_24h, revenue_24h_usd and, when there were
    // leads, lead_to_booking_rate; show_rate when visits or no-shows were seen.
    QJsonObject figures() const;

private:
    double sum(const QString &name) const;

    Database &m_db;
    const Clock &m_clock;
    QMap<qint64, QHash<QString, double>> m_hours; // hour (s since the epoch) → counter → value
    QSet<qint64> m_dirty;
};

} // namespace Switchboard
