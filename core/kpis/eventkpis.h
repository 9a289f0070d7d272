#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>

namespace Switchboard {

class Database;

// Key figures counted from the events the core sees on the modules' feeds, per hour, by the
// rules of KpiDefinition: leads (lead.captured from 01), bookings (booking.created from 02),
// no-shows (booking.no_show), completed visits (session.completed from 03) and revenue
// (payment.succeeded from 04, amount_usd). Conversion follows each lead: a booking converts
// the earliest lead of the last day from the same patient that has not booked yet, and counts
// in the lead's hour, so it never exceeds 100 %. Patients are known only by a hash of their
// id; no other patient data is kept. The hours and the open leads are kept in the store, so
// that a restart does not forget the day.
class EventKpis
{
public:
    EventKpis(Database &db, const Clock &clock);

    // Reads the last day's hours and open leads from the store.
    Status load();
    // Counts one feed event; events that carry no key figure are ignored.
    void note(const QString &moduleId, const QJsonObject &event);
    // Writes what was counted since the last save.
    Status save();

    // Over the last 24 hours: leads_24h, bookings_24h, revenue_24h_usd and, when there were
    // leads, lead_to_booking_rate; show_rate when visits or no-shows were seen.
    QJsonObject figures() const;

private:
    void add(qint64 hour, const QString &counter, double amount);
    void book(const QString &patient);
    qint64 windowStart() const;
    double sum(const QString &name) const;

    Database &m_db;
    const Clock &m_clock;
    QMap<qint64, QHash<QString, double>> m_hours; // hour (s since the epoch) → counter → value
    QSet<qint64> m_dirty;
    QHash<QString, QList<qint64>> m_openLeads; // patient hash → the hours of their open leads
    QList<std::pair<QString, qint64>> m_opened; // since the last save
    QList<std::pair<QString, qint64>> m_converted; // since the last save
};

} // namespace Switchboard
