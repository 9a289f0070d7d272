#include "sim/simkpiledger.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <cmath>

namespace Switchboard {

namespace {

constexpr qint64 Hour = 3600;

double rounded(double v, double to)
{
    return std::round(v * to) / to;
}

} // namespace

SimKpiLedger::Counts &SimKpiLedger::Counts::operator+=(const Counts &o)
{
    leads += o.leads;
    bookings += o.bookings;
    converted += o.converted;
    noShows += o.noShows;
    visits += o.visits;
    revenue += o.revenue;
    return *this;
}

SimKpiLedger::SimKpiLedger(const Clock &clock, quint32 seed)
    : m_clock(clock)
    , m_seed(seed)
{
    QRandomGenerator random(seed ^ 0x4e95);
    m_nps = 8.0 + random.bounded(10) / 10.0;
    reset();
}

void SimKpiLedger::setRates(const Rates &rates)
{
    m_rates = rates;
}

void SimKpiLedger::reset()
{
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    m_startHour = now / Hour * Hour;
    m_startFraction = double(now - m_startHour) / Hour;
    m_live.clear();
    m_open.clear();
}

qint64 SimKpiLedger::hourOf(const QDateTime &at) const
{
    return at.toSecsSinceEpoch() / Hour * Hour;
}

SimKpiLedger::Counts &SimKpiLedger::live()
{
    const qint64 hour = hourOf(m_clock.now());
    forgetOldLeads(hour);
    return m_live[hour];
}

void SimKpiLedger::forgetOldLeads(qint64 now)
{
    while (!m_open.isEmpty() && m_open.first().hour <= now - 24 * Hour)
        m_open.removeFirst();
    while (!m_live.isEmpty() && m_live.firstKey() <= now - 24 * Hour)
        m_live.erase(m_live.begin());
}

void SimKpiLedger::count(int number, const QString &type, const QJsonObject &data)
{
    const QString patient = data.value(QLatin1String("patient_id")).toString();
    Counts &hour = live();
    if (number == 1 && type == QLatin1String("lead.captured")) {
        hour.leads += 1;
        if (!patient.isEmpty())
            m_open.append({patient, hourOf(m_clock.now())});
    } else if (number == 2 && type == QLatin1String("booking.created")) {
        hour.bookings += 1;
        for (int i = 0; i < m_open.size(); ++i) {
            if (!patient.isEmpty() && m_open.at(i).patient == patient) {
                m_live[m_open.at(i).hour].converted += 1;
                m_open.removeAt(i);
                break;
            }
        }
    } else if (number == 2 && type == QLatin1String("booking.no_show")) {
        hour.noShows += 1;
    } else if (number == 3 && type == QLatin1String("session.completed")) {
        hour.visits += 1;
    } else if (number == 4 && type == QLatin1String("payment.succeeded")) {
        const double usd = data.value(QLatin1String("amount_usd")).toDouble();
        if (usd > 0 && usd < 1e9)
            hour.revenue += usd;
    }
}

QString SimKpiLedger::oldestOpenLead() const
{
    return m_open.isEmpty() ? QString() : m_open.first().patient;
}

SimKpiLedger::Counts SimKpiLedger::madeUp(qint64 hour) const
{
    // The same hour of the same seed is always made up the same way.
    QRandomGenerator random(m_seed ^ quint32(hour / Hour));
    const auto around = [&random](double mean) {
        return mean <= 0 ? 0.0 : std::round(mean * (0.75 + 0.5 * random.generateDouble()));
    };
    Counts c;
    c.leads = around(m_rates.leads);
    c.bookings = around(m_rates.bookings);
    // Most bookings come from the day's leads, as the live feeds book them.
    c.converted = std::min(c.leads, std::round(c.bookings * (0.8 + 0.2 * random.generateDouble())));
    c.noShows = around(m_rates.noShows);
    c.visits = around(m_rates.visits);
    c.revenue = around(m_rates.payments) * m_rates.meanPaymentUsd;
    return c;
}

SimKpiLedger::Counts SimKpiLedger::counts(qint64 hour) const
{
    if (hour < m_startHour)
        return madeUp(hour);
    Counts c = m_live.value(hour);
    if (hour == m_startHour) {
        // The part of the start hour before the fleet started.
        const Counts before = madeUp(hour);
        c.leads += std::round(before.leads * m_startFraction);
        c.bookings += std::round(before.bookings * m_startFraction);
        c.converted += std::round(before.converted * m_startFraction);
        c.noShows += std::round(before.noShows * m_startFraction);
        c.visits += std::round(before.visits * m_startFraction);
        c.revenue += std::round(before.revenue * m_startFraction);
    }
    return c;
}

QJsonObject SimKpiLedger::figures(qint64 hour) const
{
    Counts day;
    for (qint64 h = hour - 23 * Hour; h <= hour; h += Hour)
        day += counts(h);
    QRandomGenerator random(m_seed ^ quint32(hour / Hour) ^ 0x9e37);
    QJsonObject out {
        {QStringLiteral("leads_24h"), day.leads},
        {QStringLiteral("bookings_24h"), day.bookings},
        {QStringLiteral("revenue_24h_usd"), rounded(day.revenue, 100)},
        {QStringLiteral("nps_avg_30d"), rounded(m_nps - 0.1 + 0.2 * random.generateDouble(), 10)}};
    if (day.leads > 0)
        out.insert(QStringLiteral("lead_to_booking_rate"),
                   rounded(day.converted / day.leads, 1000));
    if (day.visits + day.noShows > 0)
        out.insert(QStringLiteral("show_rate"),
                   rounded(day.visits / (day.visits + day.noShows), 1000));
    return out;
}

QJsonObject SimKpiLedger::kpis() const
{
    const qint64 now = hourOf(m_clock.now());
    QJsonObject out = figures(now);
    QJsonArray history;
    for (qint64 h = now - 23 * Hour; h <= now; h += Hour) {
        const Counts c = counts(h);
        history.append(QJsonObject {
            {QStringLiteral("ts"), QDateTime::fromSecsSinceEpoch(h, Qt::UTC).toString(Qt::ISODate)},
            {QStringLiteral("leads"), c.leads},
            {QStringLiteral("bookings"), c.bookings}});
    }
    out.insert(QStringLiteral("history"), history);
    return out;
}

QList<std::pair<QDateTime, QJsonObject>> SimKpiLedger::past(int days) const
{
    const qint64 now = hourOf(m_clock.now());
    QList<std::pair<QDateTime, QJsonObject>> out;
    for (qint64 h = now - (days * 24 - 1) * Hour; h < now; h += Hour)
        out.append({QDateTime::fromSecsSinceEpoch(h, Qt::UTC), figures(h)});
    return out;
}

} // namespace Switchboard
