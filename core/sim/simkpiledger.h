#pragma once

#include "common/clock.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace Switchboard {

// What the simulated module 07 knows: the clinic's key figures counted from the events the
// simulated modules put on their feeds, hour by hour, by the rules of KpiDefinition (so the
// core, counting the same feeds, gets the same figures). Before the fleet started, the hours
// are made up from the expected rates of those events, the same way for every hour of a seed;
// so the last day, the month of history and the live figures agree with each other.
class SimKpiLedger
{
public:
    // Events an hour that carry a key figure.
    struct Rates
    {
        double leads = 0;
        double bookings = 0;
        double noShows = 0;
        double visits = 0;
        double payments = 0;
        double meanPaymentUsd = 225;
    };

    SimKpiLedger(const Clock &clock, quint32 seed);

    // The rates the made-up past follows; the live hours are what the feeds carried.
    void setRates(const Rates &rates);
    void reset();

    // Counts one event of module `number` that went out on its feed, as KpiDefinition counts
    // it: a booking converts the patient's earliest lead of the last day that is still open.
    void count(int number, const QString &type, const QJsonObject &data);
    // The patient whose lead is the oldest still open, or empty: most bookings come from leads.
    QString oldestOpenLead() const;

    // leads_24h, bookings_24h, revenue_24h_usd, lead_to_booking_rate, show_rate, nps_avg_30d,
    // and the last day's leads and bookings hour by hour ("history").
    QJsonObject kpis() const;
    // The same figures once an hour for the last `days` days, up to the hour before this one.
    QList<std::pair<QDateTime, QJsonObject>> past(int days) const;

private:
    struct Counts
    {
        double leads = 0, bookings = 0, converted = 0, noShows = 0, visits = 0, revenue = 0;
        Counts &operator+=(const Counts &o);
    };
    struct OpenLead
    {
        QString patient;
        qint64 hour;
    };

    qint64 hourOf(const QDateTime &at) const;
    Counts &live();
    // The hour's counts: made up before the fleet started, as counted after.
    Counts counts(qint64 hour) const;
    Counts madeUp(qint64 hour) const;
    QJsonObject figures(qint64 hour) const; // the 24 hours up to and including this one
    void forgetOldLeads(qint64 now);

    const Clock &m_clock;
    quint32 m_seed;
    Rates m_rates;
    qint64 m_startHour;
    double m_startFraction; // how much of the start hour had passed at start
    double m_nps;
    QMap<qint64, Counts> m_live; // hour (s since the epoch) → counts
    QList<OpenLead> m_open; // oldest first
};

} // namespace Switchboard
