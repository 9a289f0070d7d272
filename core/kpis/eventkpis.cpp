#include "kpis/eventkpis.h"

#include "store/database.h"

#include <QCryptographicHash>
#include <cmath>

namespace Switchboard {

namespace {

constexpr qint64 Hour = 3600;

// The patient as the conversion count knows them: a hash of their id, never the id itself.
QString patientKey(const QJsonObject &data)
{
    const QString id = data.value(QLatin1String("patient_id")).toString();
    if (id.isEmpty())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash("switchboard-kpi:" + id.toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

} // namespace

EventKpis::EventKpis(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

qint64 EventKpis::windowStart() const
{
    return m_clock.now().toSecsSinceEpoch() / Hour * Hour - 23 * Hour;
}

Status EventKpis::load()
{
    const qint64 since = windowStart();
    auto q = m_db.exec(
        QStringLiteral("SELECT at, name, value FROM event_counts WHERE at >= ? ORDER BY at"),
        {since});
    if (!q)
        return q.error();
    m_hours.clear();
    while (q->next())
        m_hours[q->value(0).toLongLong()][q->value(1).toString()] = q->value(2).toDouble();
    auto open = m_db.exec(
        QStringLiteral("SELECT patient, at FROM kpi_open_leads WHERE at >= ? ORDER BY at"),
        {since});
    if (!open)
        return open.error();
    m_openLeads.clear();
    while (open->next())
        m_openLeads[open->value(0).toString()].append(open->value(1).toLongLong());
    return Ok {};
}

void EventKpis::add(qint64 hour, const QString &counter, double amount)
{
    m_hours[hour][counter] += amount;
    m_dirty.insert(hour);
}

void EventKpis::book(const QString &patient)
{
    auto it = m_openLeads.find(patient);
    if (it == m_openLeads.end())
        return;
    QList<qint64> &hours = it.value();
    const qint64 since = windowStart();
    while (!hours.isEmpty() && hours.first() < since)
        hours.removeFirst(); // too old to count
    if (!hours.isEmpty()) {
        const qint64 leadHour = hours.takeFirst();
        add(leadHour, QStringLiteral("converted"), 1);
        m_converted.append({patient, leadHour});
    }
    if (hours.isEmpty())
        m_openLeads.erase(it);
}

void EventKpis::note(const QString &moduleId, const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("type")).toString();
    const QJsonObject data = event.value(QLatin1String("data")).toObject();
    const qint64 hour = m_clock.now().toSecsSinceEpoch() / Hour * Hour;
    if (type == QLatin1String("lead.captured") && moduleId == QLatin1String("01_intake")) {
        add(hour, QStringLiteral("leads"), 1);
        if (const QString patient = patientKey(data); !patient.isEmpty()) {
            m_openLeads[patient].append(hour);
            m_opened.append({patient, hour});
        }
    } else if (moduleId == QLatin1String("02_booking")) {
        if (type == QLatin1String("booking.created")) {
            add(hour, QStringLiteral("bookings"), 1);
            book(patientKey(data));
        } else if (type == QLatin1String("booking.no_show")) {
            add(hour, QStringLiteral("no_shows"), 1);
        }
    } else if (type == QLatin1String("session.completed")
               && moduleId == QLatin1String("03_telehealth")) {
        add(hour, QStringLiteral("visits"), 1);
    } else if (type == QLatin1String("payment.succeeded")
               && moduleId == QLatin1String("04_billing")) {
        const double amount = data.value(QLatin1String("amount_usd")).toDouble();
        if (amount > 0 && amount < 1e9) // a malformed amount counts for nothing
            add(hour, QStringLiteral("revenue"), amount);
    } else {
        return;
    }
    // A day is all that is counted; older hours stay only in the store.
    while (!m_hours.isEmpty() && m_hours.firstKey() < hour - 23 * Hour)
        m_hours.erase(m_hours.begin());
}

Status EventKpis::save()
{
    if (m_dirty.isEmpty() && m_opened.isEmpty() && m_converted.isEmpty())
        return Ok {};
    Status st = m_db.transaction([&]() -> Status {
        for (qint64 hour : std::as_const(m_dirty)) {
            const QHash<QString, double> counters = m_hours.value(hour);
            for (auto it = counters.begin(); it != counters.end(); ++it) {
                auto written = m_db.run(QStringLiteral("INSERT INTO event_counts (at, name, "
                                                       "value) VALUES (?, ?, ?) ON CONFLICT "
                                                       "(at, name) DO UPDATE SET value = "
                                                       "excluded.value"),
                                        {hour, it.key(), it.value()});
                if (!written)
                    return written.error();
            }
        }
        for (const auto &[patient, at] : std::as_const(m_opened)) {
            auto written =
                m_db.run(QStringLiteral("INSERT INTO kpi_open_leads (patient, at) VALUES (?, ?)"),
                         {patient, at});
            if (!written)
                return written.error();
        }
        for (const auto &[patient, at] : std::as_const(m_converted)) {
            auto removed = m_db.run(
                QStringLiteral("DELETE FROM kpi_open_leads WHERE rowid IN (SELECT rowid FROM "
                               "kpi_open_leads WHERE patient = ? AND at = ? LIMIT 1)"),
                {patient, at});
            if (!removed)
                return removed.error();
        }
        auto pruned =
            m_db.run(QStringLiteral("DELETE FROM kpi_open_leads WHERE at < ?"), {windowStart()});
        if (!pruned)
            return pruned.error();
        return Ok {};
    });
    if (st) {
        m_dirty.clear();
        m_opened.clear();
        m_converted.clear();
    }
    return st;
}

double EventKpis::sum(const QString &name) const
{
    double total = 0;
    for (auto it = m_hours.lowerBound(windowStart()); it != m_hours.end(); ++it)
        total += it.value().value(name);
    return total;
}

QJsonObject EventKpis::figures() const
{
    const double leads = sum(QStringLiteral("leads"));
    QJsonObject out {{QStringLiteral("leads_24h"), leads},
                     {QStringLiteral("bookings_24h"), sum(QStringLiteral("bookings"))},
                     {QStringLiteral("revenue_24h_usd"),
                      std::round(sum(QStringLiteral("revenue")) * 100) / 100}};
    if (leads > 0)
        out.insert(QStringLiteral("lead_to_booking_rate"),
                   std::round(sum(QStringLiteral("converted")) / leads * 1000) / 1000);
    const double visits = sum(QStringLiteral("visits"));
    const double noShows = sum(QStringLiteral("no_shows"));
    if (visits + noShows > 0)
        out.insert(QStringLiteral("show_rate"),
                   std::round(visits / (visits + noShows) * 1000) / 1000);
    return out;
}

} // namespace Switchboard
