#include "kpis/kpihistory.h"

#include "kpis/kpidefinitions.h"
#include "store/database.h"

namespace Switchboard {

namespace {

std::optional<double> averageOf(const QList<KpiSample> &samples)
{
    if (samples.isEmpty())
        return std::nullopt;
    double sum = 0;
    for (const KpiSample &s : samples)
        sum += s.value;
    return sum / double(samples.size());
}

} // namespace

KpiHistory::KpiHistory(Database &db)
    : m_db(db)
{
}

QStringList KpiHistory::names()
{
    QStringList keys;
    for (const KpiDefinition &d : KpiDefinition::all())
        keys << QLatin1String(d.key);
    return keys;
}

QJsonArray KpiHistory::toJson(const QList<KpiSample> &samples)
{
    QJsonArray out;
    for (const KpiSample &s : samples)
        out.append(QJsonObject {{QStringLiteral("ts"), s.at.toString(Qt::ISODate)},
                                {QStringLiteral("value"), s.value}});
    return out;
}

Status KpiHistory::record(const QDateTime &at, const QJsonObject &kpis)
{
    return record({{at, kpis}});
}

Status KpiHistory::record(const QList<std::pair<QDateTime, QJsonObject>> &readings)
{
    return m_db.transaction([&]() -> Status {
        for (const auto &[at, kpis] : readings) {
            const qint64 hour = at.toSecsSinceEpoch() / 3600 * 3600;
            for (const QString &name : names()) {
                const QJsonValue value = kpis.value(name);
                if (!value.isDouble())
                    continue;
                auto written = m_db.run(QStringLiteral("INSERT INTO kpi_samples (name, at, "
                                                       "value) VALUES (?, ?, ?) ON CONFLICT "
                                                       "(name, at) DO UPDATE SET value = "
                                                       "excluded.value"),
                                        {name, hour, value.toDouble()});
                if (!written)
                    return written.error();
            }
        }
        return Ok {};
    });
}

bool KpiHistory::isEmpty()
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM kpi_samples LIMIT 1"));
    return q && !q->next();
}

Result<QList<KpiSample>> KpiHistory::samples(const QString &name, const QDateTime &from,
                                             const QDateTime &to)
{
    auto query = m_db.exec(QStringLiteral("SELECT at, value FROM kpi_samples WHERE name = ? AND "
                                          "at > ? AND at <= ? ORDER BY at"),
                           {name, from.toSecsSinceEpoch(), to.toSecsSinceEpoch()});
    if (!query)
        return query.error();
    QList<KpiSample> list;
    while (query->next())
        list.append({QDateTime::fromSecsSinceEpoch(query->value(0).toLongLong(), Qt::UTC),
                     query->value(1).toDouble()});
    return list;
}

Result<KpiComparison> KpiHistory::compare(const QString &name, const QDateTime &now, int days)
{
    if (!names().contains(name))
        return makeError(QStringLiteral("no key figure named \"%1\"; known: %2")
                             .arg(name, names().join(QStringLiteral(", "))),
                         QStringLiteral("name"));
    if (days < 1 || days > 366)
        return makeError(QStringLiteral("the period must be from 1 to 366 days"),
                         QStringLiteral("days"));
    const QDateTime start = now.addDays(-days);
    auto current = samples(name, start, now);
    if (!current)
        return current.error();
    auto previous = samples(name, start.addDays(-days), start);
    if (!previous)
        return previous.error();
    return KpiComparison {*current, averageOf(*current), averageOf(*previous)};
}

} // namespace Switchboard
